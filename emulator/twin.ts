import { Runtime, type ExecutionReport, type UserLanguage } from './runtime';
import type { CostModel, SimClock } from './clock';
import type { CostRecord } from './costModel';
import { AuthMode, type AuthModeName, AUTH_MODES } from './enums';
import { isDate, type Realm } from './realm';
import { resolveTimeZone } from './dates';
import { createSpreadsheet, type SpreadsheetHandle } from './spreadsheet/spreadsheet';
import { SpreadsheetAppImpl, SpreadsheetRegistry } from './spreadsheet/app';
import { createChartsService } from './spreadsheet/charts';
import { LAYER_NAMES, type SheetModel } from './spreadsheet/sheetModel';
import { displayValue } from './spreadsheet/format';
import { dateToSerial, serialToMs } from './dates';
import { isDateFormat, isNumericFormat } from './spreadsheet/format';
import { UiImpl, UiRecorder } from './ui';
import { HtmlServiceImpl } from './html';
import { PropertiesServiceImpl } from './properties';
import { CacheServiceImpl, type CacheEntry } from './cache';
import { LockServiceImpl, LockTable } from './lock';
import { ScriptAppImpl, type Deployment, type TriggerRecord } from './script';
import { FormAppImpl, FormImpl, ItemImpl } from './form';
import { UtilitiesImpl } from './utilities';
import { SessionImpl, makeUser } from './session';
import { LoggerImpl } from './logger';
import type {
  GCacheService,
  GCharts,
  GForm,
  GFormApp,
  GHtmlService,
  GLockService,
  GLogger,
  GPropertiesService,
  GScriptApp,
  GSession,
  GSheet,
  GSpreadsheet,
  GSpreadsheetApp,
  GUi,
  GUtilities,
} from './gas';

export interface TwinOptions {
  /** Spreadsheet (and script) time zone; default 'Europe/Moscow' as in appsscript.json. */
  timeZone?: string;
  /** Where HtmlService and loadAddon find the built files; default 'build'. */
  buildDir?: string;
  spreadsheetName?: string;
  spreadsheetId?: string;
  /** Spreadsheet locale; default 'ru_RU' (sheet names 'Лист1', «Ответы на форму (1)», '35,5' typed as a number). */
  locale?: string;
  /** Display numbers with the locale's separators ('33,3%'); default false ('33.3%'). */
  localizedNumbers?: boolean;
  /** Convert text that looks like a number, date or boolean on write, as Sheets does; default true. */
  parseText?: boolean;
  /** Strict validation rules reject invalid writes with the Sheets error; default true. */
  enforceValidation?: boolean;
  /** Name of the sheet a new spreadsheet starts with; default 'Лист1' (ru) / 'Sheet1'. */
  firstSheetName?: string;
  /** The user who runs the add-in (and whose edits the twin checks) until `asUser` says otherwise. */
  userEmail?: string;
  /** The owner of the bound spreadsheet; default `userEmail`; null: a file in a shared drive. */
  ownerEmail?: string | null;
  /** The other people the spreadsheet is shared with for editing (a new protection starts with all of them). */
  editors?: string[];
  /** Start of the simulated clock (ms or Date); default the real time at creation. */
  startTime?: number | Date;
  /** What the clock charges per service call and per cell. */
  costs?: Partial<CostModel>;
  /** Throw 'Exceeded maximum execution time' once an execution passes 6 simulated minutes. */
  enforceTimeLimit?: boolean;
  /** The `console` the add-in sees; default Node's. */
  console?: Console;
  /** The language of platform error messages: 'en' (default) or 'ru', as a Russian user sees them. */
  userLanguage?: UserLanguage;
  /** 'bound' (default), 'addon' or 'addonTest' (Deploy → Test deployments): what triggers may do. */
  deployment?: Deployment;
}

