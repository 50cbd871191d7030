import { UserError } from './errors';
import { formatNumberRu } from './percent';
import { ISBSH_SHARE_KEYS } from './isbsh';
import { SETTINGS_MESSAGES } from './messages';
import type { IsbshShareKey } from './types';

/** How the absence of the necessary specialists makes a staffing deficit (docs/методика.md §2). */
export type StaffingSpecialistsRule = 'noneOfThem' | 'anyMissing';
import { isEmailAddress } from './access';

/**
 * Every threshold of docs/методика.md as one typed object. Stored per spreadsheet
 * (DocumentProperties) and passed to core functions; never a literal scattered through the code.
 */
export interface Settings {
  /** ИСБШ = intercept + Σ weight·share (docs/методика.md §2): the constant of the regional formula. */
  isbshIntercept: number;
  /** The weight of each of the five shares, keyed by the input ids of types.ts. */
  isbshWeights: Record<IsbshShareKey, number>;
  /** ИСБШ level cuts (docs/методика.md §2): низкий < b0 ≤ ниже среднего < b1 ≤ средний < b2 ≤ выше среднего < b3 ≤ высокий. */
  isbshLevelBounds: [number, number, number, number];
  /** Share of a group that forms the zone of risk (docs/методика.md §2). */
  riskZoneShare: number;
  /** Rank within each municipality, or within the whole sheet. */
  riskZoneGrouping: 'municipality' | 'sheet';
  /** Groups with fewer schools with an index flag nobody. */
  riskZoneMinGroup: number;
  /** «малокомплектная»: село and fewer students than this. */
  smallSchoolStudents: number;
  /** «со сложным поликультурным контекстом»: p_non_native_russian above this. */
  multiculturalShare: number;
  /** «с высоким уровнем девиантности»: КДН и ЗП share above this. */
  devianceShare: number;
  /** Resource deficits: more than k population SDs below the mean. */
  deficitSdK: number;
  /** The necessary specialists whose absence is a staffing deficit (canonical lower-case names). */
  staffingSpecialists: string[];
  /** «нет ни одного из них» (noneOfThem) or «нет хотя бы одного» (anyMissing). */
  staffingSpecialistsRule: StaffingSpecialistsRule;
  /** ШНОР threshold t: a failing share ≥ t counts (docs/методика.md §3). */
  shnorThreshold: number;
  /** Subjects whose procedures count for the status (matched as words of the procedure name). */
  shnorSubjects: string[];
  /** Two failing procedures of one subject in one year (ВПР математика 5 and 6) count as two for criterion (a) (docs/методика.md §3). */
  sameSubjectCountsTwice: boolean;
  /** A share from fewer participants is noted «малая выборка». */
  smallSampleMin: number;
  /** Cluster bounds (docs/методика.md §3): базово [t, moderateFrom), умеренно [moderateFrom, strongAbove], сильно > strongAbove. */
  clusterModerateFrom: number;
  clusterStrongAbove: number;
  /** Resilient schools: actual share more than this many residual SDs below the prediction. */
  resilienceSdK: number;
  /** Mentors «высокие результаты»: the best share of a municipality's schools by mean failing share (docs/методика.md §3). */
  mentorHighResultShare: number;
  /** Risk suggestions «по данным» (docs/методика.md §5). */
  ovzHighShare: number;
  ovzMediumShare: number;
  nonNativeHighShare: number;
  nonNativeMediumShare: number;
  /** Signs of non-objective ВПР results (docs/методика.md §10): «Подтвердили» below this share … */
  objectivityConfirmedBelow: number;
  /** … or «Повысили» above this share flags a school × procedure. */
  objectivityRaisedAbove: number;
  /** «Устойчиво низкие результаты»: ШНОР in each of this many last years with data (docs/методика.md §9). */
  stableLowYears: number;
  /** The reporting year Y; null = the latest year in the data. */
  reportingYear: number | null;
  /** Who runs the add-in besides the owner (docs/методика.md §11): they alone edit the inputs and the computed sheets. */
  methodologists: string[];
}

