import type { Report } from '../../core/pipeline';
import type { RiskFactor } from '../../core/types';
import { SHEET_NAMES } from '../names';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT } from './format';

/**
 * «Риск-профили»: one row per school, a significance and its source for every factor in use, the number of
 * high-significance factors and what each asks for; the region's top-5 factors beside it as a table and a bar chart (docs/методика.md §5).
 */
export function riskProfilesSheet(report: Report, factors: ReadonlyArray<RiskFactor>): SheetSpec {
  const active = factors.filter((f) => f.active);
  const columns: ColumnSpec[] = [
    { header: 'Код ОО', format: FORMAT.text, width: 100 },
    { header: 'Наименование ОО', format: FORMAT.text, width: 240 },
    { header: 'Муниципалитет', format: FORMAT.text, width: 170 },
    { header: 'Кластер', format: FORMAT.text, width: 160 },
  ];
  for (const f of active) {
    columns.push({ header: f.name, format: FORMAT.text, width: 110 });
    columns.push({ header: `${f.name}: источник`, format: FORMAT.text, width: 90 });
  }
  columns.push({ header: 'Факторов высокой значимости', format: FORMAT.integer, width: 100 });
  columns.push({ header: 'Меры', format: FORMAT.text, width: 420 });

  const nameById = new Map(active.map((f) => [f.id, f.name]));
  const rows: CellValue[][] = report.schools.map((r) => {
    const byId = new Map(r.profile.factors.map((a) => [a.factorId, a]));
    const cells: CellValue[] = [r.school.schoolCode, r.school.name, r.school.municipality, r.shnor.clusterOrStatus];
    for (const f of active) {
      const a = byId.get(f.id);
      cells.push(a?.significance ?? '', a?.source ?? '');
    }
    const actions = r.profile.factors
      .filter((a) => a.significance === 'высокая' || a.significance === 'средняя')
      .map((a) => `${nameById.get(a.factorId) ?? a.factorId}: ${a.action}`);
    cells.push(r.profile.highCount, actions.join('; '));
    return cells;
  });

  const top = report.topFactors;
  const blockRow = headerRowOf({});
  const blockColumn = columns.length + 2;
  const topData: CellValue[][] = [['Фактор риска (топ-5)', 'Школ с высокой значимостью', 'Доля школ']];
  for (const t of top) topData.push([t.name, t.count, t.share]);

  return {
    name: SHEET_NAMES.riskProfiles,
    columns,
    rows,
    filter: true,
    headerNote:
      'Значимость: высокая — требуется принятие мер; средняя — требуется дополнительная оценка ситуации куратором; ' +
      'низкая — возможна дополнительная оценка ситуации куратором. Источник «диагностика» — самодиагностика школы (лист «Риски»), ' +
      '«по данным» — предложено по данным паспорта и результатов.',
    rules: [
      ...active.map((_, i) => ({ kind: 'textEqual' as const, column: 4 + i * 2, text: 'высокая', background: COLORS.bad })),
      ...active.map((_, i) => ({ kind: 'textEqual' as const, column: 4 + i * 2, text: 'средняя', background: COLORS.warn })),
    ],
    blocks: [
      { row: blockRow, column: blockColumn, values: topData, formats: [FORMAT.text, FORMAT.integer, FORMAT.percent], boldFirstRow: true },
    ],
    charts:
      top.length > 0
        ? [
            {
              kind: 'BAR',
              title: 'Факторы риска высокой значимости: топ-5 по региону',
              ranges: [{ row: blockRow, column: blockColumn, numRows: topData.length, numColumns: 2 }],
              anchor: { row: blockRow + topData.length + 1, column: blockColumn },
              options: { colors: [COLORS.bad], legend: { position: 'none' }, hAxis: { title: 'Школ' } },
            },
          ]
        : [],
  };
}
