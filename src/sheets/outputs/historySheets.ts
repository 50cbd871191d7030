import type { Report } from '../../core/pipeline';
import { CANONICAL_PROCEDURES } from '../../core/procedures';
import { schoolYearLabel } from '../../core/history';
import { SHEET_NAMES } from '../names';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT, orEmpty, yesNo } from './format';

/** Words of «История» and «ШНОР по годам» (user-visible). */
export const HISTORY_TEXT = {
  status: (y: number) => `Статус ${y}`,
  cluster: (y: number) => `Кластер ${y}`,
  share: (procedure: string, y: number) => `${procedure} ${y}`,
  consecutive: 'Лет подряд ШНОР',
  reincluded: 'Повторно включена',
  stableLow: (n: number) => `Устойчиво низкие результаты (${n} ${n === 1 ? 'год' : n < 5 ? 'года' : 'лет'})`,
  notEnoughYears: 'мало лет с данными',
  isbsh: (sy: number) => `ИСБШ ${schoolYearLabel(sy)}`,
  zone: (sy: number) => `Зона риска ${schoolYearLabel(sy)}`,
  zoneChange: (from: number, to: number) => `Зона риска: ${schoolYearLabel(from)} → ${schoolYearLabel(to)}`,
  shnorIn: (y: number) => `ШНОР ${y}`,
  shareIn: (y: number) => `Доля ШНОР ${y}`,
  noDataIn: (y: number) => `Без статуса ${y} (нет или неполные данные)`,
  year: 'Год',
  region: 'Регион',
} as const;

/** The canonical procedures (docs/методика.md §1.2) that have a row in some year of the history, in canonical order. */
function historyProcedures(report: Report): string[] {
  const seen = new Set<string>();
  for (const s of report.history.schools) for (const year of s.shares) for (const name of year.keys()) seen.add(name);
  return CANONICAL_PROCEDURES.filter((p) => seen.has(p));
}

/**
 * «История»: one row per school over every year of «Результаты ОП» up to Y (docs/методика.md §9): status and cluster of
 * each year, the failing share of each canonical procedure per year, the run of ШНОР years, «повторно включена»,
 * «устойчиво низкие результаты», and ИСБШ with the zone of risk per school year when the form has several.
 */
export function historySheet(report: Report): SheetSpec {
  const { history } = report;
  const years = history.years;
  const procedures = historyProcedures(report);
  const sy = history.schoolYears;
  const columns: ColumnSpec[] = [
    { header: 'Код ОО', format: FORMAT.text, width: 100 },
    { header: 'Наименование ОО', format: FORMAT.text, width: 240 },
    { header: 'Муниципалитет', format: FORMAT.text, width: 160 },
    { header: 'Тип территории', format: FORMAT.text, width: 80 },
    ...years.flatMap((y) => [
      { header: HISTORY_TEXT.status(y), format: FORMAT.text, width: 90 },
      { header: HISTORY_TEXT.cluster(y), format: FORMAT.text, width: 150 },
    ]),
    { header: HISTORY_TEXT.consecutive, format: FORMAT.integer, width: 90 },
    { header: HISTORY_TEXT.reincluded, format: FORMAT.text, width: 90 },
    { header: HISTORY_TEXT.stableLow(history.stableLowYears), format: FORMAT.text, width: 130 },
    ...procedures.flatMap((p) => years.map((y) => ({ header: HISTORY_TEXT.share(p, y), format: FORMAT.percent, width: 90 }))),
    ...sy.flatMap((s) => [
      { header: HISTORY_TEXT.isbsh(s), format: FORMAT.isbsh, width: 80 },
      { header: HISTORY_TEXT.zone(s), format: FORMAT.text, width: 80 },
    ]),
    ...(sy.length >= 2 ? [{ header: HISTORY_TEXT.zoneChange(sy[sy.length - 2], sy[sy.length - 1]), format: FORMAT.text, width: 150 }] : []),
  ];
  const rows: CellValue[][] = report.schools.map((r, i) => {
    const h = history.schools[i];
    return [
      r.school.schoolCode,
      r.school.name,
      r.school.municipality,
      orEmpty(r.school.territory),
      ...h.statuses.flatMap((s) => [s.status, orEmpty(s.cluster)]),
      orEmpty(h.consecutiveShnor),
      yesNo(h.reincluded),
      h.stableLow === null ? (h.yearsWithData > 0 ? HISTORY_TEXT.notEnoughYears : '') : yesNo(h.stableLow),
      ...procedures.flatMap((p) => h.shares.map((year) => orEmpty(year.get(p)))),
      ...sy.flatMap((_, k) => [orEmpty(h.isbsh[k]), yesNo(h.inZone[k])]),
      ...(sy.length >= 2 ? [orEmpty(h.zoneChange)] : []),
    ];
  });
  const first = years[0];
  const caption = [
    years.length
      ? `История школ по годам ${years.join(', ')}: статус ШНОР и кластер каждого года, доля не преодолевших порог по каждой процедуре.`
      : 'История школ: нет данных о результатах ОП.',
    years.length
      ? `За ${first} год статус определён только по двум и более процедурам года: результатов за ${first - 1} год нет. «Лет подряд ШНОР» и «Устойчиво низкие результаты» считаются по годам с данными; пустая доля — нет участников.`
      : '',
    sy.length
      ? `ИСБШ и зона риска — по ответам на форму каждого учебного года (сентябрь–август по «Отметке времени»), зона риска каждого года считается отдельно.`
      : 'Форма заполнена в одном учебном году: ИСБШ по годам не показывается.',
  ].filter((line) => line !== '');
  const stableColumn = 4 + 2 * years.length + 2;
  const changeColumn = columns.length - 1;
  return {
    name: SHEET_NAMES.history,
    caption,
    columns,
    rows,
    filter: true,
    rules: [
      { kind: 'textEqual', column: stableColumn, text: 'да', background: COLORS.bad },
      { kind: 'textEqual', column: stableColumn - 1, text: 'да', background: COLORS.warn },
      ...years.map((_, k) => ({ kind: 'textEqual' as const, column: 4 + 2 * k, text: 'ШНОР', background: COLORS.bad })),
      ...(sy.length >= 2
        ? [
            { kind: 'textEqual' as const, column: changeColumn, text: 'вошла в зону риска', background: COLORS.bad },
            { kind: 'textEqual' as const, column: changeColumn, text: 'вышла из зоны риска', background: COLORS.good },
          ]
        : []),
    ],
  };
}