/** The globals the add-in sees (what loadAddon puts into the vm context). */
export interface TwinServices {
  SpreadsheetApp: GSpreadsheetApp;
  HtmlService: GHtmlService;
  PropertiesService: GPropertiesService;
  CacheService: GCacheService;
  LockService: GLockService;
  ScriptApp: GScriptApp;
  FormApp: GFormApp;
  Utilities: GUtilities;
  Session: GSession;
  Logger: GLogger;
  Charts: GCharts;
  console: Console;
}

/** The onFormSubmit event a spreadsheet trigger receives (SheetsOnFormSubmit plus source). */
export interface FormSubmitEvent {
  authMode: string;
  triggerUid: string;
  range: GoogleAppsScript.Spreadsheet.Range;
  values: string[];
  namedValues: Record<string, string[]>;
  source: GSpreadsheet;
}

/**
 * The local, in-memory twin of the Apps Script services the add-in uses: one bound spreadsheet,
 * Ui, HtmlService, properties, caches, locks, triggers, forms, Utilities, Session, Logger, with
 * call counting, a simulated clock, fault injection and snapshots for tests.
 */
export class Twin {
  readonly rt: Runtime;
  readonly ui = new UiRecorder();
  readonly services: TwinServices;
  readonly properties = { document: new Map<string, string>(), user: new Map<string, string>() };
  readonly caches = { document: new Map<string, CacheEntry>() };
  readonly triggers: TriggerRecord[] = [];
  readonly forms: FormImpl[] = [];
  readonly locks: LockTable;
  readonly registry: SpreadsheetRegistry;
  /** The user the first execution runs as (see setActiveUser). */
  readonly userEmail: string;
  /** The signed-in user of the executions that follow (installable triggers belong to the user who creates them). */
  activeUser: string;
  deployment: Deployment;
  buildDir: string;
  private readonly logger = new LoggerImpl();
  private readonly formApp: FormAppImpl;
  private otherExecutions = 0;

  constructor(options: TwinOptions = {}) {
    const start = options.startTime instanceof Date ? options.startTime.getTime() : (options.startTime ?? Date.now());
    this.rt = new Runtime({
      startMs: start,
      costs: options.costs,
      enforceTimeLimit: options.enforceTimeLimit,
      userLanguage: options.userLanguage,
    });
    this.buildDir = options.buildDir ?? 'build';
    this.userEmail = options.userEmail ?? 'methodologist@example.org';
    this.activeUser = this.userEmail;
    this.deployment = options.deployment ?? 'bound';
    const ownerEmail = options.ownerEmail === undefined ? this.activeUser : options.ownerEmail;
    const fileEditors = [...(options.editors ?? [])];
    const locale = options.locale ?? 'ru_RU';
    const russian = /^ru/i.test(locale);
    let spreadsheetSeq = 0;
    const makeSpreadsheet = (name: string, id?: string): SpreadsheetHandle =>
      createSpreadsheet(
        this.rt,
        {
          id: id ?? `1TwinSpreadsheet${String(++spreadsheetSeq).padStart(4, '0')}`,
          name,
          timeZone: resolveTimeZone(options.timeZone ?? 'Europe/Moscow'),
          locale,
          localizedNumbers: options.localizedNumbers ?? false,
          parseText: options.parseText ?? true,
          firstSheetName: options.firstSheetName ?? (russian ? 'Лист1' : 'Sheet1'),
          ownerEmail,
          fileEditors,
          currentUser: () => this.activeUser,
        },
        {
          enforceValidation: options.enforceValidation ?? true,
          toast: (message, title, timeoutSeconds) => this.ui.toasts.push({ message, title, timeoutSeconds }),
        },
      );
    this.registry = new SpreadsheetRegistry(makeSpreadsheet(options.spreadsheetName ?? 'ШНОР-монитор', options.spreadsheetId));
    this.locks = new LockTable(this.rt);
    const rt = this.rt;
    const uiApi = (): GUi => rt.facade<GUi>(new UiImpl(rt, this.ui), 'Ui');
    this.formApp = new FormAppImpl(rt, { spreadsheet: (id) => this.registry.byId.get(id) }, this.forms);
    this.services = {
      SpreadsheetApp: rt.facade<GSpreadsheetApp>(new SpreadsheetAppImpl(rt, this.registry, uiApi), 'SpreadsheetApp'),
      HtmlService: rt.facade<GHtmlService>(new HtmlServiceImpl(rt, () => this.buildDir), 'HtmlService'),
      PropertiesService: rt.facade<GPropertiesService>(new PropertiesServiceImpl(rt, this.properties), 'PropertiesService'),
      CacheService: rt.facade<GCacheService>(new CacheServiceImpl(rt, this.caches), 'CacheService'),
      LockService: rt.facade<GLockService>(
        new LockServiceImpl(rt, this.locks, {
          document: () => `document:${this.registry.active.model.id}`,
        }),
        'LockService',
      ),
      ScriptApp: rt.facade<GScriptApp>(
        new ScriptAppImpl(rt, this.triggers, { user: () => this.activeUser, deployment: () => this.deployment }),
        'ScriptApp',
      ),
      FormApp: rt.facade<GFormApp>(this.formApp, 'FormApp'),
      Utilities: rt.facade<GUtilities>(new UtilitiesImpl(rt), 'Utilities'),
      Session: rt.facade<GSession>(
        new SessionImpl(rt, { email: () => this.activeUser }, () => this.registry.active.model.timeZone),
        'Session',
      ),
      Logger: rt.facade<GLogger>(this.logger, 'Logger'),
      Charts: createChartsService(rt),
      console: options.console ?? console,
    };
  }

