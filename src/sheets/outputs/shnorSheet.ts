import type { Report } from '../../core/pipeline';
import type { ClusterOrStatus } from '../../core/types';
import { SHEET_NAMES } from '../names';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT, orEmpty, yesNo } from './format';

const STATUS_COLORS: ReadonlyArray<{ text: string; color: string }> = [
  { text: 'ШНОР', color: COLORS.bad },
  { text: 'не ШНОР', color: COLORS.good },
  { text: 'нет данных', color: COLORS.none },
  { text: 'неполные данные', color: COLORS.warn },
];

const CLUSTER_COLORS: ReadonlyArray<{ text: ClusterOrStatus; color: string }> = [
  { text: 'сильно неуспевающие', color: COLORS.bad },
  { text: 'умеренно неуспевающие', color: COLORS.warn },
  { text: 'базово неуспевающие', color: COLORS.neutral },
];

const CLUSTER_ORDER: ClusterOrStatus[] = [
  'сильно неуспевающие',
  'умеренно неуспевающие',
  'базово неуспевающие',
  'не ШНОР',
  'неполные данные',
  'нет данных',
];

/**
 * The column people fill with the mentor or curator they assigned (a person or a school); rebuilds keep it and the
 * indicator «Доля ШНОР, за которыми закреплены наставники» counts it (docs/методика.md §7).
 */
export const ASSIGNED_MENTOR_HEADER = 'Назначенный наставник / куратор';

const BASE_COLUMNS: ColumnSpec[] = [
  { header: 'Код ОО', format: FORMAT.text, width: 100 },
  { header: 'Наименование ОО', format: FORMAT.text, width: 260 },
  { header: 'Муниципалитет', format: FORMAT.text, width: 180 },
  { header: 'Статус ШНОР', format: FORMAT.text, width: 90 },
  { header: 'Основание', format: FORMAT.text, width: 320 },
  { header: 'Кластер', format: FORMAT.text, width: 170 },
  { header: 'Кластер в прошлом году', format: FORMAT.text, width: 170 },
  { header: 'Динамика кластера', format: FORMAT.text, width: 130 },
  { header: 'Приоритетный адресат', format: FORMAT.text, width: 90 },
  { header: 'Наставник (предложение)', format: FORMAT.text, width: 260 },
  { header: ASSIGNED_MENTOR_HEADER, format: FORMAT.text, width: 220 },
  { header: 'Признаки необъективности', format: FORMAT.text, width: 280 },
];
const STATUS_COLUMN = 3;
const CLUSTER_COLUMN = 5;
const PRIORITY_COLUMN = 8;

/** «ШНОР»: status, reason, cluster and its dynamics, priority and mentor per school, then every failing share (docs/методика.md §3–§4). */
export function shnorSheet(report: Report): SheetSpec {
  const y = report.year;
  const shareColumns: ColumnSpec[] = [];
  for (const p of report.procedures) {
    shareColumns.push({ header: `${p}, ${y === null ? 'прошлый год' : y - 1}`, format: FORMAT.percent, width: 90 });
    shareColumns.push({ header: `${p}, ${y === null ? 'отчётный год' : y}`, format: FORMAT.percent, width: 90 });
  }
  const columns = [...BASE_COLUMNS, ...shareColumns, { header: 'Примечание', format: FORMAT.text, width: 260 }];

  const rows: CellValue[][] = report.schools.map((r) => {
    const sh = r.shnor;
    const shares: CellValue[] = [];
    for (const p of report.procedures) shares.push(orEmpty(r.sharesPrev.get(p)), orEmpty(r.sharesY.get(p)));
    const mentor = r.mentor ? `${r.mentor.mentorName} (${r.mentor.mentorCode}), ${r.mentor.basis}` : '';
    return [
      r.school.schoolCode,
      r.school.name,
      r.school.municipality,
      sh.status,
      sh.reason,
      sh.clusterOrStatus,
      sh.previousClusterOrStatus,
      r.clusterDynamics,
      yesNo(r.priority),
      mentor,
      r.assignedMentor,
      r.objectivityFlags.map((f) => f.text).join('; '),
      ...shares,
      sh.note,
    ];
  });

  const counts = new Map<ClusterOrStatus, number>();
  for (const r of report.schools) counts.set(r.shnor.clusterOrStatus, (counts.get(r.shnor.clusterOrStatus) ?? 0) + 1);
  const pieData: CellValue[][] = [['Кластер', 'Школ']];
  for (const c of CLUSTER_ORDER) if (counts.get(c)) pieData.push([c, counts.get(c) as number]);
  const blockRow = headerRowOf({});
  const blockColumn = columns.length + 2;

  return {
    name: SHEET_NAMES.shnor,
    columns,
    rows,
    filter: true,
    headerNote:
      'Статус: ШНОР — красный, не ШНОР — зелёный, нет данных — серый. Кластер: сильно — красный, умеренно — оранжевый, базово — жёлтый. ' +
      'Строки приоритетных адресатов поддержки (ШНОР в зоне риска по ИСБШ) выделены розовым и полужирным шрифтом. ' +
      `Столбец «${ASSIGNED_MENTOR_HEADER}» заполняют люди (ФИО куратора или школа-наставник): при пересчёте он сохраняется и учитывается в «Показателях».`,
    rules: [
      ...STATUS_COLORS.map((s) => ({ kind: 'textEqual' as const, column: STATUS_COLUMN, text: s.text, background: s.color })),
      ...CLUSTER_COLORS.map((c) => ({ kind: 'textEqual' as const, column: CLUSTER_COLUMN, text: c.text, background: c.color })),
      { kind: 'rowWhenEqual', column: PRIORITY_COLUMN, text: 'да', background: COLORS.priorityRow, bold: true },
    ],
    blocks: [{ row: blockRow, column: blockColumn, values: pieData, formats: [FORMAT.text, FORMAT.integer], boldFirstRow: true }],
    charts:
      pieData.length > 1
        ? [
            {
              kind: 'PIE',
              title: `Школы по кластерам неосвоения, ${y ?? ''}`.trim(),
              ranges: [{ row: blockRow, column: blockColumn, numRows: pieData.length, numColumns: 2 }],
              anchor: { row: blockRow + pieData.length + 1, column: blockColumn },
              options: { pieHole: 0.4, legend: { position: 'right' } },
            },
          ]
        : [],
  };
}
