/**
 * A synthetic region for samples, tests and benchmarks: the three input sheets of
 * docs/методика.md §1 (Form responses, «Результаты ОП», «Риски») as 2-D arrays exactly
 * as Sheets' Range.getValues() returns them: first row = headers, numbers as numbers,
 * timestamps as Date objects, empty cells as "".
 *
 * Deterministic (mulberry32 seeded PRNG, no dependency) and fast (≈ 40 000 schools in well under
 * a second). The data are shaped to exercise every rule: failing shares grow as ИСБШ falls, so
 * ШНОР, the ИСБШ risk zone and resilient schools (low ИСБШ, good results) all occur; rural
 * schools are smaller and some of them lack ЕГЭ.
 *
 * With `problems: true` the generator injects the data problems real regional forms have
 * (see ProblemKind); `problems` in the result says where each one is (sheet row numbers,
 * 1-based, header = row 1), so a README and tests can point at them.
 */
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';

export interface RegionOptions {
  schools: number;
  seed: number;
  /** Default: about one municipality per 18 schools. */
  municipalities?: number;
  /** [Y−1, Y]; default [2024, 2025]. */
  years?: [number, number];
  problems?: boolean;
}

export type ProblemKind =
  | 'resubmission'
  | 'countAsTextWithSpace'
  | 'percentInCountColumn'
  | 'countAboveTotal'
  | 'emptySchoolCode'
  | 'textNoData'
  | 'cyrillicLookalikeInCode'
  | 'nameStartsWithEquals'
  | 'negativeNumber'
  | 'schoolYearInsteadOfYear'
  | 'procedureOddCase'
  | 'failuresWithoutParticipants';

export interface InjectedProblem {
  kind: ProblemKind;
  sheet: 'responses' | 'results';
  /** Sheet row number, 1-based, the header being row 1 (= CSV line number: no cell holds a newline). */
  row: number;
  column: string;
  value: unknown;
  /** The school concerned (its true, Latin code). */
  schoolCode: string;
  note: string;
}

export interface GeneratedRegion {
  responses: unknown[][];
  results: unknown[][];
  risks: unknown[][];
  /** Where the injected problems are; empty unless `problems: true`. */
  problems: InjectedProblem[];
}

/** The Form's question titles, worded as a real region words them (not docs/методика.md verbatim). */
export const RESPONSE_HEADERS = [
  'Отметка времени',
  'Код ОО',
  'Полное наименование образовательной организации',
  'Муниципальное образование',
  'Тип территории (город/село)',
  'Общее количество обучающихся',
  'Количество обучающихся, оба родителя которых имеют высшее образование',
  'Количество обучающихся из семей, проживающих в благоустроенном жилье',
  'Количество обучающихся из неполных семей',
  'Количество обучающихся, состоящих на различных видах учёта',
  'Количество обучающихся, для которых русский язык не является родным',
  'Количество обучающихся, состоящих на учёте в КДН и ЗП',
  'Количество обучающихся с ОВЗ',
  'Школа расположена в труднодоступной местности',
  'Количество педагогических работников',
  'Из них с высшей квалификационной категорией',
  'Специалисты в штате',
  'Устойчивый доступ в Интернет',
  'Достаточно компьютерной техники',
  'Финансирование на одного обучающегося, руб.',
] as const;

export const RESULT_HEADERS = ['Код ОО', 'Год', 'Процедура', 'Участников', 'Не преодолели порог', 'Высокобалльников'] as const;

/** The ten risk factors of docs/методика.md §5, used verbatim as the «Риски» headers. */
export const RISK_FACTOR_NAMES: readonly string[] = DEFAULT_RISK_FACTORS.map((f) => f.name);

export const SPECIALISTS = ['педагог-психолог', 'учитель-дефектолог', 'учитель-логопед', 'социальный педагог'] as const;

type Cohort = 'vpr5' | 'vpr6' | 'oge' | 'egeBase' | 'egeProfile' | 'ege';

