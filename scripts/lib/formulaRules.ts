/**
 * Evaluates the conditional-format rules of a sheet snapshot the way Sheets would, for the HTML
 * report: «text is exactly» rules and custom formulas made of cell references ($E5, relative to the
 * rule's first cell), text and number literals, comparisons, &, + and -, and AND/OR/NOT/TODAY/
 * ISBLANK. A rule with anything else is left out (its cells keep their own colours).
 */
import { wallClock } from '../../src/core/wallClock';
import type { ConditionalRuleSnapshot, SheetSnapshot, SnapshotValue } from './snapshot';

export interface CellStyle {
  background?: string;
  fontColor?: string;
  bold?: boolean;
}

type Value = number | string | boolean | null;

type Node =
  | { t: 'lit'; v: Value }
  | { t: 'ref'; row: number; column: number; absRow: boolean; absColumn: boolean }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'neg'; a: Node };

const TOKEN =
  /\s*(?:("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+)|(\d+(?:\.\d+)?)|([A-Za-z_][A-Za-z0-9_.]*)\s*\(|(TRUE|FALSE)\b|(<>|<=|>=|[=<>&+\-*/(),;]))/y;

function tokenize(src: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    TOKEN.lastIndex = i;
    const m = TOKEN.exec(src);
    if (!m) throw new Error(`unsupported formula at ${i}: ${src}`);
    tokens.push(m[4] !== undefined ? m[4].toUpperCase() + '(' : m[0].trim());
    i = TOKEN.lastIndex;
  }
  return tokens;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses a formula (with or without the leading «=») into a tree; throws on anything unsupported. */
export function parseFormula(formula: string): Node {
  const tokens = tokenize(formula.replace(/^\s*=/, ''));
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const expect = (t: string) => {
    if (next() !== t) throw new Error(`expected ${t} in ${formula}`);
  };
  const comparison = (): Node => {
    let a = concat();
    while (['=', '<>', '<', '>', '<=', '>='].includes(peek())) a = { t: 'bin', op: next(), a, b: concat() };
    return a;
  };
  const concat = (): Node => {
    let a = additive();
    while (peek() === '&') a = { t: 'bin', op: next(), a, b: additive() };
    return a;
  };
  const additive = (): Node => {
    let a = multiplicative();
    while (peek() === '+' || peek() === '-') a = { t: 'bin', op: next(), a, b: multiplicative() };
    return a;
  };
  const multiplicative = (): Node => {
    let a = unary();
    while (peek() === '*' || peek() === '/') a = { t: 'bin', op: next(), a, b: unary() };
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      next();
      return { t: 'neg', a: unary() };
    }
    return primary();
  };
  const primary = (): Node => {
    const t = next();
    if (t === undefined) throw new Error(`unexpected end of ${formula}`);
    if (t === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    if (t.startsWith('"')) return { t: 'lit', v: t.slice(1, -1).replace(/""/g, '"') };
    if (/^\d/.test(t)) return { t: 'lit', v: Number(t) };
    if (t === 'TRUE' || t === 'FALSE') return { t: 'lit', v: t === 'TRUE' };
    if (t.endsWith('(')) {
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(comparison());
        while (peek() === ';' || peek() === ',') {
          next();
          args.push(comparison());
        }
      }
      expect(')');
      return { t: 'call', name: t.slice(0, -1), args };
    }
    const ref = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)$/.exec(t);
    if (ref) return { t: 'ref', absColumn: ref[1] === '$', column: columnNumber(ref[2]), absRow: ref[3] === '$', row: Number(ref[4]) };
    throw new Error(`unsupported token ${t} in ${formula}`);
  };
  const tree = comparison();
  if (pos !== tokens.length) throw new Error(`unsupported formula ${formula}`);
  return tree;
}

const DAY_MS = 86_400_000;
const SERIAL_EPOCH = 25_569; // 1970-01-01 as a Sheets date serial

/** A date as Sheets' serial number of its wall-clock day and time in the time zone. */
function serial(date: Date, timeZone: string): number {
  const w = wallClock(date.getTime(), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) / DAY_MS + SERIAL_EPOCH;
}

interface EvalContext {
  cell(row: number, column: number): SnapshotValue;
  today: Date;
  timeZone: string;
}

function toValue(v: SnapshotValue, ctx: EvalContext): Value {
  if (v instanceof Date) return serial(v, ctx.timeZone);
  if (v === '') return null;
  return v;
}

function asNumber(v: Value): number {
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v.replace(',', '.'));
  if (v.trim() === '' || Number.isNaN(n)) throw new Error('not a number');
  return n;
}

const truthy = (v: Value) => (typeof v === 'string' ? v.length > 0 : !!v);

