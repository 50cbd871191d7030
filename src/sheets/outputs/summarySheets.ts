import type { Report } from '../../core/pipeline';
import { SHEET_NAMES } from '../names';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT } from './format';

/** « за 2025 год», or nothing when there are no assessment results and so no reporting year. */
function forYear(report: Report): string {
  return report.year === null ? '' : ` за ${report.year} год`;
}

function yearsCaption(report: Report): string {
  return report.year === null ? 'нет данных о результатах ОП' : `${report.year - 1} → ${report.year}`;
}

/** «Динамика»: for each procedure, the share of schools of each dynamics type (docs/методика.md §4). */
export function dynamicsSheet(report: Report): SheetSpec {
  const order = ['положительная', '0 % за два года', 'отрицательная', 'нейтральная', 'нет участников'] as const;
  const headers = ['Положительная', '0 % за два года', 'Отрицательная', 'Нейтральная', 'Нет участников'];
  const columns: ColumnSpec[] = [
    { header: 'Процедура', format: FORMAT.text, width: 220 },
    ...headers.map((h) => ({ header: h, format: FORMAT.percent, width: 100 })),
    { header: 'Всего школ', format: FORMAT.integer, width: 80 },
    { header: 'Положительный результат', format: FORMAT.percent, width: 110 },
    ...headers.map((h) => ({ header: `${h}, школ`, format: FORMAT.integer, width: 90 })),
  ];
  const rows: CellValue[][] = report.procedureSummary.map((p) => [
    p.procedure,
    ...order.map((k) => p.shares[k]),
    p.total,
    p.positiveResultShare,
    ...order.map((k) => p.counts[k]),
  ]);
  const caption = [
    `Динамика доли обучающихся, не преодолевших порог, по оценочным процедурам: ${yearsCaption(report)}.`,
    'Доли — от числа школ, участвовавших в процедуре хотя бы в одном из двух лет; «Положительный результат» — «Положительная» и «0 % за два года» вместе.',
  ];
  const headerRow = headerRowOf({ caption });
  return {
    name: SHEET_NAMES.dynamics,
    caption,
    columns,
    rows,
    filter: true,
    charts: rows.length
      ? [
          {
            kind: 'BAR',
            title: `Типы динамики по процедурам, ${yearsCaption(report)}`,
            ranges: [{ row: headerRow, column: 1, numRows: rows.length + 1, numColumns: 6 }],
            anchor: { row: headerRow + rows.length + 3, column: 1 },
            stacked: true,
            options: {
              colors: [COLORS.best, '#93c47d', COLORS.bad, COLORS.neutral, '#cccccc'],
              legend: { position: 'top' },
              hAxis: { format: 'percent', maxValue: 1 },
            },
          },
        ]
      : [],
  };
}

/** «Динамика кластеров»: the schools that were ШНОР in Y−1, by how their cluster changed, per municipality and in total (docs/методика.md §4). */
export function clusterDynamicsSheet(report: Report): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: 'Муниципалитет', format: FORMAT.text, width: 220 },
    { header: 'Повысили кластер', format: FORMAT.percent, width: 100 },
    { header: 'Вышли из списка', format: FORMAT.percent, width: 100 },
    { header: 'Всего положительная', format: FORMAT.percent, width: 110 },
    { header: 'Не изменили кластер', format: FORMAT.percent, width: 110 },
    { header: 'Отрицательная', format: FORMAT.percent, width: 100 },
    { header: 'Всего школ', format: FORMAT.integer, width: 80 },
    { header: 'Повысили кластер, школ', format: FORMAT.integer, width: 90 },
    { header: 'Вышли из списка, школ', format: FORMAT.integer, width: 90 },
    { header: 'Всего положительная, школ', format: FORMAT.integer, width: 100 },
    { header: 'Не изменили кластер, школ', format: FORMAT.integer, width: 100 },
    { header: 'Отрицательная, школ', format: FORMAT.integer, width: 90 },
  ];
  const rows: CellValue[][] = report.clusterSummary.map((m) => [
    m.municipality,
    m.shares.raised,
    m.shares.left,
    m.shares.positive,
    m.shares.unchanged,
    m.shares.negative,
    m.total,
    m.raised,
    m.left,
    m.positive,
    m.unchanged,
    m.negative,
  ]);
  const y = report.year;
  return {
    name: SHEET_NAMES.clusterDynamics,
    caption: [
      `Динамика кластеров неосвоения: школы, бывшие ШНОР в ${y === null ? 'прошлом' : y - 1} году, по изменению статуса в ${y ?? 'отчётном'} году.`,
      'Доли — от «Всего школ»; положительная динамика — повысили кластер или вышли из списка.',
    ],
    columns,
    rows,
    filter: true,
    boldRows: rows.length ? [rows.length - 1] : [],
  };
}

