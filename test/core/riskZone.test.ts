import { describe, expect, it } from 'vitest';
import { computeRiskZone, tolerantFloor } from '../../src/core/riskZone';

const group = (name: string, values: Array<number | null>) => values.map((isbsh) => ({ group: name, isbsh }));

describe('computeRiskZone', () => {
  it('flags ⌊0,25·4⌋ = 1 school in a group of four', () => {
    const { rows, smallGroups } = computeRiskZone(group('А', [80, 70, 85, 75]), 0.25, 4);
    expect(rows.map((r) => r.rank)).toEqual([3, 1, 4, 2]);
    expect(rows.map((r) => r.inZone)).toEqual([false, true, false, false]);
    expect(rows.every((r) => r.groupSize === 4)).toBe(true);
    expect(smallGroups).toEqual([]);
  });

  it('leaves out a tie that straddles the cut and marks it «на границе зоны риска»', () => {
    // n = 8, cut ⌊0,25·8⌋ = 2; sorted 60, 65, 65, 70 …: the 65s take places 2 and 3, straddling the cut 2,
    // so only the 60 is in the zone («не более 25 %»: 1 ≤ 2) and both 65s are at the boundary
    const { rows } = computeRiskZone(group('А', [70, 65, 60, 65, 72, 74, 76, 78]), 0.25, 4);
    expect(rows.map((r) => r.rank)).toEqual([4, 2, 1, 2, 5, 6, 7, 8]);
    expect(rows.map((r) => r.inZone)).toEqual([false, false, true, false, false, false, false, false]);
    expect(rows.map((r) => r.atBoundary)).toEqual([false, true, false, true, false, false, false, false]);
  });

  it('keeps a tie that ends exactly at the cut whole', () => {
    // n = 8, cut 2; 60, 60 take places 1 and 2: both in, nobody at the boundary
    const { rows } = computeRiskZone(group('А', [60, 60, 65, 70, 72, 74, 76, 78]), 0.25, 4);
    expect(rows.map((r) => r.inZone)).toEqual([true, true, false, false, false, false, false, false]);
    expect(rows.some((r) => r.atBoundary)).toBe(false);
  });

  it('flags nobody when the lowest tie alone exceeds ⌊share·n⌋', () => {
    // n = 4, cut 1; two schools tie at 70 for places 1–2: the zone is empty, both at the boundary
    const { rows } = computeRiskZone(group('А', [70, 70, 80, 90]), 0.25, 4);
    expect(rows.map((r) => r.inZone)).toEqual([false, false, false, false]);
    expect(rows.map((r) => r.atBoundary)).toEqual([true, true, false, false]);
  });

  it('leaves out a tie that starts just after the cut', () => {
    // n = 8, cut 2; ranks 60→1, 62→2, 65→3, 65→3: the 65s are out
    const { rows } = computeRiskZone(group('А', [60, 62, 65, 65, 72, 74, 76, 78]), 0.25, 4);
    expect(rows.map((r) => r.inZone)).toEqual([true, true, false, false, false, false, false, false]);
  });

  it('flags nobody in a group of three and lists the group', () => {
    const { rows, smallGroups } = computeRiskZone([...group('А', [80, 70, 85, 75]), ...group('Б', [50, 60, 70])], 0.25, 4);
    expect(rows.slice(4).map((r) => r.inZone)).toEqual([false, false, false]);
    expect(rows.slice(4).map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(rows[1].inZone).toBe(true);
    expect(smallGroups).toEqual(['Б']);
  });

  it('leaves schools without an index out of the ranking and out of n', () => {
    // 5 entries, 4 with an index: n = 4, cut 1
    const { rows } = computeRiskZone(group('А', [80, null, 70, 85, 75]), 0.25, 4);
    expect(rows[1]).toEqual({ rank: null, inZone: null, atBoundary: false, groupSize: 4 });
    expect(rows.map((r) => r.inZone)).toEqual([false, null, true, false, false]);
  });

  it('counts a group whose schools have no index as too small', () => {
    const { rows, smallGroups } = computeRiskZone(group('В', [null, null]), 0.25, 4);
    expect(rows).toEqual([
      { rank: null, inZone: null, atBoundary: false, groupSize: 0 },
      { rank: null, inZone: null, atBoundary: false, groupSize: 0 },
    ]);
    expect(smallGroups).toEqual(['В']);
  });

  it('ranks over the whole sheet when every entry has the same group', () => {
    // two municipalities of 3 (each too small alone); as one group n = 6, cut ⌊1,5⌋ = 1
    const entries = [...group('А', [50, 60, 70]), ...group('Б', [55, 65, 75])];
    expect(computeRiskZone(entries, 0.25, 4).smallGroups).toEqual(['А', 'Б']);
    const sheet = computeRiskZone(
      entries.map((e) => ({ ...e, group: 'весь лист' })),
      0.25,
      4,
    );
    expect(sheet.rows.map((r) => r.inZone)).toEqual([true, false, false, false, false, false]);
    expect(sheet.smallGroups).toEqual([]);
  });

  it('judges ties on ИСБШ as shown with one decimal', () => {
    // 70.04 and 70.0 both show as 70,0: they share rank 1 and places 1–2; with n = 8 the cut ⌊0,25·8⌋ = 2 takes both
    const { rows } = computeRiskZone(group('А', [70.04, 70, 80, 90, 91, 92, 93, 94]), 0.25, 4);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3, 4, 5, 6, 7, 8]);
    expect(rows.map((r) => r.inZone)).toEqual([true, true, false, false, false, false, false, false]);
  });

  it('ties a school whose ИСБШ is exactly 79,45 with one at 79,5', () => {
    // 65 + 20·0,73 − 15·0,01 = 79,45 exactly (79.44999999999999 in binary) shows as 79,5: with 79,5 it shares rank 1
    // of n = 4, cut ⌊0,25·4⌋ = 1: the tie straddles the cut, so both are left out at the boundary
    const { rows } = computeRiskZone(group('А', [65 + 20 * 0.73 - 15 * 0.01, 79.5, 85, 90]), 0.25, 4);
    expect(rows.map((r) => r.rank)).toEqual([1, 1, 3, 4]);
    expect(rows.map((r) => r.inZone)).toEqual([false, false, false, false]);
    expect(rows.map((r) => r.atBoundary)).toEqual([true, true, false, false]);
  });

  it('does not lose a school to binary error in share·n', () => {
    // 0,58·50 is 28.999999999999996 in binary; the zone must hold 29 schools
    expect(tolerantFloor(0.58 * 50)).toBe(29);
    const values = Array.from({ length: 50 }, (_, i) => 50 + i * 0.5);
    const { rows } = computeRiskZone(group('А', values), 0.58, 4);
    expect(rows.filter((r) => r.inZone).length).toBe(29);
  });
});
