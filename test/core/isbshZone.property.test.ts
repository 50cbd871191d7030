import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIsbsh, roundIsbsh } from '../../src/core/isbsh';
import { parseRussianNumber, parseShare } from '../../src/core/numbers';
import { formatNumberRu, roundHalfUp } from '../../src/core/percent';
import { computeRiskZone, tolerantFloor } from '../../src/core/riskZone';
import { DEFAULT_SETTINGS } from '../../src/core/settings';

const share = fc.double({ min: 0, max: 1, noNaN: true });

describe('properties of ИСБШ and the zone of risk', () => {
  it('ИСБШ lies in [0, 100] for any valid shares', () => {
    fc.assert(
      fc.property(share, share, share, share, share, (a, b, c, d, e) => {
        const x = computeIsbsh(
          { bothParentsHigherEd: a, comfortableHousing: b, singleParent: c, registered: d, nonNativeRussian: e },
          DEFAULT_SETTINGS,
        );
        expect(x).not.toBeNull();
        expect(x!).toBeGreaterThanOrEqual(0);
        expect(x!).toBeLessThanOrEqual(100);
      }),
    );
  });

  it('the zone never exceeds ⌊n·share⌋ and is the schools strictly below the first tie that crosses the cut', () => {
    // ИСБШ on a coarse grid so that ties are frequent
    const isbsh = fc.integer({ min: 600, max: 700 }).map((t) => t / 10);
    fc.assert(
      fc.property(fc.array(isbsh, { minLength: 4, maxLength: 30 }), fc.integer({ min: 0, max: 100 }), (values, percent) => {
        const zoneShare = percent / 100;
        const { rows } = computeRiskZone(
          values.map((v) => ({ group: 'все', isbsh: v })),
          zoneShare,
          4,
        );
        const cut = tolerantFloor(zoneShare * values.length);
        const shown = values.map(roundIsbsh);
        const zone = shown.filter((_, i) => rows[i].inZone);
        expect(zone.length).toBeLessThanOrEqual(cut);
        // a school is in the zone exactly when every school at or below its value fits within the cut
        shown.forEach((v, i) => {
          const placesUpToV = shown.filter((w) => w <= v).length;
          const placesBelowV = shown.filter((w) => w < v).length;
          expect(rows[i].inZone).toBe(placesUpToV <= cut);
          expect(rows[i].atBoundary).toBe(placesBelowV < cut && placesUpToV > cut);
        });
      }),
    );
  });

  it('a number written in Russian notation reads back as itself', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, digits) => {
        const text = formatNumberRu(x, digits, { groupThousands: true }).replace('\u2212', '-');
        expect(parseRussianNumber(text)).toBe(roundHalfUp(x, digits));
      }),
    );
  });

  it('a parsed share always lies in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (x) => {
        const s = parseShare(x)!;
        expect(s).toBeGreaterThanOrEqual(0);
        expect(s).toBeLessThanOrEqual(1);
      }),
    );
  });
});
