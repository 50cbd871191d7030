/**
 * Plain data records shared by every layer. Names follow docs/методика.md:
 * Код ОО → schoolCode, ИСБШ → isbsh, зона риска → riskZone.
 */

export type Territory = 'город' | 'село';

/** The five shares that make up ИСБШ (docs/методика.md §2), each in [0, 1]. */
export interface IsbshShares {
  bothParentsHigherEd: number | null;
  comfortableHousing: number | null;
  singleParent: number | null;
  registered: number | null;
  nonNativeRussian: number | null;
}

export type IsbshShareKey = keyof IsbshShares;

/** One school's social passport (its latest Form submission), values already parsed. docs/методика.md §1.1 */
export interface SchoolRecord {
  schoolCode: string;
  name: string;
  municipality: string;
  territory: Territory | null;
  totalStudents: number | null;
  /** Shares in [0, 1]; null when missing or rejected (the reason is in the data check). */
  shares: IsbshShares;
  /** Share of students on the КДН и ЗП register, [0, 1]. */
  kdnShare: number | null;
  /** Share of students with ОВЗ, [0, 1]. */
  ovzShare: number | null;
  remoteTerritory: boolean | null;
  teachersTotal: number | null;
  teachersHighestCategory: number | null;
  /** Specialists on staff as listed in the checkbox answer, lower-case canonical names; null = not answered. */
  specialists: string[] | null;
  stableInternet: boolean | null;
  enoughComputers: boolean | null;
  fundingPerStudent: number | null;
}

/** One row of «Результаты ОП» (docs/методика.md §1.2). participants null or 0 = «нет участников». */
export interface ProcedureResult {
  schoolCode: string;
  year: number;
  procedure: string;
  participants: number | null;
  failed: number | null;
  highScorers: number | null;
  /** The failing share as the sheet gave it when it gave no participants (a wide table of «% двоек»); absent otherwise. */
  share?: number;
}

/**
 * A row of «Результаты ОП» of a school of the form that the reader could not use (docs/методика.md §3 «Неполные
 * данные»): its year and procedure when they were readable, null when not.
 */
export interface LostResult {
  schoolCode: string;
  year: number | null;
  procedure: string | null;
}

export type Significance = 'высокая' | 'средняя' | 'низкая';

/** One school's risk self-diagnosis (docs/методика.md §1.3): factor id → significance. */
export interface RiskDiagnosis {
  schoolCode: string;
  significance: Record<string, Significance>;
}

export type IsbshLevel = 'низкий' | 'ниже среднего' | 'средний' | 'выше среднего' | 'высокий';

/** «неполные данные»: what is missing of the school's results could change its status (docs/методика.md §3). */
export type ShnorStatusLabel = 'ШНОР' | 'не ШНОР' | 'нет данных' | 'неполные данные';

export type ClusterLabel = 'базово неуспевающие' | 'умеренно неуспевающие' | 'сильно неуспевающие';

/** What FIOKO_CLUSTER and the «ШНОР» sheet show: a cluster for ШНОР, else the status. */
export type ClusterOrStatus = ClusterLabel | 'не ШНОР' | 'нет данных' | 'неполные данные';

export type ProcedureDynamics = 'положительная' | 'отрицательная' | 'нейтральная' | '0 % за два года' | 'нет участников';

export type ClusterDynamics =
  'повысила кластер' | 'вышла из списка' | 'без изменений' | 'понизила кластер' | 'вошла в список' | 'неполные данные' | '—';

/** A risk factor of the editable list «Факторы риска» (docs/методика.md §5). */
export interface RiskFactor {
  id: string;
  name: string;
  active: boolean;
  /** What each significance asks for, as the region words it in «Факторы риска»; absent = the defaults of docs/методика.md §5. */
  actions?: Record<Significance, string>;
}

/** A row of the editable catalog «Каталог мер» (docs/методика.md §6). */
export interface CatalogMeasure {
  id: string;
  /** A cluster label or «все». */
  cluster: ClusterLabel | 'все';
  /** A factor id, or «общие» for measures not tied to a factor. */
  factor: string;
  task: string;
  measure: string;
  /** Month of the school year when the measure is due, 1–12 (calendar month). */
  deadlineMonth: number;
  ownerRole: string;
  indicator: string;
  document: string;
}
