/**
 * Section «Результаты»: the numbers of the last run and a link for each sheet it wrote. A sidebar
 * link cannot switch sheets by itself, so each link is a button that asks the server to activate it.
 */
import type { RunKind, RunSummary } from '../contract';
import { el, replaceChildren } from './dom';
import { MSG, RUN_KIND_LABELS, SUMMARY_LABELS } from './messages';

type SummaryKey = keyof typeof SUMMARY_LABELS;

/** Which numbers mean something after each kind of run (a check reads schools but computes no statuses). */
const SUMMARY_FIELDS: Record<RunKind, SummaryKey[]> = {
  check: ['schoolsRead', 'problems'],
  compute: ['schoolsRead', 'problems', 'shnor', 'incomplete', 'riskZone', 'priority'],
  roadmaps: ['shnor', 'roadmaps', 'combinedRoadmaps'],
  monitoring: ['roadmaps', 'combinedRoadmaps'],
  access: ['protections'],
};

/** A button styled as a link that opens a sheet by name. */
export function sheetLink(name: string, text: string, open: (name: string) => void): HTMLButtonElement {
  const button = el('button', { type: 'button', className: 'link', 'data-sheet': name }, text);
  button.addEventListener('click', () => open(name));
  return button;
}

/** Formats an ISO time for people (the page's own clock zone). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' });
}

/** Renders a run's summary and its sheet links. */
export function renderSummary(summaryBox: HTMLElement, linksBox: HTMLElement, summary: RunSummary, open: (name: string) => void): void {
  const list = el('dl', { className: 'summary-list' });
  for (const key of SUMMARY_FIELDS[summary.kind] ?? Object.keys(SUMMARY_LABELS)) {
    // «Неполные данные» is shown when there are some: a zero there says nothing a user needs.
    if (key === 'incomplete' && !summary.incomplete) continue;
    // Likewise the roadmaps on «Дорожные карты»: only a region beyond the tabs' limit has any.
    if (key === 'combinedRoadmaps' && !summary.combinedRoadmaps) continue;
    list.append(el('div', { 'data-summary': key }, el('dt', {}, SUMMARY_LABELS[key]), el('dd', {}, String(summary[key]))));
  }
  replaceChildren(
    summaryBox,
    el('p', { className: 'small' }, el('strong', {}, RUN_KIND_LABELS[summary.kind] ?? summary.kind)),
    summary.year !== null ? el('p', { className: 'small' }, MSG.resultsYear(summary.year)) : null,
    list,
    summary.accessNotes?.length
      ? el(
          'div',
          { className: 'notice warning', 'data-access-notes': '' },
          el('p', { className: 'small' }, MSG.accessNotesTitle),
          el('ul', {}, ...summary.accessNotes.map((n) => el('li', { className: 'small' }, n))),
        )
      : null,
    summary.finishedAt ? el('p', { className: 'secondary small' }, MSG.resultsFinished(formatTime(summary.finishedAt))) : null,
  );
  renderSheetLinks(linksBox, summary.sheets, open);
}

/** One link per sheet (also used on load, for the output sheets that exist now). */
export function renderSheetLinks(linksBox: HTMLElement, sheets: Array<{ name: string }>, open: (name: string) => void): void {
  replaceChildren(linksBox, ...sheets.map((s) => el('li', {}, sheetLink(s.name, s.name, open))));
}
