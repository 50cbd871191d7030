import { shareAbove, shareAtLeast } from './cluster';
import { wholePercentShare } from './percent';

/**
 * The target indicators of the system of work with ШНОР (docs/методика.md §7): every indicator of both directions
 * of the Kuzbass system (Ленинск-Кузнецкий муниципальный округ: 14 of the first direction, 5 of the second), with
 * its target; the ones the data allow are computed as a numerator over a denominator, the others are entered by
 * hand in «Показатели» and kept across rebuilds.
 */

/** A count drawn from the data: the numerator or denominator of a computed indicator (docs/методика.md §7). */
export interface IndicatorFacts {
  /** Schools with both a form answer and results for Y. */
  schoolsInMonitoring: number;
  /** Schools listed in the form or in «Результаты ОП» for Y. */
  schoolsListed: number;
  /** Schools that are ШНОР in Y. */
  shnorCount: number;
  /** Schools with a ШНОР status for Y (ШНОР or не ШНОР; «нет данных» and «неполные данные» are not assessed). */
  schoolsAssessed: number;
  /** Schools whose status for Y is «неполные данные» (docs/методика.md §3). */
  schoolsWithIncompleteData: number;
  /** ШНОР of Y with a mentor or curator assigned by people in «ШНОР» («Назначенный наставник / куратор»). */
  shnorWithAssignedMentor: number;
  /** Schools in the zone of risk by ИСБШ (the lower quartile). */
  schoolsInRiskZone: number;
  /** Schools with an ИСБШ, over which the zone is drawn. */
  schoolsWithIsbsh: number;
  /** Schools whose diagnosis entered in «Риски» has a factor of high significance. */
  schoolsWithHighRiskDiagnosed: number;
  /** Schools with a diagnosis entered in «Риски». */
  schoolsDiagnosed: number;
  /** Schools of the zone of risk with results for Y. */
  riskZoneWithResults: number;
  /** ШНОР of Y−1 whose failing share in Russian or mathematics fell or stayed at 0 % (see subjectDynamics). */
  formerShnorWithPositiveSubject: number;
  /** ШНОР of Y−1 with a procedure of a counted subject held in both years. */
  formerShnorComparable: number;
  /** Schools with at least one resource deficit. */
  schoolsWithDeficits: number;
  /** Schools of the form (deficits are drawn from the form). */
  schoolsWithForm: number;
  /** The comparison with «Список ФИОКО» (docs/методика.md §10); null when the sheet is not given (the rows are left out). */
  federalBoth: number | null;
  federalOnlyOurs: number | null;
  federalOnlyFederal: number | null;
}

export type IndicatorComparison = 'atLeast' | 'atMost';
/** A target is a share (shown in %) or a number of items («1 шт.»). */
export type IndicatorUnit = 'share' | 'count';

export interface IndicatorDefinition {
  id: string;
  /** «1» or «2»: the direction of the Kuzbass system. */
  direction: string;
  /** The indicator's number within its direction; '' for rows the system adds. */
  number: string;
  name: string;
  /** The definition in words: what is counted, over what. */
  definition: string;
  /** A share in [0, 1] or a count; null when the source gives no target. */
  target: number | null;
  unit: IndicatorUnit;
  comparison: IndicatorComparison;
  /** For computed indicators: the numerator and denominator (a count row has none); absent for those entered by hand. */
  computed?: { count: keyof IndicatorFacts; of?: keyof IndicatorFacts };
}

const BY_HAND = 'Вносится вручную в столбец «Фактическое значение»; сохраняется при пересчёте.';

