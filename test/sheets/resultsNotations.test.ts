import { describe, expect, it } from 'vitest';
import type { ProcedureResult } from '../../src/core/types';
import { readResults } from '../../src/sheets/readResults';

const SHEET = 'Результаты ОП';
const KNOWN = new Set(['edu1', 'edu2', 'edu760036']);

function r(over: Partial<ProcedureResult>): ProcedureResult {
  return { schoolCode: 'edu1', year: 2024, procedure: 'ОГЭ математика', participants: 40, failed: 10, highScorers: null, ...over };
}
const problemsOf = (values: unknown[][], formats?: unknown[][]) =>
  readResults(values, SHEET, KNOWN, { formats }).problems.map((p) => `${p.row ?? ''}|${p.field}|${p.value}|${p.problem}|${p.action}`);
const resultsOf = (values: unknown[][], formats?: unknown[][]) => readResults(values, SHEET, KNOWN, { formats }).results;

describe('«Результаты ОП»: a share is a share', () => {
  it('reads «Доля не преодолевших порог, %» as shares of the participants, not as counts', () => {
    const values = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Доля не преодолевших порог, %'],
      ['edu1', 2024, 'ОГЭ математика', 40, 25], // 25 % of 40 = 10, not 25 pupils
      ['edu2', 2024, 'ОГЭ математика', 30, '33,3'], // 33,3 % of 30 = 9,99 → 10
    ];
    expect(resultsOf(values)).toEqual([r({}), r({ schoolCode: 'edu2', participants: 30, failed: 10 })]);
  });

  it('reads percent-formatted cells and «33,3%» text in a count column as shares', () => {
    const values = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
      ['edu1', 2024, 'ОГЭ математика', 40, 0.25], // shown as 25 % by its format
      ['edu2', 2024, 'ОГЭ математика', 30, '33,3%'],
    ];
    const formats = [[], ['', '', '', '', '0%'], []];
    expect(resultsOf(values, formats)).toEqual([r({}), r({ schoolCode: 'edu2', participants: 30, failed: 10 })]);
  });

  it('decides for the whole column when most of its values are shares', () => {
    const values = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
      ['edu1', 2024, 'ОГЭ математика', 40, '25%'],
      ['edu2', 2024, 'ОГЭ математика', 30, '10%'],
      ['edu1', 2024, 'ОГЭ русский язык', 40, 30], // in a column of shares, 30 is 30 % of 40 = 12
    ];
    expect(resultsOf(values)[2]).toEqual(r({ procedure: 'ОГЭ русский язык', failed: 12 }));
  });

  it('keeps a share as the failing share when no participants are given', () => {
    const values = [
      ['Код ОО', 'Год', 'Процедура', '% не преодолевших порог'],
      ['edu1', 2024, 'ОГЭ математика', '25'],
    ];
    expect(resultsOf(values)).toEqual([r({ participants: null, failed: null, share: 0.25 })]);
  });
});

describe('«Результаты ОП»: other layouts', () => {
  it('reads a wide table, with and without participants, into the long format', () => {
    const values = [
      [
        'Код ОО',
        'Наименование',
        'ОГЭ математика 2024, участников',
        'ОГЭ математика 2024, % двоек',
        'ОГЭ математика 2023/24 уч. год, участников',
        'ВПР 5 математика 2025, % двоек',
      ],
      ['edu1', 'Школа 1', 40, 25, '', '10,5'],
    ];
    const read = readResults(values, SHEET, KNOWN);
    expect(read.results).toEqual([r({}), r({ procedure: 'ВПР математика 5', year: 2025, participants: null, failed: null, share: 0.105 })]);
    // «2023/24 уч. год» is 2024 again: a second participants column of the same group is not read.
    expect(read.problems.map((p) => p.problem)).toContain(
      'столбец не прочитан: не найдены процедура, год или что в нём (участники, не преодолевшие порог)',
    );
    expect(read.problems.map((p) => p.problem)).toContain('столбцы прочитаны как процедура «ОГЭ математика», 2024 год');
  });

  it('reads ФИС ОКО-style split columns Процедура | Предмет | Класс | Учебный год', () => {
    const values = [
      ['Код ОО', 'Процедура', 'Предмет', 'Класс', 'Учебный год', 'Количество участников', 'Количество участников, получивших «2»'],
      ['edu1', 'ВПР', 'математика', 5, '2023/2024', 40, 10],
      ['edu1', 'ОГЭ', 'Русский язык', 9, '2023-2024 уч. год', 40, 10],
    ];
    expect(resultsOf(values)).toEqual([r({ procedure: 'ВПР математика 5' }), r({ procedure: 'ОГЭ русский язык' })]);
  });

  it('finds failures and participants under other names', () => {
    for (const [participants, failed] of [
      ['Кол-во писавших', 'Не справились (получили «2»)'],
      ['Участников', 'Количество участников, получивших «2»'],
      ['Кол-во выпускников', 'Кол-во двоек'],
    ]) {
      const values = [
        ['Код ОО', 'Год', 'Процедура', participants, failed],
        ['edu1', 2024, 'ОГЭ математика', 40, 10],
      ];
      expect(resultsOf(values)).toEqual([r({})]);
    }
  });
});