interface ProcedureModel {
  name: string;
  cohort: Cohort;
  /** Expected failing share of a typical school (ИСБШ ≈ 82, average school effect). */
  baseFail: number;
  /** Expected share of 81–100 scorers; null = not reported (ВПР, ОГЭ, ЕГЭ базовая has marks, not scores). */
  baseHigh: number | null;
}

/** The nine canonical procedures of docs/методика.md §1.2 with the rates the generator draws from. */
export const PROCEDURES: readonly ProcedureModel[] = [
  { name: 'ВПР математика 5', cohort: 'vpr5', baseFail: 0.1, baseHigh: null },
  { name: 'ВПР математика 6', cohort: 'vpr6', baseFail: 0.13, baseHigh: null },
  { name: 'ВПР русский язык 5', cohort: 'vpr5', baseFail: 0.11, baseHigh: null },
  { name: 'ВПР русский язык 6', cohort: 'vpr6', baseFail: 0.12, baseHigh: null },
  { name: 'ОГЭ математика', cohort: 'oge', baseFail: 0.07, baseHigh: null },
  { name: 'ОГЭ русский язык', cohort: 'oge', baseFail: 0.03, baseHigh: null },
  { name: 'ЕГЭ математика (базовая)', cohort: 'egeBase', baseFail: 0.03, baseHigh: null },
  { name: 'ЕГЭ математика (профильная)', cohort: 'egeProfile', baseFail: 0.06, baseHigh: 0.05 },
  { name: 'ЕГЭ русский язык', cohort: 'ege', baseFail: 0.01, baseHigh: 0.12 },
];

interface MunicipalityName {
  name: string;
  kind: 'city' | 'district';
  /** The town's name in the genitive, as it appears in school names («МБОУ СОШ № 3 г. Северска»). */
  townGenitive: string;
}

const MUNICIPALITY_NAMES: readonly MunicipalityName[] = [
  { name: 'Заречный муниципальный округ', kind: 'district', townGenitive: 'Заречного' },
  { name: 'г. Северск', kind: 'city', townGenitive: 'Северска' },
  { name: 'Ивановский муниципальный район', kind: 'district', townGenitive: 'Иванова' },
  { name: 'Озёрский муниципальный округ', kind: 'district', townGenitive: 'Озёрска' },
  { name: 'г. Светлогорск', kind: 'city', townGenitive: 'Светлогорска' },
  { name: 'Лесной муниципальный район', kind: 'district', townGenitive: 'Лесного' },
  { name: 'Берёзовский муниципальный округ', kind: 'district', townGenitive: 'Берёзовского' },
  { name: 'г. Новоуральск', kind: 'city', townGenitive: 'Новоуральска' },
  { name: 'Красноборский муниципальный район', kind: 'district', townGenitive: 'Красноборска' },
  { name: 'Сосновский муниципальный округ', kind: 'district', townGenitive: 'Сосновоборска' },
  { name: 'Приморский муниципальный район', kind: 'district', townGenitive: 'Приморска' },
  { name: 'г. Каменск', kind: 'city', townGenitive: 'Каменска' },
];

/** Village adjectives for rural school names («МКОУ «Ивановская ООШ»»). */
const VILLAGES = [
  'Ивановская',
  'Петровская',
  'Никольская',
  'Покровская',
  'Берёзовская',
  'Михайловская',
  'Знаменская',
  'Троицкая',
  'Успенская',
  'Вознесенская',
  'Александровская',
  'Дмитриевская',
  'Сергиевская',
  'Каменская',
  'Луговская',
  'Полянская',
  'Ключевская',
  'Горская',
  'Заречная',
  'Сосновская',
  'Ольховская',
  'Липовская',
  'Рябиновская',
  'Кедровская',
  'Боровская',
  'Степновская',
  'Озёрная',
  'Верхнесельская',
  'Нижнепольская',
  'Красноярская',
  'Богородская',
  'Преображенская',
];

