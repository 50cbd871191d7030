/**
 * Writes test/fixtures/files/: one small region (14 schools in 2 municipalities, results for 2024 and 2025,
 * some self-diagnoses; generateRegion seed 8, no injected problems) as Google Sheets downloads it (clean/),
 * and the same data as real regions' files have it — other encodings and separators, XLSX layouts, reworded
 * and reordered columns, extra columns — one folder per variant, with variants.json listing them. The tests
 * (test/scripts/fileVariants*.test.ts) run the local runner on each and expect the clean original's ИСБШ,
 * zone, status and cluster for every school.
 *
 *   node --import tsx scripts/make-file-variants.ts
 *
 * Re-running it rewrites the text files byte for byte (XLSX files carry fixed dates, so they are stable too).
 * Every variant is made from the clean rows here, so what a variant changes is visible in its recipe below.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { formatSheetsTimestamp, toCsv } from './lib/csv';
import { generateRegion, RESPONSE_HEADERS } from './lib/syntheticRegion';
import { DEFAULT_RISK_FACTORS } from '../src/core/factors';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VARIANTS_DIR = path.join(ROOT, 'test/fixtures/files');

/** The region every variant carries (seed 8: three ШНОР, one of each cluster, and a zone of risk in both municipalities). */
export const REGION_OPTIONS = { schools: 14, seed: 8, municipalities: 2, years: [2024, 2025] as [number, number] };

type Rows = unknown[][];
type Input = 'responses' | 'results' | 'risks';

export interface VariantEntry {
  id: string;
  /** What a region's file looks like in this variant (English, for the test's name). */
  what: string;
  /** Paths relative to test/fixtures/files, by runner flag. */
  files: Record<Input, string>;
  /** A --map file, relative to test/fixtures/files. */
  map?: string;
}

const FILE_NAMES: Record<Input, string> = { responses: 'ответы', results: 'результаты', risks: 'риски' };

// ------------------------------------------------------------------ cells as programs write them

/** A cell as Excel (Russian locale) shows it and so saves it to CSV: decimal comma, «01.09.2025 8:03» without seconds. */
function excelText(v: unknown): string {
  if (v instanceof Date) return formatSheetsTimestamp(v).replace(/:\d\d$/, '');
  if (typeof v === 'number') return String(v).replace('.', ',');
  return v === null || v === undefined ? '' : String(v);
}

/** A cell as Excel with an English list separator saves it (decimal point). */
function excelTextDot(v: unknown): string {
  return v instanceof Date ? excelText(v) : v === null || v === undefined ? '' : String(v);
}

interface DelimitedStyle {
  sep: string;
  cell: (v: unknown) => string;
  eol?: string;
  quoteAll?: boolean;
  /** Lines end with a line break (Excel and LibreOffice write one after the last row; Sheets does not). */
  finalEol?: boolean;
}