/** Sheets' comparison: empty equals "" and 0; text compares case-insensitively; numbers before text. */
function compare(a: Value, b: Value): number {
  if (a === null && b === null) return 0;
  if (a === null) a = typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0;
  if (b === null) b = typeof a === 'string' ? '' : typeof a === 'boolean' ? false : 0;
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase().localeCompare(b.toLowerCase());
  if (typeof a === 'string') return 1;
  if (typeof b === 'string') return -1;
  return asNumber(a) - asNumber(b);
}

function evaluate(node: Node, at: { row: number; column: number }, origin: { row: number; column: number }, ctx: EvalContext): Value {
  switch (node.t) {
    case 'lit':
      return node.v;
    case 'ref': {
      const row = node.absRow ? node.row : node.row + (at.row - origin.row);
      const column = node.absColumn ? node.column : node.column + (at.column - origin.column);
      return toValue(ctx.cell(row, column), ctx);
    }
    case 'neg':
      return -asNumber(evaluate(node.a, at, origin, ctx));
    case 'bin': {
      const a = evaluate(node.a, at, origin, ctx);
      const b = evaluate(node.b, at, origin, ctx);
      switch (node.op) {
        case '=':
          return compare(a, b) === 0;
        case '<>':
          return compare(a, b) !== 0;
        case '<':
          return compare(a, b) < 0;
        case '>':
          return compare(a, b) > 0;
        case '<=':
          return compare(a, b) <= 0;
        case '>=':
          return compare(a, b) >= 0;
        case '&':
          return String(a ?? '') + String(b ?? '');
        case '+':
          return asNumber(a) + asNumber(b);
        case '-':
          return asNumber(a) - asNumber(b);
        case '*':
          return asNumber(a) * asNumber(b);
        default:
          return asNumber(a) / asNumber(b);
      }
    }
    case 'call': {
      const args = () => node.args.map((a) => evaluate(a, at, origin, ctx));
      switch (node.name) {
        case 'AND':
          return node.args.every((a) => truthy(evaluate(a, at, origin, ctx)));
        case 'OR':
          return node.args.some((a) => truthy(evaluate(a, at, origin, ctx)));
        case 'NOT':
          return !truthy(args()[0] ?? null);
        case 'TODAY':
          return Math.floor(serial(ctx.today, ctx.timeZone));
        case 'ISBLANK':
          return (args()[0] ?? null) === null;
        default:
          throw new Error(`unsupported function ${node.name}`);
      }
    }
  }
}

/** True when the formula holds for the cell at `at`, the formula being written for `origin` (the rule's first cell). */
export function formulaHolds(
  formula: string,
  at: { row: number; column: number },
  origin: { row: number; column: number },
  ctx: EvalContext,
): boolean {
  return truthy(evaluate(parseFormula(formula), at, origin, ctx));
}

type Matcher = (row: number, column: number) => boolean;

function matcherFor(rule: ConditionalRuleSnapshot, ctx: EvalContext, display: (row: number, column: number) => string): Matcher | null {
  const origin = rule.ranges[0] ? { row: rule.ranges[0].row, column: rule.ranges[0].column } : null;
  if (!origin) return null;
  if (rule.criteria === 'TEXT_EQUAL_TO') {
    const text = (rule.values[0] ?? '').trim().toLowerCase();
    return (row, column) => display(row, column).trim().toLowerCase() === text;
  }
  if (rule.criteria === 'CUSTOM_FORMULA') {
    let tree: Node;
    try {
      tree = parseFormula(rule.values[0] ?? '');
    } catch {
      return null;
    }
    return (row, column) => {
      try {
        return truthy(evaluate(tree, { row, column }, origin, ctx));
      } catch {
        return false;
      }
    };
  }
  return null;
}

/**
 * The conditional style of every cell a rule applies to, keyed «row:column» (1-based). Rules earlier in the list win,
 * as in Sheets; rules that cannot be evaluated are skipped.
 */
export function conditionalStyles(
  sheet: SheetSnapshot,
  today: Date,
  timeZone: string,
  display: (row: number, column: number) => string,
): Map<string, CellStyle> {
  const ctx: EvalContext = { cell: (r, c) => sheet.values[r - 1]?.[c - 1] ?? null, today, timeZone };
  const styles = new Map<string, CellStyle>();
  const lastRow = sheet.values.length;
  for (const rule of sheet.rules) {
    const matches = matcherFor(rule, ctx, display);
    if (!matches) continue;
    for (const rect of rule.ranges) {
      for (let r = rect.row; r < rect.row + rect.numRows && r <= lastRow; r++) {
        for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
          if (!matches(r, c)) continue;
          const key = `${r}:${c}`;
          const style = styles.get(key) ?? {};
          if (rule.background && style.background === undefined) style.background = rule.background;
          if (rule.fontColor && style.fontColor === undefined) style.fontColor = rule.fontColor;
          if (rule.bold && style.bold === undefined) style.bold = true;
          styles.set(key, style);
        }
      }
    }
  }
  return styles;
}
