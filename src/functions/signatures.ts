/**
 * Every custom function of the spreadsheet as data, the one source of truth for its name, its
 * parameters and its Russian help: scripts/build.mjs generates from it the top-level declarations
 * Sheets sees, each with the JSDoc its autocomplete reads (`@param` names equal to the real
 * parameters, «[необязательный]» before the help of an optional one); formula engines use the
 * alignment to predict the height of a spilled result; test/functions/definitions.test.ts checks it
 * against the TypeScript functions of customFunctions.ts.
 */
import { DEFAULT_SETTINGS } from '../core/settings';
import { formatNumberRu, formatPercent } from '../core/percent';

export interface ParamSpec {
  name: string;
  /** The JSDoc type Sheets shows. */
  type: string;
  /** The Russian help of the parameter (without the «[необязательный]» mark, which `optional` adds). */
  help: string;
  optional: boolean;
  /** Whether the parameter lines up with the rows of the result ('rows') or is read whole ('whole': boundaries, names, the zone share). */
  alignment: 'rows' | 'whole';
}

export interface FunctionSpec {
  /** The description lines of the help; the last one is «Пример: =NAME(…)». */
  summary: readonly string[];
  params: readonly ParamSpec[];
  /** The help of the result. */
  returns: string;
}

const OPTIONAL = true;
const rows = (name: string, type: string, help: string, optional = false): ParamSpec => ({ name, type, help, optional, alignment: 'rows' });
const whole = (name: string, type: string, help: string, optional = false): ParamSpec => ({
  name,
  type,
  help,
  optional,
  alignment: 'whole',
});

const threshold = formatPercent(DEFAULT_SETTINGS.shnorThreshold);
const zoneShare = formatPercent(DEFAULT_SETTINGS.riskZoneShare);
/** «30–40 %»: a band of shares as the help writes it. */
const range = (from: number, to: number) => `${formatNumberRu(from * 100, 0)}–${formatPercent(to)}`;
const strong = formatPercent(DEFAULT_SETTINGS.clusterStrongAbove);
const bounds = DEFAULT_SETTINGS.isbshLevelBounds.map((b) => formatNumberRu(b, 1)).join('; ');

