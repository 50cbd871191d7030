import { CallCounter } from './counter';
import { SimClock, type CostModel } from './clock';
import { hostRealm, type Realm } from './realm';
import type { AuthModeName } from './enums';
import { CostMeter } from './costModel';

/** Apps Script's limit on one execution (simple and installable triggers, menu functions). */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

/** The language of the platform's own error messages (Apps Script localises them to the user's language). */
export type UserLanguage = 'en' | 'ru';

/**
 * The platform messages the add-in must recognise, in both languages. Apps Script words its errors in the
 * user's language: the time-limit text is «Exceeded maximum execution time» in English and «Превышено
 * максимально допустимое время выполнения» for a Russian user (quotas and limits:
 * https://developers.google.com/apps-script/guides/services/quotas#current_limitations — "Script runtime 6 min /
 * execution"). The Russian cell-limit and service-failure texts are the twin's renderings of the English ones
 * (no Russian original was found in public sources), so the add-in must match them by their stable parts.
 */
export const PLATFORM_MESSAGES = {
  timeLimit: { en: () => 'Exceeded maximum execution time', ru: () => 'Превышено максимально допустимое время выполнения' },
  cellLimit: {
    en: (limit: number) => `This action would increase the number of cells in the workbook above the limit of ${limit} cells.`,
    ru: (limit: number) => `Это действие приведет к превышению максимально допустимого количества ячеек в книге (${limit}).`,
  },
  serviceFailed: {
    en: (id: string) => `Service Spreadsheets failed while accessing document with id ${id}.`,
    ru: (id: string) => `Сбой службы «Таблицы» при доступе к документу с идентификатором ${id}.`,
  },
  lockTimeout: {
    en: () => 'Lock timeout: another process was holding the lock for too long.',
    ru: () => 'Время ожидания блокировки истекло: другой процесс слишком долго удерживал блокировку.',
  },
} as const;

/** One run of the add-in: a menu click, a trigger, a sidebar call. */
export interface Execution {
  id: string;
  authMode: AuthModeName;
  /** Whether a user interface is attached (false for installable and time-driven triggers). */
  hasUi: boolean;
  startElapsedMs: number;
  startCalls: number;
  startWrites: number;
  /** Set when the platform killed the execution (the 6-minute limit): every later call fails with this error. */
  killed?: Error;
  startRoundTrips: number;
  startEstimatedMs: number;
}

/** What one finished execution cost. */
export interface ExecutionReport {
  id: string;
  authMode: AuthModeName;
  elapsedMs: number;
  calls: number;
  writes: number;
  /** Flushing reads: server round trips that commit queued writes (costModel.ts). */
  roundTrips: number;
  /** What the execution would take on the real platform under the published costs (costModel.ts). */
  estimatedMs: number;
  /** True when the platform killed it at the time limit. */
  killed?: boolean;
}

/** An execution to start while another one runs (google.script.run calls and triggers overlap). */
interface Overlap {
  /** Start when the running executions' call count reaches this total ... */
  atTotal?: number;
  /** ... or at the nth call of this method (e.g. 'Spreadsheet.insertSheet'). */
  method?: string;
  nth?: number;
  run: () => void;
}

export interface FacadeOptions {
  /** Runs before every method (e.g. "this sheet was deleted"). */
  guard?: () => void;
  /** Handles property assignment on the facade (HtmlTemplate variables). */
  onSet?: (name: string, value: unknown) => void;
}

// Names that inspectors, test matchers and `await` probe on any object; they must read as
// undefined instead of turning into "not implemented" methods.
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'asymmetricMatch',
  'nodeType',
  'nodeName',
  'tagName',
  'constructor',
  'toString',
  'valueOf',
  'toLocaleString',
  'inspect',
  'length',
  'size',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

/**
 * The state every twin service shares: call counting, simulated clock, fault injection, the
 * current execution and its authorization mode, the realm values are created in, and the
 * facades (Proxies) that give each implementation object its Apps Script face.
 */