/** «Муниципалитеты»: ШНОР, zone of risk, deficits and priority addressees per municipality with the region total (docs/методика.md §8). */
export function municipalitiesSheet(report: Report): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: 'Муниципалитет', format: FORMAT.text, width: 220 },
    { header: 'Школ', format: FORMAT.integer, width: 60 },
    { header: 'ШНОР', format: FORMAT.integer, width: 60 },
    { header: 'Доля ШНОР', format: FORMAT.percent, width: 80 },
    { header: 'Неполные данные', format: FORMAT.integer, width: 90 },
    { header: 'Зона риска', format: FORMAT.integer, width: 80 },
    { header: 'Доля зоны риска', format: FORMAT.percent, width: 90 },
    { header: 'Кадровый дефицит', format: FORMAT.integer, width: 90 },
    { header: 'Доля кадрового', format: FORMAT.percent, width: 90 },
    { header: 'Инфраструктурный дефицит', format: FORMAT.integer, width: 110 },
    { header: 'Доля инфраструктурного', format: FORMAT.percent, width: 110 },
    { header: 'Оба дефицита', format: FORMAT.integer, width: 80 },
    { header: 'Доля обоих', format: FORMAT.percent, width: 80 },
    { header: 'Приоритетные адресаты', format: FORMAT.integer, width: 100 },
    { header: 'Признаки необъективности ВПР', format: FORMAT.integer, width: 110 },
  ];
  const rows: CellValue[][] = report.municipalities.map((m) => [
    m.municipality,
    m.schools,
    m.shnor,
    m.shnorShare,
    m.incomplete,
    m.zone,
    m.zoneShare,
    m.staffing,
    m.staffingShare,
    m.infrastructure,
    m.infrastructureShare,
    m.both,
    m.bothShare,
    m.priority,
    report.objectivityGiven ? m.objectivity : '',
  ]);
  const caption = [
    `Сводка по муниципалитетам${forYear(report)}: ШНОР, зона риска по ИСБШ, ресурсные дефициты и приоритетные адресаты поддержки.`,
    'Доли — от числа школ муниципалитета; муниципалитеты отсортированы по доле ШНОР, от большей к меньшей. «Неполные данные» — школы, статус которых не определён: не хватает строк результатов ОП (см. «Проверка данных»).',
  ];
  const headerRow = headerRowOf({ caption });
  const municipalRows = Math.max(rows.length - 1, 0); // without «Всего по региону»
  const chartsRow = headerRow + rows.length + 3;
  return {
    name: SHEET_NAMES.municipalities,
    caption,
    columns,
    rows,
    filter: true,
    boldRows: rows.length ? [rows.length - 1] : [],
    charts: municipalRows
      ? [
          {
            kind: 'COLUMN',
            title: 'Доля ШНОР и зоны риска по муниципалитетам',
            ranges: [
              { row: headerRow, column: 1, numRows: municipalRows + 1, numColumns: 1 },
              { row: headerRow, column: 4, numRows: municipalRows + 1, numColumns: 1 },
              { row: headerRow, column: 6, numRows: municipalRows + 1, numColumns: 1 },
            ],
            anchor: { row: chartsRow, column: 1 },
            options: { colors: [COLORS.bad, '#e69138'], legend: { position: 'top' }, vAxis: { format: 'percent' } },
          },
          {
            kind: 'COLUMN',
            title: 'Ресурсные дефициты по муниципалитетам',
            ranges: [
              { row: headerRow, column: 1, numRows: municipalRows + 1, numColumns: 1 },
              { row: headerRow, column: 7, numRows: municipalRows + 1, numColumns: 1 },
              { row: headerRow, column: 9, numRows: municipalRows + 1, numColumns: 1 },
            ],
            anchor: { row: chartsRow, column: 7 },
            stacked: true,
            options: { colors: ['#6fa8dc', '#f6b26b'], legend: { position: 'top' }, vAxis: { title: 'Школ' } },
          },
        ]
      : [],
  };
}

/** The columns of «Показатели»; the loading step finds hand entries by these headers (docs/методика.md §7). */
export const INDICATOR_HEADERS = {
  direction: 'Направление',
  number: '№',
  name: 'Показатель',
  target: 'Целевое значение',
  actual: 'Фактическое значение',
  numerator: 'Числитель',
  denominator: 'Знаменатель',
  met: 'Достигнуто',
  source: 'Источник',
  definition: 'Как считается',
} as const;

