// Values handed to the add-in must belong to the add-in's own realm: code inside the vm that
// writes `v instanceof Date` or `e instanceof Error` sees only its own constructors. The twin
// therefore creates Dates, Arrays and Errors through these factories, which loadAddon replaces
// with functions compiled inside the vm context.

export interface Realm {
  date(ms: number): Date;
  error(message: string): Error;
  array<T>(length: number): T[];
  copy<T>(items: readonly T[]): T[];
  object(): Record<string, unknown>;
  /** Compiles a function body inside the realm (used by HtmlTemplate.evaluate). */
  compile(params: string[], body: string): (...args: unknown[]) => unknown;
}

export const hostRealm: Realm = {
  date: (ms) => new Date(ms),
  error: (message) => new Error(message),
  array: <T>(length: number) => new Array<T>(length),
  copy: <T>(items: readonly T[]) => Array.prototype.slice.call(items) as T[],
  object: () => ({}),
  compile: (params, body) => new Function(...params, body) as (...args: unknown[]) => unknown,
};

/** Source evaluated inside a vm context to obtain that context's Realm. */
export const REALM_SOURCE = `(function () {
  return {
    date: function (ms) { return new Date(ms); },
    error: function (message) { return new Error(message); },
    array: function (length) { return new Array(length); },
    copy: function (items) { return Array.prototype.slice.call(items); },
    object: function () { return {}; },
    compile: function (params, body) { return Function.apply(null, params.concat([body])); }
  };
})()`;

/** True for a Date from any realm (never `instanceof Date` across realms). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