/** The indicators of docs/методика.md §7 in the order of the source, as data. */
export const INDICATORS: readonly IndicatorDefinition[] = Object.freeze([
  {
    id: 'targetModel',
    direction: '1',
    number: '1',
    name: 'Наличие целевой модели системы сопровождения ШНОР',
    definition: BY_HAND,
    target: 1,
    unit: 'count',
    comparison: 'atLeast',
  },
  {
    id: 'monitoring',
    direction: '1',
    number: '2',
    name: 'Доля школ, включённых в мониторинг',
    definition:
      'Школы, по которым есть и ответ на форму «Социальный паспорт школы», и результаты ОП за отчётный год, — из всех школ, указанных в форме или в результатах ОП за отчётный год.',
    target: 1,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'schoolsInMonitoring', of: 'schoolsListed' },
  },
  {
    id: 'shnor',
    direction: '1',
    number: '3',
    name: 'Доля школ с низкими образовательными результатами (ШНОР)',
    definition:
      'Школы со статусом ШНОР в отчётном году (не менее 30 % не преодолели порог по русскому языку или математике в двух процедурах за год или в одной процедуре два года подряд) — из школ, у которых статус определён по данным.',
    target: 0,
    unit: 'share',
    comparison: 'atMost',
    computed: { count: 'shnorCount', of: 'schoolsAssessed' },
  },
  {
    id: 'incompleteData',
    direction: '1',
    number: '',
    name: 'Доля школ, статус которых не определён из-за неполных данных',
    definition:
      'Школы со статусом «неполные данные» (строки результатов ОП не приняты или нет процедуры, которая могла бы изменить статус; что именно — на листе «ШНОР» и в «Проверке данных»), — из школ, ответивших на форму. Такие школы не входят в знаменатель доли ШНОР. Целевого значения в источнике нет; стремиться к нулю.',
    target: 0,
    unit: 'share',
    comparison: 'atMost',
    computed: { count: 'schoolsWithIncompleteData', of: 'schoolsWithForm' },
  },
  {
    id: 'preventionSystem',
    direction: '1',
    number: '4',
    name: 'Доля ОО, в которых сформирована внутришкольная система профилактики учебной неуспешности',
    definition: BY_HAND,
    target: 1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'shnorWithMentor',
    direction: '1',
    number: '5',
    name: 'Доля ШНОР, за которыми закреплены наставники (школы, устойчиво демонстрирующие высокое качество образования)',
    definition:
      'ШНОР отчётного года, у которых заполнен столбец «Назначенный наставник / куратор» на листе «ШНОР» (назначение, сделанное людьми; предложения надстройки не считаются), — из всех ШНОР отчётного года.',
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'shnorWithAssignedMentor', of: 'shnorCount' },
  },
  {
    id: 'networkPartner',
    direction: '1',
    number: '6',
    name: 'Доля ШНОР, включённых в качестве сетевого партнёра в программы и проекты школ с высокими образовательными результатами',
    definition: BY_HAND,
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'schoolsWithRisks',
    direction: '1',
    number: '7',
    name: 'Доля школ, в которых выявлены риски снижения образовательных результатов',
    definition:
      'Школы нижнего квартала по ИСБШ — зона риска (не более 25 % школ группы с наименьшим ИСБШ), — из школ, у которых рассчитан ИСБШ.',
    target: 0.25,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'schoolsInRiskZone', of: 'schoolsWithIsbsh' },
  },
  {
    id: 'highRiskFactors',
    direction: '1',
    number: '',
    name: 'Доля школ с факторами риска высокой значимости (по самодиагностике)',
    definition:
      'Школы, у которых в листе «Риски» хотя бы один фактор риска отмечен как «высокая», — из школ, заполнивших «Риски». Предложения «по данным» не считаются. Целевого значения в источнике нет.',
    target: null,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'schoolsWithHighRiskDiagnosed', of: 'schoolsDiagnosed' },
  },
  {
    id: 'riskPrevention',
    direction: '1',
    number: '8',
    name: 'Доля ОО, в которых организована профилактика рисков снижения образовательных результатов',
    definition: BY_HAND,
    target: 0.25,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'riskZoneMonitoring',
    direction: '1',
    number: '9',
    name: 'Доля школ зоны риска, в которых проводился мониторинг образовательных результатов',
    definition: 'Школы зоны риска по ИСБШ, по которым есть результаты ОП за отчётный год, — из всех школ зоны риска.',
    target: 1,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'riskZoneWithResults', of: 'schoolsInRiskZone' },
  },
  {
    id: 'shnorPositiveDynamics',
    direction: '1',
    number: '10',
    name: 'Доля ШНОР с положительной динамикой по русскому языку или математике',
    definition:
      'Школы, бывшие ШНОР в прошлом году, у которых доля не преодолевших порог по русскому языку или по математике (по всем процедурам предмета, проведённым в оба года, с учётом числа участников) снизилась или была 0 % оба года, — из бывших ШНОР, у которых есть такие процедуры в оба года.',
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'formerShnorWithPositiveSubject', of: 'formerShnorComparable' },
  },
  {
    id: 'schoolsWithDeficits',
    direction: '1',
    number: '11',
    name: 'Доля школ, в которых выявлены ресурсные дефициты',
    definition: 'Школы хотя бы с одним ресурсным дефицитом (кадровым, инфраструктурным или финансовым) — из школ, ответивших на форму.',
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
    computed: { count: 'schoolsWithDeficits', of: 'schoolsWithForm' },
  },
  {
    id: 'deficitsRemoved',
    direction: '1',
    number: '12',
    name: 'Доля ОО, в которых устранены ресурсные дефициты',
    definition: BY_HAND,
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'debtStudentsWithIom',
    direction: '1',
    number: '13',
    name: 'Доля обучающихся с академической задолженностью, имеющих индивидуальный образовательный маршрут',
    definition: BY_HAND,
    target: 0.25,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'debtStudentsInExtraClasses',
    direction: '1',
    number: '14',
    name: 'Доля обучающихся с академической задолженностью, посещающих дополнительные занятия',
    definition: BY_HAND,
    target: 1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'shnorTeachersSupported',
    direction: '2',
    number: '1',
    name: 'Доля педагогических работников ШНОР, включённых в систему методического сопровождения',
    definition: BY_HAND,
    target: 0.25,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'shnorTeachersDiagnosed',
    direction: '2',
    number: '2',
    name: 'Доля учителей-предметников ШНОР, прошедших диагностику профессиональных дефицитов',
    definition: BY_HAND,
    target: 1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'shnorTeachersHelped',
    direction: '2',
    number: '3',
    name: 'Доля педагогов ШНОР, получивших адресную методическую помощь',
    definition: BY_HAND,
    target: 0.1,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'teachersSharingPractice',
    direction: '2',
    number: '4',
    name: 'Доля педагогических работников, представивших опыт лучших практик профилактики учебной неуспешности',
    definition: BY_HAND,
    target: 0.05,
    unit: 'share',
    comparison: 'atLeast',
  },
  {
    id: 'methodicalRecommendations',
    direction: '2',
    number: '5',
    name: 'Наличие адресных методических рекомендаций по преодолению факторов, обусловливающих низкие образовательные результаты',
    definition: BY_HAND,
    target: 3,
    unit: 'count',
    comparison: 'atLeast',
  },
  {
    id: 'federalBoth',
    direction: '1',
    number: '',
    name: 'Школы в обоих списках: нашем списке ШНОР и федеральном списке ФИОКО',
    definition:
      'Число школ, которые ШНОР по нашим данным и есть в листе «Список ФИОКО» за отчётный год (лист «Сверка с федеральным списком»).',
    target: null,
    unit: 'count',
    comparison: 'atLeast',
    computed: { count: 'federalBoth' },
  },
  {
    id: 'federalOnlyOurs',
    direction: '1',
    number: '',
    name: 'Школы только в нашем списке ШНОР',
    definition: 'Число школ, которые ШНОР по нашим данным, но нет в листе «Список ФИОКО» за отчётный год.',
    target: null,
    unit: 'count',
    comparison: 'atLeast',
    computed: { count: 'federalOnlyOurs' },
  },
  {
    id: 'federalOnlyFederal',
    direction: '1',
    number: '',
    name: 'Школы только в федеральном списке ФИОКО',
    definition: 'Число школ из листа «Список ФИОКО» за отчётный год, которые по нашим данным не ШНОР или по которым нет данных.',
    target: null,
    unit: 'count',
    comparison: 'atLeast',
    computed: { count: 'federalOnlyFederal' },
  },
] as IndicatorDefinition[]);

