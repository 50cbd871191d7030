/**
 * Every Russian message of core, one object per topic: the errors of the values it reads (numbers, years, shares,
 * ИСБШ inputs), which reach the data check through the sheets layer that adds sheet, row and column; the problems of
 * the editable sheets («Факторы риска», «Каталог мер») and of the settings; and the reasons and notes it builds for
 * the output sheets (deficits, ШНОР, incomplete data, the federal list, objectivity, roadmaps). Each text is a
 * function of its parameters; callers pass values already formatted (percents, numbers), so this module depends on
 * nothing of core but text.ts's plural, and every module of core may use it.
 *
 * Domain vocabulary stays with its rule: status, level, cluster and dynamics labels, the catalogs of factors, measures
 * and indicators, the dictionaries of the parsers, the settings' labels (SETTING_LABELS), procedure and sheet names.
 */
import { plural } from './text';

/** The number readers (numbers.ts): numbers, shares, counts, yes/no answers and the territory type. */
export const NUMBER_MESSAGES = {
  notNumber: (q: string) => `не число: «${q}»`,
  percentNotNumber: (q: string) => `ожидалось число, а не процент: «${q}»`,
  negative: (q: string) => `отрицательное значение: «${q}»`,
  shareAbove100: (q: string) => `доля больше 100\u00a0%: «${q}»`,
  percentInCount: (q: string) => `в столбце количества указан процент: «${q}»`,
  countNotInteger: (q: string) => `количество должно быть целым: «${q}»`,
  countAboveTotal: (total: string, count: string) => `больше, чем всего обучающихся (${total}): ${count}`,
  notYesNo: (q: string) => `ожидалось «да» или «нет»: «${q}»`,
  notTerritory: (q: string) => `ожидалось «город» или «село»: «${q}»`,
  partly: (q: string) => `ответ «${q}»: это «да» или «нет»? Уточните у школы`,
} as const;

/** Years of assessments (years.ts). */
export const YEAR_MESSAGES = {
  badYear: (value: string) => `год не распознан: «${value}» (ожидается, например, 2024 или 2023/24)`,
  yearOutOfRange: (value: string) => `год вне диапазона 2000–2100: «${value}»`,
} as const;

/** Shares read as a column (shareColumn.ts): the negative and above-100 texts are the number readers' own. */
export const SHARE_MESSAGES = {
  negative: NUMBER_MESSAGES.negative,
  above100: NUMBER_MESSAGES.shareAbove100,
  ambiguous: (value: string, asPercent: string) =>
    `неясно, «${value}» — это ${value}\u00a0% или ${asPercent}\u00a0%: в столбце есть и проценты, и доли; запишите значение со знаком «%»`,
} as const;

/** ИСБШ over the five shares (isbsh.ts); `label` is the input's name as the form asks it, `shown` the share as a percent. */
export const ISBSH_MESSAGES = {
  shareOutOfRange: (label: string, shown: string) => `доля вне диапазона от 0 до 100\u00a0%: «${label}» = ${shown}`,
} as const;

/**
 * Problems of the settings (settings.ts): `label` is the setting's label from SETTING_LABELS, numbers come as the
 * settings write them (decimal comma, no needless decimals).
 */
/** A percent as the settings' messages show it: the sign on the line of its number. */
const settingsPercent = (x: string) => `${x}\u00a0%`;