/** Municipalities drawn on the line chart of «ШНОР по годам» beside the region. */
export const CHART_MUNICIPALITIES = 10;

/** «ШНОР по годам»: ШНОР and their share per municipality and for the region in every year, with a line chart (docs/методика.md §9). */
export function shnorByYearSheet(report: Report): SheetSpec {
  const years = report.history.years;
  const columns: ColumnSpec[] = [
    { header: 'Муниципалитет', format: FORMAT.text, width: 220 },
    { header: 'Школ', format: FORMAT.integer, width: 60 },
    ...years.flatMap((y) => [
      { header: HISTORY_TEXT.shnorIn(y), format: FORMAT.integer, width: 80 },
      { header: HISTORY_TEXT.shareIn(y), format: FORMAT.percent, width: 90 },
      { header: HISTORY_TEXT.noDataIn(y), format: FORMAT.integer, width: 90 },
    ]),
  ];
  const rows: CellValue[][] = report.shnorByYear.map((m) => [
    m.municipality,
    m.schools,
    ...years.flatMap((_, k) => [m.shnor[k], m.shares[k], m.noData[k]]),
  ]);
  const caption = [
    `ШНОР по годам${years.length ? ` ${years.join(', ')}` : ''}: число ШНОР и их доля от всех школ муниципалитета (как на листе «Муниципалитеты»).`,
    'Школы без результатов за год входят в число школ и не считаются ШНОР; их число — в столбце «Нет данных».',
    `На графике — регион и не больше ${CHART_MUNICIPALITIES} муниципалитетов с наибольшей долей ШНОР в ${years.length ? years[years.length - 1] : 'отчётном'} году.`,
  ];
  const headerRow = headerRowOf({ caption });
  // The chart's data: one row per year, the region first, then the municipalities with the highest share of ШНОР in Y
  // (a line each; more than a handful of lines cannot be told apart).
  const region = report.shnorByYear[report.shnorByYear.length - 1];
  const last = years.length - 1;
  const municipalities = report.shnorByYear
    .slice(0, -1)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (last < 0 ? 0 : b.m.shares[last] - a.m.shares[last]) || a.i - b.i)
    .slice(0, CHART_MUNICIPALITIES)
    .map((x) => x.m);
  const blockRow = headerRow + rows.length + 3;
  const block: CellValue[][] = [
    [HISTORY_TEXT.year, HISTORY_TEXT.region, ...municipalities.map((m) => m.municipality)],
    ...years.map((y, k) => [String(y), region.shares[k], ...municipalities.map((m) => m.shares[k])]),
  ];
  const chartable = years.length > 0 && region !== undefined;
  return {
    name: SHEET_NAMES.shnorByYear,
    caption,
    columns,
    rows,
    filter: true,
    boldRows: rows.length ? [rows.length - 1] : [],
    blocks: chartable
      ? [{ row: blockRow, column: 1, values: block, formats: [null, ...block[0].slice(1).map(() => FORMAT.percent)], boldFirstRow: true }]
      : [],
    charts: chartable
      ? [
          {
            kind: 'LINE',
            title: 'Доля ШНОР по годам',
            ranges: [{ row: blockRow, column: 1, numRows: years.length + 1, numColumns: block[0].length }],
            anchor: { row: blockRow + years.length + 2, column: 1 },
            options: { legend: { position: 'right' }, vAxis: { format: 'percent', minValue: 0 } },
          },
        ]
      : [],
  };
}
