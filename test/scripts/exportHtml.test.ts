import { describe, expect, it } from 'vitest';
import { renderHtml, escapeHtml } from '../../scripts/lib/exportHtml';
import { snapshotSpreadsheet } from '../../scripts/lib/snapshot';
import { fixtureTwin } from '../support/exportFixture';

const twin = fixtureTwin();
const snapshot = snapshotSpreadsheet(twin.spreadsheet);
// 01.10.2025: after the roadmap deadline 30.09.2025.
const html = renderHtml(snapshot, { generatedAt: new Date(Date.UTC(2025, 9, 1, 9)), summary: ['ШНОР: 1 <из 2>'] });

function sectionOf(name: string): string {
  const start = html.indexOf(`>${escapeHtml(name)}</h2>`);
  if (start < 0) throw new Error(`no section ${name}`);
  const end = html.indexOf('</section>', start);
  return html.slice(start, end);
}

function cellOf(section: string, text: string): string {
  const match = new RegExp(`<t[dh][^>]*>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</t[dh]>`).exec(section);
  if (!match) throw new Error(`no cell ${text}`);
  return match[0];
}

describe('renderHtml', () => {
  it('shows names from sheets as text, never as markup', () => {
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('Школа &quot;Б&quot; &amp; &lt;b&gt;');
    expect(html).toContain('ШНОР: 1 &lt;из 2&gt;');
  });

  it('draws one inline SVG per chart, each with its own title', () => {
    const svgs = html.match(/<svg[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs).toHaveLength(3);
    expect(svgs[0]).toContain('Доля ШНОР &lt;по школам&gt;');
    expect(svgs[1]).toContain('ИСБШ по школам');
    expect(svgs[2]).toContain('Уровни &amp; доли');
    // The injected name is a category of every chart: drawn as text there too.
    for (const svg of svgs) expect(svg).not.toMatch(/<img/i);
  });

  it('needs nothing from the network', () => {
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(/i);
  });

  it('shows values under their number formats, the Russian way', () => {
    const schools = sectionOf('Школы');
    // ИСБШ 78.456 with '0.0' → 78,5; 85 → 85,0.
    expect(schools).toContain('>78,5</td>');
    expect(schools).toContain('>85,0</td>');
    // Shares with '0%': 1/3 → 33 %, 0.5 → 50 %.
    expect(schools).toContain('>33 %</td>');
    expect(schools).toContain('>50 %</td>');
    // 01.09.2025 00:00 Moscow with 'dd.MM.yyyy'.
    expect(schools).toContain('>01.09.2025</td>');
  });

  it('applies «text is exactly» and formula rules as the sheet would colour them', () => {
    const schools = sectionOf('Школы');
    expect(cellOf(schools, 'низкий')).toContain('background:#f4c7c3');
    expect(cellOf(schools, 'высокий')).toContain('background:#d9ead3'); // ИСБШ 85 > 80: the row rule
    expect(cellOf(schools, 'edu1')).not.toContain('background');
    // The deadline 30.09.2025 has passed on 01.10.2025: the row «в работе» is overdue, the «выполнено» one is not.
    const roadmap = sectionOf('ДК edu1');
    expect(cellOf(roadmap, 'Анализ результатов')).toContain('background:#f4cccc');
    expect(cellOf(roadmap, 'Собрание родителей')).not.toContain('background');
  });

  it('gives every sheet a tab, the header row bold and a note as a tooltip', () => {
    expect(html).toMatch(/<a href="#sheet-1">Школы<\/a>/);
    expect(html).toMatch(/<a href="#sheet-2">ДК edu1<\/a>/);
    expect(html).toContain('<html lang="ru">');
    const header = cellOf(sectionOf('Школы'), 'Код ОО');
    expect(header).toContain('font-weight:bold');
    expect(header).toContain('title="Код образовательной организации"');
  });
});
