/**
 * The record of a sidebar run outgrows one document property at scale: Apps Script allows 9 KB per value
 * (emulator/properties.ts enforces it, citing the quotas page), and a run of roadmaps for 2 000 chosen schools lists
 * 100 steps and 2 000 codes. The run must start, go on and be cancelled like any other.
 */
import { describe, expect, it } from 'vitest';
import { generateRegion } from '../../scripts/lib/syntheticRegion';
import { MAX_PROPERTY_VALUE_BYTES } from '../../emulator/properties';
import { seedTwin } from '../support/reliabilitySuites';

describe('a run record larger than one property value', () => {
  it('starts, steps and is cancelled for 2 000 chosen schools', () => {
    const region = generateRegion({ schools: 2000, seed: 2025 });
    const h = seedTwin(region);
    const codeColumn = region.responses[0].indexOf('Код ОО');
    const codes = region.responses.slice(1).map((r) => String(r[codeColumn]));
    const record = JSON.stringify({ options: { schoolCodes: codes } });
    expect(Buffer.byteLength(record, 'utf8')).toBeGreaterThan(MAX_PROPERTY_VALUE_BYTES); // the record alone would not fit
    const ticket = h.addon.run('sidebarStartRun', 'roadmaps', { schoolCodes: codes }) as { runId: string; steps: string[] };
    // 2 000 schools, 20 a step: 100 roadmap steps after the reference sheets.
    expect(ticket.steps.filter((s) => s.startsWith('Дорожные карты: школы'))).toHaveLength(100);
    expect(ticket.steps).toContain('Дорожные карты: школы 1981–2000 из 2000');
    const step = h.addon.run('sidebarRunStep', ticket.runId) as { done: number; total: number; finished: boolean };
    expect(step).toMatchObject({ done: 0, total: ticket.steps.length, finished: false });
    const state = h.addon.run('sidebarState') as { activeRun: { runId: string; steps: string[]; next: number } | null };
    expect(state.activeRun).toMatchObject({ runId: ticket.runId, steps: ticket.steps, next: 1 });
    h.addon.run('sidebarCancelRun', ticket.runId);
    expect((h.addon.run('sidebarState') as { activeRun: unknown }).activeRun).toBeNull();
    // No part of the record is left behind.
    expect([...h.twin.properties.document.keys()].filter((k) => k.startsWith('shnor.run'))).toEqual([]);
  });
});