/** The titles of «Показатели» that people fill in by hand and readManualIndicators reads back. */
export const INDICATOR_TITLES = { indicator: INDICATOR_HEADERS.name, actual: INDICATOR_HEADERS.actual } as const;

/** «Показатели»: every target indicator with its target, actual value, numerator, denominator and definition (docs/методика.md §7). */
export function indicatorsSheet(report: Report): SheetSpec {
  const h = INDICATOR_HEADERS;
  const columns: ColumnSpec[] = [
    { header: h.direction, format: FORMAT.text, width: 90 },
    { header: h.number, format: FORMAT.text, width: 40 },
    { header: h.name, format: FORMAT.text, width: 420 },
    { header: h.target, format: FORMAT.percent, width: 100 },
    { header: h.actual, format: FORMAT.percent, width: 110 },
    { header: h.numerator, format: FORMAT.integer, width: 90 },
    { header: h.denominator, format: FORMAT.integer, width: 100 },
    { header: h.met, format: FORMAT.text, width: 90 },
    { header: h.source, format: FORMAT.text, width: 90 },
    { header: h.definition, format: FORMAT.text, width: 520 },
  ];
  const rowFormats: Record<number, string[]> = {};
  const rows: CellValue[][] = report.indicators.map((i, k) => {
    if (i.unit === 'count') rowFormats[k] = columns.map((c, j) => (j === 3 || j === 4 ? FORMAT.countUnits : (c.format ?? FORMAT.text)));
    return [
      i.direction === '1' ? 'Первое' : 'Второе',
      i.number,
      i.name,
      i.target === null ? '' : i.target,
      i.actual === null ? '' : i.actual,
      i.numerator === null ? '' : i.numerator,
      i.denominator === null ? '' : i.denominator,
      i.met,
      i.source,
      i.definition,
    ];
  });
  return {
    name: SHEET_NAMES.indicators,
    caption: [
      `Целевые показатели системы работы со ШНОР${forYear(report)} (первое и второе направления). «Достигнуто» — «да», если фактическое значение не меньше целевого (для доли ШНОР — не больше).`,
      'Показатели с источником «вручную» заполните в столбце «Фактическое значение» (доли — в процентах, «шт.» — числом): при пересчёте они сохраняются. Как считается каждый показатель — в последнем столбце.',
    ],
    columns,
    rows,
    rowFormats,
    filter: true,
    rules: [
      { kind: 'textEqual', column: 7, text: 'да', background: COLORS.good },
      { kind: 'textEqual', column: 7, text: 'нет', background: COLORS.bad },
    ],
  };
}

/** «Сверка с федеральным списком»: our ШНОР against «Список ФИОКО» for the reporting year (docs/методика.md §10). */
export function federalComparisonSheet(report: Report): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: 'Код ОО', format: FORMAT.text, width: 100 },
    { header: 'Наименование ОО', format: FORMAT.text, width: 260 },
    { header: 'Муниципалитет', format: FORMAT.text, width: 180 },
    { header: 'Сверка', format: FORMAT.text, width: 200 },
    { header: 'Статус по нашим данным', format: FORMAT.text, width: 120 },
    { header: 'Основание или что говорят наши данные', format: FORMAT.text, width: 420 },
  ];
  const rows: CellValue[][] = (report.federalComparison ?? []).map((r) => [
    r.schoolCode,
    r.name,
    r.municipality,
    r.kind,
    r.ourStatus,
    r.detail,
  ]);
  const caption =
    report.federalComparison === null
      ? [
          report.year === null
            ? 'Сверка с федеральным списком не построена: нет результатов ОП, отчётный год не определён.'
            : 'Сверка с федеральным списком не построена: нет листа «Список ФИОКО» (Код ОО, Год). Создайте его из меню «Создать шаблоны сверки» и вставьте федеральный список.',
        ]
      : [
          `Сверка списка ШНОР${forYear(report)} с федеральным списком ФИОКО (лист «Список ФИОКО», строки этого года).`,
          `В обоих списках: ${count(report, 'в обоих списках')}; только в нашем: ${count(report, 'только в нашем списке')}; только в федеральном: ${count(report, 'только в федеральном списке')}.`,
        ];
  return {
    name: SHEET_NAMES.federalComparison,
    caption,
    columns,
    rows,
    filter: true,
    rules: [
      { kind: 'textEqual', column: 3, text: 'в обоих списках', background: COLORS.neutral },
      { kind: 'textEqual', column: 3, text: 'только в нашем списке', background: COLORS.warn },
      { kind: 'textEqual', column: 3, text: 'только в федеральном списке', background: COLORS.bad },
    ],
  };
}

function count(report: Report, kind: string): number {
  return (report.federalComparison ?? []).filter((r) => r.kind === kind).length;
}