/**
 * How a setting is entered and checked: «percent» a share in [0, 1] typed as a percent; «number» a
 * non-negative number; «bounds» the four ИСБШ level cuts in [0, 100]; «subjects» a non-empty list of
 * words; «list» a non-empty list of names; «grouping» municipality or sheet; «choice» one of a few values;
 * «weights» the five ИСБШ weights (any finite numbers); «year» a year in [2000, 2100] or empty; «emails» a list of
 * e-mail addresses.
 */
export type SettingKind = 'percent' | 'number' | 'bounds' | 'subjects' | 'list' | 'grouping' | 'choice' | 'weights' | 'year' | 'emails';

export interface SettingSpec<T> {
  /** The value of the methodology (docs/методика.md). */
  default: T;
  /** The Russian label the sidebar form and the validation messages show. */
  label: string;
  kind: SettingKind;
}

/** The inclusive range a kind allows, where it has one. */
export const SETTING_KIND_RANGES: Readonly<Partial<Record<SettingKind, readonly [number, number]>>> = Object.freeze({
  percent: [0, 1] as const,
  number: [0, Infinity] as const,
  bounds: [0, 100] as const,
  year: [2000, 2100] as const,
});

/**
 * Every setting in one table: its default, its Russian label and its kind (which gives its range).
 * Typed over every key of Settings, so a new setting fails to compile until it has a row here.
 */
export const SETTINGS_TABLE: { readonly [K in keyof Settings]: SettingSpec<Settings[K]> } = Object.freeze({
  isbshIntercept: { default: 65, label: 'ИСБШ: свободный член формулы', kind: 'number' },
  isbshWeights: {
    default: { bothParentsHigherEd: 15, comfortableHousing: 20, singleParent: -15, registered: -35, nonNativeRussian: -15 },
    label: 'ИСБШ: веса долей в формуле',
    kind: 'weights',
  },
  isbshLevelBounds: { default: [79.5, 81.6, 83.9, 86.4], label: 'Границы уровней ИСБШ', kind: 'bounds' },
  riskZoneShare: { default: 0.25, label: 'Доля зоны риска', kind: 'percent' },
  riskZoneGrouping: { default: 'municipality', label: 'Зона риска считается', kind: 'grouping' },
  riskZoneMinGroup: { default: 4, label: 'Минимум школ в группе для зоны риска', kind: 'number' },
  smallSchoolStudents: { default: 100, label: 'Малокомплектная: обучающихся меньше', kind: 'number' },
  multiculturalShare: { default: 0.15, label: 'Поликультурный контекст: доля неродного русского больше', kind: 'percent' },
  devianceShare: { default: 0.05, label: 'Девиантность: доля на учёте в КДН и ЗП больше', kind: 'percent' },
  deficitSdK: { default: 2, label: 'Дефицит: число стандартных отклонений ниже среднего', kind: 'number' },
  staffingSpecialists: {
    default: ['педагог-психолог', 'учитель-дефектолог', 'социальный педагог'],
    label: 'Кадровый дефицит: необходимые специалисты',
    kind: 'list',
  },
  staffingSpecialistsRule: { default: 'noneOfThem', label: 'Кадровый дефицит, если в штате', kind: 'choice' },
  shnorThreshold: { default: 0.3, label: 'Порог ШНОР (доля не преодолевших)', kind: 'percent' },
  shnorSubjects: { default: ['математика', 'русский язык'], label: 'Предметы, учитываемые для статуса ШНОР', kind: 'subjects' },
  sameSubjectCountsTwice: {
    default: true,
    label: 'Две процедуры одного предмета в одном году (ВПР математика 5 и 6) считаются двумя процедурами',
    kind: 'choice',
  },
  smallSampleMin: { default: 10, label: 'Малая выборка: участников меньше', kind: 'number' },
  clusterModerateFrom: { default: 0.4, label: 'Кластер «умеренно неуспевающие» от', kind: 'percent' },
  clusterStrongAbove: { default: 0.5, label: 'Кластер «сильно неуспевающие» выше', kind: 'percent' },
  resilienceSdK: {
    default: 1,
    label: 'Резильентные школы: насколько доля не преодолевших ниже прогноза по ИСБШ (в стандартных отклонениях остатков)',
    kind: 'number',
  },
  mentorHighResultShare: { default: 0.25, label: 'Наставники «высокие результаты»: лучшая доля школ муниципалитета', kind: 'percent' },
  ovzHighShare: { default: 0.15, label: 'Фактор 7 «высокая»: доля ОВЗ больше', kind: 'percent' },
  ovzMediumShare: { default: 0.08, label: 'Фактор 7 «средняя»: доля ОВЗ больше', kind: 'percent' },
  nonNativeHighShare: { default: 0.15, label: 'Фактор 8 «высокая»: доля неродного русского больше', kind: 'percent' },
  nonNativeMediumShare: { default: 0.05, label: 'Фактор 8 «средняя»: доля неродного русского больше', kind: 'percent' },
  objectivityConfirmedBelow: { default: 0.5, label: 'Признак необъективности ВПР: «Подтвердили» меньше', kind: 'percent' },
  objectivityRaisedAbove: { default: 0.2, label: 'Признак необъективности ВПР: «Повысили» больше', kind: 'percent' },
  stableLowYears: { default: 3, label: 'Устойчиво низкие результаты: ШНОР лет подряд (из лет с данными)', kind: 'number' },
  reportingYear: { default: null, label: 'Отчётный год', kind: 'year' },
  methodologists: { default: [], label: 'Методисты (e-mail): запускают расчёты и изменяют защищённые листы', kind: 'emails' },
});

