import { CATALOG_SHEET_MESSAGES } from './messages';
import { normalizeText, tidyText } from './text';
import type { CatalogMeasure, ClusterLabel, RiskFactor } from './types';

/** The factor cell of a catalog row that is not tied to a risk factor (docs/методика.md §6). */
export const GENERAL_FACTOR = 'общие';
/** The cluster cell of a catalog row that applies to every cluster (docs/методика.md §6). */
export const ALL_CLUSTERS = 'все';

export const CATALOG_SHEET_NAME = 'Каталог мер';

/** Header of the sheet «Каталог мер», as written by catalogToRows. */
export const CATALOG_SHEET_HEADER: readonly string[] = Object.freeze([
  'ID',
  'Кластер',
  'Фактор риска',
  'Задача',
  'Мероприятие',
  'Срок (месяц)',
  'Ответственный',
  'Показатель результата',
  'Итоговый документ',
]);

type MeasureRow = [
  id: string,
  cluster: CatalogMeasure['cluster'],
  factor: string,
  task: string,
  measure: string,
  deadlineMonth: number,
  ownerRole: string,
  indicator: string,
  document: string,
];

const COORDINATOR = 'Муниципальный координатор';
const MUNICIPAL_AUTHORITY = 'Руководитель муниципального органа управления образованием';
const HEAD = 'Руководитель ОО';
const DEPUTY = 'Заместитель директора по УВР';
const DEPUTY_UPBRINGING = 'Заместитель директора по ВР';
const CURATOR = 'Куратор';
const FORM_TEACHER = 'Классный руководитель';
const SUBJECT_TEACHERS = 'Учителя-предметники';
const PSYCHOLOGIST = 'Педагог-психолог';

const STRONG: ClusterLabel = 'сильно неуспевающие';
const MODERATE: ClusterLabel = 'умеренно неуспевающие';
const BASIC: ClusterLabel = 'базово неуспевающие';

