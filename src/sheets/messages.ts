/**
 * Every Russian word the reading side of the sheets layer shows the user: data-check problems,
 * errors about missing columns, template headers and notes, the form's texts.
 * Kept in one place so a reviewer can read them together (docs/architecture.md, Conventions).
 */

/** Labels of the passport's fields, as docs/методика.md §1.1 words them (also the form's question titles). */
export const FIELD_LABELS = {
  timestamp: 'Отметка времени',
  schoolCode: 'Код ОО',
  name: 'Наименование ОО',
  municipality: 'Муниципалитет',
  territory: 'Тип территории',
  ruralFlag: 'Школа в сельской местности',
  totalStudents: 'Всего обучающихся',
  bothParentsHigherEd: 'Обучающихся, оба родителя которых имеют высшее образование',
  comfortableHousing: 'Обучающихся из семей, проживающих в благоустроенном жилье',
  singleParent: 'Обучающихся из неполных семей',
  registered: 'Обучающихся, состоящих на различных видах учёта',
  nonNativeRussian: 'Обучающихся, для которых русский язык не является родным',
  kdn: 'Обучающихся, состоящих на учёте в КДН и ЗП',
  ovz: 'Обучающихся с ОВЗ',
  remoteTerritory: 'Труднодоступная территория',
  teachersTotal: 'Педагогических работников всего',
  teachersHighestCategory: 'Педагогических работников с высшей квалификационной категорией',
  specialists: 'Специалисты в штате',
  psychologist: 'В штате есть педагог-психолог',
  speechTherapist: 'В штате есть учитель-логопед',
  defectologist: 'В штате есть учитель-дефектолог',
  socialPedagogue: 'В штате есть социальный педагог',
  stableInternet: 'Устойчивый доступ в Интернет',
  enoughComputers: 'Достаточно компьютерной техники',
  fundingPerStudent: 'Финансирование на одного обучающегося, руб.',
} as const;

/** «Что сделано» — what the reader did about a problem. */
export const ACTION = {
  valueDropped: 'значение не использовано',
  rowDropped: 'строка не использована',
  columnIgnored: 'столбец не использован',
  columnIgnoredChoose: 'столбец не использован: укажите поле в боковой панели (шаг «Данные»)',
  sheetIgnored: 'лист не использован',
  keptWithoutValue: 'школа учтена без этого значения',
  keptWhole: 'значение сохранено полностью',
  codeFixed: (code: string) => `код прочитан как «${code}»`,
  rowUsed: 'строка использована',
  shareNotComputed: 'доля не вычисляется',
  isbshNotComputed: 'ИСБШ не рассчитывается',
  rowOrderUsed: 'из ответов школы взят нижний по листу',
  takenAsEarliest: 'ответ считается самым ранним из ответов школы',
  supersededBy: (row: number) => `заменено более поздним ответом (строка ${row})`,
  replacedByRow: (row: number) => `заменено ответом из строки ${row}`,
  answerTaken: (row: number) => `взят ответ из строки ${row}`,
  slashMonthFirst: 'даты вида 9/1/2025 прочитаны как месяц/день/год',
  notCountedForStaffing: 'не учитывается в кадровом дефиците',
  readAsRubles: (rubles: string) => `прочитано как ${rubles} руб.`,
  municipalityMerged: (name: string) => `учтено как «${name}»`,
  notMerged: 'не объединено',
  replacedByLaterRow: (row: number) => `заменено более поздней строкой (строка ${row})`,
  rowsDropped: 'строки не использованы',
  rowsUsed: 'строки использованы',
  columnsUsed: 'столбцы использованы',
  readAsZero: 'прочитано как 0 не преодолевших порог',
  countUsed: 'использовано количество',
  sharesConverted: 'доли пересчитаны в количество по числу участников',
  shareConverted: 'доля пересчитана в количество по числу участников',
  notAdmittedCounted: 'недопущенные добавлены к участникам и к не преодолевшим порог',
} as const;