export const SETTING_KEYS = Object.keys(SETTINGS_TABLE) as ReadonlyArray<keyof Settings>;

function column<T>(pick: (spec: SettingSpec<unknown>) => T): Record<keyof Settings, T> {
  const out = {} as Record<keyof Settings, T>;
  for (const key of SETTING_KEYS) out[key] = pick(SETTINGS_TABLE[key] as SettingSpec<unknown>);
  return out;
}

/** The defaults of docs/методика.md (a column of SETTINGS_TABLE). */
export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(column((s) => s.default) as unknown as Settings);

/** Russian labels of the settings, used by validation messages and the sidebar form (a column of SETTINGS_TABLE). */
export const SETTING_LABELS: Record<keyof Settings, string> = column((s) => s.label);

/** How each setting is entered and checked (a column of SETTINGS_TABLE). */
export const SETTING_KINDS: Record<keyof Settings, SettingKind> = column((s) => s.kind);

const keysOfKind = (kind: SettingKind) => SETTING_KEYS.filter((k) => SETTING_KINDS[k] === kind);
const SHARE_KEYS = keysOfKind('percent') as ReadonlyArray<
  { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings]
>;
const POSITIVE_KEYS = keysOfKind('number') as ReadonlyArray<
  { [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings]
>;

/** A fresh copy of the defaults of docs/методика.md (its preamble: every threshold is a default the user can change). */
export function defaultSettings(): Settings {
  const copy = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of SETTING_KEYS) {
    const v = copy[key];
    if (Array.isArray(v)) copy[key] = [...(v as unknown[])];
    else if (v !== null && typeof v === 'object') copy[key] = { ...(v as object) };
  }
  return copy as unknown as Settings;
}

/**
 * The lowest and highest value the ИСБШ formula of the settings can give (every share in [0, 1]): the intercept
 * plus the negative weights, and plus the positive ones (docs/методика.md §2). Null when a weight is not a number.
 */
export function isbshRange(s: Pick<Settings, 'isbshIntercept' | 'isbshWeights'>): { min: number; max: number } | null {
  if (typeof s.isbshIntercept !== 'number' || !Number.isFinite(s.isbshIntercept)) return null;
  if (!s.isbshWeights || typeof s.isbshWeights !== 'object') return null;
  let min = s.isbshIntercept;
  let max = s.isbshIntercept;
  for (const key of ISBSH_SHARE_KEYS) {
    const w = s.isbshWeights[key];
    if (typeof w !== 'number' || !Number.isFinite(w)) return null;
    if (w < 0) min += w;
    else max += w;
  }
  return { min, max };
}