/* The default measures of docs/методика.md §6. Months are calendar months of the school year (September = 9 … May = 5). */
const DEFAULT_ROWS: readonly MeasureRow[] = [
  // All clusters, general measures.
  [
    'ALL-01',
    'все',
    'общие',
    'Организовать управление работой со школой на муниципальном уровне',
    'Назначение муниципального координатора по работе со школами с низкими образовательными результатами',
    9,
    MUNICIPAL_AUTHORITY,
    'Координатор назначен, его контакты доведены до школы',
    'Приказ муниципального органа управления образованием о назначении координатора',
  ],
  [
    'ALL-02',
    'все',
    'общие',
    'Выявить предметные затруднения обучающихся',
    'Анализ результатов ВПР, ОГЭ и ЕГЭ по каждому предмету с выделением проблемных тем и умений',
    10,
    DEPUTY,
    'Составлен перечень проблемных тем и умений по каждому предмету',
    'Аналитическая справка по результатам оценочных процедур',
  ],
  [
    'ALL-03',
    'все',
    'общие',
    'Выявить профессиональные дефициты педагогов',
    'Диагностика предметных и методических дефицитов учителей',
    11,
    DEPUTY,
    'Доля учителей, прошедших диагностику, — 100 %',
    'Карта профессиональных дефицитов педагогов',
  ],
  [
    'ALL-04',
    'все',
    'общие',
    'Обеспечить ликвидацию академической задолженности',
    'Разработка и реализация индивидуальных образовательных маршрутов (ИОМ) для обучающихся с академической задолженностью',
    10,
    DEPUTY,
    'Доля обучающихся с академической задолженностью, имеющих ИОМ',
    'Индивидуальные образовательные маршруты обучающихся',
  ],
  [
    'ALL-05',
    'все',
    'общие',
    'Вовлечь родителей в работу по повышению образовательных результатов',
    'Информирование родителей о результатах оценочных процедур и о плане работы школы, родительские собрания по классам',
    10,
    HEAD,
    'Родительские собрания проведены во всех классах',
    'Протоколы родительских собраний',
  ],
  // Сильно неуспевающие.
  [
    'STRONG-01',
    STRONG,
    'общие',
    'Обеспечить наставническую поддержку школы',
    'Закрепление за школой куратора из числа руководителей школ с высокими образовательными результатами',
    9,
    COORDINATOR,
    'Куратор назначен, план совместной работы согласован',
    'Приказ о закреплении куратора, план работы куратора',
  ],
  [
    'STRONG-02',
    STRONG,
    'общие',
    'Спланировать преодоление рисков высокой значимости',
    'Разработка не менее двух дорожных карт по факторам риска высокой значимости',
    10,
    HEAD,
    'Утверждено не менее двух дорожных карт',
    'Дорожные карты (антирисковые программы), утверждённые приказом',
  ],
  [
    'STRONG-03',
    STRONG,
    'общие',
    'Устранить профессиональные дефициты учителей математики и русского языка',
    'Диагностика всех учителей математики и русского языка и разработка индивидуального образовательного маршрута для каждого из них',
    11,
    DEPUTY,
    'Все учителя математики и русского языка прошли диагностику и имеют ИОМ',
    'Результаты диагностики, индивидуальные образовательные маршруты педагогов',
  ],
  [
    'STRONG-04',
    STRONG,
    'общие',
    'Обеспечить объективность оценочных процедур',
    'Перепроверка работ ВПР муниципальными предметными комиссиями',
    5,
    COORDINATOR,
    'Работы ВПР по математике и русскому языку перепроверены, расхождения проанализированы',
    'Протоколы муниципальных предметных комиссий',
  ],
  // Умеренно неуспевающие.
  [
    'MODERATE-01',
    MODERATE,
    'общие',
    'Спланировать преодоление рисков высокой значимости',
    'Разработка дорожных карт по факторам риска высокой значимости',
    10,
    HEAD,
    'Дорожные карты утверждены по всем факторам риска высокой значимости',
    'Дорожные карты (антирисковые программы), утверждённые приказом',
  ],
  [
    'MODERATE-02',
    MODERATE,
    'общие',
    'Устранить профессиональные дефициты учителей математики и русского языка',
    'Диагностика учителей математики и (или) русского языка',
    11,
    DEPUTY,
    'Учителя математики и (или) русского языка прошли диагностику, по её итогам составлены ИОМ',
    'Результаты диагностики профессиональных дефицитов',
  ],
  [
    'MODERATE-03',
    MODERATE,
    'общие',
    'Обеспечить контроль выполнения дорожных карт',
    'Оперативный контроль выполнения дорожных карт муниципальным координатором',
    12,
    COORDINATOR,
    'Контроль проводится не реже одного раза в четверть',
    'Справки по итогам контроля',
  ],
  // Базово неуспевающие.
  [
    'BASIC-01',
    BASIC,
    'общие',
    'Предупредить учебную неуспешность обучающихся',
    'Разработка и реализация программы профилактики учебной неуспешности',
    10,
    DEPUTY,
    'Программа утверждена и реализуется, доля обучающихся с неудовлетворительными результатами снижается',
    'Программа профилактики учебной неуспешности',
  ],
  // F1 Низкий уровень оснащения школы.
  [
    'F1-01',
    'все',
    'F1',
    'Определить потребность школы в оборудовании',
    'Инвентаризация материально-технической базы, составление перечня необходимого оборудования, компьютерной техники и средств доступа в Интернет',
    10,
    HEAD,
    'Перечень потребностей составлен с указанием источников финансирования',
    'Перечень потребностей в оборудовании',
  ],
  [
    'F1-02',
    'все',
    'F1',
    'Повысить оснащённость образовательного процесса',
    'Включение школы в муниципальные и региональные программы обновления материально-технической базы, использование оборудования школ-партнёров в сетевой форме',
    3,
    COORDINATOR,
    'Поданы заявки на оснащение, обучающимся обеспечен доступ к оборудованию школ-партнёров',
    'Заявка на оснащение, договор о сетевом взаимодействии',
  ],
  // F2 Дефицит педагогических кадров.
  [
    'F2-01',
    'все',
    'F2',
    'Восполнить кадровый дефицит',
    'Анализ кадровой потребности и привлечение педагогов с использованием муниципальных и региональных мер поддержки (целевое обучение, программа «Земский учитель»)',
    12,
    HEAD,
    'Закрыты вакансии учителей и специалистов (педагог-психолог, учитель-дефектолог, социальный педагог)',
    'План кадрового обеспечения',
  ],
  [
    'F2-02',
    'все',
    'F2',
    'Обеспечить преподавание всех предметов учебного плана',
    'Организация сетевого и дистанционного обучения по предметам, по которым в школе нет учителей, привлечение педагогов других школ',
    9,
    COORDINATOR,
    'Все предметы учебного плана обеспечены педагогами',
    'Договор о сетевой форме реализации образовательной программы',
  ],
  // F3 Недостаточная предметная и методическая компетентность педагогических работников.
  [
    'F3-01',
    'все',
    'F3',
    'Устранить предметные и методические дефициты педагогов',
    'Повышение квалификации учителей по выявленным дефицитам по программам Федерального реестра дополнительных профессиональных программ',
    3,
    DEPUTY,
    'Доля педагогов, прошедших повышение квалификации по выявленным дефицитам',
    'Удостоверения о повышении квалификации, ИОМ педагогов',
  ],
  [
    'F3-02',
    'все',
    'F3',
    'Организовать методическую поддержку учителей',
    'Методическое сопровождение учителей педагогами школы-наставника: взаимопосещение уроков, совместный разбор уроков',
    4,
    CURATOR,
    'Каждый учитель математики и русского языка получил методическую поддержку',
    'План методического сопровождения, листы посещения уроков',
  ],
  // F4 Риски низкой адаптивности учебного процесса.
  [
    'F4-01',
    'все',
    'F4',
    'Учесть образовательные потребности разных групп обучающихся',
    'Внедрение дифференцированного обучения: разноуровневые задания, групповая работа, формирующее оценивание',
    12,
    DEPUTY,
    'Доля уроков с дифференцированными заданиями (по итогам посещения уроков)',
    'Справка по итогам посещения уроков',
  ],
  [
    'F4-02',
    'все',
    'F4',
    'Обеспечить адресную поддержку обучающихся с трудностями в обучении',
    'Организация дополнительных занятий и консультаций для обучающихся с трудностями в обучении',
    10,
    DEPUTY,
    'Доля обучающихся с трудностями в обучении, посещающих дополнительные занятия',
    'Расписание дополнительных занятий, журнал посещаемости',
  ],
  // F5 Несформированность внутришкольной системы повышения квалификации.
  [
    'F5-01',
    'все',
    'F5',
    'Выстроить внутришкольную систему профессионального развития',
    'Создание школьных методических объединений (профессиональных обучающихся сообществ) учителей и организация их работы',
    10,
    DEPUTY,
    'Методические объединения работают по утверждённому плану',
    'Приказ о создании методических объединений, план их работы',
  ],
  [
    'F5-02',
    'все',
    'F5',
    'Обеспечить системное повышение квалификации',
    'Разработка плана повышения квалификации педагогов на основе выявленных дефицитов, внедрение наставничества «педагог — педагог»',
    11,
    HEAD,
    'План утверждён, за каждым молодым специалистом закреплён наставник',
    'План повышения квалификации, приказ о наставничестве',
  ],
  // F6 Высокая доля обучающихся с рисками учебной неуспешности.
  [
    'F6-01',
    'все',
    'F6',
    'Выявить обучающихся с рисками учебной неуспешности',
    'Входная диагностика и составление перечня обучающихся группы риска по каждому классу',
    9,
    DEPUTY,
    'Перечень обучающихся группы риска составлен',
    'Аналитическая справка по итогам входной диагностики',
  ],
  [
    'F6-02',
    'все',
    'F6',
    'Снизить долю обучающихся с неудовлетворительными результатами',
    'Индивидуальная работа с обучающимися группы риска: консультации, наставничество «ученик — ученик», контроль освоения проблемных тем',
    4,
    SUBJECT_TEACHERS,
    'Доля обучающихся с неудовлетворительными отметками по итогам четверти снижается',
    'Отчёт о работе с обучающимися группы риска',
  ],
  // F7 Высокая доля обучающихся с ОВЗ.
  [
    'F7-01',
    'все',
    'F7',
    'Создать специальные условия обучения',
    'Разработка адаптированных образовательных программ и психолого-педагогическое сопровождение обучающихся с ОВЗ',
    9,
    HEAD,
    'Все обучающиеся с ОВЗ обучаются по адаптированным программам в соответствии с рекомендациями ПМПК',
    'Адаптированные образовательные программы',
  ],
  [
    'F7-02',
    'все',
    'F7',
    'Повысить готовность педагогов к инклюзивному обучению',
    'Повышение квалификации педагогов по обучению детей с ОВЗ, привлечение учителя-дефектолога и педагога-психолога, в том числе в сетевой форме',
    2,
    DEPUTY,
    'Доля педагогов, прошедших повышение квалификации по инклюзивному образованию',
    'Удостоверения о повышении квалификации',
  ],
  // F8 Низкое качество преодоления языковых и культурных барьеров.
  [
    'F8-01',
    'все',
    'F8',
    'Выявить обучающихся с недостаточным владением русским языком',
    'Диагностика уровня владения русским языком обучающихся, для которых он не является родным',
    9,
    DEPUTY,
    'Уровень владения русским языком определён у всех обучающихся, для которых он не родной',
    'Результаты диагностики',
  ],
  [
    'F8-02',
    'все',
    'F8',
    'Обеспечить языковую и социокультурную адаптацию обучающихся',
    'Дополнительные занятия по русскому языку как неродному, мероприятия по социокультурной адаптации обучающихся и их семей',
    10,
    DEPUTY,
    'Доля обучающихся с недостаточным владением русским языком, посещающих дополнительные занятия',
    'Программа дополнительных занятий, журнал посещаемости',
  ],
  // F9 Пониженный уровень качества школьной образовательной и воспитательной среды.
  [
    'F9-01',
    'все',
    'F9',
    'Оценить качество школьной среды',
    'Анкетирование обучающихся, родителей и педагогов о школьном климате и безопасности образовательной среды',
    10,
    PSYCHOLOGIST,
    'Анкетирование проведено, проблемные зоны выявлены',
    'Аналитическая справка по итогам анкетирования',
  ],
  [
    'F9-02',
    'все',
    'F9',
    'Повысить качество воспитательной среды',
    'Развитие ученического самоуправления, внеурочной деятельности и дополнительного образования по итогам оценки школьной среды',
    3,
    DEPUTY_UPBRINGING,
    'Доля обучающихся, вовлечённых во внеурочную деятельность и дополнительное образование',
    'План воспитательной работы',
  ],
  // F10 Низкий уровень вовлеченности родителей.
  [
    'F10-01',
    'все',
    'F10',
    'Наладить постоянную связь с родителями',
    'Регулярные встречи и индивидуальные консультации для родителей по вопросам обучения и воспитания детей',
    11,
    FORM_TEACHER,
    'Доля родителей, посетивших встречи и консультации',
    'План работы с родителями, протоколы встреч',
  ],
  [
    'F10-02',
    'все',
    'F10',
    'Вовлечь родителей в жизнь школы',
    'Привлечение родителей к совместным мероприятиям, к работе управляющего совета и родительского комитета',
    2,
    HEAD,
    'Совместные мероприятия проведены, родители участвуют в работе управляющего совета',
    'Протоколы заседаний управляющего совета',
  ],
];

