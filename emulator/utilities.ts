import { createHash, randomUUID } from 'node:crypto';
import type { Runtime } from './runtime';
import { makeEnum } from './enums';
import { isDate } from './realm';
import { formatJavaPattern } from './dates';
import type { GBlob, GUtilities } from './gas';

/** Java bytes are signed: Apps Script returns digests and decoded data as numbers in [-128, 127]. */
function toSignedBytes(buffer: Buffer): number[] {
  return Array.from(buffer, (b) => (b > 127 ? b - 256 : b));
}

function toBuffer(data: unknown): Buffer {
  if (Array.isArray(data)) return Buffer.from(data.map((b: number) => b & 0xff));
  return Buffer.from(String(data), 'utf8');
}

class BlobImpl implements Partial<GBlob> {
  constructor(
    private readonly rt: Runtime,
    private data: Buffer,
    private name: string | null,
  ) {}
  get api(): GBlob {
    return this.rt.facade<GBlob>(this, 'Blob');
  }
  getDataAsString(): string {
    return this.data.toString('utf8');
  }
  getName(): string | null {
    return this.name;
  }
  toString(): string {
    return 'Blob';
  }
}

const DIGESTS: Record<string, string> = { MD2: 'md2', MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256', SHA_384: 'sha384', SHA_512: 'sha512' };

/** Utilities: dates formatted with real time zones, UUIDs, sleep on the simulated clock, blobs, digests. */
export class UtilitiesImpl implements Partial<GUtilities> {
  readonly DigestAlgorithm = makeEnum<typeof GoogleAppsScript.Utilities.DigestAlgorithm>([
    'MD2',
    'MD5',
    'SHA_1',
    'SHA_256',
    'SHA_384',
    'SHA_512',
  ]);

  constructor(private readonly rt: Runtime) {}

  /** Java SimpleDateFormat patterns in any IANA time zone (unknown zones fall back to GMT). */
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw this.rt.signatureError('Utilities.formatDate', [date, timeZone, format]);
    }
    try {
      return formatJavaPattern(date.getTime(), timeZone, format);
    } catch (e) {
      throw this.rt.error((e as Error).message);
    }
  }
  getUuid(): string {
    return randomUUID();
  }
  /** Advances the simulated clock; returns at once. */
  sleep(milliseconds: number): void {
    if (milliseconds > 300000) throw this.rt.error('Invalid argument: milliseconds');
    this.rt.clock.advance(milliseconds);
  }
  newBlob(data: unknown, contentType?: string, name?: string): GBlob {
    return new BlobImpl(this.rt, toBuffer(data), name ?? null).api;
  }
  base64Encode(data: unknown): string {
    return toBuffer(data).toString('base64');
  }
  computeDigest(algorithm: GoogleAppsScript.Utilities.DigestAlgorithm, value: unknown): number[] {
    const name = DIGESTS[String(algorithm)];
    if (!name) throw this.rt.signatureError('Utilities.computeDigest', [algorithm, value]);
    return this.rt.realm.copy(toSignedBytes(createHash(name).update(toBuffer(value)).digest()));
  }
  /** RFC 4180 CSV (quoted fields, doubled quotes, embedded newlines). */
  parseCsv(csv: string, delimiter = ','): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    const text = String(csv);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (quoted) {
        if (ch === '"' && text[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === delimiter) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return this.rt.realm.copy(rows.map((r) => this.rt.realm.copy(r)));
  }
  toString(): string {
    return 'Utilities';
  }
}
