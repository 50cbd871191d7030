import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Runtime } from './runtime';
import { makeEnum } from './enums';
import type { GHtmlOutput, GHtmlService, GHtmlTemplate } from './gas';

export const SandboxMode = makeEnum<typeof GoogleAppsScript.HTML.SandboxMode>(['EMULATED', 'IFRAME', 'NATIVE']);
export const XFrameOptionsMode = makeEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>(['ALLOWALL', 'DEFAULT']);

/** HtmlService.createHtmlOutput*: content plus the title and size a dialog or sidebar shows. */
export class HtmlOutputImpl implements Partial<GHtmlOutput> {
  title = '';
  width = 0;
  height = 0;
  readonly metaTags: Array<{ name: string; content: string }> = [];
  constructor(
    private readonly rt: Runtime,
    private content: string,
  ) {}
  get api(): GHtmlOutput {
    return this.rt.facade<GHtmlOutput>(this, 'HtmlOutput');
  }
  addMetaTag(name: string, content: string): GHtmlOutput {
    this.metaTags.push({ name: String(name), content: String(content) });
    return this.api;
  }
  append(addedContent: string): GHtmlOutput {
    this.content += String(addedContent);
    return this.api;
  }
  appendUntrusted(addedContent: string): GHtmlOutput {
    this.content += escapeHtml(String(addedContent));
    return this.api;
  }
  clear(): GHtmlOutput {
    this.content = '';
    return this.api;
  }
  getContent(): string {
    return this.content;
  }
  setContent(content: string): GHtmlOutput {
    this.content = String(content);
    return this.api;
  }
  getTitle(): string {
    return this.title;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this.api;
  }
  getWidth(): number {
    return this.width;
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this.api;
  }
  getHeight(): number {
    return this.height;
  }
  setHeight(height: number): GHtmlOutput {
    this.height = height;
    return this.api;
  }
  setSandboxMode(): GHtmlOutput {
    return this.api;
  }
  setXFrameOptionsMode(): GHtmlOutput {
    return this.api;
  }
  setFaviconUrl(): GHtmlOutput {
    return this.api;
  }
  asTemplate(): GHtmlTemplate {
    return new HtmlTemplateImpl(this.rt, this.content).api;
  }
  toString(): string {
    return 'HtmlOutput';
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Compiles `<?= expr ?>` (escaped), `<?!= expr ?>` (raw) and `<? code ?>` scriptlets into a function body. */
export function compileScriptlets(source: string): string {
  let body = 'var __out = [];\nwith (__data) {\n';
  const re = /<\?(!=|=)?([\s\S]*?)\?>/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source))) {
    if (m.index > last) body += `__out.push(${JSON.stringify(source.slice(last, m.index))});\n`;
    if (m[1] === '=') body += `__out.push(__escape(String(${m[2]})));\n`;
    else if (m[1] === '!=') body += `__out.push(String(${m[2]}));\n`;
    else body += m[2] + '\n';
    last = re.lastIndex;
  }
  if (last < source.length) body += `__out.push(${JSON.stringify(source.slice(last))});\n`;
  return body + '}\nreturn __out.join("");';
}

/** HtmlService templates: variables are assigned as properties, evaluate() runs the scriptlets. */
export class HtmlTemplateImpl implements Partial<GHtmlTemplate> {
  readonly vars: Record<string, unknown> = {};
  constructor(
    private readonly rt: Runtime,
    private readonly source: string,
  ) {}
  get api(): GHtmlTemplate {
    return this.rt.facade<GHtmlTemplate>(this, 'HtmlTemplate', { onSet: (name, value) => (this.vars[name] = value) });
  }
  evaluate(): GHtmlOutput {
    const fn = this.rt.realm.compile(['__data', '__escape'], compileScriptlets(this.source));
    const data = this.rt.realm.object();
    Object.assign(data, this.vars);
    return new HtmlOutputImpl(this.rt, String(fn(data, escapeHtml))).api;
  }
  getCode(): string {
    return compileScriptlets(this.source);
  }
  getRawContent(): string {
    return this.source;
  }
  toString(): string {
    return 'HtmlTemplate';
  }
}

/** HtmlService: pages come from `${buildDir}/${name}.html`, the files clasp pushes. */
export class HtmlServiceImpl implements Partial<GHtmlService> {
  readonly SandboxMode = SandboxMode;
  readonly XFrameOptionsMode = XFrameOptionsMode;
  constructor(
    private readonly rt: Runtime,
    private readonly buildDir: () => string,
  ) {}
  private _read(filename: string): string {
    const name = String(filename).replace(/\.html$/, '');
    const file = path.join(this.buildDir(), `${name}.html`);
    if (!existsSync(file)) throw this.rt.error(`No HTML file named ${name} was found.`);
    return readFileSync(file, 'utf8');
  }
  createHtmlOutput(html?: unknown): GHtmlOutput {
    return new HtmlOutputImpl(this.rt, html === undefined ? '' : String(html)).api;
  }
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    return new HtmlOutputImpl(this.rt, this._read(filename)).api;
  }
  createTemplate(html: unknown): GHtmlTemplate {
    return new HtmlTemplateImpl(this.rt, String(html)).api;
  }
  createTemplateFromFile(filename: string): GHtmlTemplate {
    return new HtmlTemplateImpl(this.rt, this._read(filename)).api;
  }
  getUserAgent(): string {
    return 'Mozilla/5.0 (twin)';
  }
  toString(): string {
    return 'HtmlService';
  }
}
