import { describe, expect, it } from 'vitest';
import { municipalitySummary, type MunicipalitySchoolFacts } from '../../src/core/municipalities';

function school(municipality: string, flags: Partial<Omit<MunicipalitySchoolFacts, 'municipality'>> = {}): MunicipalitySchoolFacts {
  return {
    municipality,
    isShnor: false,
    inRiskZone: false,
    staffingDeficit: false,
    infrastructureDeficit: false,
    priority: false,
    ...flags,
  };
}

function repeat(n: number, make: () => MunicipalitySchoolFacts): MunicipalitySchoolFacts[] {
  return Array.from({ length: n }, make);
}

describe('municipalitySummary', () => {
  it('sorts by ШНОР share descending, ties by name in Russian order, and ends with the region total', () => {
    const schools = [
      // Ярославский: 1 of 4 ШНОР = 25 %.
      school('Ярославский', { isShnor: true, inRiskZone: true, priority: true, staffingDeficit: true, infrastructureDeficit: true }),
      ...repeat(2, () => school('Ярославский')),
      // one of them «неполные данные»: counted apart, neither ШНОР nor in the ШНОР share's numerator
      school('Ярославский', { incompleteData: true }),
      // Ёлкинский: 1 of 2 = 50 %; Борисоглебский: 1 of 2 = 50 % (Б before Ё).
      school('Ёлкинский', { isShnor: true, staffingDeficit: true }),
      school('Ёлкинский', { inRiskZone: true, infrastructureDeficit: true }),
      school('Борисоглебский', { isShnor: true }),
      school('Борисоглебский'),
      // Ангарский: no ШНОР, 0 %.
      school('Ангарский', { staffingDeficit: true }),
    ];
    const rows = municipalitySummary(schools);
    expect(rows.map((r) => [r.municipality, r.shnorShare])).toEqual([
      ['Борисоглебский', 0.5],
      ['Ёлкинский', 0.5],
      ['Ярославский', 0.25],
      ['Ангарский', 0],
      ['Всего по региону', 0.33],
    ]);
    // Ярославский: 4 schools, ШНОР 1 (25 %), «неполные данные» 1, zone 1 (25 %), staffing 1, infrastructure 1, both 1 (25 % each), priority 1.
    expect(rows[2]).toEqual({
      municipality: 'Ярославский',
      schools: 4,
      shnor: 1,
      shnorShare: 0.25,
      incomplete: 1,
      zone: 1,
      zoneShare: 0.25,
      staffing: 1,
      staffingShare: 0.25,
      infrastructure: 1,
      infrastructureShare: 0.25,
      both: 1,
      bothShare: 0.25,
      priority: 1,
      objectivity: 0,
    });
    // Region: 9 schools; ШНОР 3 → 3/9 = 33 %; zone 2 → 22 %; staffing 3 → 33 %; infrastructure 2 → 22 %; both 1 → 11 %; priority 1.
    expect(rows[4]).toEqual({
      municipality: 'Всего по региону',
      schools: 9,
      shnor: 3,
      shnorShare: 0.33,
      incomplete: 1,
      zone: 2,
      zoneShare: 0.22,
      staffing: 3,
      staffingShare: 0.33,
      infrastructure: 2,
      infrastructureShare: 0.22,
      both: 1,
      bothShare: 0.11,
      priority: 1,
      objectivity: 0,
    });
  });

  it('rounds shares to whole percents from the counts: 31 ШНОР of 42 schools is 74 %', () => {
    // 31 / 42 = 0,738… → 74 %.
    const schools = [...repeat(31, () => school('Город', { isShnor: true })), ...repeat(11, () => school('Город'))];
    const rows = municipalitySummary(schools);
    expect(rows[0]).toMatchObject({ municipality: 'Город', schools: 42, shnor: 31, shnorShare: 0.74 });
    expect(rows[1]).toMatchObject({ municipality: 'Всего по региону', schools: 42, shnor: 31, shnorShare: 0.74 });
  });

  it('groups schools without a municipality and gives only the total row for no schools', () => {
    const rows = municipalitySummary([school('  '), school('')]);
    expect(rows.map((r) => [r.municipality, r.schools])).toEqual([
      ['Муниципалитет не указан', 2],
      ['Всего по региону', 2],
    ]);
    expect(municipalitySummary([])).toEqual([
      {
        municipality: 'Всего по региону',
        schools: 0,
        shnor: 0,
        shnorShare: 0,
        incomplete: 0,
        zone: 0,
        zoneShare: 0,
        staffing: 0,
        staffingShare: 0,
        infrastructure: 0,
        infrastructureShare: 0,
        both: 0,
        bothShare: 0,
        priority: 0,
        objectivity: 0,
      },
    ]);
  });
});

describe('signs of non-objective ВПР results by municipality', () => {
  it('counts the schools with signs in each municipality and the region', () => {
    const rows = municipalitySummary([
      school('А', { objectivitySigns: true }),
      school('А', { objectivitySigns: true }),
      school('А'),
      school('Б', { objectivitySigns: true }),
    ]);
    expect(rows.map((r) => [r.municipality, r.objectivity])).toEqual([
      ['А', 2],
      ['Б', 1],
      ['Всего по региону', 3],
    ]);
  });
});
