/**
 * How regions shorten and rephrase the words of a header, as data for the header matcher (headerText.ts):
 * abbreviations spelled out, words that mean the same made one, and words that carry no meaning dropped.
 * A new abbreviation or filler word is a line here, not a change to the matcher.
 */

/**
 * Abbreviations written in capitals, spelled out before the header is lower-cased: they are compared case-sensitively
 * because some are also ordinary words in lower case («ВО» — высшее образование, «во» — a preposition).
 * Each is matched as a whole word.
 */
export const CAPITAL_ABBREVIATIONS: ReadonlyArray<readonly [string, string]> = [
  ['ВО', 'высшее образование'],
  ['ВШУ', 'внутришкольный учет'],
  ['ВШК', 'внутришкольный учет'],
  ['КДНиЗП', 'КДН ЗП'],
  ['ОО', 'образовательная организация'],
  ['ОУ', 'образовательное учреждение'],
  ['ОО/ОУ', 'образовательная организация'],
  ['МО', 'муниципальное образование'],
  ['МР', 'муниципальный район'],
  ['ГО', 'городской округ'],
  ['ПК', 'компьютеры'],
  ['НП', 'населенный пункт'],
];

/** Shortenings in any case, spelled out (regular expressions over the lower-cased header; \b is not used: it does not know Cyrillic). */
export const SHORTENINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<![а-я])кол(?:-|\.|\s)*во(?![а-я])/g, ' количество '],
  [/(?<![а-я])уч-ся(?![а-я])/g, ' учащихся '],
  [/(?<![а-я])соц(?:\.|-)?\s*педагог/g, ' социальный педагог'],
  [/(?<![а-я])квалиф\./g, ' квалификационной '],
  [/(?<![а-я])кат\./g, ' категории '],
  [/(?<![а-я])пед\.\s*/g, ' педагогических '],
  [/(?<![а-я])обуч-ся(?![а-я])/g, ' обучающихся '],
  [/(?<![а-я])в\s*т\.\s*ч\.?/g, ' '],
  [/(?<![а-я])в\s+том\s+числе(?![а-я])/g, ' '],
  [/(?<![а-я])т\.\s*е\./g, ' '],
  [/(?<![а-я])тыс\./g, ' тыс '],
  [/(?<![а-я])руб\./g, ' руб '],
  [/(?<![а-я])чел\./g, ' '],
];

/**
 * Words that name the same thing, made one (whole words after lower-casing, ё → е): the ways to say «students»,
 * «how many». Patterns are anchored to the whole word.
 */
export const SAME_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:обучающ|учащ)[а-я]*$/, 'обучающихся'],
  [/^(?:учени[а-я]*|ученик|школьник[а-я]*)$/, 'обучающихся'],
  [/^(?:дет(?:и|ей|ям|ьми|ях)|ребен(?:ок|ка|ку|ком)|ребенок)$/, 'обучающихся'],
  [/^(?:сколько|число|числа|численность|численности|количество|количества)$/, 'количество'],
  [/^(?:инет|internet)$/, 'интернет'],
  [/^(?:пк|компьютер[а-я]*|ноутбук[а-я]*)$/, 'компьютеры'],
];

/** Words that carry no meaning for telling one field from another: prepositions, question words, fillers. */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'и',
  'в',
  'во',
  'на',
  'с',
  'со',
  'из',
  'для',
  'по',
  'к',
  'ко',
  'от',
  'до',
  'за',
  'о',
  'об',
  'а',
  'у',
  'не',
  'ни',
  'же',
  'или',
  'их',
  'том',
  'чьи',
  'чей',
  'чья',
  'которых',
  'которые',
  'который',
  'которого',
  'которой',
  'которым',
  'которая',
  'является',
  'являются',
  'являющихся',
  'ли',
  'как',
  'при',
  'под',
  'это',
  'да',
  'нет',
  'человек',
  'ед',
  'шт',
  'ваш',
  'ваша',
  'вашей',
  'вашем',
  'вашего',
  'вашу',
  'укажите',
  'указать',
  'отметьте',
  'введите',
  'выберите',
  'ответ',
  'какие',
  'какой',
  'какая',
  'каково',
  'каков',
  'есть',
  'чем',
  'the',
  'of',
  'a',
  'an',
]);

/**
 * Words that name the school or the unit rather than the question («образовательная организация», «школа», «ОО»):
 * they are kept, since «Наименование ОО» and «Код ОО» need them, but weigh a quarter of another word.
 */
export const GENERIC_WORDS: ReadonlyArray<RegExp> = [/^образовательн/, /^организаци/, /^учреждени/, /^школ/, /^общеобразовательн/, /^оо$/];

/** What a generic word weighs beside another word. */
export const GENERIC_WEIGHT = 0.25;
