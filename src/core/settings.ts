import { UserError } from './errors';
import { formatNumberRu } from './percent';
import { isEmailAddress } from './access';

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
  /** The reporting year Y; null = the latest year in the data. */
  reportingYear: number | null;
  /** Who runs the add-in besides the owner (docs/методика.md §11): they alone edit the inputs and the computed sheets. */
  methodologists: string[];
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  isbshLevelBounds: [79.5, 81.6, 83.9, 86.4] as [number, number, number, number],
  riskZoneShare: 0.25,
  riskZoneGrouping: 'municipality' as const,
  riskZoneMinGroup: 4,
  smallSchoolStudents: 100,
  multiculturalShare: 0.15,
  devianceShare: 0.05,
  deficitSdK: 2,
  shnorThreshold: 0.3,
  shnorSubjects: ['математика', 'русский язык'],
  smallSampleMin: 10,
  clusterModerateFrom: 0.4,
  clusterStrongAbove: 0.5,
  resilienceSdK: 1,
  mentorHighResultShare: 0.25,
  ovzHighShare: 0.15,
  ovzMediumShare: 0.08,
  nonNativeHighShare: 0.15,
  nonNativeMediumShare: 0.05,
  reportingYear: null,
  methodologists: [] as string[],
});

/** Russian labels of the settings, used by validation messages and the sidebar form. */
export const SETTING_LABELS: Record<keyof Settings, string> = {
  isbshLevelBounds: 'Границы уровней ИСБШ',
  riskZoneShare: 'Доля зоны риска',
  riskZoneGrouping: 'Зона риска считается',
  riskZoneMinGroup: 'Минимум школ в группе для зоны риска',
  smallSchoolStudents: 'Малокомплектная: обучающихся меньше',
  multiculturalShare: 'Поликультурный контекст: доля неродного русского больше',
  devianceShare: 'Девиантность: доля на учёте в КДН и ЗП больше',
  deficitSdK: 'Дефицит: число стандартных отклонений ниже среднего',
  shnorThreshold: 'Порог ШНОР (доля не преодолевших)',
  shnorSubjects: 'Предметы, учитываемые для статуса ШНОР',
  smallSampleMin: 'Малая выборка: участников меньше',
  clusterModerateFrom: 'Кластер «умеренно неуспевающие» от',
  clusterStrongAbove: 'Кластер «сильно неуспевающие» выше',
  resilienceSdK: 'Резильентные школы: насколько доля не преодолевших ниже прогноза по ИСБШ (в стандартных отклонениях остатков)',
  mentorHighResultShare: 'Наставники «высокие результаты»: лучшая доля школ муниципалитета',
  ovzHighShare: 'Фактор 7 «высокая»: доля ОВЗ больше',
  ovzMediumShare: 'Фактор 7 «средняя»: доля ОВЗ больше',
  nonNativeHighShare: 'Фактор 8 «высокая»: доля неродного русского больше',
  nonNativeMediumShare: 'Фактор 8 «средняя»: доля неродного русского больше',
  reportingYear: 'Отчётный год',
  methodologists: 'Методисты (e-mail): запускают расчёты и изменяют защищённые листы',
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
] as const;

const POSITIVE_KEYS = ['riskZoneMinGroup', 'smallSchoolStudents', 'deficitSdK', 'smallSampleMin', 'resilienceSdK'] as const;

/** A fresh copy of the defaults of docs/методика.md (its preamble: every threshold is a default the user can change). */
export function defaultSettings(): Settings {
  return { ...DEFAULT_SETTINGS, isbshLevelBounds: [...DEFAULT_SETTINGS.isbshLevelBounds], shnorSubjects: [...DEFAULT_SETTINGS.shnorSubjects], methodologists: [...DEFAULT_SETTINGS.methodologists] };
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
    if (b[0] < 0 || b[3] > 100) problems.push(`${SETTING_LABELS.isbshLevelBounds}: границы должны лежать от 0 до 100.`);
  }
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
  if (!Array.isArray(s.shnorSubjects) || s.shnorSubjects.length === 0 || s.shnorSubjects.some((x) => typeof x !== 'string' || !x.trim())) {
    problems.push(`${SETTING_LABELS.shnorSubjects}: нужен хотя бы один предмет.`);
  }
  if (s.reportingYear !== null && (!Number.isInteger(s.reportingYear) || s.reportingYear < 2000 || s.reportingYear > 2100)) {
    problems.push(`${SETTING_LABELS.reportingYear}: нужен год от 2000 до 2100 или пусто (последний год в данных), получено «${String(s.reportingYear)}».`);
  }
  if (!Array.isArray(s.methodologists) || s.methodologists.some((x) => typeof x !== 'string')) {
    problems.push(`${SETTING_LABELS.methodologists}: нужен список адресов через запятую.`);
  } else {
    const bad = s.methodologists.filter((x) => !isEmailAddress(x.trim())).length;
    // The addresses themselves are not repeated: the settings' messages may reach logs (docs/методика.md §11).
    if (bad) problems.push(`${SETTING_LABELS.methodologists}: не похожи на адрес электронной почты («имя@домен.ru») — ${bad} из ${s.methodologists.length}.`);
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
