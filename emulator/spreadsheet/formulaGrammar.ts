import { HyperFormula } from 'hyperformula';

/**
 * The en_US formula grammar, which every spreadsheet locale accepts for formulas an add-on puts into
 * conditional-format and data-validation rules: English function names, `,` between arguments, `.`
 * as the decimal point, `;` only between the rows of an array literal `{1,2;3,4}`.
 *
 * Why: a ru_RU spreadsheet shows formulas with `;` between arguments and a decimal comma, an en_US one
 * with `,` and `.`; the builders take a formula string with no locale argument
 * (https://developers.google.com/apps-script/reference/spreadsheet/conditional-format-rule-builder#whenformulasatisfiedformula,
 * https://developers.google.com/apps-script/reference/spreadsheet/data-validation-builder#requireformulasatisfiedformula),
 * and the two syntax groups of Sheets locales (comma / semicolon) are described in
 * https://jtuto.com/locale-differences-in-google-sheets-documentation-missing-pages/ . The form with English
 * names and `,` is the canonical one; the twin demands it so that a rule never depends on the locale.
 * A rule written as `=AND(A1<>"";A1<TODAY())` (the ru_RU form) is not a valid en_US formula.
 *
 * Function names are the ones HyperFormula registers for English (a superset of what the add-in
 * uses); a name outside that list is reported, so a Russian name such as ЕСЛИ is caught.
 */
const ENGLISH_FUNCTIONS = new Set(HyperFormula.getRegisteredFunctionNames('enGB').map((n) => n.toUpperCase()));

type Token = { kind: 'num' | 'str' | 'ref' | 'name' | 'op' | 'punct'; text: string };

const REF =
  /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?[A-Za-z]{1,3}\$?\d*(?::\$?[A-Za-z]{1,3}\$?\d*)?|^(?:(?:'(?:[^']|'')+'|[A-Za-z_][\w.]*)!)?\$?\d+:\$?\d+/;

function tokenize(body: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < body.length) {
    const rest = body.slice(i);
    const ch = body[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      for (;;) {
        if (j >= body.length) throw new Error('an unterminated text literal');
        if (body[j] === '"') {
          if (body[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      tokens.push({ kind: 'str', text: body.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(rest);
    if (num && !/^\d+:/.test(rest)) {
      tokens.push({ kind: 'num', text: num[0] });
      i += num[0].length;
      continue;
    }
    const name = /^[\p{L}_][\p{L}\d_.]*(?=\s*\()/u.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    const ref = REF.exec(rest);
    if (ref && ref[0].length) {
      tokens.push({ kind: 'ref', text: ref[0] });
      i += ref[0].length;
      continue;
    }
    const op = /^(?:<>|<=|>=|[=<>+\-*/^&%])/.exec(rest);
    if (op) {
      tokens.push({ kind: 'op', text: op[0] });
      i += op[0].length;
      continue;
    }
    if ('(),;{}'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
      continue;
    }
    throw new Error(`an unexpected character «${ch}»`);
  }
  return tokens;
}

class Parser {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.at];
  }
  private take(): Token {
    const t = this.tokens[this.at++];
    if (!t) throw new Error('an incomplete expression');
    return t;
  }
  private expect(text: string): void {
    const t = this.take();
    if (t.text !== text)
      throw new Error(
        t.text === ';' ? '«;» as a separator (en_US separates arguments with «,»)' : `«${t.text}» where «${text}» was expected`,
      );
  }

  parseAll(): void {
    this.expression();
    const t = this.peek();
    if (t)
      throw new Error(
        t.text === ';' ? '«;» as a separator (en_US separates arguments with «,»)' : `«${t.text}» after the end of the expression`,
      );
  }

  private expression(): void {
    this.unary();
    for (;;) {
      const t = this.peek();
      if (t?.kind !== 'op' || t.text === '%') break;
      this.take();
      this.unary();
    }
  }

  private unary(): void {
    while (this.peek()?.kind === 'op' && (this.peek()!.text === '-' || this.peek()!.text === '+')) this.take();
    this.primary();
    while (this.peek()?.text === '%') this.take();
  }

  private primary(): void {
    const t = this.take();
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'ref') return;
    if (t.kind === 'name') {
      const upper = t.text.toUpperCase();
      if (!ENGLISH_FUNCTIONS.has(upper)) throw new Error(`the function «${t.text}», which is not an English function name`);
      this.expect('(');
      if (this.peek()?.text === ')') {
        this.take();
        return;
      }
      for (;;) {
        if (this.peek()?.text === ',' || this.peek()?.text === ')') {
          // An empty argument, as in IF(A1,,1).
        } else this.expression();
        const sep = this.take();
        if (sep.text === ')') return;
        if (sep.text !== ',')
          throw new Error(
            sep.text === ';' ? '«;» as a separator (en_US separates arguments with «,»)' : `«${sep.text}» in the arguments of ${t.text}`,
          );
      }
    }
    if (t.text === '(') {
      this.expression();
      this.expect(')');
      return;
    }
    if (t.text === '{') {
      for (;;) {
        this.expression();
        const sep = this.take();
        if (sep.text === '}') return;
        if (sep.text !== ',' && sep.text !== ';') throw new Error(`«${sep.text}» in an array literal`);
      }
    }
    throw new Error(`«${t.text}» where a value was expected`);
  }
}

/** Why `formula` is not an en_US formula (starting with «=»), or null when it is one. */
export function enUsFormulaProblem(formula: string): string | null {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return 'it does not start with «=»';
  try {
    new Parser(tokenize(formula.slice(1))).parseAll();
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}