/** Russian messages for every invalid value (a boundary out of order, a share above 1 …); empty when valid. docs/методика.md §2–§5 thresholds. */
export function settingsProblems(s: Settings): string[] {
  const problems: string[] = [];
  const b = s.isbshLevelBounds;
  if (!Array.isArray(b) || b.length !== 4 || b.some((x) => typeof x !== 'number' || !Number.isFinite(x))) {
    problems.push(SETTINGS_MESSAGES.boundsNotFour(SETTING_LABELS.isbshLevelBounds));
  } else {
    for (let i = 1; i < 4; i++) {
      if (!(b[i] > b[i - 1]))
        problems.push(SETTINGS_MESSAGES.boundNotAbovePrevious(SETTING_LABELS.isbshLevelBounds, numberRu(b[i]), numberRu(b[i - 1])));
    }
    const range = isbshRange(s) ?? { min: SETTING_KIND_RANGES.bounds![0], max: SETTING_KIND_RANGES.bounds![1] };
    if (b[0] < range.min || b[3] > range.max) {
      problems.push(SETTINGS_MESSAGES.boundsOutsideFormula(SETTING_LABELS.isbshLevelBounds, numberRu(range.min), numberRu(range.max)));
    }
  }
  problems.push(...isbshFormulaProblems(s));
  const [shareLow, shareHigh] = SETTING_KIND_RANGES.percent!;
  for (const key of SHARE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < shareLow || v > shareHigh) {
      const got = typeof v === 'number' && Number.isFinite(v) ? SETTINGS_MESSAGES.percent(numberRu(v * 100)) : String(v);
      problems.push(SETTINGS_MESSAGES.shareOutOfRange(SETTING_LABELS[key], numberRu(shareLow * 100), numberRu(shareHigh * 100), got));
    }
  }
  for (const key of POSITIVE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < SETTING_KIND_RANGES.number![0]) {
      problems.push(
        SETTINGS_MESSAGES.notNonNegative(SETTING_LABELS[key], typeof v === 'number' && Number.isFinite(v) ? numberRu(v) : String(v)),
      );
    }
  }
  if (s.riskZoneGrouping !== 'municipality' && s.riskZoneGrouping !== 'sheet') {
    problems.push(SETTINGS_MESSAGES.grouping(SETTING_LABELS.riskZoneGrouping));
  }
  if (s.clusterModerateFrom < s.shnorThreshold) {
    problems.push(SETTINGS_MESSAGES.belowShnorThreshold(SETTING_LABELS.clusterModerateFrom));
  }
  if (s.clusterStrongAbove < s.clusterModerateFrom) {
    problems.push(SETTINGS_MESSAGES.belowModerateBound(SETTING_LABELS.clusterStrongAbove));
  }
  if (s.ovzMediumShare > s.ovzHighShare) problems.push(SETTINGS_MESSAGES.aboveHighThreshold(SETTING_LABELS.ovzMediumShare));
  if (s.nonNativeMediumShare > s.nonNativeHighShare)
    problems.push(SETTINGS_MESSAGES.aboveHighThreshold(SETTING_LABELS.nonNativeMediumShare));
  if (
    !Array.isArray(s.staffingSpecialists) ||
    s.staffingSpecialists.length === 0 ||
    s.staffingSpecialists.some((x) => typeof x !== 'string' || !x.trim())
  ) {
    problems.push(SETTINGS_MESSAGES.noSpecialist(SETTING_LABELS.staffingSpecialists));
  }
  if (s.staffingSpecialistsRule !== 'noneOfThem' && s.staffingSpecialistsRule !== 'anyMissing') {
    problems.push(SETTINGS_MESSAGES.specialistsRule(SETTING_LABELS.staffingSpecialistsRule));
  }
  if (typeof s.sameSubjectCountsTwice !== 'boolean') problems.push(SETTINGS_MESSAGES.yesNo(SETTING_LABELS.sameSubjectCountsTwice));
  if (!Array.isArray(s.shnorSubjects) || s.shnorSubjects.length === 0 || s.shnorSubjects.some((x) => typeof x !== 'string' || !x.trim())) {
    problems.push(SETTINGS_MESSAGES.noSubject(SETTING_LABELS.shnorSubjects));
  }
  const [firstYear, lastYear] = SETTING_KIND_RANGES.year!;
  if (s.reportingYear !== null && (!Number.isInteger(s.reportingYear) || s.reportingYear < firstYear || s.reportingYear > lastYear)) {
    problems.push(SETTINGS_MESSAGES.reportingYear(SETTING_LABELS.reportingYear, firstYear, lastYear, String(s.reportingYear)));
  }
  if (!Array.isArray(s.methodologists) || s.methodologists.some((x) => typeof x !== 'string')) {
    problems.push(SETTINGS_MESSAGES.emailList(SETTING_LABELS.methodologists));
  } else {
    const bad = s.methodologists.filter((x) => !isEmailAddress(x.trim())).length;
    // The addresses themselves are not repeated: the settings' messages may reach logs (docs/методика.md §11).
    if (bad) problems.push(SETTINGS_MESSAGES.notEmails(SETTING_LABELS.methodologists, bad, s.methodologists.length));
  }
  return problems;
}

