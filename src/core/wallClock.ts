/**
 * The wall clock of an instant in a time zone, and back: what a spreadsheet in that zone shows for a Date (the form's
 * «Отметка времени», a roadmap's deadline, the local runner's exported dates). One place for every layer, since Apps
 * Script's V8 and Node have the same Intl.
 */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let f: Intl.DateTimeFormat | null;
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      f = null;
    }
    formatters.set(timeZone, f);
  }
  return formatters.get(timeZone)!;
}

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A Date's fields read in UTC. */
export function utcWallClock(d: Date): WallClock {
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** The wall clock Intl shows for an instant (the slow way: a formatToParts per call). */
function formattedWallClock(f: Intl.DateTimeFormat, instantMs: number): WallClock {
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

const QUARTER_HOUR_MS = 15 * 60 * 1000;
/**
 * Since 1979 every zone's offset is a whole number of quarter hours and changes at a local time such as 02:00, so within
 * one quarter hour of UTC (from 2000 on, to keep well clear of older rules) the offset is one number. 40 000
 * submissions fall into a few thousand quarter hours.
 */
const CACHED_FROM_MS = Date.UTC(2000, 0, 1);
const zoneOffsets = new Map<string, Map<number, number>>();
const MAX_CACHED_QUARTERS = 100_000;

/** The wall-clock time of an instant in a time zone (UTC when the zone is unknown to Intl). */
export function wallClock(instantMs: number, timeZone: string): WallClock {
  const f = formatterFor(timeZone);
  if (!f) return utcWallClock(new Date(instantMs));
  if (!(instantMs >= CACHED_FROM_MS)) return formattedWallClock(f, instantMs);
  let offsets = zoneOffsets.get(timeZone);
  if (offsets === undefined || offsets.size > MAX_CACHED_QUARTERS) zoneOffsets.set(timeZone, (offsets = new Map()));
  const quarter = Math.floor(instantMs / QUARTER_HOUR_MS);
  let offset = offsets.get(quarter);
  if (offset === undefined) {
    const start = quarter * QUARTER_HOUR_MS;
    const w = formattedWallClock(f, start);
    offsets.set(quarter, (offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - start));
  }
  return utcWallClock(new Date(instantMs + offset));
}

function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallClock(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
export function fromWallClock(w: WallClock, timeZone: string): Date {
  const guess = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const first = offsetMs(guess, timeZone);
  let instant = guess - first;
  const second = offsetMs(instant, timeZone);
  if (second !== first) instant = guess - second;
  return new Date(instant);
}
