import type { GLogger } from './gas';

/** Logger.log with '%s' substitution; lines are kept for tests instead of printed. */
export class LoggerImpl implements Partial<GLogger> {
  readonly lines: string[] = [];
  log(format: any, ...values: any[]): GLogger {
    let text = typeof format === 'string' ? format : stringify(format);
    if (values.length) {
      let i = 0;
      text = text.replace(/%[sdif]/g, (m) => (i < values.length ? stringify(values[i++]) : m));
      if (i < values.length) text += ' ' + values.slice(i).map(stringify).join(' ');
    }
    this.lines.push(text);
    return this as unknown as GLogger;
  }
  toString(): string {
    return 'Logger';
  }
}

function stringify(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) || (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)) {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}
