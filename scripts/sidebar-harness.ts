/**
 * Local harness for the sidebar: serves build/Sidebar.html outside Google with a stand-in for
 * google.script.run that forwards every call to the built add-in (build/Code.js) running against
 * the in-memory twin of Apps Script, seeded with the bundled sample region.
 *
 *   npm run sidebar -- --port 8123      (builds first, then prints the URL)
 *
 * Options: --port N (default 8123; 0 = any free port), --empty (no sample data).
 *
 * Routes (127.0.0.1 only):
 *   GET  /                       the sidebar page, with the stand-in injected before the page's script
 *   POST /rpc {name, args}       addon.call(name, ...args) → JSON result, or {error} with HTTP 500
 *   GET  /__twin/sheets          JSON list of the twin's sheet names (for tests)
 *   POST /__twin/fail-at-write {k}  twin.failAtWrite(k): the k-th write from now fails (for tests)
 *   POST /__twin/overlap-next-step {method, nth}  the next sidebarRunStep waits (up to 10 s) for the next /rpc
 *                                call and runs it as an overlapping execution at its nth call of `method`
 *                                (google.script.run calls run in parallel in Apps Script; for tests); with
 *                                `later: true` the call may start in a later step, when that one reaches `method`
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createTwin, loadAddon, type LoadedAddon, type LoadOptions, type Twin, type TwinOptions } from '../emulator';
import { seedSample, type SeedSampleOptions } from './lib/seed';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD_DIR = path.join(ROOT, 'build');
export const SIDEBAR_HTML = path.join(BUILD_DIR, 'Sidebar.html');
const HOST = '127.0.0.1';
const MAX_BODY = 5 * 1024 * 1024;

/**
 * The stand-in for google.script.run: same chaining (withSuccessHandler / withFailureHandler /
 * withUserObject return a new runner), handlers called asynchronously, the failure handler gets an
 * Error carrying the server's message. Kept as plain ES5 so it runs before the page's bundle.
 */
export const STAND_IN_SCRIPT = `<script>
(function () {
  function runner(onSuccess, onFailure, userObject) {
    return new Proxy({}, {
      get: function (_target, name) {
        if (name === 'withSuccessHandler') return function (f) { return runner(f, onFailure, userObject); };
        if (name === 'withFailureHandler') return function (f) { return runner(onSuccess, f, userObject); };
        if (name === 'withUserObject') return function (o) { return runner(onSuccess, onFailure, o); };
        if (typeof name !== 'string' || name === 'then') return undefined;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          fetch('/rpc', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name, args: args }) })
            .then(function (res) { return res.json().then(function (body) { return { ok: res.ok, body: body }; }); })
            .then(function (r) {
              if (r.ok) { if (onSuccess) onSuccess(r.body, userObject); }
              else if (onFailure) onFailure(new Error((r.body && r.body.error) || 'Ошибка сервера'), userObject);
            }, function (e) { if (onFailure) onFailure(new Error(String((e && e.message) || e)), userObject); });
        };
      }
    });
  }
  window.google = { script: {
    run: runner(null, null, undefined),
    host: { close: function () {}, setHeight: function () {}, setWidth: function () {}, editor: { focus: function () {} } }
  } };
})();
</script>
`;

/** Puts the stand-in before the page's own scripts (at the top of <head>). */
export function injectStandIn(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (!head) return STAND_IN_SCRIPT + html;
  const at = head.index + head[0].length;
  return html.slice(0, at) + '\n' + STAND_IN_SCRIPT + html.slice(at);
}

/** What the server needs from the add-in and the twin; startHarness supplies the real ones. */
export interface HarnessBackend {
  call(name: string, args: unknown[]): unknown;
  sheetNames(): string[];
  failAtWrite(k: number): void;
  /** Schedules `run` as an execution overlapping the next one, at its nth call of `method`. */
  overlap?(when: { method: string; nth?: number; later?: boolean }, run: () => void): void;
}