export class Runtime {
  readonly counter = new CallCounter();
  /** The real platform's cost of the same calls: round trips told from queued calls (costModel.ts). */
  readonly meter = new CostMeter();
  readonly clock: SimClock;
  realm: Realm = hostRealm;
  /** OAuth scopes of the loaded manifest; null = not restricted (no manifest loaded). */
  scopes: string[] | null = null;
  enforceTimeLimit: boolean;
  /** The language platform errors are worded in. */
  userLanguage: UserLanguage = 'en';
  /**
   * False for an execution outside a containing document (a standalone script, a web app):
   * LockService.getDocumentLock() then returns null.
   */
  containingDocument = true;
  execution: Execution;
  private readonly overlaps: Overlap[] = [];
  private startingOverlap = false;
  lastExecution: ExecutionReport | null = null;
  readonly executionEndHooks: Array<(executionId: string) => void> = [];
  private readonly impls = new WeakMap<object, object>();
  private seq = 0;
  private executionSeq = 0;

  constructor(options: { startMs: number; costs?: Partial<CostModel>; enforceTimeLimit?: boolean; userLanguage?: UserLanguage }) {
    this.clock = new SimClock(options.startMs, options.costs);
    this.enforceTimeLimit = options.enforceTimeLimit ?? false;
    this.userLanguage = options.userLanguage ?? 'en';
    this.execution = this.makeExecution('execution-1', 'FULL', true);
    this.executionSeq = 1;
  }

  nextSeq(): number {
    return ++this.seq;
  }

  // ---- executions -------------------------------------------------------------------------

  private makeExecution(id: string, authMode: AuthModeName, hasUi: boolean): Execution {
    return {
      id,
      authMode,
      hasUi,
      startElapsedMs: this.clock.elapsedMs(),
      startCalls: this.counter.total,
      startWrites: this.counter.writeCount,
      startRoundTrips: this.meter.roundTrips,
      startEstimatedMs: this.meter.estimatedMs,
    };
  }

  private reportOf(e: Execution): ExecutionReport {
    return {
      id: e.id,
      authMode: e.authMode,
      elapsedMs: this.clock.elapsedMs() - e.startElapsedMs,
      calls: Math.max(0, this.counter.total - e.startCalls),
      writes: Math.max(0, this.counter.writeCount - e.startWrites),
      roundTrips: Math.max(0, this.meter.roundTrips - e.startRoundTrips),
      estimatedMs: Math.max(0, this.meter.estimatedMs - e.startEstimatedMs),
      killed: e.killed !== undefined,
    };
  }

  /** Starts a new execution; the current one ends first (its locks are released, as in Apps Script). */
  beginExecution(options: { authMode?: AuthModeName; hasUi?: boolean; id?: string } = {}): Execution {
    for (const hook of this.executionEndHooks) hook(this.execution.id);
    this.meter.endExecution();
    const id = options.id ?? `execution-${++this.executionSeq}`;
    this.execution = this.makeExecution(id, options.authMode ?? 'FULL', options.hasUi ?? true);
    return this.execution;
  }

  /**
   * Runs fn as a new execution of its own (an add-in call), then reports it as lastExecution,
   * releases its locks and returns to the execution that was current before (the test's).
   */
  runExecution<T>(options: { authMode: AuthModeName; hasUi: boolean }, fn: () => T): T {
    const saved = this.execution;
    this.meter.endExecution();
    this.execution = this.makeExecution(`execution-${++this.executionSeq}`, options.authMode, options.hasUi);
    let result: T | undefined;
    let failure: unknown;
    let failed = false;
    try {
      result = fn();
    } catch (error) {
      failed = true;
      failure = error;
    }
    const e = this.execution;
    this.lastExecution = this.reportOf(e);
    this.meter.endExecution();
    for (const hook of this.executionEndHooks) hook(e.id);
    this.execution = saved;
    // A killed execution ends with the platform's error whatever the add-in's catch blocks did: Apps Script
    // stops the script at the limit, it does not hand the add-in an exception to recover from.
    if (e.killed) throw e.killed;
    if (failed) throw failure;
    return result as T;
  }

