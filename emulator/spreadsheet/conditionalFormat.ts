import type { Runtime } from '../runtime';
import { enUsFormulaProblem } from './formulaGrammar';
import { makeEnum } from '../enums';
import { isDate } from '../realm';
import type {
  GBooleanCondition,
  GBooleanCriteria,
  GConditionalFormatRule,
  GConditionalFormatRuleBuilder,
  GGradientCondition,
  GInterpolationType,
  GRange,
} from '../gas';
import type { Rect } from './a1';

export const BooleanCriteria = makeEnum<typeof GoogleAppsScript.Spreadsheet.BooleanCriteria>([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'DATE_AFTER_RELATIVE',
  'DATE_BEFORE_RELATIVE',
  'DATE_EQUAL_TO_RELATIVE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
]);

export const InterpolationType = makeEnum<typeof GoogleAppsScript.Spreadsheet.InterpolationType>([
  'NUMBER',
  'PERCENT',
  'PERCENTILE',
  'MIN',
  'MAX',
]);

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

interface GradientPoint {
  color: string;
  type: string | null;
  value: string;
}

interface RuleSpec {
  condition: BooleanSpec | null;
  gradient: { min: GradientPoint | null; mid: GradientPoint | null; max: GradientPoint | null } | null;
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  strikethrough: boolean | null;
  underline: boolean | null;
  ranges: SheetRect[];
}

function emptySpec(): RuleSpec {
  return {
    condition: null,
    gradient: null,
    background: null,
    fontColor: null,
    bold: null,
    italic: null,
    strikethrough: null,
    underline: null,
    ranges: [],
  };
}