/** An armed overlap: the step waiting for its partner call, and the partner once it arrives. */
interface OverlapState {
  /** `later`: the partner may start in a later step (it waits for its method), not only in the held one. */
  when: { method: string; nth?: number; later?: boolean } | null;
  partnerArrived: ((partner: { name: string; args: unknown[]; respond: (status: number, body: unknown) => void }) => void) | null;
}

/** google.script.run cannot carry a Date (the call fails in Apps Script); the harness is as strict, so such a bug shows here. */
function findDate(value: unknown, at = 'result', seen = new Set<unknown>()): string | null {
  if (value === null || typeof value !== 'object' || seen.has(value)) return null;
  seen.add(value);
  if (Object.prototype.toString.call(value) === '[object Date]') return at;
  for (const [key, inner] of Object.entries(value)) {
    const found = findDate(inner, `${at}.${key}`, seen);
    if (found) return found;
  }
  return null;
}

function errorMessage(e: unknown): string {
  // Errors from the add-in come from another vm realm, so `instanceof Error` is not reliable.
  const message = (e as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(e);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('Слишком большой запрос.'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body === undefined ? null : body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

/** Runs one rpc call: [status, body] as the stand-in expects. */
function runRpc(backend: HarnessBackend, name: string, args: unknown[]): [number, unknown] {
  try {
    const result = backend.call(name, args);
    const date = findDate(result);
    if (date) return [500, { error: `${name}: в ответе объект Date (${date}); google.script.run его не передаёт, нужна ISO-строка.` }];
    return [200, result];
  } catch (e) {
    return [500, { error: errorMessage(e) }];
  }
}

async function handle(
  req: IncomingMessage,
  res: ServerResponse,
  backend: HarnessBackend,
  htmlPath: string,
  overlap: OverlapState,
): Promise<void> {
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  if (req.method === 'GET' && (url.pathname === '/' || url.pathname === '/index.html')) {
    // Read on every request, so a rebuild shows after a reload without restarting the harness.
    const html = await readFile(htmlPath, 'utf8');
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(injectStandIn(html));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/rpc') {
    let name: string;
    let args: unknown[];
    try {
      const body = JSON.parse(await readBody(req)) as { name?: unknown; args?: unknown };
      name = typeof body.name === 'string' ? body.name : '';
      args = Array.isArray(body.args) ? body.args : [];
    } catch {
      sendJson(res, 400, { error: 'Неверный запрос к /rpc.' });
      return;
    }
    // Apps Script refuses private names (trailing underscore) from google.script.run.
    if (!name || name.endsWith('_')) {
      sendJson(res, 500, { error: `Функция «${name}» недоступна из боковой панели.` });
      return;
    }
    if (overlap.partnerArrived) {
      // A step is waiting for this call: it runs inside the step, and answers when it has run.
      const arrived = overlap.partnerArrived;
      overlap.partnerArrived = null;
      arrived({ name, args, respond: (status, body) => sendJson(res, status, body) });
      return;
    }
    if (overlap.when && name === 'sidebarRunStep' && backend.overlap) {
      const when = overlap.when;
      overlap.when = null;
      const partner = await new Promise<Parameters<NonNullable<OverlapState['partnerArrived']>>[0] | null>((resolve) => {
        const timer = setTimeout(() => {
          overlap.partnerArrived = null;
          resolve(null);
        }, 10_000);
        overlap.partnerArrived = (p) => {
          clearTimeout(timer);
          resolve(p);
        };
      });
      let answered = false;
      if (partner) {
        backend.overlap(when, () => {
          const [status, body] = runRpc(backend, partner.name, partner.args);
          partner.respond(status, body);
          answered = true;
        });
      }
      const [status, body] = runRpc(backend, name, args);
      if (partner && !answered && !when.later) partner.respond(...runRpc(backend, partner.name, partner.args));
      sendJson(res, status, body);
      return;
    }
    const [status, body] = runRpc(backend, name, args);
    sendJson(res, status, body);
    return;
  }
  if (req.method === 'GET' && url.pathname === '/__twin/sheets') {
    sendJson(res, 200, backend.sheetNames());
    return;
  }
  if (req.method === 'POST' && url.pathname === '/__twin/fail-at-write') {
    const body = JSON.parse((await readBody(req)) || '{}') as { k?: unknown };
    const k = Number(body.k);
    if (!Number.isInteger(k) || k < 1) {
      sendJson(res, 400, { error: 'k: нужно целое число ≥ 1.' });
      return;
    }
    backend.failAtWrite(k);
    sendJson(res, 200, { ok: true });
    return;
  }
  if (req.method === 'POST' && url.pathname === '/__twin/overlap-next-step') {
    const body = JSON.parse((await readBody(req)) || '{}') as { method?: unknown; nth?: unknown; later?: unknown };
    if (typeof body.method !== 'string') {
      sendJson(res, 400, { error: 'method: нужно имя метода, например «Spreadsheet.insertSheet».' });
      return;
    }
    overlap.when = { method: body.method, nth: Number(body.nth ?? 1), later: body.later === true };
    sendJson(res, 200, { ok: true });
    return;
  }
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Не найдено');
}

/** Serves the sidebar page at `htmlPath` for `backend` on 127.0.0.1:port (0 = an ephemeral port). */
export async function serveSidebar(
  port: number,
  backend: HarnessBackend,
  htmlPath: string = SIDEBAR_HTML,
): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const overlap: OverlapState = { when: null, partnerArrived: null };
  const server = createServer((req, res) => {
    handle(req, res, backend, htmlPath, overlap).catch((e: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: errorMessage(e) });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}/`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface HarnessOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Seed the twin with the sample region (true, the default), with these options, or not at all (false). */
  seed?: boolean | SeedSampleOptions;
  /** The `console` the add-in logs to (default Node's); tests pass a recorder to keep expected errors out of the output. */
  console?: Console;
  /** Extra twin options (e.g. slow calls) and load options (e.g. dateFollowsClock), for tests. */
  twin?: Omit<TwinOptions, 'buildDir' | 'console'>;
  load?: Omit<LoadOptions, 'buildDir'>;
}

export interface Harness {
  url: string;
  twin: Twin;
  addon: LoadedAddon;
  close(): Promise<void>;
}

/** Creates the twin, seeds it, loads build/Code.js into it and serves the sidebar (build first: `npm run build`). */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const twin = createTwin({ ...options.twin, buildDir: BUILD_DIR, console: options.console });
  if (options.seed !== false) seedSample(twin, options.seed === true || options.seed === undefined ? {} : options.seed);
  const addon = loadAddon(twin, { ...options.load, buildDir: BUILD_DIR });
  const backend: HarnessBackend = {
    // run() is google.script.run's semantics: FULL auth, no Date or function may cross, a JSON copy comes back.
    call: (name, args) => addon.run(name, ...args),
    sheetNames: () => twin.spreadsheet.getSheets().map((s) => s.getName()),
    failAtWrite: (k) => twin.failAtWrite(k),
    overlap: (when, run) => twin.overlap(when, run),
  };
  const served = await serveSidebar(options.port ?? 0, backend);
  return { url: served.url, twin, addon, close: served.close };
}

function portFromArgs(argv: readonly string[]): number {
  const at = argv.indexOf('--port');
  const raw = at >= 0 ? argv[at + 1] : argv.find((a) => a.startsWith('--port='))?.slice('--port='.length);
  if (raw === undefined) return 8123;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: нужен номер порта от 0 до 65535, получено «${raw}».`);
  return port;
}

async function main(): Promise<void> {
  const harness = await startHarness({ port: portFromArgs(process.argv.slice(2)), seed: !process.argv.includes('--empty') });
  console.log(`Боковая панель ШНОР-монитора: ${harness.url}`);
  console.log('Данные: пример региона из samples/ в памяти (изменения не сохраняются). Остановить: Ctrl+C.');
  const stop = () => {
    void harness.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(errorMessage(e));
    process.exit(1);
  });
}