const MOSCOW_OFFSET_HOURS = 3;

/** A Date for a wall-clock time in Europe/Moscow (UTC+3, no DST), independent of the machine's zone. */
export function moscowDate(year: number, month: number, day: number, hour: number, minute: number, second: number): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - MOSCOW_OFFSET_HOURS, minute, second));
}

/** mulberry32: a tiny, fast 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  private readonly next: () => number;
  private spare: number | null = null;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  uniform(lo = 0, hi = 1): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hiInclusive: number): number {
    return lo + Math.floor(this.next() * (hiInclusive - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }
  /** Binomial(n, p): exact for small n, normal approximation otherwise (speed for big regions). */
  binomial(n: number, p: number): number {
    if (n <= 0 || p <= 0) return 0;
    if (n <= 25) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.next() < p) k++;
      return k;
    }
    const k = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * this.normal());
    return clamp(k, 0, n);
  }
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

interface Municipality {
  name: string;
  kind: 'city' | 'district';
  townGenitive: string;
  /** Social well-being shift of the whole municipality. */
  effect: number;
}

interface School {
  code: string;
  name: string;
  municipality: Municipality;
  rural: boolean;
  /** Has grades 10–11 (СОШ), so ЕГЭ; otherwise ООШ (grades 1–9). */
  senior: boolean;
  total: number;
  counts: { bothParents: number; housing: number; singleParent: number; registered: number; nonNative: number; kdn: number; ovz: number };
  isbsh: number;
  /** Latent quality of teaching: positive = fewer failures than the social background predicts. */
  teachingEffect: number;
  remote: boolean;
  teachers: number;
  teachersHighest: number;
  specialists: string;
  internet: boolean;
  computers: boolean;
  funding: number;
  submittedAt: Date;
}

function municipalityNames(count: number): MunicipalityName[] {
  const names: MunicipalityName[] = [];
  for (let i = 0; i < count; i++) {
    const base = MUNICIPALITY_NAMES[i % MUNICIPALITY_NAMES.length];
    const round = Math.floor(i / MUNICIPALITY_NAMES.length);
    names.push(round === 0 ? base : { ...base, name: `${base.name} № ${round + 1}` });
  }
  return names;
}

/** Splits n schools over m municipalities of unequal size (weights 0.6–1.4), each getting ≥ 1 when n ≥ m. */
function municipalitySizes(n: number, m: number, rnd: Random): number[] {
  const weights = Array.from({ length: m }, () => rnd.uniform(0.6, 1.4));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(n >= m ? 1 : 0, Math.floor((n * w) / sum)));
  let left = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % m, left--) sizes[i]++;
  for (let i = 0; left < 0; i = (i + 1) % m) {
    if (sizes[i] > 1) {
      sizes[i]--;
      left++;
    }
  }
  return sizes;
}

function lognormal(rnd: Random, median: number, sigma: number): number {
  return median * Math.exp(sigma * rnd.normal());
}

function isbshOf(total: number, c: School['counts']): number {
  return 65 + (15 * c.bothParents + 20 * c.housing - 15 * c.singleParent - 35 * c.registered - 15 * c.nonNative) / total;
}

