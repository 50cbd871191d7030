import type { Runtime } from '../runtime';
import { enUsFormulaProblem } from './formulaGrammar';
import { isDate } from '../realm';
import type { GDataValidation, GDataValidationBuilder, GDataValidationCriteria } from '../gas';
import type { CellValue } from './format';

/** The settings of a rule; immutable once built. */
interface RuleSpec {
  criteria: string | null;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

function copyValue(v: unknown): unknown {
  return isDate(v) ? new Date(v.getTime()) : v;
}

/** A built data validation rule (SpreadsheetApp.DataValidation). */
export class DataValidationImpl implements Partial<GDataValidation> {
  readonly api: GDataValidation;
  constructor(
    private readonly rt: Runtime,
    readonly spec: Readonly<RuleSpec>,
  ) {
    this.api = rt.facade<GDataValidation>(this, 'DataValidation');
  }
  getAllowInvalid(): boolean {
    return this.spec.allowInvalid;
  }
  getCriteriaType(): GDataValidationCriteria {
    return this.spec.criteria as unknown as GDataValidationCriteria;
  }
  getCriteriaValues(): any[] {
    return this.rt.realm.copy(this.spec.values.map(exportValue(this.rt)));
  }
  getHelpText(): string {
    return this.spec.helpText;
  }
  toString(): string {
    return 'DataValidation';
  }
}

function exportValue(rt: Runtime) {
  return (v: unknown): unknown => {
    if (isDate(v)) return rt.realm.date(v.getTime());
    if (Array.isArray(v)) return rt.realm.copy(v);
    return v;
  };
}

/** SpreadsheetApp.newDataValidation(): accumulates a criterion, help text and strictness. */
export class DataValidationBuilderImpl implements Partial<GDataValidationBuilder> {
  readonly api: GDataValidationBuilder;
  private spec: RuleSpec;

  constructor(private readonly rt: Runtime) {
    // New rules allow invalid data (show a warning) unless setAllowInvalid(false) is called.
    this.spec = { criteria: null, values: [], allowInvalid: true, helpText: '' };
    this.api = rt.facade<GDataValidationBuilder>(this, 'DataValidationBuilder');
  }

  private _set(criteria: string, values: unknown[]): GDataValidationBuilder {
    this.spec = { ...this.spec, criteria, values: values.map(copyValue) };
    return this.api;
  }

  private _number(method: string, ...args: unknown[]): void {
    if (args.some((a) => typeof a !== 'number' || Number.isNaN(a)))
      throw this.rt.signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, args);
  }

