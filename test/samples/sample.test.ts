import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv, toCsv } from '../../scripts/lib/csv';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { SAMPLE_OPTIONS } from '../../scripts/make-samples';

const samples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../samples');
const raw = (file: string) => readFileSync(path.join(samples, file), 'utf8');
const responses = parseCsv(raw('responses.csv'));
const results = parseCsv(raw('results.csv'));
const risks = parseCsv(raw('risks.csv'));

/** A cell by its sheet row number (header = row 1) and header, as samples/README.md gives them. */
function cell(sheet: string[][], row: number, header: string): string {
  const col = sheet[0].indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  return sheet[row - 1][col];
}

const NINE = [
  'ВПР математика 5',
  'ВПР математика 6',
  'ВПР русский язык 5',
  'ВПР русский язык 6',
  'ОГЭ математика',
  'ОГЭ русский язык',
  'ЕГЭ математика (базовая)',
  'ЕГЭ математика (профильная)',
  'ЕГЭ русский язык',
];

describe('bundled sample region (samples/*.csv)', () => {
  it('is what make-samples writes today (the files are up to date with the generator)', () => {
    const region = generateRegion(SAMPLE_OPTIONS);
    expect(raw('responses.csv')).toBe(toCsv(region.responses));
    expect(raw('results.csv')).toBe(toCsv(region.results));
    expect(raw('risks.csv')).toBe(toCsv(region.risks));
  });

  it('is CSV as Sheets downloads it: no BOM, CRLF rows, no trailing line break, timestamps as dd.MM.yyyy H:mm:ss', () => {
    for (const file of ['responses.csv', 'results.csv', 'risks.csv']) {
      const text = raw(file);
      expect(text.charCodeAt(0)).not.toBe(0xfeff);
      expect(text).toContain('\r\n');
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      expect(text.endsWith('\n')).toBe(false);
    }
    for (const r of responses.slice(1)) expect(r[0]).toMatch(/^\d{2}\.\d{2}\.2025 \d{1,2}:\d{2}:\d{2}$/);
    // Names typed with straight quotes are quoted, with the quotes doubled.
    expect(raw('responses.csv')).toMatch(/,"МКОУ ""[А-ЯЁа-яё]+ (СОШ|ООШ)""",/);
  });

  it('has at least 60 schools in at least 3 municipalities, both territories', () => {
    const rows = responses.slice(1).filter((r) => /^edu\d+$/.test(r[1]));
    expect(new Set(rows.map((r) => r[1])).size).toBeGreaterThanOrEqual(60);
    expect(new Set(rows.map((r) => r[3])).size).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((r) => r[4]))).toEqual(new Set(['город', 'село']));
  });

  it('has results of all nine procedures with participants in both 2024 and 2025', () => {
    for (const year of ['2024', '2025']) {
      const held = new Set(results.slice(1).filter((r) => r[1] === year && Number(r[3]) > 0).map((r) => r[2]));
      for (const p of NINE) expect(held.has(p)).toBe(true);
    }
  });

  it('has risk self-diagnoses for about a third of the schools with the ten factors as headers', () => {
    expect(risks[0]).toHaveLength(11);
    expect(risks[0][0]).toBe('Код ОО');
    expect(risks.length - 1).toBeGreaterThanOrEqual(15);
    expect(risks.length - 1).toBeLessThanOrEqual(35);
  });

  describe('documented data problems (samples/README.md)', () => {
    it('responses row 11: a percent «26,3 %» in the count column of single-parent families', () => {
      expect(cell(responses, 11, 'Количество обучающихся из неполных семей')).toBe('26,3 %');
    });

    it('responses row 17: the total typed as text «1 384» with a space', () => {
      expect(cell(responses, 17, 'Общее количество обучающихся')).toBe('1 384');
    });

    it('responses row 30: a Cyrillic «е» in the code, which therefore matches no results row', () => {
      const code = cell(responses, 30, 'Код ОО');
      expect(code).toBe('\u0435du760054');
      expect(results.some((r) => r[0] === code)).toBe(false);
      expect(results.some((r) => r[0] === 'edu760054')).toBe(true);
    });

    it('responses row 33: «нет данных» instead of the count of non-native Russian speakers', () => {
      expect(cell(responses, 33, 'Количество обучающихся, для которых русский язык не является родным')).toBe('нет данных');
    });

    it('responses row 41: 4911 students in comfortable housing out of 507', () => {
      expect(cell(responses, 41, 'Общее количество обучающихся')).toBe('507');
      expect(cell(responses, 41, 'Количество обучающихся из семей, проживающих в благоустроенном жилье')).toBe('4911');
    });

    it('responses row 43: a name beginning with «=»', () => {
      expect(cell(responses, 43, 'Полное наименование образовательной организации')).toBe('=МБОУ СОШ № 2 г. Заречного');
    });

    it('responses row 46: a negative count of students with ОВЗ', () => {
      expect(cell(responses, 46, 'Количество обучающихся с ОВЗ')).toBe('-7');
    });

    it('responses rows 71 and 74: one school submitting twice, the later row correcting the total', () => {
      expect(cell(responses, 71, 'Код ОО')).toBe('edu760037');
      expect(cell(responses, 74, 'Код ОО')).toBe('edu760037');
      expect(cell(responses, 71, 'Отметка времени')).toBe('14.10.2025 17:58:07');
      expect(cell(responses, 74, 'Отметка времени')).toBe('18.10.2025 17:03:16');
      expect(cell(responses, 71, 'Общее количество обучающихся')).toBe('460');
      expect(cell(responses, 74, 'Общее количество обучающихся')).toBe('418');
      expect(responses.slice(1).filter((r) => r[1] === 'edu760037')).toHaveLength(2);
    });

    it('responses row 75: a submission with an empty Код ОО repeating the school of row 28', () => {
      expect(cell(responses, 75, 'Код ОО')).toBe('');
      expect(cell(responses, 28, 'Код ОО')).toBe('edu760065');
      expect(responses[74].slice(2)).toEqual(responses[27].slice(2));
    });

    it('results row 436: the school year «2023/24» instead of 2024', () => {
      expect(results[435]).toEqual(['edu760052', '2023/24', 'ВПР русский язык 5', '21', '4', '']);
    });

    it('results row 957: 0 participants but 1 failed', () => {
      expect(results[956]).toEqual(['edu760042', '2025', 'ВПР математика 6', '0', '1', '']);
    });

    it('results row 1011: «огэ  математика» in lower case with a double space', () => {
      expect(results[1010]).toEqual(['edu760048', '2025', 'огэ  математика', '40', '19', '']);
    });

    it('has no other responses row without a code and no other repeated code', () => {
      const codes = responses.slice(1).map((r) => r[1]);
      expect(codes.filter((c) => c === '')).toHaveLength(1);
      const repeated = codes.filter((c, i) => c && codes.indexOf(c) !== i);
      expect(repeated).toEqual(['edu760037']);
    });
  });
});