/**
 * The default measures the add-in writes into «Каталог мер» (docs/методика.md §6): general measures
 * for every cluster, measures for each cluster, and two measures for each of the factors F1…F10.
 */
export const DEFAULT_CATALOG: readonly CatalogMeasure[] = Object.freeze(
  DEFAULT_ROWS.map(([id, cluster, factor, task, measure, deadlineMonth, ownerRole, indicator, document]) =>
    Object.freeze({ id, cluster, factor, task, measure, deadlineMonth, ownerRole, indicator, document }),
  ),
);

/** How a word starts for each month, in any case form or abbreviation («сентября», «в мае», «окт.»). */
const MONTH_PATTERNS: ReadonlyArray<{ month: number; pattern: RegExp }> = [
  /^янв/,
  /^фев/,
  /^мар/,
  /^апр/,
  /^ма[йяею]$/,
  /^июн/,
  /^июл/,
  /^авг/,
  /^сен/,
  /^окт/,
  /^ноя/,
  /^дек/,
].map((pattern, i) => ({ month: i + 1, pattern }));

const CLUSTER_PATTERNS: ReadonlyArray<{ cluster: CatalogMeasure['cluster']; pattern: RegExp }> = [
  { cluster: 'все', pattern: /^(все|всех|любой|любые)(\s|$)/ },
  { cluster: 'сильно неуспевающие', pattern: /^сильн/ },
  { cluster: 'умеренно неуспевающие', pattern: /^умерен/ },
  { cluster: 'базово неуспевающие', pattern: /^базов/ },
];