  /**
   * Runs `fn` as another user: the add-in's executions started inside it, and a test's own edits through
   * `spreadsheet` (a person typing in the sheet), are checked against protections as that user's.
   */
  asUser<T>(email: string, fn: () => T): T {
    const previous = this.activeUser;
    this.activeUser = email;
    try {
      return fn();
    } finally {
      this.activeUser = previous;
    }
  }

  /**
   * A person's edit in the Sheets editor: `values` typed into `a1` of `sheetName` by `email`. Throws the Sheets
   * message when a protection refuses it; nothing is written then.
   */
  userEdit(email: string, sheetName: string, a1: string, values: unknown[][]): void {
    this.asUser(email, () => {
      const sheet = this.spreadsheet.getSheetByName(sheetName);
      if (!sheet) throw new Error(`twin.userEdit: no sheet «${sheetName}»`);
      sheet.getRange(a1).setValues(values);
    });
  }

  // ---- services and enums -------------------------------------------------------------------

  get SpreadsheetApp(): GSpreadsheetApp {
    return this.services.SpreadsheetApp;
  }
  get ScriptApp(): GScriptApp {
    return this.services.ScriptApp;
  }
  get FormApp(): GFormApp {
    return this.services.FormApp;
  }
  get PropertiesService(): GPropertiesService {
    return this.services.PropertiesService;
  }
  get LockService(): GLockService {
    return this.services.LockService;
  }
  get Utilities(): GUtilities {
    return this.services.Utilities;
  }
  readonly AuthMode = AuthMode;

  /** The bound spreadsheet as the add-in sees it (calls through it are counted). */
  get spreadsheet(): GSpreadsheet {
    return this.registry.active.impl.api;
  }
  /** The bound spreadsheet's handle (model and context), for twin-internal helpers. */
  get bound(): SpreadsheetHandle {
    return this.registry.active;
  }
  /** Globals for the add-in's vm context. */
  globals(): Record<string, unknown> {
    return { ...this.services };
  }
  get logs(): string[] {
    return this.logger.lines;
  }

  // ---- counting, faults, clock ------------------------------------------------------------------

