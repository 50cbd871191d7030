import type { Report } from '../../core/pipeline';
import type { ProcedureDynamics } from '../../core/types';
import { GROUP_WORDS, type GroupDimension } from '../../core/groups';
import { SHEET_NAMES } from '../names';
import type { CellValue, ColumnSpec, SheetSpec } from '../sheetSpec';
import { headerRowOf } from '../sheetSpec';
import { COLORS, FORMAT } from './format';

/** The per-procedure labels in the order and wording of the Yaroslavl tables (user-visible). */
const PROCEDURE_COLUMNS: ReadonlyArray<[ProcedureDynamics, string]> = [
  ['положительная', 'Положительная'],
  ['0 % за два года', '0 % не преодолевших порог за 2 года'],
  ['отрицательная', 'Отрицательная'],
  ['нейтральная', 'Нейтральная'],
  ['нет участников', 'Нет участников'],
];

/** «Разрез» column texts (user-visible). */
const DIMENSION_LABELS: Record<GroupDimension, string> = {
  группа: 'Группа',
  'город / село': 'Город / село',
  муниципалитет: 'Муниципалитет',
};

function years(report: Report): string {
  return report.year === null ? 'нет данных о результатах ОП' : `${report.year - 1} → ${report.year}`;
}

/**
 * «Динамика по группам»: per-procedure dynamics (docs/методика.md §4) by group of «Группы», town / village and
 * municipality (§9), as the Yaroslavl tables give them: the share of the group's schools of each type, «Всего школ»
 * and «Показывают положительный результат», then the counts; each group ends with «Все процедуры» (school × procedure pairs).
 */
export function groupDynamicsSheet(report: Report): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: 'Разрез', format: FORMAT.text, width: 110 },
    { header: 'Группа', format: FORMAT.text, width: 200 },
    { header: 'Процедура', format: FORMAT.text, width: 200 },
    ...PROCEDURE_COLUMNS.map(([, h]) => ({ header: h, format: FORMAT.percent, width: 110 })),
    { header: 'Всего школ', format: FORMAT.integer, width: 80 },
    { header: 'Показывают положительный результат', format: FORMAT.percent, width: 130 },
    ...PROCEDURE_COLUMNS.map(([, h]) => ({ header: `${h}, школ`, format: FORMAT.integer, width: 110 })),
    { header: 'Положительный результат, школ', format: FORMAT.integer, width: 120 },
  ];
  const rows: CellValue[][] = [];
  for (const g of report.groupDynamics) {
    for (const p of [...g.procedures, g.pooled]) {
      rows.push([
        DIMENSION_LABELS[g.dimension],
        g.group,
        p.procedure,
        ...PROCEDURE_COLUMNS.map(([k]) => p.shares[k]),
        p.total,
        p.positiveResultShare,
        ...PROCEDURE_COLUMNS.map(([k]) => p.counts[k]),
        p.positiveResult,
      ]);
    }
  }
  const groupsGiven = report.groupDynamics.some((g) => g.dimension === 'группа');
  return {
    name: SHEET_NAMES.groupDynamics,
    caption: [
      `Динамика доли не преодолевших порог по группам школ: ${years(report)}. Группы — из листа «${SHEET_NAMES.groups}»${groupsGiven ? '' : ' (его нет или он пуст)'}, затем городские и сельские школы и муниципалитеты.`,
      'Доли — от всех школ группы (школа без процедуры в одном из лет — «нет участников»); «Положительный результат» — «Положительная» и «0 %» вместе. «Все процедуры» — доли от пар «школа × процедура».',
    ],
    columns,
    rows,
    filter: true,
    // One rule rather than a bold row per group: the calls stay the same however many groups there are.
    rules: [{ kind: 'rowWhenEqual', column: 2, text: GROUP_WORDS.allProcedures, background: COLORS.none, bold: true }],
  };
}

