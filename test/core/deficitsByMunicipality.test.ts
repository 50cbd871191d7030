import { describe, expect, it } from 'vitest';
import { computeReport } from '../../src/core/pipeline';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import type { SchoolRecord } from '../../src/core/types';
import { schoolRecord } from '../fixtures/region';

/*
 * «Ресурсные дефициты школ 2023» of the Yaroslavl presentation (ГАУ ДПО ЯО ИРО, 16.03.2023): per municipality the
 * schools with a staffing deficit, an infrastructure deficit, both, and all schools, with shares as printed.
 * Each municipality is rebuilt with `both` schools lacking every necessary specialist (only a speech therapist) and
 * Internet, `staffing − both` lacking the specialists only, `infrastructure − both` lacking Internet only, and the rest
 * with a psychologist and Internet. The psychologist alone means two of the three specialists are missing: «нет хотя бы
 * одного» would call every school's staff deficient, while the default «нет ни одного из них» reproduces the table.
 */
const TABLE: Array<[string, number, string, number, string, number, string, number]> = [
  ['Мышкинский МР', 4, '80%', 4, '80%', 3, '60%', 5],
  ['Первомайский МР', 2, '25%', 8, '100%', 2, '25%', 8],
  ['г. Ярославль', 23, '27%', 2, '2%', 0, '0%', 84],
  ['Некоузский МР', 7, '58%', 9, '75%', 5, '42%', 12],
  ['Некрасовский МР', 6, '67%', 9, '100%', 6, '67%', 9],
  ['Ярославский МР', 6, '25%', 22, '92%', 6, '25%', 24],
  ['Борисоглебский МР', 3, '30%', 10, '100%', 3, '30%', 10],
  ['Угличский МР', 14, '54%', 16, '62%', 12, '46%', 26],
  ['Брейтовский МР', 3, '75%', 4, '100%', 3, '75%', 4],
  ['Даниловский МР', 7, '58%', 9, '75%', 6, '50%', 12],
  ['г. Переславль-Залесский', 11, '55%', 10, '50%', 6, '30%', 20],
  ['г. Рыбинск', 14, '52%', 0, '0%', 0, '0%', 27],
  ['Ростовский МР', 13, '54%', 15, '63%', 9, '38%', 24],
  ['Большесельский МР', 5, '71%', 5, '71%', 3, '43%', 7],
  ['Любимский МР', 4, '57%', 4, '57%', 4, '57%', 7],
  ['Рыбинский МР', 7, '47%', 12, '80%', 5, '33%', 15],
  ['Тутаевский МР', 7, '37%', 11, '58%', 4, '21%', 19],
  ['Гаврилов-Ямский МР', 6, '50%', 8, '67%', 4, '33%', 12],
  ['Пошехонский МР', 4, '40%', 10, '100%', 4, '40%', 10],
];

function region(): SchoolRecord[] {
  const schools: SchoolRecord[] = [];
  for (const [municipality, staffing, , infrastructure, , both, , total] of TABLE) {
    const kinds = [
      ...Array<[boolean, boolean]>(both).fill([true, true]),
      ...Array<[boolean, boolean]>(staffing - both).fill([true, false]),
      ...Array<[boolean, boolean]>(infrastructure - both).fill([false, true]),
    ];
    while (kinds.length < total) kinds.push([false, false]);
    kinds.forEach(([noStaff, noInternet], i) =>
      schools.push(
        schoolRecord({
          schoolCode: `${municipality}-${i}`,
          municipality,
          specialists: noStaff ? ['учитель-логопед'] : ['педагог-психолог'],
          stableInternet: !noInternet,
          enoughComputers: true,
        }),
      ),
    );
  }
  return schools;
}

function summary(settings: Settings) {
  const report = computeReport({ schools: region(), results: [], diagnoses: [], factors: [...DEFAULT_RISK_FACTORS], settings });
  return new Map(report.municipalities.map((m) => [m.municipality, m]));
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

describe('resource deficits by municipality, as the Yaroslavl table prints them', () => {
  it('recomputes every row with the default «нет ни одного из них»', () => {
    const byName = summary(defaultSettings());
    for (const [municipality, staffing, staffingShare, infrastructure, infrastructureShare, both, bothShare, total] of TABLE) {
      const m = byName.get(municipality)!;
      expect([
        m.schools,
        m.staffing,
        percent(m.staffingShare),
        m.infrastructure,
        percent(m.infrastructureShare),
        m.both,
        percent(m.bothShare),
      ]).toEqual([total, staffing, staffingShare, infrastructure, infrastructureShare, both, bothShare]);
    }
  });

  it('«нет хотя бы одного» reads the same schools otherwise: every school short of a specialist', () => {
    const byName = summary({ ...defaultSettings(), staffingSpecialistsRule: 'anyMissing' });
    // г. Ярославль: 84 of 84 instead of the published 23 (27 %)
    expect(byName.get('г. Ярославль')!.staffing).toBe(84);
  });
});
