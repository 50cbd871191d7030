import { UserError } from './errors';
import { formatNumberRu } from './percent';
import { ISBSH_SHARE_KEYS } from './isbsh';
import type { IsbshShareKey } from './types';

/** How the absence of the necessary specialists makes a staffing deficit (docs/методика.md §2). */
export type StaffingSpecialistsRule = 'noneOfThem' | 'anyMissing';

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
  /** The reporting year Y; null = the latest year in the data. */
  reportingYear: number | null;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  isbshIntercept: 65,
  isbshWeights: Object.freeze({ bothParentsHigherEd: 15, comfortableHousing: 20, singleParent: -15, registered: -35, nonNativeRussian: -15 }) as Record<
    IsbshShareKey,
    number
  >,
  isbshLevelBounds: [79.5, 81.6, 83.9, 86.4] as [number, number, number, number],
  riskZoneShare: 0.25,
  riskZoneGrouping: 'municipality' as const,
  riskZoneMinGroup: 4,
  smallSchoolStudents: 100,
  multiculturalShare: 0.15,
  devianceShare: 0.05,
  deficitSdK: 2,
  staffingSpecialists: Object.freeze(['педагог-психолог', 'учитель-дефектолог', 'социальный педагог']) as string[],
  staffingSpecialistsRule: 'noneOfThem' as StaffingSpecialistsRule,
  shnorThreshold: 0.3,
  shnorSubjects: ['математика', 'русский язык'],
  sameSubjectCountsTwice: true,
  smallSampleMin: 10,
  clusterModerateFrom: 0.4,
  clusterStrongAbove: 0.5,
  resilienceSdK: 1,
  mentorHighResultShare: 0.25,
  ovzHighShare: 0.15,
  ovzMediumShare: 0.08,
  nonNativeHighShare: 0.15,
  nonNativeMediumShare: 0.05,
  objectivityConfirmedBelow: 0.5,
  objectivityRaisedAbove: 0.2,
  reportingYear: null,
});

/** Russian labels of the settings, used by validation messages and the sidebar form. */
export const SETTING_LABELS: Record<keyof Settings, string> = {
  isbshIntercept: 'ИСБШ: свободный член формулы',
  isbshWeights: 'ИСБШ: веса долей в формуле',
  isbshLevelBounds: 'Границы уровней ИСБШ',
  riskZoneShare: 'Доля зоны риска',
  riskZoneGrouping: 'Зона риска считается',
  riskZoneMinGroup: 'Минимум школ в группе для зоны риска',
  smallSchoolStudents: 'Малокомплектная: обучающихся меньше',
  multiculturalShare: 'Поликультурный контекст: доля неродного русского больше',
  devianceShare: 'Девиантность: доля на учёте в КДН и ЗП больше',
  deficitSdK: 'Дефицит: число стандартных отклонений ниже среднего',
  staffingSpecialists: 'Кадровый дефицит: необходимые специалисты',
  staffingSpecialistsRule: 'Кадровый дефицит, если в штате',
  shnorThreshold: 'Порог ШНОР (доля не преодолевших)',
  shnorSubjects: 'Предметы, учитываемые для статуса ШНОР',
  sameSubjectCountsTwice: 'Две процедуры одного предмета в одном году (ВПР математика 5 и 6) считаются двумя процедурами',
  smallSampleMin: 'Малая выборка: участников меньше',
  clusterModerateFrom: 'Кластер «умеренно неуспевающие» от',
  clusterStrongAbove: 'Кластер «сильно неуспевающие» выше',
  resilienceSdK: 'Резильентные школы: насколько доля не преодолевших ниже прогноза по ИСБШ (в стандартных отклонениях остатков)',
  mentorHighResultShare: 'Наставники «высокие результаты»: лучшая доля школ муниципалитета',
  ovzHighShare: 'Фактор 7 «высокая»: доля ОВЗ больше',
  ovzMediumShare: 'Фактор 7 «средняя»: доля ОВЗ больше',
  nonNativeHighShare: 'Фактор 8 «высокая»: доля неродного русского больше',
  nonNativeMediumShare: 'Фактор 8 «средняя»: доля неродного русского больше',
  objectivityConfirmedBelow: 'Признак необъективности ВПР: «Подтвердили» меньше',
  objectivityRaisedAbove: 'Признак необъективности ВПР: «Повысили» больше',
  reportingYear: 'Отчётный год',
};

const SHARE_KEYS = [
  'riskZoneShare',
  'multiculturalShare',
  'devianceShare',
  'shnorThreshold',
  'clusterModerateFrom',
  'clusterStrongAbove',
  'mentorHighResultShare',
  'ovzHighShare',
  'ovzMediumShare',
  'nonNativeHighShare',
  'nonNativeMediumShare',
  'objectivityConfirmedBelow',
  'objectivityRaisedAbove',
] as const;

const POSITIVE_KEYS = ['riskZoneMinGroup', 'smallSchoolStudents', 'deficitSdK', 'smallSampleMin', 'resilienceSdK'] as const;

