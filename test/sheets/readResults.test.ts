import { describe, expect, it } from 'vitest';
import type { ProcedureResult } from '../../src/core/types';
import type { Problem } from '../../src/sheets/problems';
import { RESULTS_HEADER, parseResultYear, readResults, type ResultsReading } from '../../src/sheets/readResults';

const SHEET = 'Результаты ОП';
const KNOWN = new Set(['edu1', 'edu2']);
const ROW_DROPPED = 'строка не использована';
const DROPPED = 'значение не использовано';

/** Код ОО | Год | Процедура | Участников | Не преодолели порог | Высокобалльников */
function row(code: unknown, year: unknown, procedure: unknown, participants: unknown, failed: unknown, high: unknown = ''): unknown[] {
  return [code, year, procedure, participants, failed, high];
}

const GOOD = row('edu2', 2024, 'ОГЭ русский язык', 30, 3);
const GOOD_RESULT: ProcedureResult = {
  schoolCode: 'edu2',
  year: 2024,
  procedure: 'ОГЭ русский язык',
  participants: 30,
  failed: 3,
  highScorers: null,
};

function read(rows: unknown[][]): ResultsReading {
  return readResults([[...RESULTS_HEADER], ...rows], SHEET, KNOWN);
}

function p(sheetRow: number | null, code: string, field: string, value: string, problem: string, action: string): Problem {
  return { sheet: SHEET, row: sheetRow, schoolCode: code, field, value, problem, action };
}

function result(over: Partial<ProcedureResult>): ProcedureResult {
  return { schoolCode: 'edu1', year: 2024, procedure: 'ОГЭ математика', participants: 25, failed: 5, highScorers: null, ...over };
}

interface Case {
  name: string;
  rows: unknown[][];
  problems: Problem[];
  results: ProcedureResult[];
}

