import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Runtime } from './runtime';
import type { GHtmlOutput, GHtmlService, GHtmlTemplate } from './gas';

/** HtmlService.createHtmlOutputFromFile / HtmlTemplate.evaluate: content plus the title and width a sidebar shows. */
export class HtmlOutputImpl implements Partial<GHtmlOutput> {
  title = '';
  width = 0;
  constructor(
    private readonly rt: Runtime,
    private readonly content: string,
  ) {}
  get api(): GHtmlOutput {
    return this.rt.facade<GHtmlOutput>(this, 'HtmlOutput');
  }
  getContent(): string {
    return this.content;
  }
  setTitle(title: string): GHtmlOutput {
    this.title = String(title);
    return this.api;
  }
  setWidth(width: number): GHtmlOutput {
    this.width = width;
    return this.api;
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
  toString(): string {
    return 'HtmlTemplate';
  }
}

/** HtmlService: pages come from `${buildDir}/${name}.html`, the files clasp pushes. */
export class HtmlServiceImpl implements Partial<GHtmlService> {
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
  createHtmlOutputFromFile(filename: string): GHtmlOutput {
    return new HtmlOutputImpl(this.rt, this._read(filename)).api;
  }
  createTemplate(html: unknown): GHtmlTemplate {
    return new HtmlTemplateImpl(this.rt, String(html)).api;
  }
  toString(): string {
    return 'HtmlService';
  }
}
