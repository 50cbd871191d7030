/** Numbers as Russians write them: 10 000 000. */
function ru(n: number): string {
  return n.toLocaleString('ru-RU');
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
  },
  sidebarTitle: 'ШНОР-монитор',
  title: 'ШНОР-монитор',
  busy: 'В этой таблице уже идёт расчёт. Дождитесь его окончания (обычно меньше минуты) и повторите.',
  runActive: (label: string, startedAt: string) =>
    `Уже идёт «${label}», начатый ${startedAt}. Продолжите его в боковой панели или отмените.`,
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
  },
  doneCheck: (problems: number) => (problems ? `Проверка завершена: найдено проблем — ${problems}. Они перечислены на листе «Проверка данных».` : 'Проверка завершена: проблем не найдено.'),
  doneCompute: (schools: number, shnor: number, zone: number, priority: number, year: number | null) =>
    `Расчёт за ${year ?? '—'} год завершён. Школ: ${schools}; ШНОР: ${shnor}; в зоне риска по ИСБШ: ${zone}; приоритетных адресатов: ${priority}.`,
  doneRoadmaps: (n: number) => `Дорожные карты сформированы или обновлены: ${n}. Введённые данные сохранены.`,
  doneMonitoring: (n: number) => `Мониторинг обновлён: дорожных карт — ${n}.`,
  noShnor: 'Нет школ со статусом ШНОР: дорожные карты не нужны. Выберите школы в боковой панели, чтобы сформировать карты для них.',
  templatesCreated: (created: string[], skipped: string[]) =>
    [created.length ? `Созданы листы: ${created.join(', ')}.` : '', skipped.length ? `Уже были и не изменены: ${skipped.join(', ')}.` : '']
      .filter(Boolean)
      .join('\n'),
  formCreated: (url: string) => `Форма «Социальный паспорт школы» создана и связана с этой таблицей: ${url}`,
  triggerOn: 'Пересчёт при новом ответе формы включён.',
  triggerOff: 'Пересчёт при новом ответе формы выключен.',
  cellBudget: (total: number, limit: number, fit: number) =>
    `Расчёт не начат: на время расчёта новые листы с результатами создаются рядом с прежними, и в таблице оказалось бы около ${ru(total)} ячеек, ` +
    `а в таблице Google их может быть не больше ${ru(limit)}. Поместятся результаты примерно для ${ru(fit)} школ. ` +
    'Удалите ненужные листы, разделите данные по муниципалитетам или воспользуйтесь локальным запуском (npm run demo).',
  roadmapBudget: (total: number, limit: number, fit: number) =>
    `Дорожные карты не сформированы: с новыми листами в таблице оказалось бы около ${ru(total)} ячеек, а в таблице Google их может быть не больше ${ru(limit)}. ` +
    `Поместятся дорожные карты примерно для ${ru(fit)} школ: выберите школы в боковой панели или удалите ненужные листы.`,
} as const;
