/**
 * Whether a row of header texts is one the add-in reads an input by — asked of the add-in's own readers and
 * header matcher (src/sheets), so the local runner keeps no header logic of its own. This is the one place
 * the runner touches them: when the readers change their entry points, only this file follows.
 */
import { DEFAULT_RISK_FACTORS } from '../../src/core/factors';
import { fieldSpec, type FieldId } from '../../src/sheets/fields';
import { headerKey, mappingFor, missingRequired, type StoredMapping } from '../../src/sheets/headerMapping';
import { ACTION, missingColumnsMessage } from '../../src/sheets/messages';
import { readResults } from '../../src/sheets/readResults';
import { readRisks } from '../../src/sheets/readRisks';
import { readGroups } from '../../src/sheets/readGroups';

export type HeaderVerdict = { ok: true } | { ok: false; problem: string };

/** The user's choices of --map for the Form's fields: field id → header text (null = the field has no column). */
export type FieldChoices = Partial<Record<FieldId, string | null>>;

/** The choices as the mapping the add-in stores (by the header texts of these headers), so its matcher settles those fields first. */
export function storedMappingOf(headers: readonly string[], choices: FieldChoices): StoredMapping | null {
  const columns: Record<string, FieldId | null> = {};
  for (const [field, header] of Object.entries(choices) as Array<[FieldId, string | null]>) {
    const column = typeof header === 'string' ? columnNamed(headers, header) : -1;
    if (column >= 0) columns[headerKey(headers[column])] = field;
  }
  return Object.keys(columns).length ? { version: 1, columns } : null;
}

/** The Form's responses: every required field found by the add-in's matcher (with the user's --map choices first). */
export function responsesHeader(headers: readonly string[], choices: FieldChoices = {}): HeaderVerdict {
  const missing = missingRequired(mappingFor(headers, storedMappingOf(headers, choices)).mapping);
  if (!missing.length) return { ok: true };
  return {
    ok: false,
    problem: missingColumnsMessage(
      '',
      missing.map((id) => fieldSpec(id).label),
      [...headers],
    ),
  };
}

/** The sheet-wide problem a reader gives a sheet it does not use, or null when it uses it. */
function sheetIgnored(problems: ReadonlyArray<{ action: string; problem: string }>): string | null {
  return problems.find((p) => p.action === ACTION.sheetIgnored)?.problem ?? null;
}

/** «Результаты ОП»: readResults finds every required column. */
export function resultsHeader(headers: readonly string[]): HeaderVerdict {
  const problem = sheetIgnored(readResults([[...headers]], '').problems);
  return problem === null ? { ok: true } : { ok: false, problem };
}

/** «Группы»: readGroups finds its group column. */
export function groupsHeader(headers: readonly string[]): HeaderVerdict {
  // With a data row under it: readGroups passes over a sheet of headers alone without a word.
  const problem = sheetIgnored(readGroups([[...headers], headers.map(() => 'x')], '').problems);
  return problem === null ? { ok: true } : { ok: false, problem };
}

/** «Риски»: readRisks finds at least one risk factor's column (of the default factors: locally there is no «Факторы риска» sheet yet). */
export function risksHeader(headers: readonly string[]): HeaderVerdict {
  // With a data row under it: readRisks passes over a sheet of headers alone (an empty template) without a word.
  const problem = sheetIgnored(readRisks([[...headers], headers.map(() => 'x')], '', DEFAULT_RISK_FACTORS).problems);
  return problem === null ? { ok: true } : { ok: false, problem };
}

/**
 * A reader's message about a header without its sheet name and its closing advice (the sidebar, «первая строка»):
 * the runner names the file and sheet itself and points to --map instead.
 */
export function problemCore(problem: string): string {
  return problem
    .replace(/^Лист «[^»]*»:\s*/, '')
    .replace(/\s*(Укажите соответствие в боковой панели|Первая строка листа должна быть)[^.]*\.\s*$/, '')
    .replace(/в первой строке не найдены/, 'не найдены')
    .trim();
}

/** A header as the user may type it in --map: case, ё and runs of spaces do not matter. */
function looseText(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** The column of `headers` the user means by `text` (--map): the same text up to case, ё and spaces; -1 when none. */
export function columnNamed(headers: readonly string[], text: string): number {
  const wanted = looseText(text);
  return headers.findIndex((h) => looseText(h) === wanted);
}