/** «Проблема» — what is wrong. */
export const PROBLEM = {
  formulaError: 'ошибка формулы в ячейке',
  noSchoolCode: 'не указан Код ОО',
  onlyTimestamp: 'в строке заполнена только отметка времени',
  earlierSubmission: 'более ранний ответ школы',
  sameTimeSubmission: 'ещё один ответ школы с той же отметкой времени',
  unorderedSubmission: 'ещё один ответ школы; по отметкам времени не понять, какой последний',
  choiceByRowOrder: (rows: string) =>
    `какой ответ школы последний, по отметкам времени не понять: выбран по порядку строк (строки ${rows})`,
  slashDatesUndecided: 'в «Отметке времени» даты вида 9/1/2025: ни одна не показывает, что первое — день',
  slashDatesBothWays: 'в «Отметке времени» даты вида 9/1/2025 записаны и «день/месяц», и «месяц/день»',
  totalsRowsInResponses: (rows: string) => `строки итогов — не школы (${rows})`,
  unknownSpecialist: (item: string) => `специалист не распознан: «${item}»`,
  implausibleTotal: (total: string) => `«Всего обучающихся» ${total} — намного больше остальных чисел школы: похоже на опечатку`,
  fundingInThousands: 'похоже, финансирование указано в тысячах рублей, а у других школ — в рублях',
  municipalityVariant: (name: string) => `другое написание муниципалитета «${name}»`,
  municipalityNearDuplicate: (a: string, b: string) => `муниципалитеты «${a}» и «${b}» похожи: проверьте, не один ли это муниципалитет`,
  lookalikeLetters: 'в коде есть кириллические буквы, похожие на латинские: заменены',
  lookalikeLatinLetters: 'в коде есть латинские буквы, похожие на кириллические: заменены',
  requiredEmpty: 'не заполнено обязательное поле',
  isbshInputEmpty: 'не заполнено поле, нужное для ИСБШ',
  noTotalForShare: 'не указано «Всего обучающихся»: долю не вычислить',
  noTeachersTotalForShare: 'не указано «Педагогических работников всего»: количество не вычислить',
  aboveTeachersTotal: (total: string, value: string) => `больше, чем педагогических работников всего (${total}): ${value}`,
  negative: (value: string) => `отрицательное значение: «${value}»`,
  longName: (length: number) => `слишком длинное наименование (${length} символов)`,
  blankHeader: 'столбец без заголовка',
  /** How a column without a header is named in the «Поле» column of the data check. */
  columnRef: (letter: string) => `столбец ${letter}`,
  unknownColumn: 'столбец не распознан',
  unknownColumnLike: (labels: string) => `столбец не распознан; ближе всего к полям: ${labels}`,
  ambiguousColumn: (labels: string) => `столбец одинаково подходит к полям ${labels}: какое из них в нём, неясно`,
  ambiguousField: (label: string, others: string) => `к полю «${label}» одинаково подходят этот столбец и ${others}`,
  sameFieldAs: (header: string) => `похож на столбец «${header}», который уже используется для этого поля`,
  missingIsbshColumn: (label: string) => `не найден столбец «${label}», нужный для ИСБШ`,
  noTimestampColumn: 'не найден столбец «Отметка времени»',
  // «Результаты ОП»
  futureYear: (value: string) => `год ещё не наступил: «${value}»`,
  noProcedure: 'не указана процедура',
  unknownProcedure: 'процедура не из списка девяти основных: используется',
  yearReadAs: (raw: string, year: number) => `год «${raw}» прочитан как ${year} (календарный год экзаменов)`,
  procedureReadAs: (name: string) => `название процедуры прочитано как «${name}»`,
  failedWithoutParticipants: (failed: string) => `не преодолели порог ${failed}, а участников нет`,
  failedAboveParticipants: (failed: string, participants: string) =>
    `не преодолевших порог (${failed}) больше, чем участников (${participants})`,
  highAboveParticipants: (high: string, participants: string) => `высокобалльников (${high}) больше, чем участников (${participants})`,
  noFailedCount: 'не указано число не преодолевших порог',
  duplicateResult: 'повтор: та же школа, год и процедура',
  unknownSchool: 'школа не найдена в ответах формы',
  unknownSchoolOnce: (rows: string, hint: string | null) =>
    `школа не найдена в ответах формы (${rows})${hint ? `; похоже на ${hint}` : ''}`,
  rows: (rows: readonly number[], more: number) =>
    `${rows.length === 1 && more <= 0 ? 'строка' : 'строки'} ${rows.join(', ')}${more > 0 ? ` и ещё ${more}` : ''}`,
  codeRespelled: 'код записан с пробелами или невидимыми символами',
  totalsRows: (rows: string) => `строки итогов — не школы (${rows})`,
  dashIsZero: (rows: string) => `«-» в числе не преодолевших порог при участниках означает, что не преодолевших нет (${rows})`,
  countWithShare: (rows: string) => `записано количество с долей, например «6 / 67%»: взято количество (${rows})`,
  shareAmongCounts: 'в столбце количества указана доля: это доля, а не количество',
  sharesConverted: (rows: string) => `в столбце не преодолевших порог — доли, а не количество (${rows})`,
  notAdmittedCounted: (rows: string) =>
    `учтены недопущенные к ГИА: они считаются не преодолевшими порог, «с учетом недопущенных» (${rows})`,
  wideColumnsReadAs: (procedure: string, year: number) => `столбцы прочитаны как процедура «${procedure}», ${year} год`,
  wideColumnNotRead: 'столбец не прочитан: не найдены процедура, год или что в нём (участники, не преодолевшие порог)',
  procedureInOneYear: (procedure: string, year: number) =>
    `процедура «${procedure}» есть только за ${year} год: условие «два года подряд» и динамику для неё не проверить`,
  // «Риски»
  duplicateRiskRow: 'повтор: школа уже указана ниже',
  shareOutOfRange: (value: string) => `доля вне диапазона от 0 до 100 %: «${value}»`,
  badShare: (value: string) => `не доля: «${value}» (ожидается, например, 35 %, 35,5 или 0,355)`,
  objectivitySumNot100: (sum: string) => `сумма «Понизили», «Подтвердили» и «Повысили» — ${sum}, а не 100 %: проверьте строку`,
  duplicateFederalRow: 'повтор: школа и год уже указаны выше',
} as const;

