/**
 * What an input table is, as data: its fields, each with a canonical title (the one the add-in's own form or
 * template writes), a corpus of the other ways regions word it, how required it is and what its values look like.
 * The header matcher (matcher.ts) reads nothing but this.
 */

/** 'yes' — the sheet cannot be read without it; 'isbsh' — needed for ИСБШ only; 'no' — optional. */
export type Requirement = 'yes' | 'isbsh' | 'no';

export interface InputField<K extends string = string> {
  key: K;
  /** The canonical title: a header equal to it (case, ё and spaces aside) is this field before any similarity. */
  title: string;
  required: Requirement;
  /** Real header variants of this field (the matcher's labelled corpus). Never a header of the held-out test set. */
  variants: readonly string[];
  /**
   * Evidence from the column's values: whether one value fits this field (using core's parsers). A column whose
   * values mostly do not fit loses most of its score for this field; absent — the values say nothing.
   */
  accepts?: (value: unknown) => boolean;
}

export interface InputSchema<K extends string = string> {
  /** Used as the cache key of the schema's corpus index. */
  id: string;
  fields: ReadonlyArray<InputField<K>>;
}

/** A schema from its fields (for readers whose fields are known only at run time, e.g. the factors of «Риски»). */
export function inputSchema<K extends string>(id: string, fields: ReadonlyArray<InputField<K>>): InputSchema<K> {
  return { id, fields };
}