function makeSchools(n: number, m: number, year: number, rnd: Random): School[] {
  const names = municipalityNames(m);
  const sizes = municipalitySizes(n, m, rnd);
  const schools: School[] = [];
  let serial = 0;
  names.forEach((mn, mi) => {
    const municipality: Municipality = { ...mn, effect: 0.35 * rnd.normal() + (mn.kind === 'city' ? 0.25 : 0) };
    let townNumber = 0;
    const usedVillages = new Map<string, number>();
    for (let k = 0; k < sizes[mi]; k++) {
      serial++;
      const rural = mn.kind === 'district' && rnd.chance(0.72);
      const total = Math.round(
        rural ? clamp(lognormal(rnd, 120, 0.75), 12, 800) : clamp(lognormal(rnd, mn.kind === 'city' ? 700 : 480, 0.45), 150, 1800),
      );
      const senior = !rural || total >= 160 || rnd.chance(0.4);
      // Half the names are typed with straight quotes, as people do in a Form: CSV must double them.
      const [open, close] = rnd.chance(0.5) ? ['"', '"'] : ['«', '»'];
      let name: string;
      if (rural) {
        const village = rnd.pick(VILLAGES);
        const seen = (usedVillages.get(village) ?? 0) + 1;
        usedVillages.set(village, seen);
        name = `МКОУ ${open}${village} ${senior ? 'СОШ' : 'ООШ'}${seen > 1 ? ` № ${seen}` : ''}${close}`;
      } else {
        townNumber++;
        name = rnd.chance(0.12)
          ? `МАОУ ${open}${rnd.chance(0.5) ? 'Гимназия' : 'Лицей'} № ${townNumber}${close} г. ${mn.townGenitive}`
          : `МБОУ СОШ № ${townNumber} г. ${mn.townGenitive}`;
      }

      // Latent social well-being w (≈ N(0,1)); the shares follow the ranges typical of real passports.
      const w = municipality.effect + (rural ? -0.45 : 0.1) + 0.85 * rnd.normal();
      const multicultural = rnd.chance(0.08);
      const share = (mean: number, slope: number, noise: number, lo: number, hi: number) =>
        clamp(mean + slope * w + noise * rnd.normal(), lo, hi);
      const pBoth = share(0.3, 0.08, 0.04, 0.02, 0.6);
      const pHousing = share(0.88, 0.05, 0.04, 0.4, 0.99);
      const pSingle = share(0.21, -0.055, 0.03, 0.05, 0.45);
      const pRegistered = share(0.035, -0.015, 0.008, 0, 0.15);
      const pNonNative = multicultural ? rnd.uniform(0.15, 0.4) : share(0.04, -0.02, 0.02, 0, 0.14);
      const count = (p: number) => Math.round(p * total);
      const counts = {
        bothParents: count(pBoth),
        housing: count(pHousing),
        singleParent: count(pSingle),
        registered: count(pRegistered),
        nonNative: count(pNonNative),
        kdn: count(share(0.015, -0.01, 0.01, 0, 0.09)),
        ovz: count(clamp(lognormal(rnd, 0.06, 0.5), 0, 0.3)),
      };
      const teachers = Math.max(rural ? 6 : 20, Math.round(total / (rural ? 9 : 14) + rnd.int(0, 5)));
      const highestShare = rnd.chance(0.04) ? 0 : share(0.33, 0.05, 0.09, 0.03, 0.7);
      const specialists = SPECIALISTS.filter((_, i) => rnd.chance(rural ? [0.55, 0.15, 0.3, 0.45][i] : [0.95, 0.4, 0.7, 0.85][i])).join(
        ', ',
      );
      const funding = (rnd.chance(0.03) ? 0.5 : 1) * (rural ? 95_000 + 3_500_000 / total : 88_000) * rnd.uniform(0.9, 1.1);
      const school: School = {
        code: `edu${760000 + serial}`,
        name,
        municipality,
        rural,
        senior,
        total,
        counts,
        isbsh: 0,
        teachingEffect: rnd.normal(),
        remote: rural && rnd.chance(0.15),
        teachers,
        teachersHighest: Math.round(teachers * highestShare),
        specialists,
        internet: rnd.chance(rural ? 0.85 : 0.97),
        computers: rnd.chance(rural ? 0.72 : 0.88),
        funding: Math.round(funding * 100) / 100,
        // The Form campaign: 1 September – 15 October of the reporting year, working hours.
        submittedAt: moscowDate(year, 9, 1 + rnd.int(0, 44), rnd.int(8, 17), rnd.int(0, 59), rnd.int(0, 59)),
      };
      school.isbsh = isbshOf(total, counts);
      schools.push(school);
    }
  });
  return schools;
}