/** Problems of the ИСБШ weights: each a finite number, the five keys and no other (docs/методика.md §2). */
function isbshFormulaProblems(s: Settings): string[] {
  // The intercept is a «number» setting, checked with the others of its kind.
  const problems: string[] = [];
  const w = s.isbshWeights as unknown;
  if (!w || typeof w !== 'object' || Array.isArray(w)) {
    problems.push(SETTINGS_MESSAGES.weightsNotFive(SETTING_LABELS.isbshWeights));
    return problems;
  }
  const weights = w as Record<string, unknown>;
  for (const key of ISBSH_SHARE_KEYS) {
    const v = weights[key];
    if (typeof v !== 'number' || !Number.isFinite(v))
      problems.push(
        SETTINGS_MESSAGES.weightNotNumber(SETTING_LABELS.isbshWeights, ISBSH_WEIGHT_LABELS[key], v === undefined ? undefined : String(v)),
      );
  }
  const unknown = Object.keys(weights).filter((k) => !(ISBSH_SHARE_KEYS as readonly string[]).includes(k));
  if (unknown.length) problems.push(SETTINGS_MESSAGES.unknownShares(SETTING_LABELS.isbshWeights, unknown));
  return problems;
}

/** Short Russian names of the five shares for the settings' messages and form. */
export const ISBSH_WEIGHT_LABELS: Readonly<Record<IsbshShareKey, string>> = Object.freeze({
  bothParentsHigherEd: 'оба родителя с высшим образованием',
  comfortableHousing: 'благоустроенное жильё',
  singleParent: 'неполные семьи',
  registered: 'на различных видах учёта',
  nonNativeRussian: 'русский язык не родной',
});

/** A number as Russians write it, without needless decimals: 83.9 → «83,9», 150 → «150». */
function numberRu(x: number): string {
  return formatNumberRu(x, Number.isInteger(x) ? 0 : Math.min(6, String(x).split('.')[1]?.length ?? 0));
}

/** Fills missing keys from docs/методика.md's defaults and throws a UserError listing every invalid value. */
export function validateSettings(partial: Partial<Settings>): Settings {
  const merged: Settings = { ...defaultSettings(), ...partial };
  // A stored weight set missing a key gets that key's default rather than failing as a whole.
  if (partial.isbshWeights && typeof partial.isbshWeights === 'object')
    merged.isbshWeights = { ...defaultSettings().isbshWeights, ...partial.isbshWeights };
  const problems = settingsProblems(merged);
  if (problems.length) throw new UserError(SETTINGS_MESSAGES.notSaved(problems));
  return merged;
}
