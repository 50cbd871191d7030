import type { Runtime } from '../runtime';
import { enUsFormulaProblem } from './formulaGrammar';
import { isDate } from '../realm';
import type { GBooleanCondition, GBooleanCriteria, GConditionalFormatRule, GConditionalFormatRuleBuilder, GRange } from '../gas';
import type { Rect } from './a1';

/** Where a rule applies: a rectangle of a sheet (kept by reference to the sheet's model). */
export interface SheetRect extends Rect {
  sheetId: number;
}

/** Makes Range facades for stored rectangles and rectangles from Range facades. */
export interface RangeBridge {
  toRect(range: unknown, method: string): SheetRect;
  toRange(rect: SheetRect): GRange;
}

interface BooleanSpec {
  criteria: string;
  values: unknown[];
}

interface RuleSpec {
  condition: BooleanSpec | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  ranges: SheetRect[];
}

function emptySpec(): RuleSpec {
  return {
    condition: null,
    background: null,
    fontColor: null,
    bold: null,
    ranges: [],
  };
}

function cloneSpec(s: RuleSpec): RuleSpec {
  return {
    ...s,
    condition: s.condition && { criteria: s.condition.criteria, values: s.condition.values.slice() },
    ranges: s.ranges.map((r) => ({ ...r })),
  };
}

/** The boolean part of a rule: criterion, its values, and the formatting applied when true. */
class BooleanConditionImpl implements Partial<GBooleanCondition> {
  readonly api: GBooleanCondition;
  constructor(
    private readonly rt: Runtime,
    private readonly spec: RuleSpec,
  ) {
    this.api = rt.facade<GBooleanCondition>(this, 'BooleanCondition');
  }
  getBackground(): string | null {
    return this.spec.background;
  }
  getBold(): boolean | null {
    return this.spec.bold;
  }
  getCriteriaType(): GBooleanCriteria {
    return this.spec.condition!.criteria as unknown as GBooleanCriteria;
  }
  getCriteriaValues(): any[] {
    return this.rt.realm.copy(this.spec.condition!.values.map((v) => (isDate(v) ? this.rt.realm.date(v.getTime()) : v)));
  }
  getFontColor(): string | null {
    return this.spec.fontColor;
  }
}

/** A built conditional format rule; its ranges are copies, as in Sheets. */
export class ConditionalFormatRuleImpl implements Partial<GConditionalFormatRule> {
  readonly api: GConditionalFormatRule;
  constructor(
    private readonly rt: Runtime,
    private readonly bridge: RangeBridge,
    readonly spec: RuleSpec,
  ) {
    this.api = rt.facade<GConditionalFormatRule>(this, 'ConditionalFormatRule');
  }
  copy(): GConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilderImpl(this.rt, this.bridge, cloneSpec(this.spec)).api;
  }
  getBooleanCondition(): GBooleanCondition | null {
    return this.spec.condition ? new BooleanConditionImpl(this.rt, this.spec).api : null;
  }
  getRanges(): GRange[] {
    const out = this.rt.realm.array<GRange>(0);
    for (const r of this.spec.ranges) out.push(this.bridge.toRange(r));
    return out;
  }
  /** The rule with its ranges moved (rows/columns inserted or deleted); null when none is left. */
  _withRanges(ranges: SheetRect[]): ConditionalFormatRuleImpl | null {
    if (!ranges.length) return null;
    return new ConditionalFormatRuleImpl(this.rt, this.bridge, { ...cloneSpec(this.spec), ranges });
  }
  toString(): string {
    return 'ConditionalFormatRule';
  }
}

/** SpreadsheetApp.newConditionalFormatRule(). */
export class ConditionalFormatRuleBuilderImpl implements Partial<GConditionalFormatRuleBuilder> {
  readonly api: GConditionalFormatRuleBuilder;
  constructor(
    private readonly rt: Runtime,
    private readonly bridge: RangeBridge,
    private spec: RuleSpec = emptySpec(),
  ) {
    this.api = rt.facade<GConditionalFormatRuleBuilder>(this, 'ConditionalFormatRuleBuilder');
  }
  private _when(criteria: string, values: unknown[]): GConditionalFormatRuleBuilder {
    this.spec.condition = { criteria, values: values.map((v) => (isDate(v) ? new Date(v.getTime()) : v)) };
    return this.api;
  }
  private _num(method: string, ...args: unknown[]): void {
    if (args.some((a) => typeof a !== 'number'))
      throw this.rt.signatureError(`SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`, args);
  }

  build(): GConditionalFormatRule {
    if (!this.spec.condition) throw this.rt.error('Conditional format rule must have a condition.');
    return new ConditionalFormatRuleImpl(this.rt, this.bridge, cloneSpec(this.spec)).api;
  }
  setBackground(color: string | null): GConditionalFormatRuleBuilder {
    this.spec.background = color === null ? null : String(color);
    return this.api;
  }
  setBold(bold: boolean | null): GConditionalFormatRuleBuilder {
    this.spec.bold = bold;
    return this.api;
  }
  setFontColor(color: string | null): GConditionalFormatRuleBuilder {
    this.spec.fontColor = color === null ? null : String(color);
    return this.api;
  }
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw this.rt.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.spec.ranges = Array.from(ranges, (r) => this.bridge.toRect(r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges'));
    return this.api;
  }
  whenFormulaSatisfied(formula: string): GConditionalFormatRuleBuilder {
    if (typeof formula !== 'string')
      throw this.rt.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.whenFormulaSatisfied', [formula]);
    const problem = enUsFormulaProblem(formula);
    if (problem) throw this.rt.error(`twin: the rule formula «${formula}» is not in the form every locale accepts (en_US): ${problem}`);
    return this._when('CUSTOM_FORMULA', [formula]);
  }
  whenNumberBetween(start: number, end: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberBetween', start, end);
    return this._when('NUMBER_BETWEEN', [start, end]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberGreaterThanOrEqualTo', number);
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberLessThan', number);
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenTextEqualTo(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [String(text)]);
  }
  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
}
