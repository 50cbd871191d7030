/**
 * Every word the sidebar shows, in one place so a reviewer can read the whole page's Russian at once.
 * Setting labels are not here: they come from the server (SidebarState.settingLabels).
 */
import type { RunKind } from '../contract';

export const MSG = {
  pageTitle: 'ШНОР-монитор',
  loading: 'Загрузка…',
  loadFailed: 'Не удалось загрузить состояние таблицы:',
  noGoogle: 'Страница открыта вне Google Таблиц: google.script.run недоступен.',
  unknownError: 'Неизвестная ошибка на сервере.',

  // 1) Данные
  dataTitle: '1. Данные',
  responsesSheet: 'Лист ответов формы',
  noSheetChosen: '— лист не найден —',
  notChosen: '— не выбрано —',
  mappingTitle: 'Соответствие столбцов',
  mappingAllSet: '(все обязательные выбраны)',
  mappingToCheck: (n: number) => `(требуют проверки: ${n})`,
  mappingHint: 'Для каждого поля выберите столбец листа ответов. * — обязательное поле, ИСБШ — нужно для расчёта ИСБШ.',
  requiredMark: '*',
  isbshMark: 'ИСБШ',
  requiredTitle: 'обязательное поле',
  isbshTitle: 'нужно для расчёта ИСБШ',
  ambiguous: 'Подходят несколько столбцов — проверьте выбор.',
  requiredMissing: 'Обязательное поле не сопоставлено.',
  noHeaders: 'На листе ответов нет заголовков.',
  saveMapping: 'Сохранить соответствие',
  mappingSaved: 'Соответствие сохранено.',
  sheetChanged: 'Лист ответов выбран. Проверьте соответствие столбцов.',
  mappingNotSaved: 'Соответствие не сохранено:',
  reportingYear: 'Отчётный год',
  latestYear: 'последний в данных',
  yearSaved: 'Отчётный год сохранён.',
  yearNotSaved: 'Отчётный год не сохранён:',

  // 2) Проверка
  checkTitle: '2. Проверка',
  checkRun: 'Проверить данные',
  checkSheet: 'Проверка данных',
  problemsFound: (n: number) => `Найдено проблем: ${n}.`,
  noProblems: 'Проблем не найдено.',
  openCheckSheet: 'Открыть лист «Проверка данных»',

  // 3) Расчёт
  computeTitle: '3. Расчёт',
  computeRun: 'Рассчитать всё',
  computeHint: 'Все листы и диаграммы: ИСБШ, ШНОР, зона риска, динамика, показатели, муниципалитеты.',

  // 4) Риски и дорожные карты
  roadmapsTitle: '4. Риски и дорожные карты',
  search: 'Поиск школы',
  searchPlaceholder: 'название, код или муниципалитет',
  schoolsLoading: 'Поиск…',
  schoolsEmpty: 'Школы не найдены. Сначала выполните расчёт.',
  schoolsFailed: 'Список школ недоступен:',
  allShnor: 'Все ШНОР',
  selectedAll: 'Выбраны: все ШНОР.',
  selectedCount: (n: number) => `Выбрано школ: ${n}.`,
  roadmapsRun: 'Сформировать дорожные карты',
  schoolListLabel: 'Школы',

  // 5) Мониторинг
  monitoringTitle: '5. Мониторинг',
  monitoringRun: 'Обновить мониторинг',

  // Progress
  progressTitle: 'Выполнение',
  step: (n: number, total: number, label: string) => `Шаг ${n} из ${total}: ${label}`,
  starting: 'Запуск…',
  finished: 'Готово.',
  cancel: 'Отменить',
  cancelling: 'Отмена…',
  cancelled: 'Отменено. Прежние листы с результатами не изменены.',
  cancelStopping: 'Останавливаем: текущая часть шага прерывается…',
  cancelTooLate: 'Отменить не удалось: расчёт уже завершился, листы с результатами заменены.',
  restarted: 'Данные изменились во время расчёта: расчёт начат заново с новыми данными.',
  triggerPending: 'Есть ответы, ещё не учтённые в расчёте: они будут учтены при следующем пересчёте.',
  failed: 'Ошибка.',
  outputsKept: 'Предыдущие листы не изменены.',
  /** Recognises a server message that already says the previous sheets were kept. */
  outputsKeptPattern: /листы[^.]*не изменены/i,
  resumeTitle: 'Незавершённый запуск',
  // «Запуск» carries the agreement: the run kinds are of every gender («Расчёт», «Проверка данных», «Дорожные карты»).
  resumeText: (kind: string, started: string, done: number, total: number) =>
    `Запуск «${kind}» начат ${started}; выполнено шагов: ${done} из ${total}.`,
  resume: 'Продолжить',

  // Results
  resultsTitle: 'Результаты',
  resultsYear: (year: number) => `Отчётный год: ${year}`,
  resultsFinished: (when: string) => `Завершено: ${when}`,
  sheetsTitle: 'Листы',
  openSheetFailed: 'Не удалось открыть лист:',

  // Settings
  settingsTitle: 'Настройки',
  settingsHint: 'Доли вводятся в процентах: «30» означает 30\u00A0%.',
  percentSuffix: '%',
  boundN: (n: number) => `Граница ${n}`,
  subjectsHint: 'через запятую',
  groupingMunicipality: 'по муниципалитетам',
  groupingSheet: 'по всему листу',
  staffingNoneOfThem: 'нет ни одного из них',
  staffingAnyMissing: 'нет хотя бы одного',
  yes: 'да',
  no: 'нет',
  weightsHint: 'ИСБШ = свободный член + сумма весов, умноженных на доли; вычитаемые доли — с минусом.',
  saveSettings: 'Сохранить настройки',
  resetSettings: 'Сбросить по умолчанию',
  settingsSaved: 'Настройки сохранены.',
  settingsNotSaved: 'Настройки не сохранены:',
  settingsReset: 'Восстановлены настройки по умолчанию.',
  notANumber: (label: string, value: string) => `${label}: «${value}» — не число.`,
  empty: (label: string) => `${label}: значение не заполнено.`,
  percentRange: (label: string, value: string) => `${label}: доля должна быть от 0 до 100\u00A0%, введено «${value}».`,
  noSubjects: (label: string) => `${label}: нужен хотя бы один предмет.`,
  emptyList: (label: string) => `${label}: список не может быть пустым.`,
  accessNotesTitle: 'Что защита не ограничивает:',
} as const;

/** Russian names of the run kinds, as the user sees them in progress and resume messages. */
export const RUN_KIND_LABELS: Record<RunKind, string> = {
  check: 'Проверка данных',
  compute: 'Расчёт',
  roadmaps: 'Дорожные карты',
  monitoring: 'Мониторинг ДК',
  access: 'Защита листов',
};

/** Labels of the summary numbers after a run. */
export const SUMMARY_LABELS = {
  schoolsRead: 'Прочитано школ',
  problems: 'Найдено проблем',
  shnor: 'ШНОР',
  incomplete: 'Неполные данные (статус не определён)',
  riskZone: 'В зоне риска по ИСБШ',
  priority: 'Приоритетные адресаты',
  roadmaps: 'Дорожных карт',
  combinedRoadmaps: 'Из них на общем листе «Дорожные карты»',
  protections: 'Защищено листов и диапазонов',
} as const;