  get calls(): Map<string, number> {
    return this.rt.counter.calls;
  }
  /** The call counts as a sorted plain record. */
  callRecord(): Record<string, number> {
    return this.rt.counter.toRecord();
  }
  totalCalls(): number {
    return this.rt.counter.total;
  }
  /** Zeroes calls, writes and cells written (the clock has its own reset). */
  resetCalls(): void {
    this.rt.counter.reset();
    this.rt.meter.reset();
    this.rt.execution.startCalls = 0;
    this.rt.execution.startWrites = 0;
    this.rt.execution.startRoundTrips = 0;
    this.rt.execution.startEstimatedMs = 0;
  }
  /** Flushing reads so far (server round trips that commit queued writes; see costModel.ts). */
  get roundTrips(): number {
    return this.rt.meter.roundTrips;
  }
  /** Calls by kind and the real platform's estimated time of everything so far (costModel.ts). */
  get costs(): CostRecord {
    return this.rt.meter.record();
  }
  get cellsWritten(): number {
    return this.rt.counter.cellsWritten;
  }
  get writeCount(): number {
    return this.rt.counter.writeCount;
  }
  /** The k-th spreadsheet write from now throws (like a Sheets service error) and is not applied. */
  failAtWrite(k: number, message?: string): void {
    this.rt.counter.failAtWrite(k, message);
  }
  cancelFault(): void {
    this.rt.counter.cancelFault();
  }
  get clock(): SimClock {
    return this.rt.clock;
  }

  // ---- executions and authorization ---------------------------------------------------------------

  /** Sets the AuthMode of the current execution ('NONE', ScriptApp.AuthMode.LIMITED, ...). */
  setAuthMode(mode: unknown): void {
    this.rt.execution.authMode = toAuthMode(mode);
  }
  /** Starts a new execution (the previous one's locks are released, as when a run ends). */
  newExecution(options: { authMode?: unknown; hasUi?: boolean } = {}): string {
    return this.rt.beginExecution({
      authMode: options.authMode === undefined ? 'FULL' : toAuthMode(options.authMode),
      hasUi: options.hasUi,
    }).id;
  }
  get lastExecution(): ExecutionReport | null {
    return this.rt.lastExecution;
  }
  /** Runs fn as execution `executionId` (for lock contention between "two runs"). */
  runAs<T>(executionId: string, fn: () => T, authMode?: unknown): T {
    return this.rt.runAs(executionId, fn, authMode === undefined ? undefined : toAuthMode(authMode));
  }
  /** Executions from now on run as this user (another editor of the spreadsheet). */
  setActiveUser(email: string): void {
    this.activeUser = email;
  }
  /**
   * Starts `fn` (typically `() => addon.run('sidebarCancelRun', id)` or a trigger call) as an execution that
   * overlaps the one running: at its `calls`-th service call from now, or at the nth call of `method`
   * ('Spreadsheet.insertSheet'). Apps Script runs google.script.run calls and triggers in parallel.
   */
  overlap(when: { calls?: number; method?: string; nth?: number }, fn: () => void): void {
    this.rt.overlap(when, fn);
  }
  /** Overlapping executions scheduled but not started. */
  get pendingOverlaps(): number {
    return this.rt.pendingOverlaps;
  }
  /** False: executions run outside a containing document (getDocumentLock() returns null). */
  setContainingDocument(inside: boolean): void {
    this.rt.containingDocument = inside;
  }
  /** Takes the document lock for another execution; returns the function that releases it. */
  holdDocumentLock(): () => void {
    const holder = `other-execution-${++this.otherExecutions}`;
    const key = `document:${this.registry.active.model.id}`;
    if (this.locks.holders.has(key)) throw new Error('twin: the document lock is already held');
    this.locks.holders.set(key, holder);
    return () => {
      if (this.locks.holders.get(key) === holder) this.locks.holders.delete(key);
    };
  }
  /** The realm values are created in (set by loadAddon; host by default). */
  set realm(realm: Realm) {
    this.rt.realm = realm;
  }
  get realm(): Realm {
    return this.rt.realm;
  }
  /** OAuth scopes from a manifest (null = unchecked). */
  setScopes(scopes: string[] | null): void {
    this.rt.scopes = scopes;
  }

