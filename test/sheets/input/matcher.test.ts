import { describe, expect, it } from 'vitest';
import { headerWords, isShareHeader, withoutBrackets } from '../../../src/sheets/input/headerText';
import { MARGIN, bestFieldForHeader, matchHeaders, titleKey } from '../../../src/sheets/input/matcher';
import type { InputSchema } from '../../../src/sheets/input/schema';
import { parseYesNo } from '../../../src/core/numbers';
import { looksLikeSchoolCode } from '../../../src/sheets/input/cells';

const yes = (v: unknown) => {
  try {
    return parseYesNo(v) !== null;
  } catch {
    return false;
  }
};

/** A small schema of three fields, to see the matcher's rules without the corpus of a real table. */
const SCHEMA: InputSchema<'code' | 'internet' | 'computers'> = {
  id: 'matcher-test',
  fields: [
    { key: 'code', title: 'Код ОО', required: 'yes', variants: ['Код школы', 'Логин ОО'], accepts: looksLikeSchoolCode },
    { key: 'internet', title: 'Устойчивый интернет', required: 'no', variants: ['Доступ к сети Интернет'], accepts: yes },
    { key: 'computers', title: 'Достаточно компьютеров', required: 'no', variants: ['Обеспеченность компьютерной техникой'], accepts: yes },
  ],
};

describe('header words', () => {
  it('spells out abbreviations, unifies words of one meaning and drops question words and fillers', () => {
    expect(headerWords('Кол-во уч-ся, у которых оба родителя имеют ВО')).toEqual([
      'количество',
      'обучающихся',
      'оба',
      'родителя',
      'имеют',
      'высшее',
      'образование',
    ]);
    expect(headerWords('Сколько детей живут во внутришкольном учёте?')).toEqual([
      'количество',
      'обучающихся',
      'живут',
      'внутришкольном',
      'учете',
    ]);
    expect(headerWords('Состоят на ВШУ')).toEqual(['состоят', 'внутришкольный', 'учет']);
    expect(headerWords('Какие специалисты есть в штате?')).toEqual(['специалисты', 'штате']);
  });

  it('drops bracketed notes on request and knows share headers', () => {
    expect(withoutBrackets('Доступ к Интернету (не менее 50 Мбит/с)')).toBe('Доступ к Интернету');
    expect(isShareHeader('Доля детей, %')).toBe(true);
    expect(isShareHeader('Должность')).toBe(false);
  });
});

describe('matchHeaders', () => {
  it('takes an exact title first, whatever the case, ё and end punctuation', () => {
    expect(titleKey(' код оо: ')).toBe(titleKey('Код ОО'));
    const m = matchHeaders(SCHEMA, ['КОД ОО:', 'Код школы']);
    expect(m.columns.code).toBe(0);
    // «Код школы» fits the code best, but the title took it: it is not pushed onto another field.
    expect(m.unknownColumns).toEqual([1]);
    expect(m.candidates[1][0].field).toBe('code');
  });

  it('reports two columns that fit one field equally as ambiguous, naming both', () => {
    const m = matchHeaders(SCHEMA, ['Код ОО (1)', 'Код ОО (2)']);
    expect(m.columns.code).toBeNull();
    expect(m.ambiguous).toEqual([{ field: 'code', columns: [0, 1] }]);
    expect(m.unknownColumns).toEqual([]);
  });

  it('reports a column that fits two fields within the margin as ambiguous, naming both', () => {
    // Half of each field's words: «интернет» of one, «компьютер» of the other.
    const m = matchHeaders(SCHEMA, ['Интернет и компьютеры']);
    expect(m.columns.internet).toBeNull();
    expect(m.columns.computers).toBeNull();
    expect(m.ambiguousColumns).toEqual([{ column: 0, fields: ['internet', 'computers'] }]);
    const alone = bestFieldForHeader(SCHEMA, 'Интернет и компьютеры');
    expect(alone.field).toBeNull();
    expect(new Set(alone.ambiguous)).toEqual(new Set(['internet', 'computers']));
    expect(MARGIN).toBeGreaterThan(0);
  });

  it('lets the values decide: a column of «да»/«нет» is no school code', () => {
    const header = 'Код или логин';
    const withCodes = matchHeaders(SCHEMA, [header], { samples: [['edu1'], ['edu2']] });
    expect(withCodes.columns.code).toBe(0);
    // With values that are not codes, the header's score for the code halves below the floor.
    const s = matchHeaders(SCHEMA, [header], { samples: [['да'], ['нет']] });
    expect(s.candidates[0][0]?.score ?? 0).toBeLessThan(withCodes.candidates[0][0].score);
  });

  it('does not match a header of generic words only, nor a blank one', () => {
    const m = matchHeaders(SCHEMA, ['Образовательная организация', '']);
    expect(m.columns).toEqual({ code: null, internet: null, computers: null });
    expect(m.unknownColumns).toEqual([0]);
  });

  it('keeps the columns and fields settled by the user', () => {
    const m = matchHeaders(SCHEMA, ['Код ОО', 'Логин ОО', 'Доступ к сети Интернет'], {
      settledFields: { code: 1 },
      settledColumns: new Set([2]),
    });
    expect(m.columns.code).toBe(1);
    expect(m.columns.internet).toBeNull();
    expect(m.unknownColumns).toEqual([0, 2]);
  });
});