/** Header of the data-check table. */
export const PROBLEM_HEADER_WORDS = ['Лист', 'Строка', 'Код ОО', 'Поле', 'Значение', 'Проблема', 'Что сделано'] as const;

/** Missing required columns: a UserError the user fixes in the sidebar. */
export function missingColumnsMessage(sheetName: string, missingLabels: string[], foundHeaders: string[]): string {
  const found = foundHeaders.filter((h) => h.trim() !== '');
  return (
    `Лист «${sheetName}»: не найдены обязательные столбцы: ${missingLabels.join(', ')}. ` +
    `Найдены столбцы: ${found.length ? found.map((h) => `«${h}»`).join(', ') : 'нет ни одного'}. ` +
    'Укажите соответствие в боковой панели (шаг «Данные»).'
  );
}

/** Missing columns of an input sheet the add-in created as a template. */
export function missingTemplateColumnsMessage(sheetName: string, missingLabels: string[], foundHeaders: string[]): string {
  const found = foundHeaders.filter((h) => h.trim() !== '');
  return (
    `Лист «${sheetName}»: в первой строке не найдены столбцы: ${missingLabels.join(', ')}. ` +
    `Найдены столбцы: ${found.length ? found.map((h) => `«${h}»`).join(', ') : 'нет ни одного'}. ` +
    'Первая строка листа должна быть строкой заголовков, как в шаблоне.'
  );
}

export const TIMESTAMP_MESSAGES = {
  notTimestamp: (value: string) => `отметка времени не распознана: «${value}» (ожидаются дата и время, например 14.10.2025 17:58:07)`,
} as const;