export const CUSTOM_FUNCTIONS = {
  ISBSH: {
    summary: [
      'Индекс социального благополучия школы (ИСБШ) с одним знаком после запятой:',
      '65 + 15·(оба родителя с высшим) + 20·(благоустроенное жильё) − 15·(неполные семьи) − 35·(на учёте) − 15·(русский не родной).',
      'Доли можно писать как 0,33, 33 или «33 %»; если указан total — в первых пяти аргументах количества обучающихся.',
      'Для диапазонов считает каждую строку; пустые строки пропускает; строка без данных показывает «#ОШИБКА: причина».',
      'Пример: =ISBSH(B2:B200; C2:C200; D2:D200; E2:E200; F2:F200; G2:G200)',
    ],
    params: [
      rows(
        'both_parents_higher',
        'number|string|Array<Array<number|string>>',
        'Доля (или количество) обучающихся, оба родителя которых имеют высшее образование.',
      ),
      rows(
        'comfortable_housing',
        'number|string|Array<Array<number|string>>',
        'Доля (или количество) обучающихся из семей, проживающих в благоустроенном жилье.',
      ),
      rows('single_parent', 'number|string|Array<Array<number|string>>', 'Доля (или количество) обучающихся из неполных семей.'),
      rows(
        'registered',
        'number|string|Array<Array<number|string>>',
        'Доля (или количество) обучающихся, состоящих на различных видах учёта.',
      ),
      rows(
        'non_native_russian',
        'number|string|Array<Array<number|string>>',
        'Доля (или количество) обучающихся, для которых русский язык не является родным.',
      ),
      rows(
        'total',
        'number|string|Array<Array<number|string>>',
        'Всего обучающихся; если указан, первые пять аргументов — количества, а не доли.',
        OPTIONAL,
      ),
    ],
    returns: 'ИСБШ от 0 до 100 с одним десятичным знаком (для диапазона — столбец значений).',
  },
  ISBSH_LEVEL: {
    summary: [
      'Уровень ИСБШ: «низкий», «ниже среднего», «средний», «выше среднего» или «высокий».',
      'Граница относится к верхнему уровню; по умолчанию — границы из настроек таблицы (боковая панель → «Настройки»),',
      `как на листе «ИСБШ»; если настройки прочитать нельзя — ${bounds}.`,
      'Пример: =ISBSH_LEVEL(H2:H200) или со своими границами =ISBSH_LEVEL(H2:H200; $K$1:$K$4)',
    ],
    params: [
      rows('isbsh', 'number|string|Array<Array<number|string>>', 'Значение ИСБШ или столбец значений.'),
      whole(
        'boundaries',
        'Array<Array<number>>',
        'Свои границы уровней: 4 числа (границы между уровнями) или 5 (нижняя граница каждого уровня, первая не используется), в строку или в столбец.',
        OPTIONAL,
      ),
    ],
    returns: 'Уровень ИСБШ (для диапазона — столбец); «нет ИСБШ», если индекса нет.',
  },
  ISBSH_ZONE: {
    summary: [
      `Зона риска по ИСБШ (кандидаты в ШНСУ): «да», если школа входит в ${zoneShare} школ с наименьшим ИСБШ`,
      'своего муниципалитета — не более этой доли: равные значения, не помещающиеся в долю целиком, не входят',
      '(«на границе зоны риска»). Считает весь столбец сразу.',
      `В группе меньше ${DEFAULT_SETTINGS.riskZoneMinGroup} школ с ИСБШ зона не определяется, и функция так и пишет.`,
      'Пример: =ISBSH_ZONE(H2:H200; C2:C200) или по всему листу с долей 20 %: =ISBSH_ZONE(H2:H200; ; 20%)',
    ],
    params: [
      rows('isbsh_values', 'Array<Array<number|string>>', 'Столбец значений ИСБШ всех школ.'),
      rows('groups', 'Array<Array<string>>', 'Столбец муниципалитетов той же высоты; если не указан — все школы одна группа.', OPTIONAL),
      whole(
        'share',
        'number|string',
        `Доля школ в зоне риска; по умолчанию — из настроек таблицы (если их прочитать нельзя — ${zoneShare}).`,
        OPTIONAL,
      ),
    ],
    returns: 'Столбец «да» / «нет» (или «нет ИСБШ») для каждой школы.',
  },
  SHNOR_STATUS: {
    summary: [
      'Статус ШНОР: «ШНОР», если в отчётном году не менее двух процедур, где доля не преодолевших порог не меньше',
      `threshold (по умолчанию — из настроек таблицы, изначально ${threshold}), или одна такая процедура и в отчётном, и в прошлом году; «нет данных», если за отчётный год долей нет;`,
      'иначе «не ШНОР». Строка — школа, столбец — процедура, в обоих диапазонах в одном порядке.',
      'Доли: 0,33, 33, «33 %»; «-», «—» и пустая ячейка — нет участников.',
      'Пример: =SHNOR_STATUS(H2:K200; L2:O200) или с порогом 25 %: =SHNOR_STATUS(H2:K200; L2:O200; 25%)',
    ],
    params: [
      rows(
        'current_shares',
        'Array<Array<number|string>>',
        'Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.',
      ),
      rows('previous_shares', 'Array<Array<number|string>>', 'Доли за прошлый год, те же процедуры в том же порядке.'),
      rows(
        'threshold',
        'number|string',
        `Порог доли не преодолевших; по умолчанию — из настроек таблицы, как на листе «ШНОР» (если их прочитать нельзя — ${threshold}).`,
        OPTIONAL,
      ),
    ],
    returns: '«ШНОР», «не ШНОР» или «нет данных» для каждой школы.',
  },
  SHNOR_REASON: {
    summary: [
      'Основание статуса ШНОР словами: какие процедуры, с какими долями и в каком году, например',
      '«ОГЭ математика: 67 % (прошлый год) и 33 % (отчётный год)». Для школы не ШНОР — пустая строка.',
      'Пример: =SHNOR_REASON(H2:K200; L2:O200; H1:K1)',
    ],
    params: [
      rows(
        'current_shares',
        'Array<Array<number|string>>',
        'Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.',
      ),
      rows('previous_shares', 'Array<Array<number|string>>', 'Доли за прошлый год, те же процедуры в том же порядке.'),
      whole(
        'procedure_names',
        'Array<Array<string>>',
        'Названия процедур, по одному на столбец (строка или столбец ячеек), например H1:K1.',
      ),
      rows(
        'threshold',
        'number|string',
        `Порог доли не преодолевших; по умолчанию — из настроек таблицы (если их прочитать нельзя — ${threshold}).`,
        OPTIONAL,
      ),
    ],
    returns: 'Основание для каждой школы или пустая строка.',
  },
  FIOKO_CLUSTER: {
    summary: [
      'Кластер неосвоения ШНОР по наибольшей доле не преодолевших порог в отчётном году:',
      `«базово неуспевающие» (${range(DEFAULT_SETTINGS.shnorThreshold, DEFAULT_SETTINGS.clusterModerateFrom)}), «умеренно неуспевающие» (${range(DEFAULT_SETTINGS.clusterModerateFrom, DEFAULT_SETTINGS.clusterStrongAbove)}), «сильно неуспевающие» (больше ${strong});`,
      'для остальных школ — «не ШНОР» или «нет данных».',
      'Пример: =FIOKO_CLUSTER(H2:K200; L2:O200)',
    ],
    params: [
      rows(
        'current_shares',
        'Array<Array<number|string>>',
        'Доли не преодолевших порог в отчётном году: строки — школы, столбцы — процедуры.',
      ),
      rows('previous_shares', 'Array<Array<number|string>>', 'Доли за прошлый год, те же процедуры в том же порядке.'),
      rows(
        'threshold',
        'number|string',
        `Порог доли не преодолевших; по умолчанию — из настроек таблицы (если их прочитать нельзя — ${threshold}).`,
        OPTIONAL,
      ),
    ],
    returns: 'Кластер или статус для каждой школы.',
  },
  RESULT_DYNAMICS: {
    summary: [
      'Динамика результата по процедуре: «положительная» (доля не преодолевших снизилась), «отрицательная» (выросла),',
      '«нейтральная» (не изменилась и не ноль), «0 % за два года», «нет участников» (нет доли в одном из лет).',
      'Пример: =RESULT_DYNAMICS(L2:L200; H2:H200)',
    ],
    params: [
      rows('previous_share', 'number|string|Array<Array<number|string>>', 'Доля не преодолевших порог в прошлом году.'),
      rows('current_share', 'number|string|Array<Array<number|string>>', 'Доля не преодолевших порог в отчётном году.'),
    ],
    returns: 'Динамика для каждой строки.',
  },
  CLUSTER_DYNAMICS: {
    summary: [
      'Динамика по кластеру между прошлым и отчётным годом по значениям FIOKO_CLUSTER:',
      '«повысила кластер», «вышла из списка», «без изменений», «понизила кластер», «вошла в список»,',
      '«—» (не ШНОР ни в одном году). Пустая ячейка считается «нет данных».',
      'Пример: =CLUSTER_DYNAMICS(P2:P200; Q2:Q200)',
    ],
    params: [
      rows('previous_cluster', 'string|Array<Array<string>>', 'Кластер или статус в прошлом году (как возвращает FIOKO_CLUSTER).'),
      rows('current_cluster', 'string|Array<Array<string>>', 'Кластер или статус в отчётном году.'),
    ],
    returns: 'Динамика для каждой школы.',
  },
} as const satisfies Record<string, FunctionSpec>;

