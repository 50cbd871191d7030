import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import type { RiskDiagnosis } from '../../src/core/types';
import type { Problem } from '../../src/sheets/problems';
import { factorForHeader, readRisks, type RisksReading } from '../../src/sheets/readRisks';

const SHEET = 'Риски';
const F = DEFAULT_RISK_FACTORS;
const HEADER = ['Код ОО', F[0].name, F[1].name, F[2].name];
const KNOWN = new Set(['edu1', 'edu2']);

function read(rows: unknown[][], header: string[] = HEADER): RisksReading {
  return readRisks([header, ...rows], SHEET, F, KNOWN);
}

function p(sheetRow: number | null, code: string, field: string, value: string, problem: string, action: string): Problem {
  return { sheet: SHEET, row: sheetRow, schoolCode: code, field, value, problem, action };
}

interface Case {
  name: string;
  header?: string[];
  rows: unknown[][];
  problems: Problem[];
  diagnoses: RiskDiagnosis[];
}

const EDU2: RiskDiagnosis = { schoolCode: 'edu2', significance: { F1: 'низкая' } };

const CASES: Case[] = [
  {
    name: 'significances typed as «Высокий», «С» and an empty cell are read as высокая, средняя and nothing',
    rows: [['edu1', 'Высокий', 'С', '']],
    problems: [],
    diagnoses: [{ schoolCode: 'edu1', significance: { F1: 'высокая', F2: 'средняя' } }],
  },
  {
    name: 'an unreadable significance drops only that value',
    rows: [['edu1', 'очень', 'низкая', 'высокая']],
    problems: [
      p(
        2,
        'edu1',
        F[0].name,
        'очень',
        'значимость не распознана: «очень» (ожидается «высокая», «средняя» или «низкая»)',
        'значение не использовано',
      ),
    ],
    diagnoses: [{ schoolCode: 'edu1', significance: { F2: 'низкая', F3: 'высокая' } }],
  },
  {
    name: 'a formula error in a significance drops only that value',
    rows: [['edu1', '#N/A', 'низкая', '']],
    problems: [p(2, 'edu1', F[0].name, '#N/A', 'ошибка формулы в ячейке', 'значение не использовано')],
    diagnoses: [{ schoolCode: 'edu1', significance: { F2: 'низкая' } }],
  },
  {
    name: 'headers may be numbered names, ids or numbers alone',
    header: ['Код ОО', `3. ${F[2].name}`, 'f4', '7'],
    rows: [['edu1', 'высокая', 'средняя', 'низкая']],
    problems: [],
    diagnoses: [{ schoolCode: 'edu1', significance: { F3: 'высокая', F4: 'средняя', F7: 'низкая' } }],
  },
  {
    name: 'an unknown column is listed once and ignored',
    header: [...HEADER, 'Примечание'],
    rows: [['edu1', 'высокая', '', '', 'проверить']],
    problems: [p(1, '', 'Примечание', '', 'столбец не распознан', 'столбец не использован')],
    diagnoses: [{ schoolCode: 'edu1', significance: { F1: 'высокая' } }],
  },
  {
    name: 'a school entered twice: the lower row wins',
    rows: [
      ['edu1', 'высокая', '', ''],
      ['EDU1', 'низкая', '', ''],
    ],
    problems: [p(2, 'edu1', 'Код ОО', 'edu1', 'повтор: школа уже указана ниже', 'заменено более поздней строкой (строка 3)')],
    diagnoses: [{ schoolCode: 'edu1', significance: { F1: 'низкая' } }],
  },
  {
    name: 'a school not in the form responses is listed and not used',
    rows: [
      ['edu9', 'высокая', '', ''],
      ['edu2', 'низкая', '', ''],
    ],
    problems: [p(2, 'edu9', 'Код ОО', 'edu9', 'школа не найдена в ответах формы', 'строка не использована')],
    diagnoses: [EDU2],
  },
  {
    name: 'a row without Код ОО is listed and not used',
    rows: [
      ['', 'высокая', '', ''],
      ['edu2', 'низкая', '', ''],
    ],
    problems: [p(2, '', 'Код ОО', '', 'не указан Код ОО', 'строка не использована')],
    diagnoses: [EDU2],
  },
  {
    name: 'a school with no significance entered is no diagnosis, silently',
    rows: [
      ['edu1', '', '—', ''],
      ['edu2', 'низкая', '', ''],
    ],
    problems: [],
    diagnoses: [EDU2],
  },
];

describe('readRisks: awkward inputs', () => {
  it.each(CASES)('$name', ({ header, rows, problems, diagnoses }) => {
    const r = read(rows, header);
    expect(r.problems).toEqual(problems);
    expect(r.diagnoses).toEqual(diagnoses);
  });
});

describe('readRisks', () => {
  it('skips a sheet without any factor column with one problem', () => {
    expect(read([['edu1', 'высокая']], ['Код ОО', 'Что-то'])).toEqual({
      diagnoses: [],
      problems: [
        p(
          null,
          '',
          '',
          '',
          `Лист «Риски»: в первой строке не найдены столбцы: ${F.map((f) => f.name).join(', ')}. ` +
            'Найдены столбцы: «Код ОО», «Что-то». Первая строка листа должна быть строкой заголовков, как в шаблоне.',
          'лист не использован',
        ),
      ],
    });
  });

  it('reads an empty sheet as no diagnoses', () => {
    expect(readRisks([], SHEET, F)).toEqual({ diagnoses: [], problems: [] });
  });
});

describe('factorForHeader', () => {
  it('forgives case, ё and spaces in a factor name', () => {
    expect(factorForHeader('  ВЫСОКАЯ ДОЛЯ ОБУЧАЮЩИХСЯ   С ОВЗ ', F)?.id).toBe('F7');
    expect(factorForHeader('Низкий уровень вовлечённости родителей', F)?.id).toBe('F10');
  });

  it('finds nothing for an unrelated header', () => {
    expect(factorForHeader('Комментарий', F)).toBeNull();
    expect(factorForHeader('', F)).toBeNull();
  });
});