/** Headers and notes of the templates «Результаты ОП» and «Риски». */
export const TEMPLATE_WORDS = {
  results: {
    headers: ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников'],
    instruction:
      'Одна строка — одна школа, один год, одна оценочная процедура.\n' +
      'Год — календарный год процедуры (2024 = экзамены 2023/24 учебного года).\n' +
      'Процедура — из списка девяти основных или своя (например, «ВПР математика 8»).\n' +
      'Участников 0 или пусто — процедура не проводилась («нет участников»).\n' +
      'Не преодолели порог — «2» на ВПР/ОГЭ, ниже минимального балла на ЕГЭ.\n' +
      'Высокобалльников — только для ЕГЭ (81–100 баллов), можно не заполнять.\n' +
      'Первая строка — заголовки: не переименовывайте и не удаляйте её.',
    columnNotes: [
      'Код ОО, как в ответах формы «Социальный паспорт школы» (например, edu760152).',
      'Календарный год: 2024, 2023/24 или 2023-2024 (= 2024).',
      'Выберите из списка или введите свою процедуру.',
      'Число участников, целое, не меньше 0.',
      'Число участников, не преодолевших порог, не больше числа участников.',
      'ЕГЭ: число участников с результатом 81–100 баллов (необязательно).',
    ],
    help: {
      procedure: 'Выберите одну из девяти основных процедур или введите другую.',
      year: 'Год от 2000 до 2100.',
      count: 'Целое число не меньше 0.',
    },
  },
  federalList: {
    headers: ['Код ОО', 'Год'],
    instruction:
      'Федеральный список школ с низкими образовательными результатами (ФИОКО): одна строка — одна школа в списке одного года.\n' +
      'Год — год результатов, по которым школа включена в список (сравнивается с отчётным годом).\n' +
      'По листу строится «Сверка с федеральным списком». Первая строка — заголовки: не переименовывайте её.',
    columnNotes: ['Код ОО, как в ответах формы «Социальный паспорт школы».', 'Календарный год: 2024 или 2023/24 (= 2024).'],
  },
  objectivity: {
    headers: ['Код ОО', 'Год', 'Процедура', 'Понизили', 'Подтвердили', 'Повысили'],
    instruction:
      'Объективность ВПР: сравнение отметок за ВПР с отметками в журнале, как в отчёте федеральной системы.\n' +
      'Одна строка — одна школа, один год, одна процедура ВПР. Доли в процентах: понизили, подтвердили, повысили (в сумме 100 %).\n' +
      'Признаки необъективности ставятся, когда «Подтвердили» меньше или «Повысили» больше порогов из настроек.\n' +
      'Первая строка — заголовки: не переименовывайте её.',
    columnNotes: [
      'Код ОО, как в ответах формы «Социальный паспорт школы».',
      'Календарный год ВПР: 2024 или 2023/24 (= 2024).',
      'Процедура ВПР, например «ВПР математика 5».',
      'Доля обучающихся, чья отметка за ВПР ниже отметки в журнале, %.',
      'Доля обучающихся, подтвердивших отметку в журнале, %.',
      'Доля обучающихся, чья отметка за ВПР выше отметки в журнале, %.',
    ],
    help: { share: 'Доля от 0 до 100 %.' },
  },
  risks: {
    codeHeader: 'Код ОО',
    instruction:
      'Самодиагностика рисков: одна строка — одна школа.\n' +
      'В столбце каждого фактора выберите значимость: высокая, средняя или низкая; пусто — не оценено.\n' +
      'Первая строка — заголовки (названия факторов из листа «Факторы риска»): не переименовывайте её.',
    codeNote: 'Код ОО, как в ответах формы «Социальный паспорт школы».',
    significanceHelp: 'Выберите: высокая, средняя или низкая.',
  },
  access: {
    headers: ['Код ОО', 'E-mail ответственного школы', 'E-mail куратора', 'Муниципалитет', 'E-mail муниципального координатора'],
    instruction:
      'Кто может вести дорожную карту школы: ответственный школы, её куратор и координатор её муниципалитета.\n' +
      'Одна строка — одна школа; координатора достаточно указать в одной строке муниципалитета (Код ОО можно не заполнять).\n' +
      'Адреса — аккаунты Google, с которыми открыта таблица. После изменения листа выберите «Обновить защиту листов».\n' +
      'Первая строка — заголовки: не переименовывайте её.',
    columnNotes: [
      'Код ОО, как в ответах формы «Социальный паспорт школы». Пусто — строка только о координаторе муниципалитета.',
      'Ответственный за дорожную карту в школе: может менять сроки, статусы, комментарии и добавлять строки.',
      'Куратор (наставник) школы: те же права в её дорожной карте.',
      'Муниципалитет, как в ответах формы.',
      'Координатор муниципалитета: те же права во всех дорожных картах школ муниципалитета.',
    ],
  },
} as const;