export type CustomFunctionName = keyof typeof CUSTOM_FUNCTIONS;

export const CUSTOM_FUNCTION_NAMES = Object.keys(CUSTOM_FUNCTIONS) as CustomFunctionName[];

/** The parameters of each function (a view of CUSTOM_FUNCTIONS). */
export const CUSTOM_FUNCTION_SIGNATURES = {} as Record<CustomFunctionName, readonly ParamSpec[]>;
for (const name of CUSTOM_FUNCTION_NAMES) CUSTOM_FUNCTION_SIGNATURES[name] = CUSTOM_FUNCTIONS[name].params;

/** The JSDoc Sheets shows above the declaration of a custom function. */
export function customFunctionJsDoc(name: CustomFunctionName): string {
  const spec: FunctionSpec = CUSTOM_FUNCTIONS[name];
  const lines = [
    ...spec.summary,
    '',
    ...spec.params.map((p) => `@param {${p.type}} ${p.name} ${p.optional ? '[необязательный] ' : ''}${p.help}`),
    `@return ${spec.returns}`,
    '@customfunction',
  ];
  return ['/**', ...lines.map((l) => (l ? ` * ${l}` : ' *')), ' */'].join('\n');
}

/** The top-level declaration Apps Script sees for a custom function: its JSDoc and a call of the bundle's App_ with the same arguments. */
export function customFunctionDeclaration(name: CustomFunctionName): string {
  const args = CUSTOM_FUNCTIONS[name].params.map((p) => p.name).join(', ');
  return `${customFunctionJsDoc(name)}\nfunction ${name}(${args}) {\n  return App_.${name}(${args});\n}\n`;
}

/** Every custom function's declaration, in the order of CUSTOM_FUNCTIONS. */
export function customFunctionDeclarations(): string {
  return (
    '// Custom functions of ШНОР-монитор, generated by scripts/build.mjs from src/functions/signatures.ts.\n' +
    '// Every function takes a cell or a range: over ranges it answers row by row, as a column.\n' +
    "// Defaults (thresholds, level boundaries, zone share) are the spreadsheet's saved settings, as on the\n" +
    '// «ШНОР» and «ИСБШ» sheets; when the settings cannot be read, the built-in defaults (the help says so).\n\n' +
    CUSTOM_FUNCTION_NAMES.map(customFunctionDeclaration).join('\n')
  );
}
