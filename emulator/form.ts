import type { Runtime } from './runtime';
import { makeEnum } from './enums';
import { FULL_ONLY, SCOPE } from './scopes';
import type { GDestinationType, GForm, GFormApp, GItem, GItemType, GTextValidation, GTextValidationBuilder } from './gas';
import type { SpreadsheetHandle } from './spreadsheet/spreadsheet';
import type { SheetModel } from './spreadsheet/sheetModel';
import { coerceInput, type CellInput } from './spreadsheet/cellValue';
import { displayValue } from './spreadsheet/format';

export const DestinationType = makeEnum<typeof GoogleAppsScript.Forms.DestinationType>(['SPREADSHEET']);

const CLASS_NAMES: Record<string, string> = {
  TEXT: 'TextItem',
  MULTIPLE_CHOICE: 'MultipleChoiceItem',
  CHECKBOX: 'CheckboxItem',
};

/** Where the twin finds spreadsheets for Form.setDestination. */
export interface FormHost {
  spreadsheet(id: string): SpreadsheetHandle | undefined;
}

interface TextValidationSpec {
  rule: string;
  values: unknown[];
  helpText: string;
}

class TextValidationImpl {
  constructor(readonly spec: TextValidationSpec) {}
  toString(): string {
    return 'TextValidation';
  }
}

/** FormApp.createTextValidation(). */
class TextValidationBuilderImpl implements Partial<GTextValidationBuilder> {
  private spec: TextValidationSpec = { rule: 'NONE', values: [], helpText: '' };
  constructor(private readonly rt: Runtime) {}
  get api(): GTextValidationBuilder {
    return this.rt.facade<GTextValidationBuilder>(this, 'TextValidationBuilder');
  }
  private _rule(rule: string, ...values: unknown[]): GTextValidationBuilder {
    this.spec = { ...this.spec, rule, values };
    return this as unknown as GTextValidationBuilder;
  }
  requireWholeNumber(): GTextValidationBuilder {
    return this._rule('WHOLE_NUMBER');
  }
  requireNumberGreaterThanOrEqualTo(number: number): GTextValidationBuilder {
    return this._rule('NUMBER_GREATER_THAN_OR_EQUAL_TO', number);
  }
  setHelpText(text: string): GTextValidationBuilder {
    this.spec = { ...this.spec, helpText: String(text) };
    return this as unknown as GTextValidationBuilder;
  }
  build(): GTextValidation {
    return this.rt.facade<GTextValidation>(new TextValidationImpl({ ...this.spec }), 'TextValidation');
  }
  toString(): string {
    return 'TextValidationBuilder';
  }
}

/** One form item; a single class serves every item type the twin supports. */
export class ItemImpl {
  title = '';
  helpText = '';
  required = false;
  choices: string[] = [];
  validation: TextValidationSpec | null = null;
  constructor(
    private readonly rt: Runtime,
    private readonly form: FormImpl,
    readonly id: number,
    readonly type: string,
  ) {}
  _api(className = CLASS_NAMES[this.type] ?? 'Item'): GItem {
    return this.rt.facade<GItem>(this, className);
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): this {
    this.title = String(title);
    this.form._renameColumn(this);
    return this;
  }
  setHelpText(text: string): this {
    this.helpText = String(text);
    return this;
  }
  setRequired(enabled: boolean): this {
    this.required = !!enabled;
    return this;
  }
  setChoiceValues(values: string[]): this {
    if (!Array.isArray(values)) throw this.rt.signatureError(`${CLASS_NAMES[this.type]}.setChoiceValues`, [values]);
    this.choices = Array.from(values, String);
    return this;
  }
  setValidation(validation: GTextValidation): this {
    this.validation = this.rt.unwrap(validation, TextValidationImpl, `${CLASS_NAMES[this.type]}.setValidation`).spec;
    return this;
  }
  toString(): string {
    return CLASS_NAMES[this.type] ?? 'Item';
  }
}

const scratch: CellInput = { value: undefined, formula: undefined, autoFormat: undefined };

