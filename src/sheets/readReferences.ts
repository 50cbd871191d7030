/**
 * The editable reference sheets «Факторы риска» and «Каталог мер» (docs/методика.md §5, §6) as input schemas: their
 * columns are found by the header matcher (the titles the add-in writes first, then the corpus of other wordings),
 * and core reads the rows (core/factors.ts factorsFromSheet, core/catalog.ts catalogFromSheet).
 */
import { CATALOG_SHEET_HEADER, catalogFromSheet, type CatalogColumn } from '../core/catalog';
import { FACTOR_SHEET_HEADER, factorsFromSheet, type FactorColumn } from '../core/factors';
import type { CatalogMeasure, RiskFactor } from '../core/types';
import { headerTexts } from './input/cells';
import { CATALOG_VARIANTS, FACTOR_VARIANTS } from './input/corpus/references';
import { matchHeaders } from './input/matcher';
import type { InputSchema } from './input/schema';

function schemaOf<K extends string>(
  id: string,
  titles: readonly string[],
  keys: readonly K[],
  variants: Record<K, readonly string[]>,
  required: readonly K[],
): InputSchema<K> {
  return {
    id,
    fields: keys.map((key, i) => ({ key, title: titles[i], required: required.includes(key) ? 'yes' : 'no', variants: variants[key] })),
  };
}

/** «Факторы риска»: ID | Фактор риска | Используется (да/нет) | one action column per significance. */
export const FACTOR_SCHEMA: InputSchema<FactorColumn> = schemaOf(
  'factors',
  FACTOR_SHEET_HEADER,
  ['id', 'name', 'active', 'высокая', 'средняя', 'низкая'],
  FACTOR_VARIANTS,
  ['id', 'name'],
);

/** «Каталог мер»: the columns of core's CATALOG_SHEET_HEADER. */
export const CATALOG_SCHEMA: InputSchema<CatalogColumn> = schemaOf(
  'catalog',
  CATALOG_SHEET_HEADER,
  ['id', 'cluster', 'factor', 'task', 'measure', 'deadlineMonth', 'ownerRole', 'indicator', 'document'],
  CATALOG_VARIANTS,
  ['id', 'measure'],
);

function columnsOf<K extends string>(schema: InputSchema<K>, rows: unknown[][]): Partial<Record<K, number>> {
  const match = matchHeaders(schema, headerTexts(rows), { samples: rows.slice(1) });
  const out: Partial<Record<K, number>> = {};
  for (const f of schema.fields) if (match.columns[f.key] !== null) out[f.key] = match.columns[f.key]!;
  return out;
}

/** Reads the edited sheet «Факторы риска» (docs/методика.md §5), rows[0] being its header. */
export function readFactorSheet(rows: unknown[][]): { factors: RiskFactor[]; problems: string[] } {
  return factorsFromSheet(rows, columnsOf(FACTOR_SCHEMA, rows));
}

/** Reads the edited sheet «Каталог мер» (docs/методика.md §6), rows[0] being its header; `factors` name the factors by id or name. */
export function readCatalogSheet(rows: unknown[][], factors?: readonly RiskFactor[]): { measures: CatalogMeasure[]; problems: string[] } {
  return catalogFromSheet(rows, columnsOf(CATALOG_SCHEMA, rows), factors);
}
