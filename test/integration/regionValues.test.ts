/**
 * The built add-in on the hand-worked region written the ways regions write it: every variant must
 * give the statuses of the clean original (test/fixtures/region.ts: а1, а2, б1 ШНОР; а3, а4 не ШНОР;
 * б2 нет данных), and each variant would change them if the add-in read it naively.
 */
import { describe, expect, it } from 'vitest';
import type { Twin } from '../../emulator/twin';
import type { ProcedureResult } from '../../src/core/types';
import { handRegion } from '../fixtures/region';
import { headerOf, newAddon, responsesRows, resultsRows } from '../support/harness';

const RESPONSES = 'Ответы на форму (1)';
const RESULTS = 'Результаты ОП';

/** Код ОО → «status / cluster» from «ШНОР», and → ИСБШ and zone from «ИСБШ». */
function outcome(twin: Twin): Record<string, string> {
  const shnor = headerOf(twin, 'ШНОР');
  const isbsh = headerOf(twin, 'ИСБШ');
  const out: Record<string, string> = {};
  for (const row of twin.sheetValues('ШНОР')) {
    if (typeof row[0] !== 'string' || !/^[ab]\d$/.test(row[0])) continue;
    out[row[0]] = `${row[shnor.indexOf('Статус ШНОР')]} / ${row[shnor.indexOf('Кластер')]}`;
  }
  for (const row of twin.sheetValues('ИСБШ')) {
    if (typeof row[0] !== 'string' || !/^[ab]\d$/.test(row[0])) continue;
    out[`${row[0]} ИСБШ`] = `${row[isbsh.indexOf('ИСБШ')]} / ${row[isbsh.indexOf('Зона риска')]}`;
  }
  return out;
}

type ResultsSheet = ReturnType<Twin['addSheet']>;

function run(
  responses: unknown[][],
  results: unknown[][],
  prepare?: (sheet: ResultsSheet) => void,
): { twin: Twin; outcome: Record<string, string>; problems: string[] } {
  const { twin, addon } = newAddon((t) => {
    t.addSheet(RESPONSES, responses);
    const sheet = t.addSheet(RESULTS, results);
    prepare?.(sheet);
  });
  addon.call('menuComputeAll');
  const problems = twin.sheetValues('Проверка данных').map((r) => r.join('|'));
  return { twin, outcome: outcome(twin), problems };
}

const { schools, results } = handRegion();
let cleanRun: ReturnType<typeof run> | null = null;
/** The clean original, run once inside the first test that needs it. */
const clean = {
  get outcome() {
    cleanRun ??= run(responsesRows(schools), resultsRows(results));
    return cleanRun.outcome;
  },
};

const percentText = (r: ProcedureResult) => String(Math.round((1000 * (r.failed ?? 0)) / (r.participants ?? 1)) / 10).replace('.', ',');

describe('the clean hand-worked region', () => {
  it('has the statuses worked out in its fixture', () => {
    expect(clean.outcome).toMatchObject({
      a1: 'ШНОР / умеренно неуспевающие',
      a2: 'ШНОР / базово неуспевающие',
      a3: 'не ШНОР / не ШНОР',
      a4: 'не ШНОР / не ШНОР',
      b2: 'нет данных / нет данных',
    });
    expect(clean.outcome.b1).toMatch(/^ШНОР/);
  });
});