export const SETTINGS_MESSAGES = {
  percent: settingsPercent,
  boundsNotFour: (label: string) => `${label}: нужны четыре числа.`,
  boundNotAbovePrevious: (label: string, bound: string, previous: string) =>
    `${label}: граница ${bound} должна быть больше предыдущей (${previous}).`,
  boundsOutsideFormula: (label: string, min: string, max: string) =>
    `${label}: границы должны лежать от ${min} до ${max} — в пределах значений формулы ИСБШ.`,
  shareOutOfRange: (label: string, low: string, high: string, got: string) =>
    `${label}: доля должна быть от ${settingsPercent(low)} до ${settingsPercent(high)}, получено «${got}».`,
  notNonNegative: (label: string, got: string) => `${label}: нужно неотрицательное число, получено «${got}».`,
  grouping: (label: string) => `${label}: «по муниципалитетам» или «по всему листу».`,
  belowShnorThreshold: (label: string) => `${label}: не может быть меньше порога ШНОР.`,
  belowModerateBound: (label: string) => `${label}: не может быть меньше границы «умеренно неуспевающие».`,
  aboveHighThreshold: (label: string) => `${label}: не может быть больше порога «высокая».`,
  noSpecialist: (label: string) => `${label}: нужен хотя бы один специалист.`,
  specialistsRule: (label: string) => `${label}: «нет ни одного из них» или «нет хотя бы одного».`,
  yesNo: (label: string) => `${label}: «да» или «нет».`,
  noSubject: (label: string) => `${label}: нужен хотя бы один предмет.`,
  reportingYear: (label: string, first: number, last: number, got: string) =>
    `${label}: нужен год от ${first} до ${last} или пусто (последний год в данных), получено «${got}».`,
  emailList: (label: string) => `${label}: нужен список адресов через запятую.`,
  notEmails: (label: string, bad: number, total: number) =>
    `${label}: не похожи на адрес электронной почты («имя@домен.ru») — ${bad} из ${total}.`,
  weightsNotFive: (label: string) => `${label}: нужны пять чисел — по одному на каждую долю.`,
  /** `got` undefined: the weight is missing. */
  weightNotNumber: (label: string, share: string, got: string | undefined) =>
    `${label}: вес доли «${share}» — нужно число, получено «${got ?? 'пусто'}».`,
  unknownShares: (label: string, keys: readonly string[]) => `${label}: неизвестные доли ${keys.map((k) => `«${k}»`).join(', ')}.`,
  notSaved: (problems: readonly string[]) => 'Настройки не сохранены:\n' + problems.join('\n'),
} as const;

/** Where a problem of an editable sheet is: «Лист «…», строка N». */
const sheetRow = (sheet: string, row: number) => `Лист «${sheet}», строка ${row}`;

/** The sheet «Факторы риска» and the significances typed in «Риски» (factors.ts); `sheet` is the sheet's name. */
export const FACTOR_SHEET_MESSAGES = {
  badSignificance: (value: string) => `значимость не распознана: «${value}» (ожидается «высокая», «средняя» или «низкая»)`,
  noIdOrNameColumn: (sheet: string, idTitle: string, nameTitle: string) =>
    `Лист «${sheet}»: в первой строке не найдены столбцы «${idTitle}» и «${nameTitle}»; используются факторы по умолчанию.`,
  noId: (sheet: string, row: number, name: string) => `${sheetRow(sheet, row)}: не заполнен ID фактора «${name}»; строка пропущена.`,
  noName: (sheet: string, row: number, id: string) => `${sheetRow(sheet, row)}: у фактора ${id} нет названия; строка пропущена.`,
  repeatedId: (sheet: string, row: number, id: string) => `${sheetRow(sheet, row)}: ID ${id} уже встречался выше; строка пропущена.`,
  badActive: (sheet: string, row: number, value: string) =>
    `${sheetRow(sheet, row)}: в столбце «Используется» значение «${value}» не распознано (нужно «да» или «нет»); фактор считается используемым.`,
} as const;

/** The sheet «Каталог мер» (catalog.ts); `sheet` is the sheet's name, `id` the measure's. */
export const CATALOG_SHEET_MESSAGES = {
  noIdOrMeasureColumn: (sheet: string) =>
    `Лист «${sheet}»: в первой строке не найдены столбцы «ID» и «Мероприятие»; используется каталог мер по умолчанию.`,
  noId: (sheet: string, row: number) => `${sheetRow(sheet, row)}: не заполнен ID меры; строка пропущена.`,
  repeatedId: (sheet: string, row: number, id: string) => `${sheetRow(sheet, row)}: ID ${id} уже встречался выше; строка пропущена.`,
  badCluster: (sheet: string, row: number, id: string, value: string) =>
    `${sheetRow(sheet, row)} (${id}): кластер «${value}» не распознан (нужно «все», «сильно неуспевающие», ` +
    '«умеренно неуспевающие» или «базово неуспевающие»); строка пропущена.',
  noMeasure: (sheet: string, row: number, id: string) => `${sheetRow(sheet, row)} (${id}): не заполнено мероприятие; строка пропущена.`,
  badMonth: (sheet: string, row: number, id: string, value: string) =>
    `${sheetRow(sheet, row)} (${id}): срок «${value}» не распознан (нужен номер месяца от 1 до 12 или название месяца); строка пропущена.`,
  unknownFactor: (sheet: string, row: number, id: string, factor: string) =>
    `${sheetRow(sheet, row)} (${id}): фактор риска «${factor}» не найден в списке факторов; мера не попадёт в дорожные карты.`,
} as const;