describe('«Результаты ОП»: published-table notation', () => {
  const header = ['Код ОО', 'Год', 'Процедура', 'Кол-во выпускников', '«2» / % с учетом недопущенных'];
  it('reads «-» with participants as no failing pupils and «6 / 67%» as the count 6, noting each once', () => {
    const values = [
      header,
      ['edu1', 2022, 'ОГЭ математика', 3, '-'],
      ['edu2', 2022, 'ОГЭ математика', 9, '6 / 67%'],
      ['edu1', 2022, 'ОГЭ русский язык', 3, '-'],
    ];
    expect(resultsOf(values)).toEqual([
      r({ year: 2022, participants: 3, failed: 0 }),
      r({ schoolCode: 'edu2', year: 2022, participants: 9, failed: 6 }),
      r({ year: 2022, procedure: 'ОГЭ русский язык', participants: 3, failed: 0 }),
    ]);
    expect(problemsOf(values)).toEqual([
      '|||«-» в числе не преодолевших порог при участниках означает, что не преодолевших нет (строки 2, 4)|прочитано как 0 не преодолевших порог',
      '|||записано количество с долей, например «6 / 67%»: взято количество (строка 3)|использовано количество',
    ]);
  });

  it('counts pupils not admitted to ГИА as failing in numerator and denominator', () => {
    const values = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Не допущены'],
      ['edu1', 2024, 'ОГЭ математика', 38, 8, 2], // (8 + 2) / (38 + 2) = 10 / 40
    ];
    expect(resultsOf(values)).toEqual([r({})]);
    expect(problemsOf(values)).toEqual([
      '|||учтены недопущенные к ГИА: они считаются не преодолевшими порог, «с учетом недопущенных» (строка 2)|недопущенные добавлены к участникам и к не преодолевшим порог',
    ]);
  });
});

describe('«Результаты ОП»: codes, totals and years', () => {
  const header = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'];
  it('reports each unknown code once, with a near-match hint', () => {
    const values = [
      header,
      ['EDU-760036', 2024, 'ОГЭ математика', 40, 10],
      ['EDU-760036', 2024, 'ОГЭ русский язык', 40, 10],
      ['760036', 2024, 'ОГЭ математика', 40, 10],
    ];
    expect(problemsOf(values)).toEqual([
      '2|Код ОО|EDU-760036|школа не найдена в ответах формы (строки 2, 3); похоже на edu760036|строки не использованы',
      '4|Код ОО|760036|школа не найдена в ответах формы (строка 4); похоже на edu760036|строка не использована',
    ]);
  });

  it('matches codes that differ by spaces, invisible characters or case, saying so once', () => {
    const values = [header, ['edu 760036', 2024, 'ОГЭ математика', 40, 10], ['\u200BEDU760036', 2024, 'ОГЭ русский язык', 40, 10]];
    expect(resultsOf(values).map((x) => x.schoolCode)).toEqual(['edu760036', 'edu760036']);
    expect(problemsOf(values)).toEqual([
      '2|Код ОО|edu 760036|код записан с пробелами или невидимыми символами|код прочитан как «edu760036»',
    ]);
  });

  it('does not take totals rows for schools', () => {
    const values = [header, ['edu1', 2024, 'ОГЭ математика', 40, 10], ['Итого по Первомайскому МО', 2024, 'ОГЭ математика', 400, 100]];
    expect(resultsOf(values)).toEqual([r({})]);
    expect(problemsOf(values)).toEqual(['|||строки итогов — не школы (строка 3)|строка не использована']);
  });

  it('names a procedure that appears in only one year of several', () => {
    const values = [
      header,
      ['edu1', 2024, 'ОГЭ математика', 40, 10],
      ['edu1', 2023, 'ОГЭ математика', 40, 10],
      ['edu1', 2024, 'ВПР математика 5', 40, 10],
    ];
    expect(problemsOf(values)).toEqual([
      '||ВПР математика 5|процедура «ВПР математика 5» есть только за 2024 год: условие «два года подряд» и динамику для неё не проверить|строки использованы',
    ]);
  });
});