/** A Google Form. Linking it to a spreadsheet creates the Form's own responses sheet there. */
export class FormImpl implements Partial<GForm> {
  title: string;
  /** The Drive file's name: what FormApp.create(title) was given. */
  readonly fileName: string;
  description = '';
  readonly items: ItemImpl[] = [];
  destination: { handle: SpreadsheetHandle; sheet: SheetModel } | null = null;
  readonly publishedId: string;

  constructor(
    private readonly rt: Runtime,
    private readonly host: FormHost,
    readonly id: string,
    title: string,
  ) {
    this.title = title;
    this.fileName = title;
    this.publishedId = `1FAIpQLS${id}`;
  }
  get api(): GForm {
    return this.rt.facade<GForm>(this, 'Form');
  }
  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }
  get linkUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewform`;
  }

  private _add(type: string): GItem {
    const item = new ItemImpl(this.rt, this, this.rt.nextSeq() * 101 + 7, type);
    this.items.push(item);
    this._appendColumn(item);
    return item._api();
  }
  /** Column headers of the responses sheet: timestamp and question titles. */
  _headers(): string[] {
    const russian = /^ru/i.test(this.destination?.handle.model.locale ?? 'ru');
    const head = [russian ? 'Отметка времени' : 'Timestamp'];
    return head.concat(this.items.map((q) => q.title));
  }
  private _appendColumn(item: ItemImpl): void {
    if (!this.destination) return;
    const sheet = this.destination.sheet;
    const col = this._headers().length - 1;
    sheet.ensureSize(1, col + 1);
    sheet.values.set(0, col, item.title || undefined);
  }
  _renameColumn(item: ItemImpl): void {
    if (!this.destination) return;
    const index = this.items.indexOf(item);
    if (index >= 0) this.destination.sheet.values.set(0, 1 + index, item.title || undefined);
  }

  getId(): string {
    return this.id;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GForm {
    this.title = String(title);
    return this.api;
  }
  setDescription(description: string): GForm {
    this.description = String(description);
    return this.api;
  }
  addTextItem(): GoogleAppsScript.Forms.TextItem {
    return this._add('TEXT') as unknown as GoogleAppsScript.Forms.TextItem;
  }
  addMultipleChoiceItem(): GoogleAppsScript.Forms.MultipleChoiceItem {
    return this._add('MULTIPLE_CHOICE') as unknown as GoogleAppsScript.Forms.MultipleChoiceItem;
  }
  addCheckboxItem(): GoogleAppsScript.Forms.CheckboxItem {
    return this._add('CHECKBOX') as unknown as GoogleAppsScript.Forms.CheckboxItem;
  }
  getItems(itemType?: GItemType): GItem[] {
    const list = itemType === undefined ? this.items : this.items.filter((i) => i.type === String(itemType));
    return this.rt.realm.copy(list.map((i) => i._api('Item')));
  }
  getPublishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }
  getEditUrl(): string {
    return this.editUrl;
  }
  getDestinationId(): string {
    if (!this.destination) throw this.rt.error('The form currently has no response destination.');
    return this.destination.handle.model.id;
  }
  /**
   * Links the form to a spreadsheet: a new first sheet «Ответы на форму (N)» (Russian locale;
   * 'Form Responses N' otherwise) with «Отметка времени» and the question titles, frozen header.
   */
  setDestination(type: GDestinationType, id: string): GForm {
    if (String(type) !== 'SPREADSHEET') throw this.rt.signatureError('Form.setDestination', [type, id]);
    const handle = this.host.spreadsheet(String(id));
    if (!handle) throw this.rt.error('Invalid argument: id');
    const model = handle.model;
    const russian = /^ru/i.test(model.locale);
    let n = 1;
    const base = russian ? 'Ответы на форму' : 'Form Responses';
    const nameOf = (k: number) => (russian ? `${base} (${k})` : `${base} ${k}`);
    while (model.findByName(nameOf(n))) n++;
    this.rt.write('Form.setDestination', 0, model.id);
    if (this.destination) this.destination.sheet.formUrl = null;
    const sheet = model.addSheet(nameOf(n), 0);
    this.destination = { handle, sheet };
    const headers = this._headers();
    sheet.ensureSize(1, headers.length);
    headers.forEach((h, c) => sheet.values.set(0, c, h || undefined));
    sheet.frozenRows = 1;
    sheet.formUrl = this.linkUrl;
    model.formUrl = this.linkUrl;
    return this.api;
  }

  /**
   * What Forms does when someone submits: appends a row (timestamp, answers by question title,
   * checkbox answers joined with ", ") to the responses sheet, typed as if entered by a user.
   * Returns the row number and the row's display values for the onFormSubmit event.
   */
  _submit(
    answers: Record<string, unknown> | unknown[],
    timestamp: Date,
  ): { row: number; values: string[]; named: Record<string, string[]> } {
    if (!this.destination) throw new Error('twin: the form is not linked to a spreadsheet');
    const { sheet, handle } = this.destination;
    const model = handle.model;
    const cells: unknown[] = [timestamp];
    this.items.forEach((q, i) => {
      let v = Array.isArray(answers) ? answers[i] : answers[q.title];
      if (Array.isArray(v)) v = v.join(', ');
      cells.push(v === undefined ? '' : v);
    });
    const r = sheet.lastRow();
    sheet.ensureSize(r + 1, cells.length);
    cells.forEach((v, c) => {
      coerceInput(v, sheet.formats.get(r, c), model.input, model.timeZone, scratch);
      sheet.storeInput(r, c, scratch);
    });
    sheet.formats.set(r, 0, /^ru/i.test(model.locale) ? 'dd.MM.yyyy H:mm:ss' : 'M/d/yyyy H:mm:ss');
    const values = cells.map((_, c) => displayValue(sheet.values.get(r, c), sheet.formats.get(r, c), model.timeZone, model.display));
    const headers = this._headers();
    const named: Record<string, string[]> = {};
    headers.forEach((h, c) => (named[h] = [values[c]]));
    return { row: r + 1, values, named };
  }
  toString(): string {
    return 'Form';
  }
}

/** FormApp: creating and opening forms (FULL mode and the forms scope). */
export class FormAppImpl implements Partial<GFormApp> {
  readonly DestinationType = DestinationType;

  constructor(
    private readonly rt: Runtime,
    private readonly host: FormHost,
    readonly forms: FormImpl[],
  ) {}
  private _full(method: string): void {
    this.rt.requireMode(`FormApp.${method}`, FULL_ONLY, SCOPE.forms);
    this.rt.requireScope(`FormApp.${method}`, [SCOPE.forms]);
  }
  /** A new form (not yet linked to any spreadsheet). */
  _createForm(title: string): FormImpl {
    const form = new FormImpl(this.rt, this.host, `twinForm${this.rt.nextSeq()}`, title);
    this.forms.push(form);
    return form;
  }
  /**
   * As in Apps Script, the title names the Drive file but the form's own title (what respondents see, getTitle())
   * stays empty until setTitle: reported from live runs by gas-fakes (notes/oddities.md, issuetracker 442747794).
   */
  create(title: string): GForm {
    this._full('create');
    const text = title === null || title === undefined ? '' : String(title);
    if (!text) throw this.rt.error('Invalid argument: title');
    const form = this._createForm(text);
    form.title = '';
    return form.api;
  }
  openByUrl(url: string): GForm {
    this._full('openByUrl');
    const text = String(url);
    const form = this.forms.find((f) => text.includes(`/forms/d/${f.id}/`) || text.includes(`/forms/d/e/${f.publishedId}/`));
    if (!form) throw this.rt.error(`No item with the given ID could be found, or you do not have permission to access it.`);
    return form.api;
  }
  createTextValidation(): GTextValidationBuilder {
    return new TextValidationBuilderImpl(this.rt).api;
  }
  toString(): string {
    return 'FormApp';
  }
}