/** «−2,3» → «на 2,3 стандартного отклонения ниже среднего»: σ means nothing to most readers of the sheet. */
const belowMean = (z: string) => `на ${z.replace(/^[−-]/, '')} стандартного отклонения ниже среднего`;

/** The reasons of the resource deficits for the note column (deficits.ts); shares, sums and z-scores come formatted. */
export const DEFICIT_REASONS = {
  lowTeacherShare: (share: string, avg: string, z: string) =>
    `доля педагогов высшей категории ${share} при среднем ${avg} — ${belowMean(z)}`,
  noSpecialists: (missing: readonly string[], all: boolean) =>
    `${all ? 'нет ни одного из необходимых специалистов' : 'нет необходимых специалистов'}: ${missing.join(', ')}`,
  noInternet: 'нет устойчивого доступа в Интернет',
  notEnoughComputers: 'недостаточно компьютерной техники',
  lowFunding: (funding: string, avg: string, z: string) =>
    `финансирование на одного обучающегося ${funding} руб. при среднем ${avg} руб. — ${belowMean(z)}`,
} as const;

/** What our data say of a school of the federal list (federalList.ts); `share` comes as a percent. */
export const FEDERAL_LIST_REASONS = {
  notInOurData: 'школы нет в ответах формы «Социальный паспорт школы»',
  noResults: (year: number) => `нет результатов за ${year}`,
  notShnor: (year: number, share: string) => `по нашим данным не ШНОР: наибольшая доля не преодолевших порог ${share} (${year})`,
} as const;

/** The signs of non-objective ВПР results (objectivity.ts); shares and thresholds come as percents. */
export const OBJECTIVITY_REASONS = {
  confirmedBelow: (share: string, threshold: string) => `подтвердили ${share} (меньше ${threshold})`,
  raisedAbove: (share: string, threshold: string) => `повысили ${share} (больше ${threshold})`,
  /** «ВПР математика 5: подтвердили 42 % (меньше 50 %), повысили 31 % (больше 20 %)». */
  flag: (procedure: string, signs: readonly string[]) => `${procedure}: ${signs.join(', ')}`,
} as const;

/** The reason and the note of a ШНОР status (shnor.ts); shares come as percents, years as the reason names them. */
export const SHNOR_REASONS = {
  /** The years of a reason without a year (the custom functions). */
  reportingYear: 'отчётный год',
  previousYear: 'прошлый год',
  /** Criterion (а): «2022: ОГЭ математика — 45 %, ОГЭ русский язык — 33 %». */
  failingShare: (procedure: string, share: string) => `${procedure} — ${share}`,
  byTwoProcedures: (year: string, failing: readonly string[]) => `${year}: ${failing.join(', ')}`,
  /** Criterion (б): «ОГЭ математика: 67 % (2021) и 33 % (2022)». */
  byTwoYears: (procedure: string, before: string, previousYear: string, now: string, year: string) =>
    `${procedure}: ${before} (${previousYear}) и ${now} (${year})`,
  /** «малая выборка: ОГЭ математика (2022, 8 участников)». */
  smallSampleItem: (procedure: string, year: string, participants: number) =>
    `${procedure} (${year}, ${participants} ${plural(participants, 'участник', 'участника', 'участников')})`,
  smallSample: (items: readonly string[]) => `малая выборка: ${items.join(', ')}`,
} as const;

/** What a school's results lack for its status (incompleteData.ts, shnor.ts): «ОГЭ математика, 2025: строка не принята». */
export const INCOMPLETE_DATA_MESSAGES = {
  /** A rejected row; its procedure or year null when they could not be read. */
  rejectedRow: (procedure: string | null, year: number | null) =>
    `${procedure ?? 'процедура не прочитана'}, ${year ?? 'год не прочитан'}: строка не принята`,
  noFailures: (procedure: string, year: number) => `${procedure}, ${year}: нет числа не преодолевших порог`,
  noRow: (procedure: string, year: number) => `${procedure}, ${year}: нет строки, а в прошлом году была`,
  /** The reason of a «неполные данные». */
  incomplete: (missing: readonly string[]) => `неполные данные: ${missing.join('; ')}`,
  /** The note of a ШНОР whose cluster was drawn without some of the reporting year. */
  clusterFromPart: (missing: readonly string[]) => `кластер — по имеющимся данным; не хватает: ${missing.join('; ')}`,
} as const;

/** The add-in's remarks on roadmap rows (roadmap.ts). */
export const ROADMAP_MESSAGES = {
  /** A row whose measure the catalog no longer suggests for the school. */
  notInTemplate: 'не входит в текущий шаблон',
} as const;
