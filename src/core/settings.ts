import { UserError } from './errors';
import { formatNumberRu } from './percent';

/**
 * Every threshold of docs/методика.md as one typed object. Stored per spreadsheet
 * (DocumentProperties) and passed to core functions; never a literal scattered through the code.
 */
export interface Settings {
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
  /** ШНОР threshold t: a failing share ≥ t counts (docs/методика.md §3). */
  shnorThreshold: number;
  /** Subjects whose procedures count for the status (matched as words of the procedure name). */
  shnorSubjects: string[];
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
  /** «Устойчиво низкие результаты»: ШНОР in each of this many last years with data (docs/методика.md §9). */
  stableLowYears: number;
  /** The reporting year Y; null = the latest year in the data. */
  reportingYear: number | null;
}

/**
 * How a setting is entered and checked: «percent» a share in [0, 1] typed as a percent; «number» a
 * non-negative number; «bounds» the four ИСБШ level cuts in [0, 100]; «subjects» a non-empty list of
 * words; «grouping» municipality or sheet; «year» a year in [2000, 2100] or empty.
 */
export type SettingKind = 'percent' | 'number' | 'bounds' | 'subjects' | 'grouping' | 'year';

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
  isbshLevelBounds: { default: [79.5, 81.6, 83.9, 86.4], label: 'Границы уровней ИСБШ', kind: 'bounds' },
  riskZoneShare: { default: 0.25, label: 'Доля зоны риска', kind: 'percent' },
  riskZoneGrouping: { default: 'municipality', label: 'Зона риска считается', kind: 'grouping' },
  riskZoneMinGroup: { default: 4, label: 'Минимум школ в группе для зоны риска', kind: 'number' },
  smallSchoolStudents: { default: 100, label: 'Малокомплектная: обучающихся меньше', kind: 'number' },
  multiculturalShare: { default: 0.15, label: 'Поликультурный контекст: доля неродного русского больше', kind: 'percent' },
  devianceShare: { default: 0.05, label: 'Девиантность: доля на учёте в КДН и ЗП больше', kind: 'percent' },
  deficitSdK: { default: 2, label: 'Дефицит: число стандартных отклонений ниже среднего', kind: 'number' },
  shnorThreshold: { default: 0.3, label: 'Порог ШНОР (доля не преодолевших)', kind: 'percent' },
  shnorSubjects: { default: ['математика', 'русский язык'], label: 'Предметы, учитываемые для статуса ШНОР', kind: 'subjects' },
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
  stableLowYears: { default: 3, label: 'Устойчиво низкие результаты: ШНОР лет подряд (из лет с данными)', kind: 'number' },
  reportingYear: { default: null, label: 'Отчётный год', kind: 'year' },
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
const SHARE_KEYS = keysOfKind('percent') as ReadonlyArray<{ [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings]>;
const POSITIVE_KEYS = keysOfKind('number') as ReadonlyArray<{ [K in keyof Settings]: Settings[K] extends number ? K : never }[keyof Settings]>;

/** A fresh copy of the defaults of docs/методика.md (its preamble: every threshold is a default the user can change). */
export function defaultSettings(): Settings {
  const copy = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  for (const key of SETTING_KEYS) if (Array.isArray(copy[key])) copy[key] = [...(copy[key] as unknown[])];
  return copy as unknown as Settings;
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
    const [low, high] = SETTING_KIND_RANGES.bounds!;
    if (b[0] < low || b[3] > high) problems.push(`${SETTING_LABELS.isbshLevelBounds}: границы должны лежать от ${numberRu(low)} до ${numberRu(high)}.`);
  }
  const [shareLow, shareHigh] = SETTING_KIND_RANGES.percent!;
  for (const key of SHARE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < shareLow || v > shareHigh) {
      problems.push(`${SETTING_LABELS[key]}: доля должна быть от ${numberRu(shareLow * 100)}\u00a0% до ${numberRu(shareHigh * 100)}\u00a0%, получено «${typeof v === 'number' && Number.isFinite(v) ? numberRu(v * 100) + '\u00a0%' : String(v)}».`);
    }
  }
  for (const key of POSITIVE_KEYS) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < SETTING_KIND_RANGES.number![0]) {
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
  if (!Array.isArray(s.shnorSubjects) || s.shnorSubjects.length === 0 || s.shnorSubjects.some((x) => typeof x !== 'string' || !x.trim())) {
    problems.push(`${SETTING_LABELS.shnorSubjects}: нужен хотя бы один предмет.`);
  }
  const [firstYear, lastYear] = SETTING_KIND_RANGES.year!;
  if (s.reportingYear !== null && (!Number.isInteger(s.reportingYear) || s.reportingYear < firstYear || s.reportingYear > lastYear)) {
    problems.push(`${SETTING_LABELS.reportingYear}: нужен год от ${firstYear} до ${lastYear} или пусто (последний год в данных), получено «${String(s.reportingYear)}».`);
  }
  return problems;
}

/** A number as Russians write it, without needless decimals: 83.9 → «83,9», 150 → «150». */
function numberRu(x: number): string {
  return formatNumberRu(x, Number.isInteger(x) ? 0 : Math.min(6, String(x).split('.')[1]?.length ?? 0));
}

/** Fills missing keys from the defaults of docs/методика.md and throws a UserError listing every invalid value. */
export function validateSettings(partial: Partial<Settings>): Settings {
  const merged: Settings = { ...defaultSettings(), ...partial };
  const problems = settingsProblems(merged);
  if (problems.length) throw new UserError('Настройки не сохранены:\n' + problems.join('\n'));
  return merged;
}