/** The columns of «Каталог мер» (found by the sheets layer's header matcher, src/sheets/readReferences.ts). */
export type CatalogColumn = keyof CatalogMeasure;

/**
 * A deadline month as a person may type it (docs/методика.md §6): a number 1–12, a date (its month),
 * or a Russian month name in any case form or abbreviation («сентябрь», «октября», «в мае»,
 * «дек.»); null when it is none of these.
 */
export function parseMonth(value: unknown): number | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.getMonth() + 1;
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= 12 ? value : null;
  const text = normalizeText(value);
  if (/^\d+$/.test(text)) return parseMonth(Number(text));
  for (const word of text.split(/[^а-я]+/)) {
    const found = MONTH_PATTERNS.find((m) => m.pattern.test(word));
    if (found) return found.month;
  }
  return null;
}

function parseCluster(value: unknown): CatalogMeasure['cluster'] | null {
  const text = normalizeText(value);
  if (text === '') return ALL_CLUSTERS;
  return CLUSTER_PATTERNS.find((c) => c.pattern.test(text))?.cluster ?? null;
}

/**
 * The catalog for the sheet «Каталог мер» (docs/методика.md §6): the header row CATALOG_SHEET_HEADER,
 * then one row per measure with the month written as a number 1–12.
 * catalogFromSheet(catalogToRows(x)) gives x back.
 */
