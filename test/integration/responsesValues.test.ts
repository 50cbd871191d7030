/**
 * The built add-in on the form's answers as schools really write them (docs/методика.md §1.1): specialists without
 * hyphens and with notes, yes/no as «имеется» / «отсутствует» and the doubtful «частично», funding in thousands among
 * roubles, a total with an extra zero and a totals row typed under the schools. Each is read as the school meant it or
 * asked about in «Проверка данных», never guessed.
 */
import { describe, expect, it } from 'vitest';
import { handRegion } from '../fixtures/region';
import { headerOf, newAddon, responsesRows, resultsRows } from '../support/harness';

const RESPONSES = 'Ответы на форму (1)';

describe('the form written as schools write it', () => {
  const { schools } = handRegion();
  const codes = schools.map((s) => s.schoolCode);
  const base = responsesRows(schools);
  const extra: Record<string, [string, string, number]> = {
    a1: ['Педагог психолог, соц. педагог (0,5 ставки)', 'имеется', 80_000],
    a2: ['психолог, логопед, соц. педагог', 'отсутствует', 85], // 85 among 80 000–95 000: thousands of roubles
    a3: ['Нет ни одного из перечисленных', 'частично', 90_000], // «частично» is neither да nor нет
    a4: ['педагог-психолог; тьютор', 'да', 95_000], // «тьютор» is no specialist of the list
  };
  const totalColumn = base[0].indexOf('Всего обучающихся');
  const rows = [
    [...base[0], 'Специалисты в штате', 'Устойчивый доступ в Интернет', 'Финансирование на одного обучающегося, руб.'],
    ...base.slice(1).map((r) => {
      const [specialists, internet, funding] = extra[String(r[1])] ?? ['Социальный педагог', 'да', 88_000];
      // а4 writes 100 000 pupils where 100 were meant: far above every other count of the school.
      const row = r.map((v, c) => (r[1] === 'a4' && c === totalColumn ? 100_000 : v));
      return [...row, specialists, internet, funding];
    }),
    // A totals row typed under the schools: not a school.
    ['', 'Итого', '', '', '', 600, '', '', '', '', '', '', '', ''],
  ];
  const { twin, addon } = newAddon((t) => t.addSheet(RESPONSES, rows));
  addon.call('menuComputeAll');
  const check = twin.sheetValues('Проверка данных').map((r) => r.map(String));
  const about = (code: string, field: string) => check.filter((r) => r.includes(code) && r.includes(field)).map((r) => r.join('|'));
  const isbshHeader = headerOf(twin, 'ИСБШ');
  const note = (code: string) => String(twin.sheetValues('ИСБШ').find((r) => r[0] === code)![isbshHeader.indexOf('Примечание')]);

  it('reads the schools and not the totals row, and says so', () => {
    const listed = twin
      .sheetValues('ИСБШ')
      .map((r) => r[0])
      .filter((c) => codes.includes(String(c)));
    expect(listed).toHaveLength(schools.length);
    expect(twin.sheetValues('ИСБШ').some((r) => r[0] === 'Итого')).toBe(false);
    // The totals row is the sheet's last row: row 1 is the header, so it is row rows.length.
    expect(
      check.some((r) => r.join('|').includes(`|Код ОО||строки итогов — не школы (строка ${rows.length})|строка не использована`)),
    ).toBe(true);
  });

  it('reads specialists written without hyphens and with notes, and lists the text it does not know', () => {
    // а1 and а2 have a psychologist and a social pedagogue: no staffing note about specialists.
    expect(note('a1')).not.toContain('необходимых специалистов');
    expect(note('a2')).not.toContain('необходимых специалистов');
    // а3 has none of them.
    expect(note('a3')).toContain('нет ни одного из необходимых специалистов');
    expect(about('a4', 'Специалисты в штате').join('\n')).toContain('специалист не распознан: «тьютор»');
  });

  it('asks about «частично» instead of reading it as да or нет', () => {
    expect(about('a3', 'Устойчивый доступ в Интернет').join('\n')).toContain('ответ «частично»: это «да» или «нет»? Уточните у школы');
    // «имеется» and «отсутствует» are plain yes and no: nothing to ask.
    expect(about('a1', 'Устойчивый доступ в Интернет')).toEqual([]);
    expect(about('a2', 'Устойчивый доступ в Интернет')).toEqual([]);
  });

  it('reads funding written in thousands among roubles as roubles, with a note', () => {
    expect(about('a2', 'Финансирование на одного обучающегося, руб.').join('\n')).toContain(
      'похоже, финансирование указано в тысячах рублей, а у других школ — в рублях',
    );
  });

  it('does not use a total far above the school’s other counts, and says why', () => {
    expect(about('a4', 'Всего обучающихся').join('\n')).toContain('«Всего обучающихся» 100000 — намного больше остальных чисел школы');
    // Without a usable total there is no ИСБШ for а4, and its note says what is missing.
    const a4 = twin.sheetValues('ИСБШ').find((r) => r[0] === 'a4')!;
    expect(a4[isbshHeader.indexOf('ИСБШ')]).toBe('');
    expect(note('a4')).toContain('ИСБШ не рассчитан');
  });
});

describe('a school code in «Результаты ОП» that is not in the form', () => {
  const { schools, results } = handRegion();
  const rows = resultsRows(results);
  // «a-1» twice: not a code of the form (the dash is not forgiven), but close to «a1».
  rows.push(['a-1', 2025, 'ОГЭ математика', 10, 1, ''], ['a-1', 2024, 'ОГЭ математика', 10, 1, '']);
  const { twin, addon } = newAddon((t) => {
    t.addSheet(RESPONSES, responsesRows(schools));
    t.addSheet('Результаты ОП', rows);
  });
  addon.call('menuComputeAll');

  it('is reported once for all its rows, with the code it is probably meant to be', () => {
    const lines = twin
      .sheetValues('Проверка данных')
      .map((r) => r.join('|'))
      .filter((l) => l.includes('a-1'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`школа не найдена в ответах формы (строки ${rows.length - 1}, ${rows.length}); похоже на a1`);
  });
});

describe('names and times the add-in cannot settle by itself', () => {
  const { schools } = handRegion();
  const base = responsesRows(schools);
  const municipalityColumn = base[0].indexOf('Муниципалитет');
  const rows = base.map((r, i) => {
    if (i === 0) return r;
    // b2 types its municipality with a letter missing: close to «Берёзовский район», but not safely the same.
    if (r[1] === 'b2') return r.map((v, c) => (c === municipalityColumn ? 'Берёзовскй район' : v));
    // a1's timestamp cannot be read…
    if (r[1] === 'a1') return ['вчера вечером', ...r.slice(1)];
    return r;
  });
  // …and a1 answered twice: which answer is the later one cannot be told by the times.
  rows.push(['сегодня', ...rows.find((r) => r[1] === 'a1')!.slice(1)]);
  const { twin, addon } = newAddon((t) => t.addSheet(RESPONSES, rows));
  addon.call('menuComputeAll');
  const lines = twin.sheetValues('Проверка данных').map((r) => r.join('|'));

  it('names two municipalities that look alike and cannot be merged safely', () => {
    const line = lines.find((l) => l.includes('похожи: проверьте, не один ли это муниципалитет'));
    expect(line).toBeDefined();
    expect(line).toContain('«Берёзовский район»');
    expect(line).toContain('«Берёзовскй район»');
  });

  it('names the school whose answer was chosen by row order because its times cannot be read', () => {
    const line = lines.find((l) => l.includes('по отметкам времени не понять: выбран по порядку строк'));
    expect(line).toBeDefined();
    expect(line).toContain('a1');
  });
});
