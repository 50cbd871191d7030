/**
 * Whole numbers as Russians write them, grouped by threes with non-breaking spaces: 10 000 000.
 * Done by hand rather than with toLocaleString('ru-RU'), whose output depends on the runtime's locale data.
 */
function ru(n: number): string {
  const digits = String(Math.round(Math.abs(n)));
  return (n < 0 ? '−' : '') + digits.replace(/\B(?=(\d{3})+(?!\d))/g, '\u00A0');
}

/** Sheet names as Russian prose quotes them: «Результаты ОП», «Риски». */
function quoted(names: string[]): string {
  return names.map((n) => `«${n}»`).join(', ');
}

/** Every Russian word the menu, dialogs and sidebar endpoints show. */
export const UI = {
  menu: {
    openSidebar: 'Открыть панель',
    createTemplates: 'Создать шаблоны',
    check: 'Проверить данные',
    compute: 'Рассчитать всё',
    roadmaps: 'Сформировать дорожные карты для всех ШНОР',
    monitoring: 'Обновить мониторинг ДК',
    createForm: 'Создать форму «Социальный паспорт»',
    trigger: 'Пересчитывать при новом ответе формы',
    access: 'Обновить защиту листов',
  },
  sidebarTitle: 'ШНОР-монитор',
  title: 'ШНОР-монитор',
  busy: 'В этой таблице уже идёт расчёт. Дождитесь его окончания (обычно меньше минуты) и повторите.',
  // «запуск» carries the agreement: the run kinds are of every gender («Расчёт», «Проверка данных», «Дорожные карты»).
  runActive: (label: string, startedAt: string) =>
    `Уже идёт запуск «${label}», начатый ${startedAt}. Продолжите его в боковой панели или отмените.`,
  draftsMissing: 'Промежуточные листы расчёта не найдены: начните расчёт заново.',
  dataChanged: 'Данные изменились во время расчёта. Запустите его заново.',
  mapping: {
    noSheet: (name: string) => `Лист «${name}» не найден.`,
    noColumn: (field: string) => `Столбец для поля «${field}» не найден на листе.`,
    twice: (header: string, first: string, second: string) => `Столбец «${header}» выбран дважды: для «${first}» и «${second}».`,
  },
  runUnknown: 'Этот расчёт уже завершён или отменён. Начните заново.',
  failed: (message: string) => `Не удалось выполнить: ${message}\nПрежние листы с результатами не изменены.`,
  bug: (id: string) => `Внутренняя ошибка программы (код ${id}). Прежние листы с результатами не изменены. Сообщите код разработчикам.`,
  cancelled: 'Расчёт отменён. Прежние листы с результатами не изменены.',
  nothingToCancel: 'Нет идущего расчёта.',
  kindLabels: {
    check: 'Проверка данных',
    compute: 'Расчёт',
    roadmaps: 'Дорожные карты',
    monitoring: 'Мониторинг ДК',
    access: 'Защита листов',
  },
  steps: {
    check: 'Чтение данных и проверка',
    readCompute: 'Чтение данных и расчёт ИСБШ',
    shnor: 'Статусы ШНОР и кластеры',
    dynamics: 'Динамика результатов и кластеров',
    summaries: 'Сводки, показатели и риск-профили',
    swap: 'Замена листов с результатами',
    references: 'Справочники: факторы риска и каталог мер',
    roadmaps: (from: number, to: number, total: number) => `Дорожные карты: школы ${from}–${to} из ${total}`,
    monitoring: 'Мониторинг дорожных карт',
    protectSheets: 'Защита исходных листов и листов с результатами',
    protectRoadmaps: 'Защита дорожных карт',
  },
  doneCheck: (problems: number) => (problems ? `Проверка завершена: найдено проблем — ${problems}. Они перечислены на листе «Проверка данных».` : 'Проверка завершена: проблем не найдено.'),
  doneCompute: (schools: number, shnor: number, zone: number, priority: number, year: number | null) =>
    (year === null ? 'Расчёт завершён, но результатов оценочных процедур нет: статусы ШНОР не определены.' : `Расчёт за ${year} год завершён.`) +
    ` Школ: ${schools}; ШНОР: ${shnor}; в зоне риска по ИСБШ: ${zone}; приоритетных адресатов: ${priority}.`,
  doneRoadmaps: (n: number) => `Дорожные карты сформированы или обновлены: ${n}. Введённые данные сохранены.`,
  doneMonitoring: (n: number) => `Мониторинг обновлён: дорожных карт — ${n}.`,
  protectionFailed:
    'Листы пересчитаны, но защиту листов обновить не удалось (сбой сервиса Google). Выберите в меню «Обновить защиту листов»: пока защита не обновлена, листы могут быть доступны для правки всем редакторам.',
  doneAccess: (protections: number, notes: readonly string[]) =>
    `Защита листов обновлена: защищено листов и диапазонов — ${protections}.` + (notes.length ? `\n\n${notes.join('\n')}` : ''),
  roadmapsUseSidebar: (n: number) =>
    `Нужно сформировать дорожных карт: ${n}. Из меню это заняло бы больше времени, чем Google разрешает одному запуску (6 минут). ` +
    'Откройте боковую панель (Расширения → ШНОР-монитор → Открыть панель), шаг 4 «Риски и дорожные карты»: там карты формируются по частям.',
  noShnor: 'Нет школ со статусом ШНОР: дорожные карты не нужны. Выберите школы в боковой панели, чтобы сформировать карты для них.',
  templatesCreated: (created: string[], skipped: string[]) =>
    [created.length ? `Созданы листы: ${quoted(created)}.` : '', skipped.length ? `Уже были и не изменены: ${quoted(skipped)}.` : '']
      .filter(Boolean)
      .join('\n'),
  formCreated: (url: string) => `Форма «Социальный паспорт школы» создана и связана с этой таблицей: ${url}`,
  triggerOn: 'Пересчёт при новом ответе формы включён.',
  triggerOff: 'Пересчёт при новом ответе формы выключен.',
  cellBudget: (total: number, limit: number, fit: number) =>
    `Расчёт не начат: на время расчёта новые листы с результатами создаются рядом с прежними, и в таблице оказалось бы около ${ru(total)} ячеек, ` +
    `а в таблице Google их может быть не больше ${ru(limit)}. Поместятся результаты примерно для ${ru(fit)} школ. ` +
    'Удалите ненужные листы, разделите данные по муниципалитетам или воспользуйтесь локальным запуском (npm run demo).',
  serviceFailed: 'служба Google Таблиц временно не ответила. Повторите через минуту.',
  timeLimit: 'запуск занял больше 6 минут, которые Google отводит одному выполнению. Запустите действие из боковой панели: там работа делится на шаги.',
  cellLimitReached:
    `Таблица Google достигла предела в ${ru(10_000_000)} ячеек, и запись остановлена. Листы, запись которых не завершилась, удалены; ` +
    'удалите ненужные листы или разделите данные по муниципалитетам и повторите.',
  roadmapBudget: (total: number, limit: number, fit: number) =>
    `Дорожные карты не сформированы: с новыми листами в таблице оказалось бы около ${ru(total)} ячеек, а в таблице Google их может быть не больше ${ru(limit)}. ` +
    `Поместятся дорожные карты примерно для ${ru(fit)} школ: выберите школы в боковой панели или удалите ненужные листы.`,
} as const;
