/**
 * Which column of the Form's responses sheet holds which field (docs/методика.md §1.1: «match them by normalised
 * keywords, not exact text, since every region words its form a little differently; let the user fix the
 * mapping»): the responses schema (fields.ts) through the one header matcher (input/matcher.ts), with the user's
 * stored choices settled first.
 */
import { UserError } from '../core/errors';
import { FIELDS, FIELD_IDS, RESPONSES_SCHEMA, fieldSpec, isFieldId, standIns, type FieldId, type FieldSpec } from './fields';
import { isPercentHeader, isShareHeader } from './input/headerText';
import { bestFieldForHeader, matchHeaders, type Candidate } from './input/matcher';
import { missingColumnsMessage } from './messages';

export { isPercentHeader, isShareHeader };

/** Column index (0-based) of each field in the header row; null = not found. */
export type ColumnMapping = Record<FieldId, number | null>;

/** Data rows below the header, for the evidence of values (the matcher looks at the first SAMPLE_ROWS). */
export type SampleRows = ReadonlyArray<readonly unknown[] | undefined>;

export interface AutoMapping {
  mapping: ColumnMapping;
  /** Fields that two or more columns fit equally well: none of them is mapped, the user chooses. */
  ambiguous: Array<{ field: FieldId; columns: number[] }>;
  /** Columns that fit two fields equally well: the column is not mapped, the user chooses. */
  ambiguousColumns: Array<{ column: number; fields: FieldId[] }>;
  /** Columns with a header that no field claimed (including columns the user set aside). */
  unknownColumns: number[];
  /** Columns whose header says «доля» or «%»: they hold shares, not counts. */
  shareColumns: Set<number>;
  /** Per column, the fields it is close to, best first (for «Проверка данных»). */
  candidates: Array<Array<Candidate<FieldId>>>;
}

/** A mapping as the UI stores it: header text → field id, or null for «not a field» (ignore it). */
export interface StoredMapping {
  version: 1;
  columns: Record<string, FieldId | null>;
}

/** The one field a header alone fits best (docs/методика.md §1.1), or null when none fits or two fit equally. */
export function bestFieldFor(header: string): FieldId | null {
  return bestFieldForHeader(RESPONSES_SCHEMA, header).field;
}

function shareColumnsOf(headers: readonly string[]): Set<number> {
  const out = new Set<number>();
  headers.forEach((h, c) => {
    if (isShareHeader(String(h ?? ''))) out.add(c);
  });
  return out;
}

function settle(
  headers: readonly string[],
  stored: StoredMapping | null,
): { fields: Partial<Record<FieldId, number>>; columns: Set<number> } {
  const fields: Partial<Record<FieldId, number>> = {};
  const columns = new Set<number>();
  if (!stored) return { fields, columns };
  const keys = headers.map(headerKey);
  for (const [key, id] of Object.entries(stored.columns)) {
    const column = keys.indexOf(key);
    if (column < 0 || columns.has(column)) continue;
    if (id === null) columns.add(column);
    else if (fields[id] === undefined) {
      fields[id] = column;
      columns.add(column);
    }
  }
  return { fields, columns };
}

/**
 * The mapping for these headers (docs/методика.md §1.1): the stored choices first (by header text; the first column
 * with that text), then the matcher for the fields and columns the stored mapping does not settle. A stored field
 * whose header is gone is matched automatically again. `samples` (the rows below the header) add the evidence of values.
 */
export function mappingFor(headers: readonly string[], stored: StoredMapping | null, samples?: SampleRows): AutoMapping {
  const texts = headers.map((h) => String(h ?? ''));
  const settled = settle(texts, stored);
  const settledByField = new Set(Object.values(settled.fields));
  const match = matchHeaders(RESPONSES_SCHEMA, texts, {
    samples,
    settledFields: settled.fields,
    settledColumns: new Set([...settled.columns].filter((c) => !settledByField.has(c))),
  });
  return {
    mapping: match.columns,
    ambiguous: match.ambiguous,
    ambiguousColumns: match.ambiguousColumns,
    unknownColumns: match.unknownColumns,
    shareColumns: shareColumnsOf(texts),
    candidates: match.candidates,
  };
}