  /**
   * Starts `run` (another execution, e.g. a google.script.run call or a trigger) while the current one is
   * running: at the current execution's `calls`-th service call from now, or at the nth call of `method`.
   * This is how the twin models overlapping executions, which Apps Script runs in parallel
   * (https://developers.google.com/apps-script/guides/html/communication: "The google.script.run API allows
   * 10 concurrent calls to server functions").
   */
  overlap(when: { calls?: number; method?: string; nth?: number }, run: () => void): void {
    this.overlaps.push({
      atTotal: when.calls === undefined ? undefined : this.counter.total + when.calls,
      method: when.method,
      nth: when.nth ?? 1,
      run,
    });
  }

  /** Overlaps not started yet. */
  get pendingOverlaps(): number {
    return this.overlaps.length;
  }

  private startOverlaps(method: string): void {
    if (this.startingOverlap || !this.overlaps.length) return;
    for (let i = 0; i < this.overlaps.length; i++) {
      const o = this.overlaps[i];
      let due = false;
      if (o.method !== undefined) {
        if (o.method === method && --o.nth! <= 0) due = true;
      } else if (o.atTotal !== undefined && this.counter.total >= o.atTotal) due = true;
      if (!due) continue;
      this.overlaps.splice(i, 1);
      this.startingOverlap = true;
      try {
        o.run();
      } finally {
        this.startingOverlap = false;
      }
      return;
    }
  }

  /** Runs fn as if inside another execution (same clock and counters), then switches back. */
  runAs<T>(executionId: string, fn: () => T, authMode?: AuthModeName): T {
    const saved = this.execution;
    this.execution = { ...saved, id: executionId, authMode: authMode ?? saved.authMode };
    try {
      return fn();
    } finally {
      this.execution = saved;
    }
  }

  // ---- counting, cost, faults ---------------------------------------------------------------

  /** Every service call: counted, charged, and checked against the execution time limit. */
  enter(method: string): void {
    if (this.execution.killed) throw this.execution.killed;
    this.counter.count(method);
    this.meter.call(method);
    this.clock.chargeCall();
    // The 6-minute limit per execution: https://developers.google.com/apps-script/guides/services/quotas#current_limitations
    if (this.enforceTimeLimit && this.clock.elapsedMs() - this.execution.startElapsedMs > MAX_EXECUTION_MS) {
      this.execution.killed = this.platformError('timeLimit');
      throw this.execution.killed;
    }
    this.startOverlaps(method);
  }

  /** A platform error in the user's language (see PLATFORM_MESSAGES). */
  platformError<K extends keyof typeof PLATFORM_MESSAGES>(kind: K, ...args: Parameters<(typeof PLATFORM_MESSAGES)[K]['en']>): Error {
    const make = PLATFORM_MESSAGES[kind][this.userLanguage] as (...a: unknown[]) => string;
    return this.error(make(...args));
  }

  /**
   * A call that changes a spreadsheet. Throws (without the caller applying anything) when it is
   * the write chosen by failAtWrite, or when the execution may not write (custom functions).
   */
  write(method: string, cells: number, documentId: string): void {
    if (this.execution.authMode === 'CUSTOM_FUNCTION') {
      throw this.error(`You do not have permission to call ${method}`);
    }
    const outcome = this.counter.recordWrite(cells);
    if (outcome.fail) {
      throw outcome.failMessage ? this.error(outcome.failMessage) : this.platformError('serviceFailed', documentId);
    }
    this.clock.chargeCells(cells);
    this.meter.written(cells);
  }

  read(cells: number): void {
    this.clock.chargeCells(cells);
    this.meter.read(cells);
  }

  error(message: string): Error {
    return this.realm.error(message);
  }

  // ---- authorization --------------------------------------------------------------------------