/** Texts of the Google Form «Социальный паспорт школы». */
export const FORM_WORDS = {
  title: 'Социальный паспорт школы',
  description:
    'Заполняется один раз в учебный год. Если нужно исправить ответ, отправьте форму ещё раз: ' +
    'учитывается последний ответ школы. Количества указывайте целыми числами (человек).',
  yes: 'да',
  no: 'нет',
  // The last choice lets a school say it has none, which an unticked checkbox cannot (it reads as no answer).
  specialistChoices: ['Педагог-психолог', 'Учитель-дефектолог', 'Учитель-логопед', 'Социальный педагог', 'Нет ни одного из перечисленных'],
  city: 'город',
  village: 'село',
  countHelp: 'Целое число не меньше 0.',
  moneyHelp: 'Число не меньше 0, рублей в год.',
  wholeNumberError: 'Введите целое число не меньше 0.',
  moneyError: 'Введите число не меньше 0.',
  help: {
    schoolCode: 'Код вашей образовательной организации, например edu760152.',
    name: 'Полное наименование образовательной организации.',
    municipality: 'Муниципальный район или округ.',
    territory: 'Где расположена школа.',
    totalStudents: 'Численность обучающихся на дату заполнения.',
    remoteTerritory: 'Школа находится в труднодоступной или отдалённой местности.',
    specialists: 'Отметьте специалистов, которые есть в штате школы.',
    stableInternet: 'Есть ли в школе устойчивый доступ к сети Интернет.',
    enoughComputers: 'Достаточно ли компьютерной техники для образовательного процесса.',
    fundingPerStudent: 'Объём финансирования в расчёте на одного обучающегося в год, рублей.',
  },
} as const;

/** Loading the input sheets together (loadInputs.ts). */
export const LOAD = {
  noResponsesSheet:
    'Не найден лист с ответами формы «Социальный паспорт школы». Свяжите форму с этой таблицей или выберите лист с ответами в боковой панели (шаг «Данные»).',
  // A «Проблема» and a «Что сделано» of the data check, worded like the others: what is wrong, then what the add-in did.
  noResultsSheet: 'нет листа «Результаты ОП»: создайте его (меню «Создать шаблоны») и заполните',
  noResultsAction: 'статусы ШНОР и динамика не рассчитаны: у всех школ «нет данных»',
  referenceAction: 'строка справочника не использована',
} as const;

/** «Группы» (docs/методика.md §9): the template's words and the reader's messages. */
export const GROUP_SHEET_WORDS = {
  codeHeader: 'Код ОО',
  groupHeader: 'Группа',
  instruction:
    'Группы школ для сравнения динамики: одна строка — одна школа в одной группе.\n' +
    'Школа может входить в несколько групп: по строке на каждую (например, «500+ 2022» и «Трек 1»).\n' +
    'Первая строка — заголовки: не переименовывайте её.',
  codeNote: 'Код ОО, как в ответах формы «Социальный паспорт школы».',
  groupNote: 'Название группы, например «500+ 2022», «Трек 2». Одинаково написанные названия — одна группа.',
  noGroup: 'не указана группа',
  duplicate: 'повтор: школа уже указана в этой группе',
  noGroupColumn: (sheet: string) => `На листе «${sheet}» не найден столбец «Группа»: нужны столбцы «Код ОО» и «Группа».`,
};

/** Texts about who may edit what (docs/методика.md §11). No message names a person's address: they stay in «Доступ». */
export const ACCESS = {
  notARunner: (sheet: string) =>
    `Лист «${sheet}» защищён: пересчитывать листы ШНОР-монитора могут только владелец таблицы и методисты, указанные в настройках. ` +
    'Попросите владельца или методиста добавить ваш адрес в настройку «Методисты» или запустить расчёт.',
  badEmail: 'Не похоже на адрес электронной почты (нужно «имя@домен.ru»); адрес здесь не повторяется',
  badEmailAction: 'Этот человек не получит права на дорожную карту: исправьте адрес в листе «Доступ»',
  unknownSchool: 'Такой школы нет в ответах формы',
  unknownSchoolAction: 'Строка не используется',
  ownerListed: (role: string, where: string) =>
    `${role} (${where}) — владелец таблицы: владелец может изменять любые листы, ограничить его правку нельзя.`,
  summary: (applied: number) => `Защищено листов и диапазонов: ${applied}.`,
  roles: { responsible: 'Ответственный школы', curator: 'Куратор', coordinator: 'Координатор муниципалитета' },
} as const;