function delimited(rows: Rows, style: DelimitedStyle): string {
  const eol = style.eol ?? '\r\n';
  const quote = (t: string) => (style.quoteAll || t.includes(style.sep) || /["\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return rows.map((r) => r.map((c) => quote(style.cell(c))).join(style.sep)).join(eol) + (style.finalEol ? eol : '');
}

const google = (rows: Rows) => toCsv(rows);
const excelSemicolon = (rows: Rows) => delimited(rows, { sep: ';', cell: excelText, finalEol: true });
const excelTab = (rows: Rows) => delimited(rows, { sep: '\t', cell: excelText, finalEol: true });

function bytes(text: string, encoding: 'utf-8' | 'utf-8-bom' | 'windows-1251' | 'utf-16le-bom' | 'koi8-r'): Buffer {
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le-bom') return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]);
  return encoding === 'utf-8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding);
}

// ------------------------------------------------------------------ row transformations

const header = (rows: Rows) => rows[0].map(String);
const column = (rows: Rows, title: string) => {
  const i = header(rows).indexOf(title);
  if (i < 0) throw new Error(`no column ${title}`);
  return i;
};

/** Columns in a new order, given as header texts (the rest keep their order after them). */
function reorder(rows: Rows, first: string[]): Rows {
  const order = [
    ...first.map((t) => column(rows, t)),
    ...header(rows)
      .map((_, i) => i)
      .filter((i) => !first.includes(header(rows)[i])),
  ];
  return rows.map((r) => order.map((i) => r[i]));
}

function renamed(rows: Rows, titles: Record<string, string>): Rows {
  return [header(rows).map((h) => titles[h] ?? h), ...rows.slice(1)];
}

/** Extra columns inserted at `at`, with a value per data row. */
function withColumns(rows: Rows, at: number, extra: Array<{ title: string; value: (row: unknown[], i: number) => unknown }>): Rows {
  return rows.map((r, i) => [...r.slice(0, at), ...extra.map((e) => (i === 0 ? e.title : e.value(r, i))), ...r.slice(at)]);
}

const yearOf = (rows: Rows) => column(rows, 'Год');
function resultsOfYear(rows: Rows, year: number, keepYear: boolean): Rows {
  const y = yearOf(rows);
  const pick = (r: unknown[]) => (keepYear ? r : r.filter((_, i) => i !== y));
  return [
    pick(rows[0]),
    ...rows
      .slice(1)
      .filter((r) => r[y] === year)
      .map(pick),
  ];
}

// ------------------------------------------------------------------ XLSX

/** A fixed date for the workbook's properties, so a rewrite gives the same bytes. */
const FIXED = new Date(Date.UTC(2025, 9, 1, 9, 0, 0));

interface SheetRecipe {
  name: string;
  rows: Rows;
  /** Rows above the header (a title, a date line …); the first is merged across the table. */
  above?: string[][];
  /** A row «1 2 3 …» under the header. */
  numbering?: boolean;
  /** Per-cell touches after writing: formats, merges, formulas. */
  touch?: (ws: ExcelJS.Worksheet, headerRow: number) => void;
  /** Column where the table starts (1 = A). */
  startColumn?: number;
}

/** A value as a workbook cell: timestamps become Excel's own (a Date showing the Moscow wall clock). */
function xlsxValue(v: unknown): ExcelJS.CellValue {
  if (v instanceof Date) return new Date(v.getTime() + 3 * 3600 * 1000);
  return v as ExcelJS.CellValue;
}

async function writeWorkbook(file: string, sheets: SheetRecipe[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  wb.creator = 'ШНОР-монитор';
  for (const recipe of sheets) {
    const ws = wb.addWorksheet(recipe.name);
    const start = recipe.startColumn ?? 1;
    const width = recipe.rows[0]?.length ?? 1;
    let r = 1;
    for (const line of recipe.above ?? []) {
      line.forEach((text, i) => (ws.getCell(r, start + i).value = text));
      if (r === 1 && width > 1) ws.mergeCells(r, start, r, start + width - 1);
      r++;
    }
    const headerRow = r;
    const numbers = Array.from({ length: width }, (_, i) => i + 1);
    const lines = recipe.numbering ? [recipe.rows[0], numbers, ...recipe.rows.slice(1)] : recipe.rows;
    for (const row of lines) {
      row.forEach((v, i) => {
        const cell = ws.getCell(r, start + i);
        cell.value = xlsxValue(v);
        if (v instanceof Date) cell.numFmt = 'dd.mm.yyyy h:mm:ss';
      });
      r++;
    }
    recipe.touch?.(ws, headerRow);
  }
  await wb.xlsx.writeFile(file);
}

// ------------------------------------------------------------------ the variants

interface Region {
  responses: Rows;
  results: Rows;
  risks: Rows;
}

type Maker = (dir: string, region: Region) => Promise<Partial<Record<Input, string>> & { map?: string }> | Partial<Record<Input, string>>;

/** Writes text files for the inputs listed, each made by `make` from its rows. */
function textFiles(inputs: Input[], ext: string, make: (rows: Rows, input: Input) => Buffer): Maker {
  return (dir, region) => {
    const out: Partial<Record<Input, string>> = {};
    for (const input of inputs) {
      const name = `${FILE_NAMES[input]}.${ext}`;
      writeFileSync(path.join(dir, name), make(region[input], input));
      out[input] = name;
    }
    return out;
  };
}

const ALL: Input[] = ['responses', 'results', 'risks'];

/** One XLSX per input, each with sheets made by `sheets`. */
function workbooks(inputs: Input[], sheets: (rows: Rows, input: Input) => SheetRecipe[]): Maker {
  return async (dir, region) => {
    const out: Partial<Record<Input, string>> = {};
    for (const input of inputs) {
      const name = `${FILE_NAMES[input]}.xlsx`;
      await writeWorkbook(path.join(dir, name), sheets(region[input], input));
      out[input] = name;
    }
    return out;
  };
}

const SHEET_TITLES: Record<Input, string> = { responses: 'Ответы', results: 'Результаты ОП', risks: 'Риски' };
const plainSheet = (rows: Rows, input: Input): SheetRecipe[] => [{ name: SHEET_TITLES[input], rows }];

const INSTRUCTION: SheetRecipe = {
  name: 'Инструкция',
  rows: [
    ['Порядок заполнения'],
    ['1. Заполните лист с данными: одна строка — одна школа (для результатов — школа, год и процедура).'],
    ['2. Код ОО указывается так, как в ФИС ОКО.'],
    ['3. Не меняйте заголовки столбцов.'],
  ],
};

/** The reworded questions of another region's form, each mapped by today's header matcher. */
const REWORDED_A: Record<string, string> = {
  'Отметка времени': 'Дата и время заполнения',
  'Код ОО': 'Логин ОО',
  'Полное наименование образовательной организации': 'Наименование ОО',
  'Муниципальное образование': 'Муниципалитет',
  'Тип территории (город/село)': 'Тип населённого пункта (город/село)',
  'Общее количество обучающихся': 'Всего обучающихся',
  'Количество обучающихся, оба родителя которых имеют высшее образование':
    'Число обучающихся, у которых оба родителя имеют высшее образование',
  'Количество обучающихся из семей, проживающих в благоустроенном жилье':
    'Число обучающихся из семей, проживающих в благоустроенных квартирах',
  'Количество обучающихся из неполных семей': 'Число обучающихся из неполных семей',
  'Количество обучающихся, состоящих на различных видах учёта': 'Число обучающихся, состоящих на всех видах учёта',
  'Количество обучающихся, для которых русский язык не является родным': 'Число обучающихся, для которых русский язык неродной',
  'Количество обучающихся, состоящих на учёте в КДН и ЗП': 'Число обучающихся на учёте в КДН и ЗП',
  'Количество обучающихся с ОВЗ': 'Число обучающихся с ОВЗ',
  'Школа расположена в труднодоступной местности': 'Школа находится в труднодоступной местности',
  'Количество педагогических работников': 'Всего педагогов',
  'Из них с высшей квалификационной категорией': 'Педагогов с высшей категорией',
  'Специалисты в штате': 'Специалисты в штате (перечислите)',
  'Устойчивый доступ в Интернет': 'Есть стабильный доступ в интернет',
  'Достаточно компьютерной техники': 'Хватает ли компьютеров',
  'Финансирование на одного обучающегося, руб.': 'Финансирование на 1 ученика, руб.',
};

/** «Количество» shortened to «Кол-во», as many forms write it. */
const KOLVO: Record<string, string> = Object.fromEntries(
  RESPONSE_HEADERS.filter((h) => h.startsWith('Количество')).map((h) => [h, h.replace('Количество', 'Кол-во')]),
);

/** The five ИСБШ counts, asked as shares in percent instead. */
const SHARE_QUESTIONS: Record<string, string> = {
  'Количество обучающихся, оба родителя которых имеют высшее образование':
    'Доля обучающихся, оба родителя которых имеют высшее образование, %',
  'Количество обучающихся из семей, проживающих в благоустроенном жилье':
    'Доля обучающихся из семей, проживающих в благоустроенном жилье, %',
  'Количество обучающихся из неполных семей': 'Доля обучающихся из неполных семей, %',
  'Количество обучающихся, состоящих на различных видах учёта': 'Доля обучающихся, состоящих на различных видах учёта, %',
  'Количество обучающихся, для которых русский язык не является родным': 'Доля обучающихся, для которых русский язык не является родным, %',
};

const RESULTS_REWORDED: Record<string, string> = {
  'Код ОО': 'Логин ОО',
  Год: 'Год проведения',
  Процедура: 'Оценочная процедура',
  Участников: 'Количество участников',
  'Не преодолели порог': 'Не преодолели минимальный порог',
  Высокобалльников: 'Высокобалльники (81–100 баллов)',
};

/** The two header rows of a form with a merged group caption «Количество обучающихся» over its sub-columns. */
function twoRowHeader(rows: Rows): { top: string[]; bottom: string[] } {
  const top: string[] = [];
  const bottom: string[] = [];
  for (const h of header(rows)) {
    if (h.startsWith('Количество обучающихся')) {
      top.push('Количество обучающихся');
      bottom.push(h.replace(/^Количество обучающихся,?\s*/, ''));
    } else if (h === 'Общее количество обучающихся') {
      top.push('Количество обучающихся');
      bottom.push('всего');
    } else {
      top.push(h);
      bottom.push('');
    }
  }
  return { top, bottom };
}

export const VARIANT_MAKERS: ReadonlyArray<{ id: string; what: string; make: Maker }> = [
  // ---- text files: encodings and separators
  {
    id: 'google-csv-lf',
    what: 'Google CSV with LF line endings and a final line break',
    make: textFiles(ALL, 'csv', (r) => bytes(toCsv(r, '\n') + '\n', 'utf-8')),
  },
  {
    id: 'excel-csv-utf8-bom',
    what: 'Excel «CSV UTF-8»: BOM, «;», decimal comma, times without seconds',
    make: textFiles(ALL, 'csv', (r) => bytes(excelSemicolon(r), 'utf-8-bom')),
  },
  {
    id: 'excel-csv-1251',
    what: 'Excel «CSV (разделители — запятые)» on Russian Windows: Windows-1251, «;»',
    make: textFiles(ALL, 'csv', (r) => bytes(excelSemicolon(r), 'windows-1251')),
  },
  {
    id: 'excel-csv-1251-comma',
    what: 'Windows-1251 with «,» and a decimal point (Excel with an English list separator)',
    make: textFiles(ALL, 'csv', (r) => bytes(delimited(r, { sep: ',', cell: excelTextDot, finalEol: true }), 'windows-1251')),
  },
  {
    id: 'excel-unicode-text',
    what: 'Excel «Текст Юникод»: UTF-16LE with BOM, tab-separated .txt',
    make: textFiles(ALL, 'txt', (r) => bytes(excelTab(r), 'utf-16le-bom')),
  },
  {
    id: 'excel-unicode-text-as-csv',
    what: '«Текст Юникод» bytes renamed to .csv',
    make: textFiles(ALL, 'csv', (r) => bytes(excelTab(r), 'utf-16le-bom')),
  },
  {
    id: 'tsv-utf8',
    what: 'UTF-8 .tsv',
    make: textFiles(ALL, 'tsv', (r) => bytes(delimited(r, { sep: '\t', cell: excelTextDot }), 'utf-8')),
  },
  {
    id: 'txt-1251-tab',
    what: 'Windows-1251 tab-separated .txt (Excel «Текстовые файлы (с разделителями табуляции)»)',
    make: textFiles(ALL, 'txt', (r) => bytes(excelTab(r), 'windows-1251')),
  },
  { id: 'koi8r-semicolon', what: 'KOI8-R with «;»', make: textFiles(ALL, 'csv', (r) => bytes(excelSemicolon(r), 'koi8-r')) },
  {
    id: 'excel-sep-line',
    what: 'a first line «sep=;» naming the separator',
    make: textFiles(ALL, 'csv', (r) => bytes('sep=;\r\n' + excelSemicolon(r), 'utf-8')),
  },
  {
    id: 'quote-all',
    what: 'every field quoted (LibreOffice «Quote all text cells»)',
    make: textFiles(ALL, 'csv', (r) => bytes(delimited(r, { sep: ',', cell: excelTextDot, quoteAll: true, finalEol: true }), 'utf-8')),
  },
  {
    id: 'utf8-semicolon',
    what: 'UTF-8 without BOM and «;» (LibreOffice, Russian locale)',
    make: textFiles(ALL, 'csv', (r) => bytes(excelSemicolon(r), 'utf-8')),
  },
  {
    id: 'trailing-separators',
    what: 'rows padded with empty fields and empty lines of separators at the end (Excel after cleared cells)',
    make: textFiles(ALL, 'csv', (r) =>
      bytes(
        excelSemicolon(r.map((row) => [...row, '', ''])) + ';'.repeat(r[0].length + 1) + '\r\n' + ';'.repeat(r[0].length + 1) + '\r\n',
        'windows-1251',
      ),
    ),
  },
  { id: 'mac-cr', what: 'old Mac line endings (CR only)', make: textFiles(ALL, 'csv', (r) => bytes(toCsv(r, '\r'), 'utf-8')) },
  {
    id: 'mixed-encodings',
    what: 'responses in Windows-1251 «;», results in «Текст Юникод», risks from Google',
    make: async (dir, region) => ({
      ...(await textFiles(['responses'], 'csv', (r) => bytes(excelSemicolon(r), 'windows-1251'))(dir, region)),
      ...(await textFiles(['results'], 'txt', (r) => bytes(excelTab(r), 'utf-16le-bom'))(dir, region)),
      ...(await textFiles(['risks'], 'csv', (r) => bytes(google(r), 'utf-8'))(dir, region)),
    }),
  },
  {
    id: 'csv-title-lines',
    what: 'CSV saved from a sheet with a title and a blank line above the header',
    make: textFiles(ALL, 'csv', (r, input) =>
      bytes(`Сведения: ${SHEET_TITLES[input]} — Заречный и Северск;;;\r\n;;;\r\n` + excelSemicolon(r), 'windows-1251'),
    ),
  },
  {
    id: 'csv-numbering-row',
    what: 'a row of column numbers «1;2;3…» under the header',
    make: textFiles(ALL, 'csv', (r) => bytes(excelSemicolon([r[0], r[0].map((_, i) => i + 1), ...r.slice(1)]), 'utf-8-bom')),
  },
  // ---- XLSX layouts
  { id: 'xlsx-plain', what: 'one XLSX per input, typed cells (dates, numbers)', make: workbooks(ALL, plainSheet) },
  {
    id: 'xlsx-title-merged',
    what: 'XLSX with a merged title, a subtitle and a blank row above the header',
    make: workbooks(ALL, (rows, input) => [
      {
        name: SHEET_TITLES[input],
        rows,
        above: [[`${SHEET_TITLES[input]}: мониторинг 2025 года`], ['Источник: региональный центр оценки качества образования'], []],
      },
    ]),
  },
  {
    id: 'xlsx-instruction-first',
    what: 'XLSX whose first sheet is «Инструкция»',
    make: workbooks(ALL, (rows, input) => [INSTRUCTION, { name: SHEET_TITLES[input], rows }]),
  },
  {
    id: 'xlsx-numbering-row',
    what: 'XLSX with a row of column numbers under the header',
    make: workbooks(ALL, (rows, input) => [{ name: SHEET_TITLES[input], rows, numbering: true }]),
  },
  {
    id: 'xlsx-two-row-header',
    what: 'XLSX form with a merged group caption «Количество обучающихся» over its sub-columns (two header rows)',
    make: workbooks(['responses'], (rows) => {
      const { top, bottom } = twoRowHeader(rows);
      return [
        {
          name: 'Ответы',
          rows: [top, bottom, ...rows.slice(1)],
          touch: (ws, h) => {
            // The group caption is merged across its columns; every other header is merged over both rows.
            const first = top.indexOf('Количество обучающихся') + 1;
            const last = top.lastIndexOf('Количество обучающихся') + 1;
            ws.mergeCells(h, first, h, last);
            top.forEach((t, i) => {
              if (t !== 'Количество обучающихся') ws.mergeCells(h, i + 1, h + 1, i + 1);
            });
          },
        },
      ];
    }),
  },
  {
    id: 'xlsx-results-by-year',
    what: 'results workbook with one sheet per year («2024», «2025») and no «Год» column',
    make: workbooks(['results'], (rows) => [2024, 2025].map((y) => ({ name: String(y), rows: resultsOfYear(rows, y, false) }))),
  },
  {
    id: 'xlsx-results-school-years',
    what: 'results workbook: «Инструкция», then sheets «2023-2024 уч. год» and «2024-2025 уч. год» without «Год»',
    make: workbooks(['results'], (rows) => [
      INSTRUCTION,
      ...[2024, 2025].map((y) => ({ name: `${y - 1}-${y} уч. год`, rows: resultsOfYear(rows, y, false) })),
    ]),
  },
  {
    id: 'xlsx-results-by-year-reordered',
    what: 'results workbook with a sheet per year, «Год» kept, the second sheet in another column order',
    make: workbooks(['results'], (rows) => [
      { name: '2024', rows: resultsOfYear(rows, 2024, true) },
      { name: '2025', rows: reorder(resultsOfYear(rows, 2025, true), ['Процедура', 'Код ОО', 'Не преодолели порог', 'Участников']) },
    ]),
  },
  {
    id: 'xlsx-one-workbook',
    what: 'one workbook with sheets «Ответы», «Результаты ОП» and «Риски», given for all three inputs',
    make: async (dir, region) => {
      await writeWorkbook(path.join(dir, 'данные.xlsx'), [
        INSTRUCTION,
        ...ALL.map((input) => ({ name: SHEET_TITLES[input], rows: region[input] })),
      ]);
      return { responses: 'данные.xlsx', results: 'данные.xlsx', risks: 'данные.xlsx' };
    },
  },
  {
    id: 'xlsx-serial-dates',
    what: 'timestamps stored as Excel serial numbers in a date format',
    make: workbooks(['responses'], (rows) => [
      {
        name: 'Ответы',
        rows: rows.map((r, i) =>
          i === 0 ? r : r.map((v) => (v instanceof Date ? (v.getTime() + 3 * 3600 * 1000 - Date.UTC(1899, 11, 30)) / 86_400_000 : v)),
        ),
        touch: (ws) => ws.getColumn(1).eachCell((cell, n) => void (n > 1 && (cell.numFmt = 'dd.mm.yyyy h:mm:ss'))),
      },
    ]),
  },
  {
    id: 'xlsx-text-cells',
    what: 'every cell stored as text (an export from an information system): «309», «01.09.2025 8:03:05»',
    make: workbooks(ALL, (rows, input) => [
      {
        name: SHEET_TITLES[input],
        rows: rows.map((r) => r.map((v) => (v instanceof Date ? formatSheetsTimestamp(v) : v === '' ? '' : String(v)))),
      },
    ]),
  },
  {
    id: 'xlsx-merged-municipality',
    what: 'responses sorted by municipality with the municipality cells merged down each group',
    make: workbooks(['responses'], (rows) => {
      const m = column(rows, 'Муниципальное образование');
      const sorted = [rows[0], ...rows.slice(1).sort((a, b) => String(a[m]).localeCompare(String(b[m]), 'ru'))];
      return [
        {
          name: 'Ответы',
          rows: sorted,
          touch: (ws, h) => {
            let from = 1;
            for (let i = 2; i <= sorted.length; i++) {
              if (i === sorted.length || sorted[i][m] !== sorted[from][m]) {
                if (i - 1 > from) ws.mergeCells(h + from, m + 1, h + i - 1, m + 1);
                from = i;
              }
            }
          },
        },
      ];
    }),
  },
  {
    id: 'xlsx-formulas',
    what: 'counts as formulas with cached results («=120+189»)',
    make: workbooks(['responses', 'results'], (rows, input) => {
      const title = input === 'responses' ? 'Общее количество обучающихся' : 'Участников';
      const c = column(rows, title);
      return [
        {
          name: SHEET_TITLES[input],
          rows: rows.map((r, i) =>
            i === 0 ? r : r.map((v, j) => (j === c && typeof v === 'number' && v > 1 ? { formula: `${v - 1}+1`, result: v } : v)),
          ),
        },
      ];
    }),
  },
  {
    id: 'xlsx-rich-text-headers',
    what: 'headers in rich text with line breaks inside («Количество обучающихся\\nс ОВЗ»)',
    make: workbooks(['responses'], (rows) => [
      {
        name: 'Ответы',
        rows: [
          rows[0].map((h) => ({ richText: [{ text: String(h).replace(/, /, ',\n').replace(/ с /, '\nс '), font: { bold: true } }] })),
          ...rows.slice(1),
        ],
      },
    ]),
  },
  {
    id: 'xlsx-blank-rows',
    what: 'blank rows between the schools of each municipality and formatted empty rows at the end',
    make: workbooks(['responses', 'results'], (rows, input) => [
      {
        name: SHEET_TITLES[input],
        rows: rows.flatMap((r, i) => (i > 0 && i % 5 === 0 ? [r, r.map(() => '')] : [r])),
        touch: (ws) => {
          for (let i = 0; i < 5; i++) ws.getCell(ws.rowCount + 3 + i, 2).numFmt = '0.00';
        },
      },
    ]),
  },
  {
    id: 'xlsx-offset-table',
    what: 'the table starting in column C under a title, as a printed form',
    make: workbooks(ALL, (rows, input) => [{ name: SHEET_TITLES[input], rows, startColumn: 3, above: [['Форма 1'], []] }]),
  },
  {
    id: 'xlsx-percent-shares',
    what: 'the five ИСБШ counts given as percent-formatted shares («26,3%»)',
    make: workbooks(['responses'], (rows) => {
      const total = column(rows, 'Общее количество обучающихся');
      const shares = Object.keys(SHARE_QUESTIONS).map((t) => column(rows, t));
      return [
        {
          name: 'Ответы',
          rows: renamed(
            rows.map((r, i) => (i === 0 ? r : r.map((v, j) => (shares.includes(j) ? Number(v) / Number(r[total]) : v)))),
            SHARE_QUESTIONS,
          ),
          touch: (ws) => shares.forEach((j) => ws.getColumn(j + 1).eachCell((cell, n) => void (n > 1 && (cell.numFmt = '0.0%')))),
        },
      ];
    }),
  },
  // ---- reworded, reordered and extra columns (wordings today's header matcher maps)
  {
    id: 'reworded-responses',
    what: 'another region’s wording of every question',
    make: textFiles(['responses'], 'csv', (r) => bytes(google(renamed(r, REWORDED_A)), 'utf-8')),
  },
  {
    id: 'reworded-kolvo',
    what: '«Кол-во» for «Количество» in every count question',
    make: textFiles(['responses'], 'csv', (r) => bytes(excelSemicolon(renamed(r, KOLVO)), 'windows-1251')),
  },
  {
    id: 'extra-columns-responses',
    what: 'extra columns: e-mail, director, phone, ИНН, a note',
    make: textFiles(['responses'], 'csv', (r) =>
      bytes(
        google(
          withColumns(withColumns(r, 1, [{ title: 'Адрес электронной почты', value: (_row, i) => `school${i}@example.ru` }]), 4, [
            { title: 'ФИО директора', value: (_row, i) => `Иванова И. И. (${i})` },
            { title: 'Контактный телефон', value: (_row, i) => `+7 900 000-00-${String(i).padStart(2, '0')}` },
            { title: 'ИНН', value: (_row, i) => String(7700000000 + i) },
          ]).map((row, i) => [...row, i === 0 ? 'Примечание' : i % 3 ? '' : 'данные уточняются']),
        ),
        'utf-8',
      ),
    ),
  },
  {
    id: 'reordered-responses',
    what: 'the questions in another order',
    make: textFiles(['responses'], 'csv', (r) =>
      bytes(
        google(
          reorder(r, [
            'Муниципальное образование',
            'Полное наименование образовательной организации',
            'Код ОО',
            'Количество обучающихся с ОВЗ',
            'Общее количество обучающихся',
          ]),
        ),
        'utf-8',
      ),
    ),
  },
  {
    id: 'reworded-results',
    what: '«Логин ОО», «Год проведения», «Оценочная процедура», «Количество участников» …',
    make: textFiles(['results'], 'csv', (r) => bytes(excelSemicolon(renamed(r, RESULTS_REWORDED)), 'utf-8-bom')),
  },
  {
    id: 'extra-columns-results',
    what: 'results with the municipality, the school name, a class and a mean score added',
    make: (dir, region) => {
      const codes = new Map(region.responses.slice(1).map((r) => [r[1], r]));
      return textFiles(['results'], 'csv', (r) =>
        bytes(
          google(
            withColumns(
              withColumns(r, 0, [
                { title: 'Муниципалитет', value: (row) => codes.get(row[0])?.[3] ?? '' },
                { title: 'Наименование ОО', value: (row) => codes.get(row[0])?.[2] ?? '' },
              ]),
              5,
              [
                {
                  title: 'Класс',
                  value: (row) =>
                    /5/.test(String(row[4])) ? '5' : /6/.test(String(row[4])) ? '6' : /ОГЭ/.test(String(row[4])) ? '9' : '11',
                },
              ],
            ).map((row, i) => [...row, i === 0 ? 'Средний балл' : '']),
          ),
          'utf-8',
        ),
      )(dir, region);
    },
  },
  {
    id: 'reordered-results',
    what: 'results columns in another order',
    make: textFiles(['results'], 'csv', (r) => bytes(google(reorder(r, ['Год', 'Процедура', 'Код ОО', 'Не преодолели порог'])), 'utf-8')),
  },
  {
    id: 'risks-numbered',
    what: 'risk factors headed «1. Низкий уровень оснащения школы» …',
    make: textFiles(['risks'], 'csv', (r) => bytes(google([r[0].map((h, i) => (i === 0 ? h : `${i}. ${h}`)), ...r.slice(1)]), 'utf-8')),
  },
  {
    id: 'risks-ids',
    what: 'risk factors headed by their ids «F1» … «F10», in reverse order',
    make: textFiles(['risks'], 'csv', (r) => {
      const ids = new Map(DEFAULT_RISK_FACTORS.map((f) => [f.name, f.id]));
      const headed = [r[0].map((h, i) => (i === 0 ? h : ids.get(String(h))!)), ...r.slice(1)];
      return bytes(excelSemicolon(headed.map((row) => [row[0], ...row.slice(1).reverse()])), 'windows-1251');
    }),
  },
  {
    id: 'map-code-column',
    what: 'the code column headed «Шифр школы», which only --map names',
    make: (dir, region) => {
      writeFileSync(path.join(dir, 'соответствие.json'), JSON.stringify({ 'Код ОО': 'Шифр школы' }, null, 2) + '\n');
      return {
        ...textFiles(['responses'], 'csv', (r) => bytes(google(renamed(r, { 'Код ОО': 'Шифр школы' })), 'utf-8'))(dir, region),
        map: 'соответствие.json',
      };
    },
  },
  {
    id: 'map-municipality-and-total',
    what: '«Территория» and «Контингент» headers, named by field ids in --map',
    make: (dir, region) => {
      writeFileSync(
        path.join(dir, 'соответствие.json'),
        JSON.stringify({ municipality: 'Территория', totalStudents: 'Контингент' }, null, 2) + '\n',
      );
      const titles = { 'Муниципальное образование': 'Территория', 'Общее количество обучающихся': 'Контингент' };
      return {
        ...textFiles(['responses'], 'csv', (r) => bytes(excelSemicolon(renamed(r, titles)), 'windows-1251'))(dir, region),
        map: 'соответствие.json',
      };
    },
  },
];

/** The clean region, exactly as generateRegion gives it. */
export function cleanRegion(): Region {
  const r = generateRegion(REGION_OPTIONS);
  return { responses: r.responses, results: r.results, risks: r.risks };
}

async function main(): Promise<void> {
  rmSync(VARIANTS_DIR, { recursive: true, force: true });
  const region = cleanRegion();
  const cleanDir = path.join(VARIANTS_DIR, 'clean');
  mkdirSync(cleanDir, { recursive: true });
  const clean = textFiles(ALL, 'csv', (r) => bytes(google(r), 'utf-8'))(cleanDir, region) as Record<Input, string>;
  const cleanFiles = Object.fromEntries(ALL.map((i) => [i, `clean/${clean[i]}`])) as Record<Input, string>;
  const entries: VariantEntry[] = [];
  for (const v of VARIANT_MAKERS) {
    const dir = path.join(VARIANTS_DIR, v.id);
    mkdirSync(dir, { recursive: true });
    const made: Partial<Record<Input, string>> & { map?: string } = await v.make(dir, region);
    const files = { ...cleanFiles };
    for (const input of ALL) if (made[input]) files[input] = `${v.id}/${made[input]}`;
    entries.push({ id: v.id, what: v.what, files, ...(made.map ? { map: `${v.id}/${made.map}` } : {}) });
  }
  writeFileSync(path.join(VARIANTS_DIR, 'variants.json'), JSON.stringify({ clean: cleanFiles, variants: entries }, null, 2) + '\n');
  console.log(`${entries.length} variants in ${path.relative(ROOT, VARIANTS_DIR)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