function responseRow(s: School, code = s.code, submittedAt = s.submittedAt): unknown[] {
  const c = s.counts;
  const yesNo = (b: boolean) => (b ? 'Да' : 'Нет');
  return [
    submittedAt,
    code,
    s.name,
    s.municipality.name,
    s.rural ? 'село' : 'город',
    s.total,
    c.bothParents,
    c.housing,
    c.singleParent,
    c.registered,
    c.nonNative,
    c.kdn,
    c.ovz,
    yesNo(s.remote),
    s.teachers,
    s.teachersHighest,
    s.specialists,
    yesNo(s.internet),
    yesNo(s.computers),
    s.funding,
  ];
}

/** Grade sizes behind each cohort, drawn once per school and year. */
function cohortSizes(s: School, rnd: Random): Record<Cohort, number> {
  const grade = s.total / (s.senior ? 11 : 9);
  const size = (f: number) => Math.max(0, Math.round(grade * f * rnd.uniform(0.85, 1.1)));
  const senior = s.senior ? size(0.55) : 0;
  const base = Math.round(senior * rnd.uniform(0.45, 0.7));
  return { vpr5: size(0.97), vpr6: size(0.97), oge: size(0.98), ege: senior, egeBase: base, egeProfile: senior - base };
}

/** Appends the «Результаты ОП» rows to `rows` (no intermediate copy: a big region has ~700 000 rows). */
function appendResultRows(rows: unknown[][], schools: School[], years: [number, number], rnd: Random): unknown[][] {
  for (const year of years) {
    for (const s of schools) {
      const sizes = cohortSizes(s, rnd);
      // Failing shares rise as ИСБШ falls (≈ ×2.2 at 76 vs 82), scaled by teaching quality and noise.
      const schoolYearMultiplier = Math.exp(-0.13 * (s.isbsh - 82) - 0.55 * s.teachingEffect + 0.3 * rnd.normal());
      const highMultiplier = Math.exp(0.1 * (s.isbsh - 82) + 0.4 * s.teachingEffect);
      for (const p of PROCEDURES) {
        const isEge = p.cohort === 'ege' || p.cohort === 'egeBase' || p.cohort === 'egeProfile';
        if (isEge && !s.senior) continue; // an ООШ has no grade 11: no ЕГЭ rows at all
        const n = sizes[p.cohort];
        const multiplier = schoolYearMultiplier * Math.exp(0.2 * rnd.normal());
        const failed = rnd.binomial(n, Math.min(0.9, 0.75 * p.baseFail * multiplier));
        let high: number | '' = '';
        if (p.baseHigh !== null) {
          const rate = Math.min(0.6, p.baseHigh * highMultiplier);
          high = rnd.binomial(n - failed, rate);
        }
        rows.push([s.code, year, p.name, n, failed, high]);
      }
    }
  }
  return rows;
}

const SIGNIFICANCE = ['высокая', 'средняя', 'низкая'] as const;

function riskRows(schools: School[], rnd: Random): unknown[][] {
  const rows: unknown[][] = [];
  for (const s of schools) {
    if (!rnd.chance(0.3)) continue;
    const pHigh = clamp(0.15 + 0.04 * (82 - s.isbsh), 0.05, 0.6);
    rows.push([
      s.code,
      ...RISK_FACTOR_NAMES.map(() => {
        const u = rnd.uniform();
        return SIGNIFICANCE[u < pHigh ? 0 : u < pHigh + 0.35 ? 1 : 2];
      }),
    ]);
  }
  return rows;
}

const COL = Object.fromEntries(RESPONSE_HEADERS.map((h, i) => [h, i])) as Record<(typeof RESPONSE_HEADERS)[number], number>;
const RCOL = Object.fromEntries(RESULT_HEADERS.map((h, i) => [h, i])) as Record<(typeof RESULT_HEADERS)[number], number>;

