/**
 * Section «Риски и дорожные карты»: search the schools, tick the ones that need a roadmap.
 * No ticks means «все ШНОР». Names and municipalities come from the Form and are untrusted,
 * so every one of them goes in as a text node.
 */
import type { SchoolListItem } from '../contract';
import type { ShnorStatusLabel } from '../../core/types';
import { call, errorText } from './rpc';
import { byId, el, freshId, replaceChildren } from './dom';
import { MSG } from './messages';

const SEARCH_DELAY_MS = 250;
/** The status value (not a display string) that marks a school red in the list. */
const SHNOR_STATUS: ShnorStatusLabel = 'ШНОР';

export class SchoolsView {
  private readonly input = byId<HTMLInputElement>('school-search');
  private readonly list = byId<HTMLUListElement>('school-list');
  private readonly status = byId('schools-status');
  private readonly selection = byId('selection-status');
  private readonly selected = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Answers may arrive out of order; only the latest query's answer is shown. */
  private latestQuery = 0;

  constructor() {
    this.input.addEventListener('input', () => {
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.search(), SEARCH_DELAY_MS);
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        if (this.timer) clearTimeout(this.timer);
        void this.search();
      }
    });
    this.renderSelection();
  }

  /** The chosen codes; empty = all ШНОР. */
  chosenCodes(): string[] {
    return [...this.selected];
  }

  /** «Все ШНОР»: forget the ticks. */
  clearSelection(): void {
    this.selected.clear();
    for (const box of Array.from(this.list.querySelectorAll<HTMLInputElement>('input[type=checkbox]'))) box.checked = false;
    this.renderSelection();
  }

  /** Runs the current query against the server and shows the answer. */
  async search(): Promise<void> {
    const query = this.input.value.trim();
    const ticket = ++this.latestQuery;
    this.status.textContent = MSG.schoolsLoading;
    try {
      const schools = await call('sidebarSchools', query);
      if (ticket !== this.latestQuery) return;
      this.render(schools);
    } catch (e) {
      if (ticket !== this.latestQuery) return;
      replaceChildren(this.list);
      this.status.textContent = `${MSG.schoolsFailed} ${errorText(e)}`;
    }
  }

  private render(schools: SchoolListItem[]): void {
    this.status.textContent = schools.length ? '' : MSG.schoolsEmpty;
    replaceChildren(this.list, ...schools.map((s) => this.item(s)));
  }

  private item(school: SchoolListItem): HTMLLIElement {
    const id = freshId('school');
    const box = el('input', { type: 'checkbox', id, value: school.schoolCode });
    box.checked = this.selected.has(school.schoolCode);
    box.addEventListener('change', () => {
      if (box.checked) this.selected.add(school.schoolCode);
      else this.selected.delete(school.schoolCode);
      this.renderSelection();
    });
    const status = school.cluster || school.status;
    const isShnor = school.status === SHNOR_STATUS;
    return el(
      'li',
      { 'data-code': school.schoolCode },
      el(
        'label',
        { for: id },
        box,
        el(
          'span',
          {},
          el('span', { className: 'school-name' }, school.name),
          el('span', { className: 'school-meta' }, [school.schoolCode, school.municipality].filter(Boolean).join(' · ')),
          status ? el('span', { className: isShnor ? 'school-status shnor' : 'school-status' }, status) : null,
        ),
      ),
    );
  }

  private renderSelection(): void {
    this.selection.textContent = this.selected.size ? MSG.selectedCount(this.selected.size) : MSG.selectedAll;
  }
}
