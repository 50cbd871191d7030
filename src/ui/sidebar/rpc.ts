/**
 * A typed Promise wrapper around google.script.run. The endpoint names and their argument and
 * result types come from the fixed contract, so a renamed endpoint or field fails to compile.
 * Only plain JSON crosses: the contract has no Date (times travel as ISO strings).
 */
import type { Endpoints } from '../contract';
import { MSG } from './messages';

type Handler = (value: unknown) => void;

/** The client-side shape of google.script.run (not in @types/google-apps-script). */
interface ScriptRunner {
  withSuccessHandler(handler: Handler): ScriptRunner;
  withFailureHandler(handler: Handler): ScriptRunner;
  [endpoint: string]: unknown;
}

function scriptRunner(): ScriptRunner | null {
  const g = (globalThis as { google?: { script?: { run?: ScriptRunner } } }).google;
  return g?.script?.run ?? null;
}

/**
 * Apps Script passes an Error, but a string or a bare object has been seen too, and the message may
 * carry the server's «Error: » / «Exception: » prefix; always give an Error with the bare message.
 */
export function toError(reason: unknown): Error {
  const raw = typeof reason === 'string' ? reason : (reason as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw.replace(/^(?:Uncaught\s+)?(?:Error|Exception|UserError):\s*/, '').trim() : '';
  return new Error(message || MSG.unknownError);
}

/** The text to show for a failure: an Error's message (call() always rejects with one), else the value as text. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Calls a server endpoint; resolves with its result, rejects with an Error carrying the server's (Russian) message. */
export function call<K extends keyof Endpoints>(name: K, ...args: Parameters<Endpoints[K]>): Promise<ReturnType<Endpoints[K]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(new Error(MSG.noGoogle));
      return;
    }
    const runner = run
      .withSuccessHandler((value) => resolve(value as ReturnType<Endpoints[K]>))
      .withFailureHandler((reason) => reject(toError(reason)));
    const endpoint = runner[name];
    if (typeof endpoint !== 'function') {
      reject(new Error(MSG.unknownError));
      return;
    }
    (endpoint as (...a: unknown[]) => void).apply(runner, args);
  });
}
