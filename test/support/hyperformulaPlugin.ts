/**
 * The eight custom functions as a HyperFormula 3 plugin, so tests can type real formulas into a
 * formula engine. The plugin only adapts values: it calls the SAME exported functions the Apps
 * Script bundle calls, after turning HyperFormula's values into what Sheets passes a custom
 * function (a scalar for one cell, a 2-D array for a range, "" for an empty cell, a Date for a
 * date cell, undefined for an omitted argument).
 */
import { ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, SimpleRangeValue } from 'hyperformula';
import type { ImplementedFunctions } from 'hyperformula';
import * as customFunctions from '../../src/functions/customFunctions';
import { CUSTOM_FUNCTION_NAMES, CUSTOM_FUNCTION_SIGNATURES } from '../../src/functions/signatures';
import type { CustomFunctionName } from '../../src/functions/signatures';

/** Serial day 0 of HyperFormula's default date system (the one Sheets uses too). */
const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

type AnyFunction = (...args: unknown[]) => unknown;

/** A RichNumber of HyperFormula (a number with a format subtype: percent, date, currency…). */
interface RichNumberLike {
  val: number;
  getDetailedType(): string;
}

function isRichNumber(v: unknown): v is RichNumberLike {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as RichNumberLike).val === 'number' &&
    typeof (v as RichNumberLike).getDetailedType === 'function'
  );
}

/** One cell's value as Sheets would pass it; a CellError is returned as is, to be propagated. */
function sheetsScalar(v: unknown): unknown {
  if (v === EmptyValue) return '';
  if (isRichNumber(v)) {
    const type = v.getDetailedType();
    if (type === 'NUMBER_DATE' || type === 'NUMBER_DATETIME') return new Date(SERIAL_EPOCH_UTC + v.val * DAY_MS);
    return v.val;
  }
  return v;
}

/** Sheets passes one cell as a scalar and a larger range as rows of cells. */
function sheetsArgument(v: unknown): unknown {
  if (!(v instanceof SimpleRangeValue)) return sheetsScalar(v);
  const rows = v.data.map((row) => row.map(sheetsScalar));
  return rows.length === 1 && rows[0].length === 1 ? rows[0][0] : rows;
}

function firstError(v: unknown): CellError | undefined {
  if (v instanceof CellError) return v;
  if (Array.isArray(v)) {
    for (const row of v) for (const cell of row as unknown[]) if (cell instanceof CellError) return cell;
  }
  return undefined;
}

/** Calls the exported custom function; a thrown Russian message becomes a #ЗНАЧ! error carrying it. */
function callCustomFunction(name: CustomFunctionName, rawArgs: unknown[]): string | number | CellError | SimpleRangeValue {
  const args = rawArgs.map((a) => (a === undefined ? undefined : sheetsArgument(a)));
  for (const a of args) {
    const error = firstError(a);
    if (error) return error;
  }
  try {
    const result = (customFunctions[name] as AnyFunction)(...args) as customFunctions.SheetResult;
    return Array.isArray(result) ? SimpleRangeValue.onlyValues(result) : result;
  } catch (e) {
    return new CellError(ErrorType.VALUE, e instanceof Error ? e.message : String(e));
  }
}

const methodName = (name: CustomFunctionName): string => `call_${name}`;
const sizeMethodName = (name: CustomFunctionName): string => `size_${name}`;

export class ShnorFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = Object.fromEntries(
    CUSTOM_FUNCTION_NAMES.map((name) => [
      name,
      {
        method: methodName(name),
        sizeOfResultArrayMethod: sizeMethodName(name),
        vectorizationForbidden: true,
        parameters: CUSTOM_FUNCTION_SIGNATURES[name].map((p) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: p.optional,
          passSubtype: true,
        })),
      },
    ]),
  );
}

type Ast = Parameters<FunctionPlugin['runFunction']>[0][number];
type State = Parameters<FunctionPlugin['runFunction']>[1];
type PluginInternals = {
  runFunction: FunctionPlugin['runFunction'];
  metadata(name: string): Parameters<FunctionPlugin['runFunction']>[2];
  arraySizeForAst(ast: Ast, state: State): ArraySize;
};

for (const name of CUSTOM_FUNCTION_NAMES) {
  const prototype = ShnorFunctionsPlugin.prototype as unknown as Record<string, unknown>;
  prototype[methodName(name)] = function (this: PluginInternals, ast: { args: Ast[] }, state: State) {
    return this.runFunction(ast.args, state, this.metadata(name), (...args: unknown[]) => callCustomFunction(name, args));
  };
  // The result spills one column down as far as the tallest argument that lines up with rows.
  prototype[sizeMethodName(name)] = function (this: PluginInternals, ast: { args: Ast[] }, state: State) {
    const params = CUSTOM_FUNCTION_SIGNATURES[name];
    const heights = ast.args.map((arg, k) => (params[k]?.alignment === 'rows' ? this.arraySizeForAst(arg, state).height : 1));
    const height = Math.max(1, ...heights);
    return height === 1 ? ArraySize.scalar() : new ArraySize(1, height);
  };
}

/** Function names as typed in a Russian spreadsheet: the same Latin names as in Sheets. */
export const SHNOR_FUNCTION_TRANSLATIONS = {
  ruRU: Object.fromEntries(CUSTOM_FUNCTION_NAMES.map((name) => [name, name])),
  enGB: Object.fromEntries(CUSTOM_FUNCTION_NAMES.map((name) => [name, name])),
};
