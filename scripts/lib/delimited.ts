/**
 * Delimited text (CSV, TSV, Excel's «Текст Юникод») → rows of strings, with papaparse (Node side only).
 * The separator is whichever of tab, «;» and «,» splits the lines most consistently into more than one
 * field — so a «;» file whose headers contain commas («Количество обучающихся, оба родителя …») is read
 * by «;». Excel's first line «sep=;» names the separator outright.
 */
import Papa from 'papaparse';

export type Delimiter = ',' | ';' | '\t';

/** Tried in this order; on a tie the earlier wins (a tab never occurs in ordinary text, a comma often does). */
const CANDIDATES: readonly Delimiter[] = ['\t', ';', ','];
/** Lines looked at when choosing the separator. */
const SAMPLE_LINES = 50;

export interface DelimitedTable {
  rows: string[][];
  delimiter: Delimiter;
}

/** A problem with the text itself (an unclosed quote …): the message is Russian and names the line. */
export class DelimitedTextError extends Error {
  constructor(
    message: string,
    /** 1-based line of the file where the problem is, when known. */
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'DelimitedTextError';
  }
}

/** The separator's name in the runner's messages. */
export function delimiterName(d: Delimiter): string {
  return d === '\t' ? 'табуляция' : `«${d}»`;
}

function parseWith(text: string, delimiter: Delimiter, preview = 0): Papa.ParseResult<string[]> {
  return Papa.parse<string[]>(text, { delimiter, quoteChar: '"', escapeChar: '"', skipEmptyLines: false, preview, header: false });
}

/** How well a separator splits the sample: how many non-blank lines have the most common field count, when that count is above 1. */
function consistency(text: string, delimiter: Delimiter): number {
  const rows = parseWith(text, delimiter, SAMPLE_LINES).data.filter((r) => r.some((c) => c.trim() !== ''));
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  for (const [fields, lines] of counts) if (fields > 1 && lines > best) best = lines;
  return best;
}

/** The separator of the text (see the module comment). */
export function detectDelimiter(text: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const score = consistency(text, d);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

const SEP_LINE = /^sep=([,;\t])\r?\n/;

/**
 * Parses delimited text: the separator detected (or given by a «sep=» first line), quoted fields may hold
 * separators, doubled quotes and line breaks; one trailing line break adds no row. An unclosed quote throws
 * DelimitedTextError naming the line.
 */
export function parseDelimited(text: string, delimiter?: Delimiter): DelimitedTable {
  let body = text;
  const sep = SEP_LINE.exec(body);
  let lineOffset = 0;
  if (sep) {
    delimiter = sep[1] as Delimiter;
    body = body.slice(sep[0].length);
    lineOffset = 1;
  }
  const d = delimiter ?? detectDelimiter(body);
  if (body.endsWith('\r\n')) body = body.slice(0, -2);
  else if (body.endsWith('\n') || body.endsWith('\r')) body = body.slice(0, -1);
  if (body === '') return { rows: [], delimiter: d };
  const parsed = parseWith(body, d);
  const quoteError = parsed.errors.find((e) => e.type === 'Quotes');
  if (quoteError) {
    // papaparse counts rows, not lines; the line of the row is where its opening quote is.
    const row = quoteError.row ?? 0;
    const line = lineOffset + 1 + parsed.data.slice(0, row).reduce((n, r) => n + r.join(d).split(/\r\n|\r|\n/).length, 0);
    throw new DelimitedTextError(`незакрытые кавычки в строке ${line}`, line);
  }
  return { rows: parsed.data, delimiter: d };
}
