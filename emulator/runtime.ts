import { CallCounter } from './counter';
import { SimClock, type CostModel } from './clock';
import { hostRealm, type Realm } from './realm';
import type { AuthModeName } from './enums';
import { CostMeter } from './costModel';

/** Apps Script's limit on one execution (simple and installable triggers, menu functions). */
export const MAX_EXECUTION_MS = 6 * 60 * 1000;

/** One run of the add-in: a menu click, a trigger, a sidebar call. */
export interface Execution {
  id: string;
  authMode: AuthModeName;
  /** Whether a user interface is attached (false for installable and time-driven triggers). */
  hasUi: boolean;
  startElapsedMs: number;
  startCalls: number;
  startWrites: number;
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
  'then', 'toJSON', 'asymmetricMatch', 'nodeType', 'nodeName', 'tagName', 'constructor', 'toString',
  'valueOf', 'toLocaleString', 'inspect', 'length', 'size', 'hasOwnProperty', 'isPrototypeOf',
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
  execution: Execution;
  lastExecution: ExecutionReport | null = null;
  readonly executionEndHooks: Array<(executionId: string) => void> = [];
  private readonly impls = new WeakMap<object, object>();
  private seq = 0;
  private executionSeq = 0;

  constructor(options: { startMs: number; costs?: Partial<CostModel>; enforceTimeLimit?: boolean }) {
    this.clock = new SimClock(options.startMs, options.costs);
    this.enforceTimeLimit = options.enforceTimeLimit ?? false;
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
   * Ends the current execution: releases its locks, records what it cost as lastExecution, and
   * continues in a fresh idle execution (FULL, with a UI) for whatever the test does next.
   */
  endExecution(): ExecutionReport {
    const e = this.execution;
    const report = this.reportOf(e);
    for (const hook of this.executionEndHooks) hook(e.id);
    this.meter.endExecution();
    this.lastExecution = report;
    this.execution = this.makeExecution(`execution-${++this.executionSeq}`, 'FULL', true);
    return report;
  }

  /**
   * Runs fn as a new execution of its own (an add-in call), then reports it as lastExecution,
   * releases its locks and returns to the execution that was current before (the test's).
   */
  runExecution<T>(options: { authMode: AuthModeName; hasUi: boolean }, fn: () => T): T {
    const saved = this.execution;
    this.meter.endExecution();
    this.execution = this.makeExecution(`execution-${++this.executionSeq}`, options.authMode, options.hasUi);
    try {
      return fn();
    } finally {
      const e = this.execution;
      this.lastExecution = this.reportOf(e);
      this.meter.endExecution();
      for (const hook of this.executionEndHooks) hook(e.id);
      this.execution = saved;
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
    this.counter.count(method);
    this.meter.call(method);
    this.clock.chargeCall();
    if (this.enforceTimeLimit && this.clock.elapsedMs() - this.execution.startElapsedMs > MAX_EXECUTION_MS) {
      throw this.error('Exceeded maximum execution time');
    }
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
      throw this.error(outcome.failMessage ?? `Service Spreadsheets failed while accessing document with id ${documentId}.`);
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