function cloneSpec(s: RuleSpec): RuleSpec {
  return {
    ...s,
    condition: s.condition && { criteria: s.condition.criteria, values: s.condition.values.slice() },
    gradient: s.gradient && { ...s.gradient },
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
  getItalic(): boolean | null {
    return this.spec.italic;
  }
  getStrikethrough(): boolean | null {
    return this.spec.strikethrough;
  }
  getUnderline(): boolean | null {
    return this.spec.underline;
  }
}

class GradientConditionImpl implements Partial<GGradientCondition> {
  readonly api: GGradientCondition;
  constructor(
    rt: Runtime,
    private readonly g: NonNullable<RuleSpec['gradient']>,
  ) {
    this.api = rt.facade<GGradientCondition>(this, 'GradientCondition');
  }
  getMaxColor(): string {
    return this.g.max?.color ?? '';
  }
  getMaxType(): GInterpolationType | null {
    return (this.g.max?.type ?? null) as GInterpolationType | null;
  }
  getMaxValue(): string {
    return this.g.max?.value ?? '';
  }
  getMidColor(): string {
    return this.g.mid?.color ?? '';
  }
  getMidType(): GInterpolationType | null {
    return (this.g.mid?.type ?? null) as GInterpolationType | null;
  }
  getMidValue(): string {
    return this.g.mid?.value ?? '';
  }
  getMinColor(): string {
    return this.g.min?.color ?? '';
  }
  getMinType(): GInterpolationType | null {
    return (this.g.min?.type ?? null) as GInterpolationType | null;
  }
  getMinValue(): string {
    return this.g.min?.value ?? '';
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
  getGradientCondition(): GGradientCondition | null {
    return this.spec.gradient ? new GradientConditionImpl(this.rt, this.spec.gradient).api : null;
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
    this.spec.gradient = null;
    return this.api;
  }
  private _num(method: string, ...args: unknown[]): void {
    if (args.some((a) => typeof a !== 'number'))
      throw this.rt.signatureError(`SpreadsheetApp.ConditionalFormatRuleBuilder.${method}`, args);
  }
  private _point(which: 'min' | 'mid' | 'max', color: string, type: unknown, value: string): GConditionalFormatRuleBuilder {
    const g = this.spec.gradient ?? { min: null, mid: null, max: null };
    g[which] = { color: String(color), type: type === null ? null : String(type), value: String(value) };
    this.spec.gradient = g;
    this.spec.condition = null;
    return this.api;
  }

  build(): GConditionalFormatRule {
    if (!this.spec.condition && !this.spec.gradient) throw this.rt.error('Conditional format rule must have a condition.');
    return new ConditionalFormatRuleImpl(this.rt, this.bridge, cloneSpec(this.spec)).api;
  }
  copy(): GConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilderImpl(this.rt, this.bridge, cloneSpec(this.spec)).api;
  }
  getBooleanCondition(): GBooleanCondition | null {
    return this.spec.condition ? new BooleanConditionImpl(this.rt, cloneSpec(this.spec)).api : null;
  }
  getGradientCondition(): GGradientCondition | null {
    return this.spec.gradient ? new GradientConditionImpl(this.rt, { ...this.spec.gradient }).api : null;
  }
  getRanges(): GRange[] {
    return this.rt.realm.copy(this.spec.ranges.map((r) => this.bridge.toRange(r)));
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
  setItalic(italic: boolean | null): GConditionalFormatRuleBuilder {
    this.spec.italic = italic;
    return this.api;
  }
  setStrikethrough(strikethrough: boolean | null): GConditionalFormatRuleBuilder {
    this.spec.strikethrough = strikethrough;
    return this.api;
  }
  setUnderline(underline: boolean | null): GConditionalFormatRuleBuilder {
    this.spec.underline = underline;
    return this.api;
  }
  setGradientMaxpoint(color: string): GConditionalFormatRuleBuilder {
    return this._point('max', color, 'MAX', '');
  }
  setGradientMinpoint(color: string): GConditionalFormatRuleBuilder {
    return this._point('min', color, 'MIN', '');
  }
  setGradientMaxpointWithValue(color: string, type: GInterpolationType, value: string): GConditionalFormatRuleBuilder {
    return this._point('max', color, type, value);
  }
  setGradientMidpointWithValue(color: string, type: GInterpolationType, value: string): GConditionalFormatRuleBuilder {
    return this._point('mid', color, type, value);
  }
  setGradientMinpointWithValue(color: string, type: GInterpolationType, value: string): GConditionalFormatRuleBuilder {
    return this._point('min', color, type, value);
  }
  setRanges(ranges: GRange[]): GConditionalFormatRuleBuilder {
    if (!Array.isArray(ranges)) throw this.rt.signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.spec.ranges = Array.from(ranges, (r) => this.bridge.toRect(r, 'SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges'));
    return this.api;
  }
  whenCellEmpty(): GConditionalFormatRuleBuilder {
    return this._when('CELL_EMPTY', []);
  }
  whenCellNotEmpty(): GConditionalFormatRuleBuilder {
    return this._when('CELL_NOT_EMPTY', []);
  }
  whenDateAfter(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): GConditionalFormatRuleBuilder {
    return this._when(isDate(date) ? 'DATE_AFTER' : 'DATE_AFTER_RELATIVE', [date]);
  }
  whenDateBefore(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): GConditionalFormatRuleBuilder {
    return this._when(isDate(date) ? 'DATE_BEFORE' : 'DATE_BEFORE_RELATIVE', [date]);
  }
  whenDateEqualTo(date: GoogleAppsScript.Base.Date | GoogleAppsScript.Spreadsheet.RelativeDate): GConditionalFormatRuleBuilder {
    return this._when(isDate(date) ? 'DATE_EQUAL_TO' : 'DATE_EQUAL_TO_RELATIVE', [date]);
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
  whenNumberEqualTo(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberEqualTo', number);
    return this._when('NUMBER_EQUAL_TO', [number]);
  }
  whenNumberGreaterThan(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberGreaterThan', number);
    return this._when('NUMBER_GREATER_THAN', [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberGreaterThanOrEqualTo', number);
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberLessThan(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberLessThan', number);
    return this._when('NUMBER_LESS_THAN', [number]);
  }
  whenNumberLessThanOrEqualTo(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberLessThanOrEqualTo', number);
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [number]);
  }
  whenNumberNotBetween(start: number, end: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberNotBetween', start, end);
    return this._when('NUMBER_NOT_BETWEEN', [start, end]);
  }
  whenNumberNotEqualTo(number: number): GConditionalFormatRuleBuilder {
    this._num('whenNumberNotEqualTo', number);
    return this._when('NUMBER_NOT_EQUAL_TO', [number]);
  }
  whenTextContains(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_CONTAINS', [String(text)]);
  }
  whenTextDoesNotContain(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }
  whenTextEndsWith(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_ENDS_WITH', [String(text)]);
  }
  whenTextEqualTo(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_EQUAL_TO', [String(text)]);
  }
  whenTextStartsWith(text: string): GConditionalFormatRuleBuilder {
    return this._when('TEXT_STARTS_WITH', [String(text)]);
  }
  withCriteria(criteria: GBooleanCriteria, args: any[]): GConditionalFormatRuleBuilder {
    return this._when(String(criteria), Array.from(args));
  }
  toString(): string {
    return 'ConditionalFormatRuleBuilder';
  }
}