/** «1 234»: the count typed with a space as thousands separator, so the Form stores text. */
function withSpaceGroups(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

/**
 * Injects one instance of every problem kind, mutating the arrays in place.
 * Each problem touches a different school, chosen by its own PRNG stream, so the clean data are
 * the same with and without problems.
 */
function injectProblems(
  schools: School[],
  responses: unknown[][],
  results: unknown[][],
  years: [number, number],
  rnd: Random,
): InjectedProblem[] {
  const problems: InjectedProblem[] = [];
  const used = new Set<number>();
  const rowOfSchool = new Map<string, number>();
  responses.forEach((r, i) => i > 0 && rowOfSchool.set(String(r[COL['Код ОО']]), i));
  const pickSchool = (eligible: (s: School) => boolean = () => true): School => {
    const candidates = schools.map((s, i) => i).filter((i) => !used.has(i) && eligible(schools[i]));
    const pool = candidates.length ? candidates : schools.map((_, i) => i);
    const i = rnd.pick(pool);
    used.add(i);
    return schools[i];
  };
  const inResponses = (kind: ProblemKind, s: School, header: (typeof RESPONSE_HEADERS)[number], value: unknown, note: string) => {
    const index = rowOfSchool.get(s.code)!;
    responses[index][COL[header]] = value;
    problems.push({ kind, sheet: 'responses', row: index + 1, column: header, value, schoolCode: s.code, note });
  };
  let lastTime = schools.reduce((t, s) => Math.max(t, s.submittedAt.getTime()), 0);
  const later = () => {
    lastTime += rnd.int(3600, 4 * 86400) * 1000;
    return new Date(lastTime);
  };

  // Resubmission: the earlier row keeps last year's roster; the later row, appended, is the correction.
  const resubmitter = pickSchool();
  const earlierIndex = rowOfSchool.get(resubmitter.code)!;
  const stale = Math.round(resubmitter.total * 1.1);
  responses[earlierIndex][COL['Общее количество обучающихся']] = stale;
  responses.push(responseRow(resubmitter, resubmitter.code, later()));
  problems.push({
    kind: 'resubmission',
    sheet: 'responses',
    row: earlierIndex + 1,
    column: 'Общее количество обучающихся',
    value: stale,
    schoolCode: resubmitter.code,
    note: `submitted twice: this earlier row (total ${stale}) is superseded by row ${responses.length} (total ${resubmitter.total})`,
  });

  const big = pickSchool((s) => s.total >= 1000);
  inResponses(
    'countAsTextWithSpace',
    big,
    'Общее количество обучающихся',
    withSpaceGroups(big.total),
    'count typed with a space as thousands separator (text)',
  );

  const percent = pickSchool((s) => s.counts.singleParent > 0);
  const pct = ((100 * percent.counts.singleParent) / percent.total).toFixed(1).replace('.', ',');
  inResponses(
    'percentInCountColumn',
    percent,
    'Количество обучающихся из неполных семей',
    `${pct} %`,
    'a share written as a percent in a count column',
  );

  const typo = pickSchool();
  const tooMany = typo.counts.housing * 10 + 1;
  inResponses(
    'countAboveTotal',
    typo,
    'Количество обучающихся из семей, проживающих в благоустроенном жилье',
    tooMany,
    `count above the total (${typo.total}): an extra digit typed`,
  );

  const noCode = pickSchool();
  responses.push(responseRow(noCode, '', later()));
  problems.push({
    kind: 'emptySchoolCode',
    sheet: 'responses',
    row: responses.length,
    column: 'Код ОО',
    value: '',
    schoolCode: noCode.code,
    note: `a submission without Код ОО; the school's proper submission is row ${rowOfSchool.get(noCode.code)! + 1}`,
  });

  const unknown = pickSchool();
  inResponses(
    'textNoData',
    unknown,
    'Количество обучающихся, для которых русский язык не является родным',
    'нет данных',
    'text instead of a count (an ИСБШ input)',
  );

  const lookalike = pickSchool();
  inResponses(
    'cyrillicLookalikeInCode',
    lookalike,
    'Код ОО',
    lookalike.code.replace('e', '\u0435'),
    'Cyrillic «е» (U+0435) instead of Latin e: the code does not match «Результаты ОП»',
  );

  const formula = pickSchool();
  inResponses(
    'nameStartsWithEquals',
    formula,
    'Полное наименование образовательной организации',
    `=${formula.name}`,
    'a name beginning with «=» (must stay text, never a formula)',
  );

  const negative = pickSchool();
  inResponses('negativeNumber', negative, 'Количество обучающихся с ОВЗ', -Math.max(1, negative.counts.ovz), 'a negative count');

  // Results: rows are grouped by year, then school in sheet order, then procedure.
  const resultIndex = (code: string, year: number, procedure: string) =>
    results.findIndex((r, i) => i > 0 && r[RCOL['Код ОО']] === code && r[RCOL['Год']] === year && r[RCOL['Процедура']] === procedure);
  const inResults = (
    kind: ProblemKind,
    index: number,
    header: (typeof RESULT_HEADERS)[number],
    value: unknown,
    schoolCode: string,
    note: string,
  ) => {
    results[index][RCOL[header]] = value;
    problems.push({ kind, sheet: 'results', row: index + 1, column: header, value, schoolCode, note });
  };
  const [previous, current] = years;

  const schoolYear = pickSchool();
  const syIndex = resultIndex(schoolYear.code, previous, 'ВПР русский язык 5');
  inResults(
    'schoolYearInsteadOfYear',
    syIndex,
    'Год',
    `${previous - 1}/${String(previous).slice(2)}`,
    schoolYear.code,
    `a school year instead of the calendar year ${previous}`,
  );

  const oddCase = pickSchool();
  inResults(
    'procedureOddCase',
    resultIndex(oddCase.code, current, 'ОГЭ математика'),
    'Процедура',
    'огэ  математика',
    oddCase.code,
    'procedure name in lower case with a double space (means «ОГЭ математика»)',
  );

  const ghost = pickSchool();
  const ghostIndex = resultIndex(ghost.code, current, 'ВПР математика 6');
  if (Number(results[ghostIndex][RCOL['Не преодолели порог']]) === 0) results[ghostIndex][RCOL['Не преодолели порог']] = 1;
  inResults(
    'failuresWithoutParticipants',
    ghostIndex,
    'Участников',
    0,
    ghost.code,
    `participants 0 but ${results[ghostIndex][RCOL['Не преодолели порог']]} failed`,
  );

  return problems.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet === 'responses' ? -1 : 1));
}