/**
 * «Кластеры по группам»: the cluster dynamics (docs/методика.md §4) of the schools that were ШНОР in Y−1 by group,
 * town / village and municipality (§9), in the shape of the Yaroslavl table («Повысили кластер», «Вышли из списка ШНОР»,
 * «Всего «+» динамики», «Не изменили кластер», «Отрицательная динамика», «Всего школ по строке»); beside it the risk
 * profiles of town and village schools compared.
 */
export function groupClustersSheet(report: Report): SheetSpec {
  const columns: ColumnSpec[] = [
    { header: 'Разрез', format: FORMAT.text, width: 110 },
    { header: 'Группа', format: FORMAT.text, width: 200 },
    { header: 'Школ в группе', format: FORMAT.integer, width: 80 },
    { header: 'Повысили кластер', format: FORMAT.integer, width: 90 },
    { header: 'Вышли из списка ШНОР', format: FORMAT.integer, width: 90 },
    { header: 'Всего «+» динамики', format: FORMAT.integer, width: 90 },
    { header: 'Доля «+» динамики', format: FORMAT.percent, width: 90 },
    { header: 'Не изменили кластер', format: FORMAT.integer, width: 90 },
    { header: 'Доля без изменений', format: FORMAT.percent, width: 90 },
    { header: 'Отрицательная динамика', format: FORMAT.integer, width: 100 },
    { header: 'Доля отрицательной', format: FORMAT.percent, width: 90 },
    { header: 'Всего школ по строке', format: FORMAT.integer, width: 90 },
  ];
  const rows: CellValue[][] = report.groupDynamics.map((g) => {
    const c = g.cluster;
    return [
      DIMENSION_LABELS[g.dimension],
      g.group,
      g.schools,
      c.raised,
      c.left,
      c.positive,
      c.shares.positive,
      c.unchanged,
      c.shares.unchanged,
      c.negative,
      c.shares.negative,
      c.total,
    ];
  });
  const caption = [
    `Динамика кластеров неосвоения по группам школ: школы, бывшие ШНОР в ${report.year === null ? 'прошлом' : report.year - 1} году, по изменению статуса в ${report.year ?? 'отчётном'} году.`,
    '«Всего школ по строке» — школы группы, бывшие ШНОР в прошлом году; доли — от них. Справа — риск-профили городских и сельских школ.',
  ];
  const headerRow = headerRowOf({ caption });
  const riskBlock: CellValue[][] = [
    [
      'Фактор риска',
      'Городские: высокая значимость, школ',
      'Городские: оценено школ',
      'Городские: доля',
      'Сельские: высокая значимость, школ',
      'Сельские: оценено школ',
      'Сельские: доля',
      'Разница (город − село), п. п.',
      'Где чаще',
    ],
    ...report.territoryRisks.map((t) => [
      t.factorName,
      t.townHigh,
      t.townAssessed,
      t.townShare,
      t.villageHigh,
      t.villageAssessed,
      t.villageShare,
      Math.round(t.difference * 100),
      t.difference > 0
        ? `в городских на ${Math.round(t.difference * 100)} % чаще`
        : t.difference < 0
          ? `в сельских на ${Math.round(-t.difference * 100)} % чаще`
          : 'одинаково',
    ]),
  ];
  return {
    name: SHEET_NAMES.groupClusters,
    caption,
    columns,
    rows,
    filter: true,
    rules: [{ kind: 'rowWhenEqual', column: 0, text: DIMENSION_LABELS['группа'], background: COLORS.neutral }],
    blocks: report.territoryRisks.length
      ? [
          {
            row: headerRow,
            column: columns.length + 2,
            values: riskBlock,
            formats: [
              null,
              FORMAT.integer,
              FORMAT.integer,
              FORMAT.percent,
              FORMAT.integer,
              FORMAT.integer,
              FORMAT.percent,
              FORMAT.integer,
              null,
            ],
            boldFirstRow: true,
          },
        ]
      : [],
  };
}
