/**
 * Signs of non-objective ВПР results (docs/методика.md §10): the optional sheet «Объективность ВПР» (the federal
 * system's comparison of ВПР marks with class-register marks) flagged by two regional settings.
 */
import { shareAbove } from './cluster';
import { OBJECTIVITY_REASONS } from './messages';
import { formatPercent } from './percent';
import { normalizeProcedureName } from './procedures';
import type { Settings } from './settings';

/** One row of «Объективность ВПР»: shares of pupils whose ВПР mark was lower than, equal to, higher than the register's. */
export interface ObjectivityRow {
  schoolCode: string;
  year: number;
  procedure: string;
  lowered: number | null;
  confirmed: number | null;
  raised: number | null;
}

export interface ObjectivityFlag {
  procedure: string;
  year: number;
  /** In words, e.g. «ВПР математика 5: подтвердили 42 % (меньше 50 %), повысили 31 % (больше 20 %)». */
  text: string;
}

/**
 * The school × procedure pairs of year Y with signs of non-objective results (docs/методика.md §10): «Подтвердили»
 * below settings.objectivityConfirmedBelow or «Повысили» above settings.objectivityRaisedAbove (both regional
 * settings; their defaults, 50 % and 20 %, are the add-in's, not a federal rule). Compared with the share tolerance,
 * so exactly 50 % confirmed is not below 50 %. A missing share decides nothing. By school code, procedures in the
 * order of the sheet; a procedure given twice: the later row wins.
 */
export function objectivityFlags(rows: ReadonlyArray<ObjectivityRow>, year: number, settings: Settings): Map<string, ObjectivityFlag[]> {
  const latest = new Map<string, ObjectivityRow>();
  for (const r of rows) if (r.year === year) latest.set(`${r.schoolCode}\u0000${normalizeProcedureName(r.procedure)}`, r);
  const out = new Map<string, ObjectivityFlag[]>();
  for (const r of latest.values()) {
    const parts: string[] = [];
    const confirmedLow = r.confirmed !== null && shareAbove(settings.objectivityConfirmedBelow, r.confirmed);
    const raisedHigh = r.raised !== null && shareAbove(r.raised, settings.objectivityRaisedAbove);
    if (confirmedLow)
      parts.push(
        OBJECTIVITY_REASONS.confirmedBelow(formatPercent(r.confirmed as number), formatPercent(settings.objectivityConfirmedBelow)),
      );
    if (raisedHigh)
      parts.push(OBJECTIVITY_REASONS.raisedAbove(formatPercent(r.raised as number), formatPercent(settings.objectivityRaisedAbove)));
    if (!parts.length) continue;
    const procedure = normalizeProcedureName(r.procedure);
    const list = out.get(r.schoolCode) ?? [];
    list.push({ procedure, year, text: OBJECTIVITY_REASONS.flag(procedure, parts) });
    out.set(r.schoolCode, list);
  }
  return out;
}
