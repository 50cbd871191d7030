import type { Report } from '../../core/pipeline';
import type { IsbshLevel } from '../../core/types';
import { SHEET_NAMES } from '../names';
import type { CellValue, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT, orEmpty, yesNo } from './format';

const LEVELS: ReadonlyArray<{ level: IsbshLevel; color: string }> = [
  { level: 'низкий', color: COLORS.bad },
  { level: 'ниже среднего', color: COLORS.warn },
  { level: 'средний', color: COLORS.neutral },
  { level: 'выше среднего', color: COLORS.good },
  { level: 'высокий', color: COLORS.best },
];

const COLUMNS = [
  { header: 'Код ОО', format: FORMAT.text, width: 100 },
  { header: 'Наименование ОО', format: FORMAT.text, width: 260 },
  { header: 'Муниципалитет', format: FORMAT.text, width: 180 },
  { header: 'Тип территории', format: FORMAT.text, width: 80 },
  { header: 'Обучающихся', format: FORMAT.integer, width: 90 },
  { header: 'ИСБШ', format: FORMAT.isbsh, width: 70 },
  { header: 'Уровень ИСБШ', format: FORMAT.text, width: 110 },
  { header: 'Ранг в муниципалитете', format: FORMAT.integer, width: 90 },
  { header: 'Зона риска', format: FORMAT.text, width: 70 },
  { header: 'Тип школы', format: FORMAT.text, width: 260 },
  { header: 'Кадровый дефицит', format: FORMAT.text, width: 80 },
  { header: 'Инфраструктурный дефицит', format: FORMAT.text, width: 100 },
  { header: 'Финансовый дефицит', format: FORMAT.text, width: 90 },
  { header: 'Нет в штате (необходимые специалисты)', format: FORMAT.text, width: 220 },
  { header: 'Доля: оба родителя с высшим образованием', format: FORMAT.percent, width: 110 },
  { header: 'Доля: благоустроенное жильё', format: FORMAT.percent, width: 110 },
  { header: 'Доля: неполные семьи', format: FORMAT.percent, width: 100 },
  { header: 'Доля: на различных видах учёта', format: FORMAT.percent, width: 100 },
  { header: 'Доля: русский язык не родной', format: FORMAT.percent, width: 100 },
  { header: 'Примечание', format: FORMAT.text, width: 300 },
];

/** docs/методика.md §2: a tie straddling the cut is left out of the zone, and said so. */
export const ZONE_BOUNDARY_NOTE = 'на границе зоны риска: школы с равным ИСБШ не помещаются в долю зоны целиком, поэтому не включены';

const LEVEL_COLUMN = 6;
const ZONE_COLUMN = 8;

/** «ИСБШ»: one row per school with the index, its level, rank, zone of risk, type and deficits (docs/методика.md §2). */
export function isbshSheet(report: Report): SheetSpec {
  const rows: CellValue[][] = report.schools.map((r) => {
    const s = r.school;
    const notes: string[] = [];
    if (r.isbshMissing.length) {
      // The labels contain commas of their own, so each is quoted: «Обучающихся, оба родителя …», «Обучающихся из неполных семей».
      const fields = r.isbshMissing.map((label) => `«${label}»`).join(', ');
      notes.push(`ИСБШ не рассчитан: ${r.isbshMissing.length === 1 ? 'нет значения' : 'нет значений'} — ${fields}`);
    }
    if (r.isbsh !== null && r.inZone === false && report.smallGroups.includes(r.zoneGroup)) {
      notes.push('в группе меньше школ с индексом, чем нужно для зоны риска: зона риска не определяется');
    }
    if (r.zoneBoundary) notes.push(ZONE_BOUNDARY_NOTE);
    notes.push(...r.deficitReasons);
    return [
      s.schoolCode,
      s.name,
      s.municipality,
      orEmpty(s.territory),
      orEmpty(s.totalStudents),
      orEmpty(r.isbsh),
      orEmpty(r.isbshLevel),
      orEmpty(r.rank),
      r.isbsh === null ? '' : yesNo(r.inZone),
      orEmpty(r.schoolType),
      yesNo(r.staffingDeficit),
      yesNo(r.infrastructureDeficit),
      yesNo(r.financialDeficit),
      r.missingSpecialists === null ? '' : r.missingSpecialists.join(', '),
      orEmpty(s.shares.bothParentsHigherEd),
      orEmpty(s.shares.comfortableHousing),
      orEmpty(s.shares.singleParent),
      orEmpty(s.shares.registered),
      orEmpty(s.shares.nonNativeRussian),
      notes.join('; '),
    ];
  });

  // The chart's data: schools by ascending index, one series per level so each column takes its level's colour.
  const withIndex = report.schools.filter((r) => r.isbsh !== null).sort((a, b) => (a.isbsh as number) - (b.isbsh as number));
  const chartRow = headerRowOf({});
  const chartColumn = COLUMNS.length + 2;
  const chartData: CellValue[][] = [['Школа', ...LEVELS.map((l) => l.level)]];
  for (const r of withIndex) chartData.push([r.school.name, ...LEVELS.map((l) => (l.level === r.isbshLevel ? r.isbsh : null))]);

  return {
    name: SHEET_NAMES.isbsh,
    columns: COLUMNS,
    rows,
    filter: true,
    headerNote:
      'Цвет уровня ИСБШ: низкий — красный, ниже среднего — оранжевый, средний — жёлтый, выше среднего — светло-зелёный, высокий — зелёный. ' +
      'Строки школ в зоне риска выделены розовым.',
    rules: [
      ...LEVELS.map((l) => ({ kind: 'textEqual' as const, column: LEVEL_COLUMN, text: l.level, background: l.color })),
      { kind: 'rowWhenEqual', column: ZONE_COLUMN, text: 'да', background: COLORS.zoneRow },
    ],
    blocks: [
      {
        row: chartRow,
        column: chartColumn,
        values: chartData,
        formats: [FORMAT.text, ...LEVELS.map(() => FORMAT.isbsh)],
        boldFirstRow: true,
      },
    ],
    charts: withIndex.length
      ? [
          {
            kind: 'COLUMN',
            title: 'ИСБШ по школам (цвет — уровень индекса)',
            ranges: [{ row: chartRow, column: chartColumn, numRows: chartData.length, numColumns: LEVELS.length + 1 }],
            anchor: { row: 2, column: chartColumn + LEVELS.length + 2 },
            stacked: true,
            options: {
              colors: LEVELS.map((l) => l.color),
              legend: { position: 'top' },
              hAxis: { textPosition: 'none' },
              vAxis: { title: 'ИСБШ' },
            },
          },
        ]
      : [],
  };
}