/** A fresh copy of the defaults of docs/методика.md (its preamble: every threshold is a default the user can change). */
export function defaultSettings(): Settings {
  return {
    ...DEFAULT_SETTINGS,
    isbshLevelBounds: [...DEFAULT_SETTINGS.isbshLevelBounds],
    shnorSubjects: [...DEFAULT_SETTINGS.shnorSubjects],
    isbshWeights: { ...DEFAULT_SETTINGS.isbshWeights },
    staffingSpecialists: [...DEFAULT_SETTINGS.staffingSpecialists],
  };
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
    problems.push(`${SETTING_LABELS.isbshLevelBounds}: нужны четыре числа.`);
  } else {
    for (let i = 1; i < 4; i++) {
      if (!(b[i] > b[i - 1])) problems.push(`${SETTING_LABELS.isbshLevelBounds}: граница ${numberRu(b[i])} должна быть больше предыдущей (${numberRu(b[i - 1])}).`);
    }
    const range = isbshRange(s) ?? { min: 0, max: 100 };
    if (b[0] < range.min || b[3] > range.max) {
      problems.push(`${SETTING_LABELS.isbshLevelBounds}: границы должны лежать от ${numberRu(range.min)} до ${numberRu(range.max)} — в пределах значений формулы ИСБШ.`);
    }
  }
  problems.push(...isbshFormulaProblems(s));
  for (const key of SHARE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 1) {
      problems.push(`${SETTING_LABELS[key]}: доля должна быть от 0\u00a0% до 100\u00a0%, получено «${typeof v === 'number' && Number.isFinite(v) ? numberRu(v * 100) + '\u00a0%' : String(v)}».`);
    }
  }
  for (const key of POSITIVE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
      problems.push(`${SETTING_LABELS[key]}: нужно неотрицательное число, получено «${typeof v === 'number' && Number.isFinite(v) ? numberRu(v) : String(v)}».`);
    }
  }
  if (s.riskZoneGrouping !== 'municipality' && s.riskZoneGrouping !== 'sheet') {
    problems.push(`${SETTING_LABELS.riskZoneGrouping}: «по муниципалитетам» или «по всему листу».`);
  }
  if (s.clusterModerateFrom < s.shnorThreshold) {
    problems.push(`${SETTING_LABELS.clusterModerateFrom}: не может быть меньше порога ШНОР.`);
  }
  if (s.clusterStrongAbove < s.clusterModerateFrom) {
    problems.push(`${SETTING_LABELS.clusterStrongAbove}: не может быть меньше границы «умеренно неуспевающие».`);
  }
  if (s.ovzMediumShare > s.ovzHighShare) problems.push(`${SETTING_LABELS.ovzMediumShare}: не может быть больше порога «высокая».`);
  if (s.nonNativeMediumShare > s.nonNativeHighShare) problems.push(`${SETTING_LABELS.nonNativeMediumShare}: не может быть больше порога «высокая».`);
  if (!Array.isArray(s.staffingSpecialists) || s.staffingSpecialists.length === 0 || s.staffingSpecialists.some((x) => typeof x !== 'string' || !x.trim())) {
    problems.push(`${SETTING_LABELS.staffingSpecialists}: нужен хотя бы один специалист.`);
  }
  if (s.staffingSpecialistsRule !== 'noneOfThem' && s.staffingSpecialistsRule !== 'anyMissing') {
    problems.push(`${SETTING_LABELS.staffingSpecialistsRule}: «нет ни одного из них» или «нет хотя бы одного».`);
  }
  if (typeof s.sameSubjectCountsTwice !== 'boolean') problems.push(`${SETTING_LABELS.sameSubjectCountsTwice}: «да» или «нет».`);
  if (!Array.isArray(s.shnorSubjects) || s.shnorSubjects.length === 0 || s.shnorSubjects.some((x) => typeof x !== 'string' || !x.trim())) {
    problems.push(`${SETTING_LABELS.shnorSubjects}: нужен хотя бы один предмет.`);
  }
  if (s.reportingYear !== null && (!Number.isInteger(s.reportingYear) || s.reportingYear < 2000 || s.reportingYear > 2100)) {
    problems.push(`${SETTING_LABELS.reportingYear}: нужен год от 2000 до 2100 или пусто (последний год в данных), получено «${String(s.reportingYear)}».`);
  }
  return problems;
}

/** Problems of the ИСБШ intercept and weights: each a finite number, the five keys and no other (docs/методика.md §2). */
function isbshFormulaProblems(s: Settings): string[] {
  const problems: string[] = [];
  if (typeof s.isbshIntercept !== 'number' || !Number.isFinite(s.isbshIntercept)) {
    problems.push(`${SETTING_LABELS.isbshIntercept}: нужно число, получено «${String(s.isbshIntercept)}».`);
  }
  const w = s.isbshWeights as unknown;
  if (!w || typeof w !== 'object' || Array.isArray(w)) {
    problems.push(`${SETTING_LABELS.isbshWeights}: нужны пять чисел — по одному на каждую долю.`);
    return problems;
  }
  const weights = w as Record<string, unknown>;
  for (const key of ISBSH_SHARE_KEYS) {
    const v = weights[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`${SETTING_LABELS.isbshWeights}: вес доли «${ISBSH_WEIGHT_LABELS[key]}» — нужно число, получено «${v === undefined ? 'пусто' : String(v)}».`);
  }
  const unknown = Object.keys(weights).filter((k) => !(ISBSH_SHARE_KEYS as readonly string[]).includes(k));
  if (unknown.length) problems.push(`${SETTING_LABELS.isbshWeights}: неизвестные доли ${unknown.map((k) => `«${k}»`).join(', ')}.`);
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
  if (partial.isbshWeights && typeof partial.isbshWeights === 'object') merged.isbshWeights = { ...defaultSettings().isbshWeights, ...partial.isbshWeights };
  const problems = settingsProblems(merged);
  if (problems.length) throw new UserError('Настройки не сохранены:\n' + problems.join('\n'));
  return merged;
}