  build(): GDataValidation {
    if (this.spec.criteria === null) throw this.rt.error('You must specify a criteria before building the data validation rule.');
    return new DataValidationImpl(this.rt, { ...this.spec, values: this.spec.values.slice() }).api;
  }
  requireDate(): GDataValidationBuilder {
    return this._set('DATE_IS_VALID_DATE', []);
  }
  requireFormulaSatisfied(formula: string): GDataValidationBuilder {
    if (typeof formula !== 'string')
      throw this.rt.signatureError('SpreadsheetApp.DataValidationBuilder.requireFormulaSatisfied', [formula]);
    // The same en_US form as conditional-format formulas (see formulaGrammar.ts for the sources).
    const problem = enUsFormulaProblem(formula);
    if (problem)
      throw this.rt.error(`twin: the validation formula «${formula}» is not in the form every locale accepts (en_US): ${problem}`);
    return this._set('CUSTOM_FORMULA', [formula]);
  }
  requireNumberBetween(start: number, end: number): GDataValidationBuilder {
    this._number('requireNumberBetween', start, end);
    return this._set('NUMBER_BETWEEN', [start, end]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): GDataValidationBuilder {
    this._number('requireNumberGreaterThanOrEqualTo', number);
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  requireValueInList(values: string[], showDropdown = true): GDataValidationBuilder {
    if (!Array.isArray(values)) throw this.rt.signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    if (values.length > 500) throw this.rt.error('The data validation rule has more than 500 items.');
    return this._set('VALUE_IN_LIST', [Array.from(values, String), showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): GDataValidationBuilder {
    this.spec = { ...this.spec, allowInvalid: !!allowInvalidData };
    return this.api;
  }
  setHelpText(helpText: string): GDataValidationBuilder {
    this.spec = { ...this.spec, helpText: String(helpText) };
    return this.api;
  }
  toString(): string {
    return 'DataValidationBuilder';
  }
}

function dayOf(v: CellValue): number | undefined {
  if (v instanceof Date) return Math.floor(v.getTime() / 86400000);
  return undefined;
}

/**
 * Whether a value passes a rule, as Sheets checks a strict (allowInvalid=false) rule on writes.
 * Empty cells always pass; custom formulas and range lists are not evaluated (they pass).
 */
export function passesValidation(spec: Readonly<RuleSpec>, value: CellValue | undefined): boolean {
  if (value === undefined || value === '') return true;
  const [a, b] = spec.values as [unknown, unknown];
  const n = typeof value === 'number' ? value : undefined;
  const text = typeof value === 'string' ? value : undefined;
  switch (spec.criteria) {
    case 'VALUE_IN_LIST': {
      const list = a as string[];
      const shown = value instanceof Date ? value.toISOString() : String(value);
      return list.includes(shown) || (typeof value === 'boolean' && list.includes(value ? 'TRUE' : 'FALSE'));
    }
    case 'CHECKBOX':
      if (spec.values.length === 0) return typeof value === 'boolean';
      return value === a || value === b;
    case 'NUMBER_BETWEEN':
      return n !== undefined && n >= (a as number) && n <= (b as number);
    case 'NUMBER_NOT_BETWEEN':
      return n !== undefined && (n < (a as number) || n > (b as number));
    case 'NUMBER_EQUAL_TO':
      return n === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return n !== undefined && n !== a;
    case 'NUMBER_GREATER_THAN':
      return n !== undefined && n > (a as number);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return n !== undefined && n >= (a as number);
    case 'NUMBER_LESS_THAN':
      return n !== undefined && n < (a as number);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return n !== undefined && n <= (a as number);
    case 'DATE_IS_VALID_DATE':
      return value instanceof Date;
    case 'DATE_AFTER':
      return dayOf(value) !== undefined && dayOf(value)! > dayOf(a as Date)!;
    case 'DATE_BEFORE':
      return dayOf(value) !== undefined && dayOf(value)! < dayOf(a as Date)!;
    case 'DATE_ON_OR_AFTER':
      return dayOf(value) !== undefined && dayOf(value)! >= dayOf(a as Date)!;
    case 'DATE_ON_OR_BEFORE':
      return dayOf(value) !== undefined && dayOf(value)! <= dayOf(a as Date)!;
    case 'DATE_EQUAL_TO':
      return dayOf(value) !== undefined && dayOf(value)! === dayOf(a as Date)!;
    case 'DATE_BETWEEN':
      return dayOf(value) !== undefined && dayOf(value)! >= dayOf(a as Date)! && dayOf(value)! <= dayOf(b as Date)!;
    case 'DATE_NOT_BETWEEN':
      return dayOf(value) !== undefined && (dayOf(value)! < dayOf(a as Date)! || dayOf(value)! > dayOf(b as Date)!);
    case 'TEXT_CONTAINS':
      return text !== undefined && text.includes(a as string);
    case 'TEXT_DOES_NOT_CONTAIN':
      return text === undefined || !text.includes(a as string);
    case 'TEXT_EQUAL_TO':
      return text === a;
    case 'TEXT_IS_VALID_EMAIL':
      return text !== undefined && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return text !== undefined && /^https?:\/\/\S+$/.test(text);
    default:
      return true;
  }
}