describe('«Результаты ОП» as regions write it gives the same statuses', () => {
  it('a column «Доля не преодолевших порог, %» is converted with «Участников», never read as counts', () => {
    // а1 2025: «40» is 40 % of 10 = 4 pupils; read as 40 pupils it would exceed the 10 participants.
    const rows = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Доля не преодолевших порог, %'],
      ...results.map((r) => [r.schoolCode, r.year, r.procedure, r.participants, percentText(r)]),
    ];
    const variant = run(responsesRows(schools), rows);
    expect(variant.outcome).toEqual(clean.outcome);
    expect(variant.problems.some((p) => p.includes('в столбце не преодолевших порог — доли, а не количество'))).toBe(true);
  });

  it('percent-formatted cells and «33,3%» text in the failures column are shares', () => {
    const rows = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог'],
      ...results.map((r, i) => [
        r.schoolCode,
        r.year,
        r.procedure,
        r.participants,
        i % 2 ? `${percentText(r)}%` : (r.failed ?? 0) / (r.participants ?? 1),
      ]),
    ];
    // Even rows hold the fraction Sheets stores for a cell shown as «40,0 %».
    const variant = run(responsesRows(schools), rows, (sheet) => {
      sheet.getRange(2, 5, results.length, 1).setNumberFormat('0.0%');
    });
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('a wide table with one column per procedure and year is read into the long format', () => {
    const groups = [...new Set(results.map((r) => `${r.procedure}|${r.year}`))];
    const header = [
      'Код ОО',
      'Наименование ОО',
      ...groups.flatMap((g) => {
        const [procedure, year] = g.split('|');
        return [`${procedure} ${year}, участников`, `${procedure} ${year}, % двоек`];
      }),
    ];
    const codes = [...new Set(results.map((r) => r.schoolCode))];
    const rows = codes.map((code) => [
      code,
      `Школа ${code}`,
      ...groups.flatMap((g) => {
        const r = results.find((x) => `${x.procedure}|${x.year}` === g && x.schoolCode === code);
        return r ? [r.participants, percentText(r)] : ['', ''];
      }),
    ]);
    const variant = run(responsesRows(schools), [header, ...rows]);
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('ФИС ОКО-style split columns Процедура | Предмет | Класс | Учебный год are read', () => {
    const split = (procedure: string) => {
      const m = /^(ВПР|ОГЭ) (математика|русский язык)(?: (\d))?$/.exec(procedure)!;
      return [m[1], m[2], m[3] ?? 9];
    };
    const rows = [
      ['Код ОО', 'Процедура', 'Предмет', 'Класс', 'Учебный год', 'Количество участников', 'Количество участников, получивших «2»'],
      ...results.map((r) => [r.schoolCode, ...split(r.procedure), `${r.year - 1}/${r.year}`, r.participants, r.failed]),
    ];
    const variant = run(responsesRows(schools), rows);
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('procedure names in other word orders, school years and other column names are read', () => {
    const names: Record<string, string[]> = {
      'ОГЭ математика': ['Математика ОГЭ', 'ОГЭ по математике', 'ОГЭ (математика)'],
      'ОГЭ русский язык': ['ОГЭ по русскому языку', 'Русский язык ОГЭ'],
      'ВПР математика 5': ['ВПР-5 Математика', 'ВПР 5 кл. математика'],
      'ВПР русский язык 5': ['ВПР 5 кл. русский язык', 'Русский язык ВПР 5 класс'],
    };
    const years = (y: number, i: number) =>
      [`${y - 1}/${y}`, `${y - 1}-${y} уч. год`, `${y - 1}/${String(y).slice(2)} учебный год`, `${y} год`, `${y} г.`][i % 5];
    const rows = [
      ['Код ОО', 'Год', 'Процедура', 'Кол-во писавших', 'Не справились (получили «2»)'],
      ...results.map((r, i) => [
        r.schoolCode,
        years(r.year, i),
        names[r.procedure][i % names[r.procedure].length],
        r.participants,
        r.failed,
      ]),
    ];
    const variant = run(responsesRows(schools), rows);
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('codes with spaces, invisible characters or another case are the schools of the form', () => {
    const spell = (code: string, i: number) => [` ${code.toUpperCase()}`, `\u200B${code}`, `${code[0]} ${code.slice(1)}`][i % 3];
    const rows = resultsRows(results.map((r, i) => ({ ...r, schoolCode: spell(r.schoolCode, i) })));
    const variant = run(responsesRows(schools), rows);
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('an optional «Не допущены» counts as failing in numerator and denominator', () => {
    // а2 2025: 18 participants, 4 failing and 2 not admitted → (4 + 2) / (18 + 2) = 30 %, as in the clean region.
    const rows = [
      ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Не допущены'],
      ...results.map((r) =>
        r.schoolCode === 'a2' && r.year === 2025
          ? [r.schoolCode, r.year, r.procedure, 18, 4, 2]
          : [r.schoolCode, r.year, r.procedure, r.participants, r.failed, 0],
      ),
    ];
    const variant = run(responsesRows(schools), rows);
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('a procedure of only one year is named in the data check', () => {
    const extra = [
      ...results,
      { schoolCode: 'a3', year: 2025, procedure: 'ВПР математика 6', participants: 10, failed: 1, highScorers: null },
    ];
    const variant = run(responsesRows(schools), resultsRows(extra));
    expect(variant.problems.some((p) => p.includes('процедура «ВПР математика 6» есть только за 2025 год'))).toBe(true);
  });
});

describe('the form’s responses as regions write them give the same statuses', () => {
  const rows = responsesRows(schools);
  const header = rows[0] as string[];
  const col = (name: string) => header.indexOf(name);

  it('timestamps in export formats order a school’s answers, whatever the row order', () => {
    // а1 answered twice; the later answer (2 Sept) is above the earlier one (1 Sept, wrong counts).
    const wrong = [...rows[1]];
    wrong[col('Обучающихся из неполных семей')] = 90;
    const texts = rows.slice(1).map((r, i) => {
      const copy = [...r];
      copy[0] = ['9/2/2025 8:03:05', '02.09.2025, 08:04:05', '02.09.25 8:05', '2025-09-02T08:06:00', '2 сент. 2025 г.', 45902.34][i];
      return copy;
    });
    wrong[0] = '9/1/2025 8:03:05';
    const variant = run([header, ...texts, wrong], resultsRows(results));
    expect(variant.outcome).toEqual(clean.outcome);
    expect(variant.problems.some((p) => p.includes('более ранний ответ школы') && p.includes('9/1/2025'))).toBe(true);
  });

  it('shares in a «%» column written «20», «20,0», «0,2», «20%» mean the same share', () => {
    const i = col('Обучающихся из неполных семей');
    const h = [...header];
    h[i] = 'Доля обучающихся из неполных семей, %';
    const spelled = rows.slice(1).map((r, k) => {
      const copy = [...r];
      const share = (r[i] as number) / 100;
      copy[i] = [`${share * 100},0`, `${share * 100}%`, String(share * 100), share === 0 ? '0' : `${String(share).replace('.', ',')}00`][
        k % 4
      ];
      return copy;
    });
    const variant = run([h, ...spelled], resultsRows(results));
    expect(variant.outcome).toEqual(clean.outcome);
  });

  it('a share that reads two ways in a «%» column («0,8» among «43,4»: 0,8 % or 80 %?) is asked about, not guessed', () => {
    const i = col('Обучающихся из неполных семей');
    const h = [...header];
    h[i] = 'Доля обучающихся из неполных семей, %';
    // Every school writes its percent with one decimal («10,0»), a3 writes «0,8»: as many decimals, so no sign of a fraction.
    const spelled = rows.slice(1).map((r) => {
      const copy = [...r];
      copy[i] = r[1] === 'a3' ? '0,8' : `${(r[i] as number).toFixed(1).replace('.', ',')}`;
      return copy;
    });
    const variant = run([h, ...spelled], resultsRows(results));
    const line = variant.problems.find((l) => l.includes('|a3|') && l.includes('Доля обучающихся из неполных семей, %'));
    expect(line).toContain('неясно, «0,8» — это 0,8\u00a0% или 80\u00a0%');
    // The value is not used: a3 gets no ИСБШ rather than one from a guess.
    expect(variant.outcome['a3 ИСБШ']).toMatch(/^ \//);
  });

  it('municipality spellings of one municipality are one municipality (its zone of risk is the same)', () => {
    const m = col('Муниципалитет');
    const spelled = rows.slice(1).map((r, k) => {
      const copy = [...r];
      if (k === 1) copy[m] = 'александровский  МР';
      if (k === 2) copy[m] = 'Александровский муниц. район';
      if (k === 5) copy[m] = 'Березовский район';
      return copy;
    });
    const variant = run([header, ...spelled], resultsRows(results));
    expect(variant.outcome).toEqual(clean.outcome);
    expect(variant.problems.some((p) => p.includes('другое написание муниципалитета «Александровский район»'))).toBe(true);
  });

  it('territory written as a place name is read', () => {
    const t = col('Тип территории');
    const spelled = rows.slice(1).map((r) => {
      const copy = [...r];
      copy[t] = 'г. Заречный';
      return copy;
    });
    const variant = run([header, ...spelled], resultsRows(results));
    expect(variant.outcome).toEqual(clean.outcome);
    expect(variant.problems.some((p) => p.includes('ожидалось «город» или «село»'))).toBe(false);
  });
});