const CASES: Case[] = [
  {
    name: 'a year written as 2023/24 is the calendar year 2024, and the reading is mentioned',
    rows: [row('edu1', '2023/24', 'ОГЭ математика', 25, 5)],
    problems: [p(2, 'edu1', 'Год', '2023/24', 'год «2023/24» прочитан как 2024 (календарный год экзаменов)', 'строка использована')],
    results: [result({})],
  },
  {
    name: 'a year written as 2023-2024 is 2024',
    rows: [row('edu1', '2023-2024', 'ОГЭ математика', 25, 5)],
    problems: [p(2, 'edu1', 'Год', '2023-2024', 'год «2023-2024» прочитан как 2024 (календарный год экзаменов)', 'строка использована')],
    results: [result({})],
  },
  {
    name: 'a year written as «2023–24» with an en dash is 2024',
    rows: [row('edu1', '2023–24', 'ОГЭ математика', 25, 5)],
    problems: [p(2, 'edu1', 'Год', '2023–24', 'год «2023–24» прочитан как 2024 (календарный год экзаменов)', 'строка использована')],
    results: [result({})],
  },
  {
    name: 'a year as text «2024 г.» is 2024',
    rows: [row('edu1', '2024 г.', 'ОГЭ математика', 25, 5)],
    problems: [p(2, 'edu1', 'Год', '2024 г.', 'год «2024 г.» прочитан как 2024 (календарный год экзаменов)', 'строка использована')],
    results: [result({})],
  },
  {
    name: 'a year as the text «2024» is used without a note',
    rows: [row('edu1', '2024', 'ОГЭ математика', 25, 5)],
    problems: [],
    results: [result({})],
  },
  {
    name: 'a school year that is not two consecutive years is rejected',
    rows: [row('edu1', '2023/25', 'ОГЭ математика', 25, 5), GOOD],
    problems: [p(2, 'edu1', 'Год', '2023/25', 'год не распознан: «2023/25» (ожидается, например, 2024 или 2023/24)', ROW_DROPPED)],
    results: [GOOD_RESULT],
  },
  {
    name: 'a year outside 2000–2100 is rejected',
    rows: [row('edu1', 1999, 'ОГЭ математика', 25, 5), GOOD],
    problems: [p(2, 'edu1', 'Год', '1999', 'год вне диапазона 2000–2100: «1999»', ROW_DROPPED)],
    results: [GOOD_RESULT],
  },
  {
    name: 'a fractional year is rejected',
    rows: [row('edu1', 2024.5, 'ОГЭ математика', 25, 5)],
    problems: [p(2, 'edu1', 'Год', '2024,5', 'год не распознан: «2024,5» (ожидается, например, 2024 или 2023/24)', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'a procedure in another case and spacing is the canonical one, and the reading is mentioned',
    rows: [row('edu1', 2024, '  огэ   МАТЕМАТИКА ', 25, 5)],
    problems: [p(2, 'edu1', 'Процедура', 'огэ   МАТЕМАТИКА', 'название процедуры прочитано как «ОГЭ математика»', 'строка использована')],
    results: [result({})],
  },
  {
    name: 'an abbreviated procedure «Впр Рус. яз. 5 кл.» is «ВПР русский язык 5»',
    rows: [row('edu1', 2024, 'Впр Рус. яз. 5 кл.', 25, 5)],
    problems: [
      p(2, 'edu1', 'Процедура', 'Впр Рус. яз. 5 кл.', 'название процедуры прочитано как «ВПР русский язык 5»', 'строка использована'),
    ],
    results: [result({ procedure: 'ВПР русский язык 5' })],
  },
  {
    name: 'a procedure outside the nine is used and mentioned',
    rows: [row('edu1', 2024, 'ВПР математика 8', 25, 5)],
    problems: [
      p(2, 'edu1', 'Процедура', 'ВПР математика 8', 'процедура не из списка девяти основных: используется', 'строка использована'),
    ],
    results: [result({ procedure: 'ВПР математика 8' })],
  },
  {
    name: 'participants 0 with failures above 0 rejects the row',
    rows: [row('edu1', 2024, 'ОГЭ математика', 0, 3), GOOD],
    problems: [p(2, 'edu1', 'Не преодолели порог', '3', 'не преодолели порог 3, а участников нет', ROW_DROPPED)],
    results: [GOOD_RESULT],
  },
  {
    name: 'empty participants with failures above 0 rejects the row',
    rows: [row('edu1', 2024, 'ОГЭ математика', '', 2)],
    problems: [p(2, 'edu1', 'Не преодолели порог', '2', 'не преодолели порог 2, а участников нет', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'more failures than participants rejects the row',
    rows: [row('edu1', 2024, 'ОГЭ математика', 25, 30)],
    problems: [p(2, 'edu1', 'Не преодолели порог', '30', 'не преодолевших порог (30) больше, чем участников (25)', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'the same school, year and procedure twice: the lower row wins',
    rows: [row('edu1', 2024, 'ОГЭ математика', 25, 5), row('edu1', '2023/24', 'огэ математика', 26, 6)],
    problems: [
      p(2, 'edu1', '', '2024, ОГЭ математика', 'повтор: та же школа, год и процедура', 'заменено более поздней строкой (строка 3)'),
      p(3, 'edu1', 'Процедура', 'огэ математика', 'название процедуры прочитано как «ОГЭ математика»', 'строка использована'),
      p(3, 'edu1', 'Год', '2023/24', 'год «2023/24» прочитан как 2024 (календарный год экзаменов)', 'строка использована'),
    ],
    results: [result({ participants: 26, failed: 6 })],
  },
  {
    name: 'a school not in the form responses is listed and not used',
    rows: [row('edu9', 2024, 'ОГЭ математика', 25, 5), GOOD],
    problems: [p(2, 'edu9', 'Код ОО', 'edu9', 'школа не найдена в ответах формы (строка 2)', ROW_DROPPED)],
    results: [GOOD_RESULT],
  },
  {
    name: 'a code in another case is the known school, written as in the responses',
    rows: [row('EDU1', 2024, 'ОГЭ математика', 25, 5)],
    problems: [],
    results: [result({})],
  },
  {
    name: 'a code with a Cyrillic lookalike letter is the known Latin school',
    rows: [row('\u0435du1', 2024, 'ОГЭ математика', 25, 5)],
    problems: [],
    results: [result({})],
  },
  {
    name: 'text in «Высокобалльников» drops only that value',
    rows: [row('edu1', 2024, 'ЕГЭ русский язык', 25, 1, 'н/д')],
    problems: [p(2, 'edu1', 'Высокобалльников', 'н/д', 'не число: «н/д»', DROPPED)],
    results: [result({ procedure: 'ЕГЭ русский язык', failed: 1, highScorers: null })],
  },
  {
    name: 'more high scorers than participants drops only that value',
    rows: [row('edu1', 2024, 'ЕГЭ русский язык', 25, 1, 30)],
    problems: [p(2, 'edu1', 'Высокобалльников', '30', 'высокобалльников (30) больше, чем участников (25)', DROPPED)],
    results: [result({ procedure: 'ЕГЭ русский язык', failed: 1, highScorers: null })],
  },
  {
    name: 'empty participants and failures mean «нет участников» and are used',
    rows: [row('edu1', 2024, 'ОГЭ математика', '', '')],
    problems: [],
    results: [result({ participants: null, failed: null })],
  },
  {
    name: 'participants 0 and failures 0 are used («нет участников»)',
    rows: [row('edu1', 2024, 'ОГЭ математика', 0, 0)],
    problems: [],
    results: [result({ participants: 0, failed: 0 })],
  },
  {
    name: 'participants without a failure count are used and mentioned',
    rows: [row('edu1', 2024, 'ОГЭ математика', 25, '')],
    problems: [p(2, 'edu1', 'Не преодолели порог', '', 'не указано число не преодолевших порог', 'доля не вычисляется')],
    results: [result({ failed: null })],
  },
  {
    name: 'a formula error «#REF!» in the failures rejects the row',
    rows: [row('edu1', 2024, 'ОГЭ математика', 25, '#REF!')],
    problems: [p(2, 'edu1', 'Не преодолели порог', '#REF!', 'ошибка формулы в ячейке', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'an empty Код ОО rejects the row',
    rows: [row('', 2024, 'ОГЭ математика', 25, 5), GOOD],
    problems: [p(2, '', 'Код ОО', '', 'не указан Код ОО', ROW_DROPPED)],
    results: [GOOD_RESULT],
  },
  {
    name: 'an empty procedure rejects the row',
    rows: [row('edu1', 2024, '', 25, 5)],
    problems: [p(2, 'edu1', 'Процедура', '', 'не указана процедура', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'fractional participants reject the row',
    rows: [row('edu1', 2024, 'ОГЭ математика', '12,5', 5)],
    problems: [p(2, 'edu1', 'Участников', '12,5', 'количество должно быть целым: «12,5»', ROW_DROPPED)],
    results: [],
  },
  {
    name: 'a percent in the failures column is a share, converted with the participants (20 % of 25 = 5)',
    rows: [row('edu1', 2024, 'ОГЭ математика', 25, '20 %'), GOOD, row('edu2', 2024, 'ОГЭ математика', 30, 3)],
    problems: [
      p(
        2,
        'edu1',
        'Не преодолели порог',
        '20 %',
        'в столбце количества указана доля: это доля, а не количество',
        'доля пересчитана в количество по числу участников',
      ),
    ],
    results: [result({}), GOOD_RESULT, { ...GOOD_RESULT, procedure: 'ОГЭ математика', failed: 3 }],
  },
  {
    name: 'every reason a row is rejected is listed',
    rows: [row('edu1', 'прошлый', 'ОГЭ математика', 25, 30)],
    problems: [
      p(2, 'edu1', 'Год', 'прошлый', 'год не распознан: «прошлый» (ожидается, например, 2024 или 2023/24)', ROW_DROPPED),
      p(2, 'edu1', 'Не преодолели порог', '30', 'не преодолевших порог (30) больше, чем участников (25)', ROW_DROPPED),
    ],
    results: [],
  },
];

describe('readResults: awkward inputs', () => {
  it.each(CASES)('$name', ({ rows, problems, results }) => {
    const r = read(rows);
    expect(r.problems).toEqual(problems);
    expect(r.results).toEqual(results);
  });
});

describe('readResults', () => {
  it('reads columns in any order by their titles', () => {
    const order = [2, 0, 5, 1, 4, 3];
    const values = [order.map((i) => RESULTS_HEADER[i]), order.map((i) => row('edu1', 2024, 'ЕГЭ русский язык', 25, 1, 4)[i])];
    expect(readResults(values, SHEET, KNOWN)).toEqual({
      results: [result({ procedure: 'ЕГЭ русский язык', failed: 1, highScorers: 4 })],
      problems: [],
      lost: [],
    });
  });

  it('reads a sheet without the optional «Высокобалльников» column', () => {
    const values = [RESULTS_HEADER.slice(0, 5), row('edu1', 2024, 'ОГЭ математика', 25, 5).slice(0, 5)];
    expect(readResults(values, SHEET, KNOWN).results).toEqual([result({})]);
  });

  it('skips the sheet with one problem when required columns are missing', () => {
    const values = [
      ['Код ОО', 'Процедура', 'Участников'],
      ['edu1', 'ОГЭ математика', 25],
    ];
    expect(readResults(values, SHEET, KNOWN)).toEqual({
      results: [],
      problems: [
        p(
          null,
          '',
          '',
          '',
          'Лист «Результаты ОП»: в первой строке не найдены столбцы: Год, Не преодолели порог. ' +
            'Найдены столбцы: «Код ОО», «Процедура», «Участников». Первая строка листа должна быть строкой заголовков, как в шаблоне.',
          'лист не использован',
        ),
      ],
      lost: [],
    });
  });

  it('accepts any code when the responses are not given', () => {
    const values = [[...RESULTS_HEADER], row('edu9', 2024, 'ОГЭ математика', 25, 5)];
    expect(readResults(values, SHEET).results).toEqual([result({ schoolCode: 'edu9' })]);
  });

  it('reads an empty template as no results', () => {
    expect(read([])).toEqual({ results: [], problems: [], lost: [] });
  });

  it('tells which rows of known schools were not used, with their year and procedure when readable', () => {
    const reading = read([
      row('edu1', 2024, 'огэ матем.', 25, '#ЗНАЧ!'), // sheet row 2: formula error in the failures → lost, procedure normalised
      row('edu2', 'двадцать', 'ОГЭ русский язык', 30, 3), // row 3: unreadable year → lost with year null
      row('edu1', 2024, '', 25, 5), // row 4: no procedure → lost with procedure null
      row('edu9', 2024, 'ОГЭ математика', 25, '#ЗНАЧ!'), // row 5: a school not in the form → nobody's, not lost
      row('Итого', '', '', 250, 50), // row 6: a totals row → not a school, not lost
      GOOD,
    ]);
    expect(reading.results).toEqual([GOOD_RESULT]);
    expect(reading.lost).toEqual([
      { schoolCode: 'edu1', year: 2024, procedure: 'ОГЭ математика' },
      { schoolCode: 'edu2', year: null, procedure: 'ОГЭ русский язык' },
      { schoolCode: 'edu1', year: 2024, procedure: null },
    ]);
  });
});

describe('parseResultYear', () => {
  it.each([
    [2024, 2024],
    ['2024', 2024],
    ['2023/24', 2024],
    ['2023/2024', 2024],
    ['2023-2024', 2024],
    ['1999/00', 2000], // a school year across the century: the exams are in 2000
  ])('reads %j as %i', (value, year) => {
    expect(parseResultYear(value)).toBe(year);
  });

  it.each(['', 'двадцать четвёртый', '2024/23', '24', 'null'])('rejects %j', (value) => {
    expect(() => parseResultYear(value)).toThrow(/год не распознан/);
  });
});

describe('a year that has not come yet', () => {
  it('drops the row with a message when the year is after the current one, keeping the rest', () => {
    const r = readResults([[...RESULTS_HEADER], row('edu1', 2052, 'ОГЭ математика', 25, 5), GOOD], SHEET, KNOWN, { latestYear: 2026 });
    expect(r.problems).toEqual([p(2, 'edu1', 'Год', '2052', 'год ещё не наступил: «2052»', ROW_DROPPED)]);
    expect(r.results).toEqual([GOOD_RESULT]);
  });
});
