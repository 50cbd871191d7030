/** Sheet names the add-in reads and writes. Fixed: analysts' formulas and other reports refer to them. */
export const SHEET_NAMES = {
  results: 'Результаты ОП',
  risks: 'Риски',
  dataCheck: 'Проверка данных',
  isbsh: 'ИСБШ',
  shnor: 'ШНОР',
  dynamics: 'Динамика',
  clusterDynamics: 'Динамика кластеров',
  municipalities: 'Муниципалитеты',
  indicators: 'Показатели',
  riskProfiles: 'Риск-профили',
  factors: 'Факторы риска',
  catalog: 'Каталог мер',
  monitoring: 'Мониторинг ДК',
  summary: 'Сводка',
  history: 'История',
  shnorByYear: 'ШНОР по годам',
  groups: 'Группы',
  groupDynamics: 'Динамика по группам',
  groupClusters: 'Кластеры по группам',
  federalList: 'Список ФИОКО',
  objectivity: 'Объективность ВПР',
  federalComparison: 'Сверка с федеральным списком',
  access: 'Доступ',
} as const;

/** Roadmap sheets are named «ДК <Код ОО>». */
export const ROADMAP_PREFIX = 'ДК ';

export function roadmapSheetName(schoolCode: string): string {
  return ROADMAP_PREFIX + schoolCode;
}

/** The roadmaps of schools without a tab of their own (src/sheets/combinedRoadmaps.ts). */
export const COMBINED_ROADMAPS = 'Дорожные карты';

/**
 * At most this many «ДК <Код ОО>» tabs; the roadmaps of further schools go to «Дорожные карты». Not a methodology
 * rule but the add-in's choice: a region with 250 ШНОР would otherwise get 250 tabs, which nobody can find their way
 * in, and during a run each rewritten sheet briefly has a draft and a backup beside it.
 */
export const ROADMAP_TABS_MAX = 50;

/** The longest sheet name Sheets accepts (its rename box stops at 100 characters). */
export const SHEET_NAME_MAX = 100;

/** Whether a sheet holds roadmaps: a school's tab or the combined sheet. */
export function isRoadmapSheetName(name: string): boolean {
  return name.startsWith(ROADMAP_PREFIX) || name === COMBINED_ROADMAPS;
}