/**
 * Generates a region of `schools` schools (codes edu760001, edu760002, …) over `municipalities`
 * municipalities, with results for both `years` and risk self-diagnoses for about 30 % of the
 * schools. Same options → identical data.
 */
export function generateRegion(options: RegionOptions): GeneratedRegion {
  const n = Math.max(0, Math.floor(options.schools));
  const m = Math.max(1, Math.floor(options.municipalities ?? Math.max(1, Math.round(n / 18))));
  const years: [number, number] = options.years ?? [2024, 2025];
  // Separate streams, so adding or dropping problems (or risks) leaves the other sheets unchanged.
  const schools = makeSchools(n, m, years[1], new Random(options.seed));
  const results = appendResultRows([[...RESULT_HEADERS]], schools, years, new Random(options.seed ^ 0x5bd1e995));
  const risks: unknown[][] = [['Код ОО', ...RISK_FACTOR_NAMES], ...riskRows(schools, new Random(options.seed ^ 0x27d4eb2f))];
  // The Form appends submissions in time order.
  const bySubmission = [...schools].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  const responses: unknown[][] = [[...RESPONSE_HEADERS], ...bySubmission.map((s) => responseRow(s))];
  const problems =
    options.problems && n > 0 ? injectProblems(schools, responses, results, years, new Random(options.seed ^ 0x165667b1)) : [];
  return { responses, results, risks, problems };
}
