/**
 * Types of schools in the zone of risk (docs/методика.md §2 «Типы школ»).
 */
import type { Settings } from './settings';
import type { SchoolRecord, Territory } from './types';

/** The base of the label by territory type. */
export const SCHOOL_TYPE_BASES: Readonly<Record<Territory, string>> = Object.freeze({
  село: 'депривированная сельская',
  город: 'периферийная городская',
});

/**
 * A modifier of the label: an adjective goes before «школа» («малокомплектная»), a phrase after
 * it («с высоким уровнем девиантности»).
 */
export interface SchoolTypeModifier {
  label: string;
  placement: 'adjective' | 'phrase';
  applies: (school: SchoolRecord, settings: Settings) => boolean;
}

/** The modifiers of docs/методика.md §2, in the order they are written; thresholds come from Settings. */
export const SCHOOL_TYPE_MODIFIERS: readonly SchoolTypeModifier[] = Object.freeze([
  {
    label: 'малокомплектная',
    placement: 'adjective',
    applies: (s, settings) => s.territory === 'село' && s.totalStudents !== null && s.totalStudents < settings.smallSchoolStudents,
  },
  {
    label: 'со сложным поликультурным контекстом',
    placement: 'phrase',
    applies: (s, settings) => s.shares.nonNativeRussian !== null && s.shares.nonNativeRussian > settings.multiculturalShare,
  },
  {
    label: 'с высоким уровнем девиантности',
    placement: 'phrase',
    applies: (s, settings) => s.kdnShare !== null && s.kdnShare > settings.devianceShare,
  },
  {
    label: 'в труднодоступной территории',
    placement: 'phrase',
    applies: (s) => s.remoteTerritory === true,
  },
] as SchoolTypeModifier[]);

/** The modifiers that apply to a school (docs/методика.md §2), in table order; an unknown value applies none. */
export function schoolTypeModifiers(school: SchoolRecord, settings: Settings): SchoolTypeModifier[] {
  return SCHOOL_TYPE_MODIFIERS.filter((m) => m.applies(school, settings));
}

/** «a», «a и b», «a, b и c». */
function joinRussian(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} и ${items[items.length - 1]}`;
}

/**
 * The type of a school in the zone of risk (docs/методика.md §2): the base by territory, the adjective
 * modifiers, «школа», then the phrase modifiers joined by commas and «и», e.g. «депривированная
 * сельская малокомплектная школа с высоким уровнем девиантности и в труднодоступной территории».
 * Null when the territory is unknown. The caller decides whether the school is in the zone.
 */
export function schoolTypeLabel(school: SchoolRecord, settings: Settings): string | null {
  if (school.territory === null) return null;
  const modifiers = schoolTypeModifiers(school, settings);
  const adjectives = modifiers.filter((m) => m.placement === 'adjective').map((m) => m.label);
  const phrases = modifiers.filter((m) => m.placement === 'phrase').map((m) => m.label);
  const head = [SCHOOL_TYPE_BASES[school.territory], ...adjectives, 'школа'].join(' ');
  return phrases.length ? `${head} ${joinRussian(phrases)}` : head;
}