export interface IndicatorValue {
  id: string;
  direction: string;
  number: string;
  name: string;
  definition: string;
  target: number | null;
  unit: IndicatorUnit;
  comparison: IndicatorComparison;
  /** A share in [0, 1] or a count; null when the data do not allow it or nothing was entered. */
  actual: number | null;
  /** For computed indicators; null for those entered by hand. */
  numerator: number | null;
  denominator: number | null;
  met: 'да' | 'нет' | '';
  source: 'данные' | 'вручную';
}

/** Shares are compared with the share tolerance, so that 0,1 entered by hand meets a 10 % target. */
function meets(actual: number, target: number, comparison: IndicatorComparison): boolean {
  return comparison === 'atLeast' ? shareAtLeast(actual, target) : !shareAbove(actual, target);
}

/**
 * The rows of «Показатели» (docs/методика.md §7): for each indicator of INDICATORS its target, the actual value,
 * numerator and denominator, and whether the target is met («да»/«нет», '' without an actual value or a target).
 * Computed ones are whole-percent shares of their counts (an empty denominator gives no value); the others take the
 * value entered by hand from `manual` (by indicator id; missing means not entered), which never overrides a
 * computed one.
 */
export function computeIndicators(facts: IndicatorFacts, manual: Record<string, number | null>): IndicatorValue[] {
  // Rows of an input that was not given (a null count) are left out rather than shown empty.
  return INDICATORS.filter((def) => !def.computed || facts[def.computed.count] !== null).map((def) => {
    let actual: number | null;
    let numerator: number | null = null;
    let denominator: number | null = null;
    if (def.computed && def.computed.of === undefined) {
      actual = facts[def.computed.count];
    } else if (def.computed) {
      numerator = facts[def.computed.count] as number;
      denominator = facts[def.computed.of as keyof IndicatorFacts] as number;
      actual = denominator > 0 ? wholePercentShare(numerator, denominator) : null;
    } else {
      const entered = manual[def.id];
      actual = typeof entered === 'number' && Number.isFinite(entered) ? entered : null;
    }
    return {
      id: def.id,
      direction: def.direction,
      number: def.number,
      name: def.name,
      definition: def.definition,
      target: def.target,
      unit: def.unit,
      comparison: def.comparison,
      actual,
      numerator,
      denominator,
      met: actual === null || def.target === null ? '' : meets(actual, def.target, def.comparison) ? 'да' : 'нет',
      source: def.computed ? 'данные' : 'вручную',
    };
  });
}
