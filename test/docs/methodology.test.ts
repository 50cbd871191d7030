import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The repository carries its own contract: docs/методика.md has every section code comments cite,
// in the numbering of the methodology (§1.1 … §11), and nothing points outside the repository.

const METHODOLOGY = readFileSync('docs/методика.md', 'utf8');

/** Section numbers of the headings «## §2. …», «### §1.1. …». */
function headingSections(text: string): string[] {
  return [...text.matchAll(/^#{2,3} §(\d+(?:\.\d+)?)\./gm)].map((m) => m[1]);
}

function filesUnder(dir: string, ext: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, ext));
    else if (ext.test(name)) out.push(full);
  }
  return out;
}

const SOURCES = ['src', 'test', 'scripts', 'emulator', 'docs'].flatMap((d) => filesUnder(d, /\.(ts|js|mjs|md)$/)).concat('README.md');

describe('docs/методика.md', () => {
  it('has the sections of the methodology in order: §1, §1.1–§1.3, §2 … §11', () => {
    expect(headingSections(METHODOLOGY)).toEqual(['1', '1.1', '1.2', '1.3', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11']);
  });

  it('every section cited in code, tests and docs as «docs/методика.md §N» exists', () => {
    const known = new Set(headingSections(METHODOLOGY));
    const missing: string[] = [];
    for (const file of SOURCES) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/методика\.md ?§(\d+(?:\.\d+)?)/g)) {
        if (!known.has(m[1])) missing.push(`${file}: §${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('names each rule’s source document, setting and file in every section of rules', () => {
    // A section of rules (§1.1 … §11) has its «Источник», «Настройки» and «Где в коде» paragraphs.
    const sections = METHODOLOGY.split(/^(?=#{2,3} §\d)/m).filter((s) => /^#{2,3} §\d+(\.\d+)?\. /.test(s));
    const incomplete = sections
      .filter((s) => !/^## §1\. /.test(s))
      .filter((s) => !(s.includes('**Источник.**') && s.includes('**Настройки') && s.includes('**Где в коде.**')))
      .map((s) => s.split('\n')[0]);
    expect(incomplete).toEqual([]);
  });
});
