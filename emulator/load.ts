import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { Twin, toAuthMode, type TwinOptions } from './twin';
import { hostRealm, isDate, REALM_SOURCE, type Realm } from './realm';
import type { ExecutionReport } from './runtime';

/** A fresh twin: one bound spreadsheet ('Лист1'), empty properties, no triggers. */
export function createTwin(options: TwinOptions = {}): Twin {
  return new Twin(options);
}

export interface LoadOptions {
  /** Folder with Code.js (and appsscript.json, *.html); default the twin's buildDir ('build'). */
  buildDir?: string;
  /** AuthMode of calls whose first argument carries no authMode; default FULL. */
  authMode?: unknown;
  /**
   * Evaluate Code.js afresh for every call, as Apps Script does for every execution (so module
   * state cannot leak between runs); default true.
   */
  freshContextPerCall?: boolean;
  /** Check calls against the oauthScopes of `${buildDir}/appsscript.json`; default true. */
  checkScopes?: boolean;
  /**
   * `Date.now()` and `new Date()` inside the add-in follow the twin's simulated clock (service calls, lock
   * waits and sleeps advance it), so code that budgets its own run time sees the platform's time, as it
   * would in Apps Script; default false (the host's real time).
   */
  dateFollowsClock?: boolean;
}

/** Replaces the context's Date with one whose "now" is `now()`; instances are still the context's Dates. */
const SIMULATED_DATE_SOURCE = `(function (now) {
  var RealDate = Date;
  function SimDate() {
    if (!(this instanceof SimDate)) return new RealDate(now()).toString();
    var args = Array.prototype.slice.call(arguments);
    return args.length ? new (Function.prototype.bind.apply(RealDate, [null].concat(args)))() : new RealDate(now());
  }
  SimDate.prototype = RealDate.prototype;
  SimDate.now = function () { return now(); };
  SimDate.UTC = RealDate.UTC;
  SimDate.parse = RealDate.parse;
  globalThis.Date = SimDate;
})`;

export interface LoadedAddon {
  /** The context Code.js was first evaluated in. */
  readonly context: vm.Context;
  /** Service calls made while evaluating Code.js at top level (should be 0). */
  readonly callsAtLoad: number;
  /** Names of the top-level functions Apps Script would see. */
  readonly functions: string[];
  /**
   * Runs a top-level function of Code.js as one execution. Its AuthMode comes from the first
   * argument's authMode (an event), else the load option; an event with a triggerUid (an
   * installable or time-driven trigger) runs without a user interface.
   */
  call(name: string, ...args: unknown[]): any;
  /**
   * Calls a function as google.script.run does from the sidebar: FULL mode, and the call fails if
   * an argument or the result holds a Date or a function (they cannot cross); the result comes
   * back as a JSON copy.
   */
  run(name: string, ...args: unknown[]): any;
  readonly lastExecution: ExecutionReport | null;
}

/** Loads build/Code.js into a vm context whose globals are the twin's services. */
export function loadAddon(twin: Twin, options: LoadOptions = {}): LoadedAddon {
  const buildDir = options.buildDir ?? twin.buildDir;
  twin.buildDir = buildDir;
  const file = path.resolve(buildDir, 'Code.js');
  const script = new vm.Script(readFileSync(file, 'utf8'), { filename: file });
  const manifestFile = path.resolve(buildDir, 'appsscript.json');
  if (options.checkScopes !== false && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { oauthScopes?: unknown };
    twin.setScopes(Array.isArray(manifest.oauthScopes) ? manifest.oauthScopes.map(String) : null);
  }
  const defaultMode = options.authMode === undefined ? 'FULL' : toAuthMode(options.authMode);
  const fresh = options.freshContextPerCall ?? true;

  const evaluate = (): vm.Context => {
    const context = vm.createContext({ ...twin.globals() });
    if (options.dateFollowsClock) (vm.runInContext(SIMULATED_DATE_SOURCE, context) as (now: () => number) => void)(() => twin.clock.now());
    twin.realm = vm.runInContext(REALM_SOURCE, context) as Realm;
    script.runInContext(context);
    return context;
  };

  const before = twin.totalCalls();
  const context = evaluate();
  const callsAtLoad = twin.totalCalls() - before;
  twin.realm = hostRealm;
  const functions = Object.keys(context).filter((k) => typeof context[k] === 'function' && !(k in twin.services));

  const call = (name: string, ...args: unknown[]): unknown => {
    const event = args[0] as { authMode?: unknown; triggerUid?: unknown } | undefined;
    const hasEvent = !!event && typeof event === 'object';
    const authMode = hasEvent && event.authMode !== undefined ? toAuthMode(event.authMode) : defaultMode;
    const hasUi = !(hasEvent && event.triggerUid !== undefined);
    // An overlapping execution (see Twin.overlap) starts inside another one: give the outer one its realm back.
    const outerRealm = twin.realm;
    return twin.rt.runExecution({ authMode, hasUi }, () => {
      try {
        const ctx = fresh ? evaluate() : context;
        if (!fresh) twin.realm = vm.runInContext(REALM_SOURCE, ctx) as Realm;
        const fn = ctx[name] as unknown;
        if (typeof fn !== 'function') throw new Error(`twin: ${name} is not a top-level function of ${file}`);
        return (fn as (...a: unknown[]) => unknown)(...args);
      } finally {
        twin.realm = outerRealm;
      }
    });
  };
  let inFlight = 0;

  return {
    context,
    callsAtLoad,
    functions,
    call,
    run(name: string, ...args: unknown[]): unknown {
      args.forEach((a, i) => assertTransferable(a, `argument ${i + 1} of ${name}`));
      // "The google.script.run API allows 10 concurrent calls to server functions. If you make an 11th call
      // while 10 are still running, the server function will be delayed" (guides/html/communication); the
      // twin cannot delay a call inside another, so it refuses the 11th overlapping one.
      if (inFlight >= 10) throw new Error(`twin: an 11th google.script.run call (${name}) while 10 are running would wait in Apps Script`);
      inFlight++;
      let result: unknown;
      try {
        result = call(name, ...args);
      } finally {
        inFlight--;
      }
      assertTransferable(result, `result of ${name}`);
      return result === undefined ? undefined : JSON.parse(JSON.stringify(result));
    },
    get lastExecution() {
      return twin.lastExecution;
    },
  };
}

/** Throws when a value could not cross google.script.run (Dates, functions, class instances). */
export function assertTransferable(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const t = typeof value;
  if (t === 'string' || t === 'number' || t === 'boolean') return;
  if (t === 'function') throw new Error(`twin: a function cannot cross google.script.run (${where})`);
  if (isDate(value)) throw new Error(`twin: a Date cannot cross google.script.run (${where}); send an ISO string`);
  if (Array.isArray(value)) {
    value.forEach((v, i) => assertTransferable(v, `${where}[${i}]`));
    return;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) {
    throw new Error(`twin: only plain objects can cross google.script.run (${where})`);
  }
  for (const [k, v] of Object.entries(value as object)) assertTransferable(v, `${where}.${k}`);
}