export function catalogToRows(catalog: readonly CatalogMeasure[]): Array<Array<string | number>> {
  return [
    [...CATALOG_SHEET_HEADER],
    ...catalog.map((m) => [m.id, m.cluster, m.factor, m.task, m.measure, m.deadlineMonth, m.ownerRole, m.indicator, m.document]),
  ];
}

/**
 * Reads the edited sheet «Каталог мер» (docs/методика.md §6), rows[0] being its header and `col` the
 * column of each field (as the header matcher found them). Tolerant: the month may be a number, a date or a Russian month name; an
 * empty cluster means «все» and an empty factor «общие»; a factor may be given by its id or,
 * when `factors` is passed, by its name. Rows without an id, with a repeated id, an unknown
 * cluster, a missing measure or an unreadable month are skipped with a problem naming the row.
 * When the ID or «Мероприятие» column is missing, the defaults are returned with a problem.
 */
export function catalogFromSheet(
  rows: unknown[][],
  col: Partial<Record<CatalogColumn, number>>,
  factors?: readonly RiskFactor[],
): { measures: CatalogMeasure[]; problems: string[] } {
  const problems: string[] = [];
  if (col.id === undefined || col.measure === undefined) {
    problems.push(CATALOG_SHEET_MESSAGES.noIdOrMeasureColumn(CATALOG_SHEET_NAME));
    return { measures: DEFAULT_CATALOG.map((m) => ({ ...m })), problems };
  }
  const factorIdByName = new Map((factors ?? []).map((f) => [normalizeText(f.name), f.id]));
  const knownFactorIds = factors ? new Set(factors.map((f) => f.id)) : null;
  const cell = (row: unknown[], key: CatalogColumn): unknown => (col[key] === undefined ? '' : row[col[key] as number]);

  const measures: CatalogMeasure[] = [];
  const seen = new Set<string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] ?? [];
    const sheetRow = r + 1;
    if (row.every((v) => tidyText(v) === '')) continue;
    const id = tidyText(cell(row, 'id')).toUpperCase();
    if (!id) {
      problems.push(CATALOG_SHEET_MESSAGES.noId(CATALOG_SHEET_NAME, sheetRow));
      continue;
    }
    if (seen.has(id)) {
      problems.push(CATALOG_SHEET_MESSAGES.repeatedId(CATALOG_SHEET_NAME, sheetRow, id));
      continue;
    }
    seen.add(id);
    const clusterCell = cell(row, 'cluster');
    const cluster = parseCluster(clusterCell);
    if (!cluster) {
      problems.push(CATALOG_SHEET_MESSAGES.badCluster(CATALOG_SHEET_NAME, sheetRow, id, tidyText(clusterCell)));
      continue;
    }
    const measure = tidyText(cell(row, 'measure'));
    if (!measure) {
      problems.push(CATALOG_SHEET_MESSAGES.noMeasure(CATALOG_SHEET_NAME, sheetRow, id));
      continue;
    }
    const monthCell = cell(row, 'deadlineMonth');
    const deadlineMonth = parseMonth(monthCell);
    if (deadlineMonth === null) {
      problems.push(CATALOG_SHEET_MESSAGES.badMonth(CATALOG_SHEET_NAME, sheetRow, id, tidyText(monthCell)));
      continue;
    }
    const factorText = tidyText(cell(row, 'factor'));
    let factor = GENERAL_FACTOR;
    if (factorText && normalizeText(factorText) !== GENERAL_FACTOR) {
      factor = factorIdByName.get(normalizeText(factorText)) ?? factorText.toUpperCase();
      if (knownFactorIds && !knownFactorIds.has(factor)) {
        problems.push(CATALOG_SHEET_MESSAGES.unknownFactor(CATALOG_SHEET_NAME, sheetRow, id, factorText));
      }
    }
    measures.push({
      id,
      cluster,
      factor,
      task: tidyText(cell(row, 'task')),
      measure,
      deadlineMonth,
      ownerRole: tidyText(cell(row, 'ownerRole')),
      indicator: tidyText(cell(row, 'indicator')),
      document: tidyText(cell(row, 'document')),
    });
  }
  return { measures, problems };
}
