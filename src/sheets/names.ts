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