  /** Throws as Apps Script does when the execution's AuthMode does not allow the call. */
  requireMode(method: string, allowed: readonly AuthModeName[], scope?: string): void {
    if (!allowed.includes(this.execution.authMode)) {
      throw this.error(`You do not have permission to call ${method}.` + (scope ? ` Required permissions: ${scope}` : ''));
    }
  }

  /** Throws when a loaded manifest lists oauthScopes and none of the needed ones is among them. */
  requireScope(method: string, anyOf: readonly string[]): void {
    if (!this.scopes || anyOf.some((s) => this.scopes!.includes(s))) return;
    const needed = anyOf.length > 1 ? `(${anyOf.join(' || ')})` : anyOf[0];
    throw this.error(`Specified permissions are not sufficient to call ${method}. Required permissions: ${needed}`);
  }

  requireUi(): void {
    if (!this.execution.hasUi) throw this.error('Cannot call SpreadsheetApp.getUi() from this context.');
  }

  // ---- facades --------------------------------------------------------------------------------

  /**
   * Wraps an implementation object so that every public method call is counted under
   * `${className}.${method}`, a method returning the implementation itself returns the facade
   * (chaining), a lower-case name that is not implemented becomes a method throwing
   * "twin: X not implemented", and `_private` members stay invisible to the add-in.
   */
  facade<T>(impl: object, className: string, options: FacadeOptions = {}): T {
    // The Proxy's traps run with the handler as `this`: the runtime is reached through this alias.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const rt = this;
    const wrappers = new Map<string, (...args: unknown[]) => unknown>();
    const proxy: object = new Proxy(impl, {
      get(target, prop) {
        if (typeof prop === 'symbol' || PASS_THROUGH.has(prop)) return Reflect.get(target, prop);
        if (prop.charCodeAt(0) === 95 /* _ */) return undefined;
        const cached = wrappers.get(prop);
        if (cached) return cached;
        const value: unknown = Reflect.get(target, prop);
        if (!/^[a-z]/.test(prop)) return value;
        const method = `${className}.${prop}`;
        let wrapper: (...args: unknown[]) => unknown;
        if (typeof value === 'function') {
          wrapper = function (...args: unknown[]) {
            rt.enter(method);
            options.guard?.();
            const result = (value as (...a: unknown[]) => unknown).apply(target, args);
            return result === target ? proxy : result;
          };
        } else {
          wrapper = function () {
            rt.enter(method);
            throw rt.error(`twin: ${method} not implemented`);
          };
        }
        wrappers.set(prop, wrapper);
        return wrapper;
      },
      set(target, prop, value) {
        if (options.onSet && typeof prop === 'string') {
          options.onSet(prop, value);
          return true;
        }
        return Reflect.set(target, prop, value);
      },
    });
    this.impls.set(proxy, impl);
    return proxy as T;
  }

  /** The implementation behind a facade (or undefined for anything else). */
  implOf(value: unknown): object | undefined {
    return typeof value === 'object' && value !== null ? this.impls.get(value) : undefined;
  }

  /** The implementation behind a facade of the given class, or the Apps Script signature error. */
  unwrap<I>(value: unknown, cls: abstract new (...args: never[]) => I, method: string): I {
    const impl = this.implOf(value);
    if (impl instanceof cls) return impl as I;
    throw this.signatureError(method, [value]);
  }

  /** "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues." */
  signatureError(method: string, args: readonly unknown[]): Error {
    return this.error(`The parameters (${args.map(describeType).join(',')}) don't match the method signature for ${method}.`);
  }
}

/** How Apps Script names an argument's type in signature errors. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) {
    const inner = value.length ? describeType(value[0]) : 'Object';
    return `${inner}[]`;
  }
  if (Object.prototype.toString.call(value) === '[object Date]') return 'Date';
  const t = typeof value;
  if (t === 'string') return 'String';
  if (t === 'number') return 'number';
  if (t === 'boolean') return 'Boolean';
  if (t === 'function') return 'Function';
  return 'Object';
}