  // ---- seeding and reading sheets (not counted) ------------------------------------------------------

  private model(name: string): SheetModel {
    const sheet = this.registry.active.model.findByName(name);
    if (!sheet) throw new Error(`twin: no sheet named «${name}»`);
    return sheet;
  }
  /** The sheet's model, for assertions the services do not expose. */
  sheetModel(name: string): SheetModel {
    return this.model(name);
  }
  sheetNames(): string[] {
    return this.registry.active.model.sheets.map((s) => s.name);
  }
  hasSheet(name: string): boolean {
    return this.registry.active.model.findByName(name) !== undefined;
  }
  /**
   * Adds a sheet with the given rows stored as they are (no text parsing: '=x' stays a string,
   * '007' stays text); Dates are copied; null, undefined and '' leave the cell empty.
   */
  addSheet(name: string, rows: unknown[][] = []): GSheet {
    const ss = this.registry.active.model;
    if (ss.findByName(name)) throw new Error(`twin: a sheet named «${name}» already exists`);
    const sheet = ss.addSheet(name, ss.sheets.length);
    const width = rows.reduce((m, r) => Math.max(m, r.length), 0);
    sheet.ensureSize(rows.length, width);
    rows.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v === null || v === undefined || v === '') return;
        sheet.values.set(r, c, isDate(v) ? new Date(v.getTime()) : (v as string | number | boolean));
      }),
    );
    return this.registry.active.ctx.sheetApi(sheet);
  }
  /** Values from A1 to the last row and column with content ('' for empty cells, Dates as Date). */
  sheetValues(name: string): unknown[][] {
    const sheet = this.model(name);
    const tz = this.registry.active.model.timeZone;
    return this.readRect(sheet, (r, c) => {
      const v = sheet.values.get(r, c);
      const f = sheet.formats.get(r, c);
      if (v === undefined) return '';
      if (v instanceof Date) return isNumericFormat(f) ? dateToSerial(v.getTime(), tz) : new Date(v.getTime());
      if (typeof v === 'number' && isDateFormat(f)) return new Date(serialToMs(v, tz));
      return v;
    });
  }
  sheetDisplayValues(name: string): string[][] {
    const sheet = this.model(name);
    const { timeZone, display } = this.registry.active.model;
    return this.readRect(sheet, (r, c) => displayValue(sheet.values.get(r, c), sheet.formats.get(r, c), timeZone, display));
  }
  sheetFormulas(name: string): string[][] {
    const sheet = this.model(name);
    return this.readRect(sheet, (r, c) => sheet.formulas.get(r, c) ?? '');
  }
  private readRect<R>(sheet: SheetModel, cell: (r: number, c: number) => R): R[][] {
    const rows = sheet.lastRow();
    const cols = sheet.lastCol();
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cell(r, c)));
  }

  /**
   * A deterministic text of everything a user could lose in a sheet: every cell layer (values,
   * formulas, number formats, notes, colours, fonts, alignment, wrapping, validations), merges,
   * frozen rows/columns, sizes, column widths and the form link.
   */
  snapshotSheet(name: string): string {
    const sheet = this.model(name);
    const layers: Record<string, unknown> = {};
    for (const layerName of LAYER_NAMES) {
      const layer = sheet.layer(layerName);
      layer.trim();
      if (layer.isEmpty()) continue;
      layers[layerName] = Array.from(layer.rows, (row) =>
        row === undefined ? null : Array.from(row, (v) => (v === undefined ? null : snapshotValue(v))),
      );
    }
    return JSON.stringify({
      name: sheet.name,
      maxRows: sheet.maxRows,
      maxCols: sheet.maxCols,
      frozenRows: sheet.frozenRows,
      frozenCols: sheet.frozenCols,
      merges: sheet.merges,
      columnWidths: Array.from(sheet.columnWidths, (w) => w ?? null),
      hidden: sheet.hidden,
      formUrl: sheet.formUrl,
      layers,
    });
  }
  /** A filter view as a person saves it in the Sheets UI (not reachable from SpreadsheetApp). */
  addFilterView(sheetName: string, title: string, rect = { row: 1, col: 1, numRows: 1, numCols: 1 }): void {
    this.model(sheetName).filterViews.push({ title, rect });
  }
  /** Snapshots of every sheet in tab order. */
  snapshotSpreadsheet(): string {
    return JSON.stringify(this.sheetNames().map((n) => JSON.parse(this.snapshotSheet(n))));
  }

  /** The event Sheets passes to onOpen / onInstall: authMode, source spreadsheet and user. */
  openEvent(authMode: unknown = 'FULL'): { authMode: string; source: GSpreadsheet; user: GoogleAppsScript.Base.User } {
    return { authMode: toAuthMode(authMode), source: this.spreadsheet, user: makeUser(this.rt, this.activeUser) };
  }

  // ---- forms ------------------------------------------------------------------------------------------

  /**
   * Makes an existing sheet the responses sheet of a new form whose text questions are the
   * sheet's header titles after «Отметка времени» (for tests that seed responses with addSheet).
   */
  linkForm(sheetName: string, title = 'Социальный паспорт школы'): GForm {
    const sheet = this.model(sheetName);
    const form = this.formApp._createForm(title);
    const headers: string[] = [];
    for (let c = 1; c < sheet.lastCol(); c++) headers.push(String(sheet.values.get(0, c) ?? ''));
    for (const h of headers) {
      const item = new ItemImpl(this.rt, form, this.rt.nextSeq() * 101 + 7, 'TEXT');
      item.title = h;
      form.items.push(item);
    }
    form.destination = { handle: this.registry.active, sheet };
    sheet.formUrl = form.linkUrl;
    this.registry.active.model.formUrl = form.linkUrl;
    return form.api;
  }
  /**
   * Simulates a respondent submitting the (last linked) form: appends the response row as Forms
   * does (not counted as the add-in's calls) and returns the event an onFormSubmit trigger gets.
   * Answers are keyed by question title (or given in question order); arrays are checkbox answers.
   */
  submitForm(answers: Record<string, unknown> | unknown[], options: { timestamp?: Date; form?: GForm } = {}): FormSubmitEvent {
    const form = options.form ? (this.rt.implOf(options.form) as FormImpl) : [...this.forms].reverse().find((f) => f.destination !== null);
    if (!form || !form.destination) throw new Error('twin: no form is linked to a spreadsheet');
    const timestamp = options.timestamp ?? new Date(this.clock.now());
    const { row, values, named } = form._submit(answers, timestamp);
    const { handle, sheet } = form.destination;
    const trigger = this.triggers.find((t) => t.eventType === 'ON_FORM_SUBMIT');
    return {
      authMode: 'FULL',
      triggerUid: trigger?.id ?? 'twin-trigger',
      range: handle.ctx.rangeApi(sheet, { row, col: 1, numRows: 1, numCols: values.length }),
      values,
      namedValues: named,
      source: handle.impl.api,
    };
  }
}

function snapshotValue(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (v && typeof v === 'object' && 'spec' in (v as object)) {
    const spec = (v as { spec: { criteria: unknown; values: unknown[]; allowInvalid: boolean; helpText: string } }).spec;
    return {
      validation: spec.criteria,
      values: spec.values.map((x) => (isDate(x) ? { $date: x.toISOString() } : typeof x === 'object' ? String(x) : x)),
      allowInvalid: spec.allowInvalid,
      helpText: spec.helpText,
    };
  }
  return v;
}

export function toAuthMode(mode: unknown): AuthModeName {
  const name = String(mode);
  if (!(AUTH_MODES as readonly string[]).includes(name)) throw new Error(`twin: unknown AuthMode ${name}`);
  return name as AuthModeName;
}
