/**
 * A document property longer than one property value may be. Apps Script allows 9 KB per value
 * (https://developers.google.com/apps-script/guides/services/quotas, «Properties value size»); the record of a
 * sidebar run lists its steps, and a region with thousands of ШНОР has hundreds of roadmap steps. The text is kept in
 * parts of at most PART_CHARS characters (3 bytes per character at most in UTF-8 for the texts we store, so a part
 * stays under 9 KB), written with one setProperties call and read back with one getProperties call.
 */
type Properties = GoogleAppsScript.Properties.Properties;

const PART_CHARS = 3000;
const partKey = (key: string, i: number) => (i === 0 ? key : `${key}.part${i}`);
const countKey = (key: string) => `${key}.parts`;

function partCount(all: Record<string, string>, key: string): number {
  const n = Number(all[countKey(key)] ?? 1);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

/** Writes `value` under `key`, in as many parts as it needs; parts left from a longer earlier value are removed. */
export function writeLargeProperty(props: Properties, key: string, value: string): void {
  const all = props.getProperties();
  const before = all[key] === undefined ? 0 : partCount(all, key);
  const parts: Record<string, string> = { [countKey(key)]: '' };
  const n = Math.max(1, Math.ceil(value.length / PART_CHARS));
  for (let i = 0; i < n; i++) parts[partKey(key, i)] = value.slice(i * PART_CHARS, (i + 1) * PART_CHARS);
  parts[countKey(key)] = String(n);
  props.setProperties(parts);
  for (let i = n; i < before; i++) props.deleteProperty(partKey(key, i));
}

/** The value written by writeLargeProperty (or by a plain setProperty), or null. */
export function readLargeProperty(props: Properties, key: string): string | null {
  const all = props.getProperties();
  if (all[key] === undefined) return null;
  let value = '';
  for (let i = 0, n = partCount(all, key); i < n; i++) value += all[partKey(key, i)] ?? '';
  return value;
}

/** Removes the value and all its parts. */
export function deleteLargeProperty(props: Properties, key: string): void {
  const all = props.getProperties();
  const n = all[key] === undefined ? 0 : partCount(all, key);
  for (let i = 0; i < n; i++) props.deleteProperty(partKey(key, i));
  props.deleteProperty(countKey(key));
}