/** Maps header texts to fields with no stored choices (docs/методика.md §1.1). */
export function autoMapColumns(headers: readonly string[], samples?: SampleRows): AutoMapping {
  return mappingFor(headers, null, samples);
}

/** Whether a field has a column, itself or through a field that stands in for it. */
function covered(mapping: ColumnMapping, spec: FieldSpec): boolean {
  if (mapping[spec.id] !== null && mapping[spec.id] !== undefined) return true;
  return standIns(spec.id).some((s) => mapping[s.id] !== null && mapping[s.id] !== undefined);
}

/** Fields the sheet cannot be read without (required 'yes', docs/методика.md §1.1) that have no column. */
export function missingRequired(mapping: ColumnMapping): FieldId[] {
  return FIELDS.filter((f) => f.required === 'yes' && !covered(mapping, f)).map((f) => f.id);
}

/** ИСБШ inputs (required 'isbsh', docs/методика.md §2) that are not mapped: the index will be empty for every school. */
export function missingForIsbsh(mapping: ColumnMapping): FieldId[] {
  return FIELDS.filter((f) => f.required === 'isbsh' && !covered(mapping, f)).map((f) => f.id);
}

/** The UserError for missing required columns (docs/методика.md §1.1 «let the user fix the mapping»): what is missing, what was found, where to fix it. */
export function missingColumnsError(sheetName: string, missing: readonly FieldId[], headers: readonly string[]): UserError {
  const labels = missing.map((id) => fieldSpec(id).label);
  return new UserError(
    missingColumnsMessage(
      sheetName,
      labels,
      headers.map((h) => String(h).trim()),
    ),
  );
}

/** Longest header text stored as it is; longer ones are shortened with a checksum (a property value holds at most 9 KB). */
const MAX_KEY_LENGTH = 100;

/** The key a header is stored under: its trimmed text, or for a long one its start and a checksum of the whole. */
export function headerKey(header: unknown): string {
  const text = String(header ?? '').trim();
  if (text.length <= MAX_KEY_LENGTH) return text;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${text.slice(0, 60)}…#${hash.toString(36)}`;
}

/**
 * The user's mapping (docs/методика.md §1.1) as JSON for document properties, keyed by header text (headerKey) so a
 * reordered sheet still maps. Besides the mapped columns it stores, as null, only the columns the automatic matching
 * would have taken for a field but the user left out, so «ignore this column» survives while the value stays small
 * (a form of 70 long questions must not pass the 9 KB limit of a property).
 */
export function serializeMapping(mapping: ColumnMapping, headers: readonly string[], samples?: SampleRows): string {
  const columns: Record<string, FieldId | null> = {};
  const chosen = new Set(FIELD_IDS.map((id) => mapping[id]).filter((c): c is number => c !== null && c !== undefined));
  const auto = autoMapColumns(headers, samples);
  for (const id of FIELD_IDS) {
    const column = auto.mapping[id];
    if (column !== null && !chosen.has(column)) {
      const key = headerKey(headers[column]);
      if (key) columns[key] = null;
    }
  }
  for (const id of FIELD_IDS) {
    const column = mapping[id];
    if (column === null || column === undefined) continue;
    const key = headerKey(headers[column]);
    if (key) columns[key] = id;
  }
  const stored: StoredMapping = { version: 1, columns };
  return JSON.stringify(stored);
}

/** A stored mapping (docs/методика.md §1.1) read back; null when the text is empty or not a mapping. Unknown field ids are dropped. */
export function parseStoredMapping(json: string | null | undefined): StoredMapping | null {
  if (!json) return null;
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return null;
  }
  if (!data || typeof data !== 'object') return null;
  const raw = (data as { columns?: unknown }).columns;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const columns: Record<string, FieldId | null> = {};
  for (const [header, id] of Object.entries(raw as Record<string, unknown>)) {
    if (id === null || isFieldId(id)) columns[header] = id;
  }
  return { version: 1, columns };
}
