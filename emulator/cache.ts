import type { Runtime } from './runtime';
import type { GCache, GCacheService } from './gas';

export const MAX_CACHE_VALUE_BYTES = 100 * 1024;
export const MAX_CACHE_KEY_LENGTH = 250;
export const DEFAULT_CACHE_SECONDS = 600;
export const MAX_CACHE_SECONDS = 21600;

export interface CacheEntry {
  value: string;
  expiresAt: number;
}

/** The document cache; entries expire on the twin's simulated clock. */
export class CacheImpl implements Partial<GCache> {
  constructor(
    private readonly rt: Runtime,
    private readonly entries: Map<string, CacheEntry>,
  ) {}
  private _key(key: unknown): string {
    const k = String(key);
    if (k.length > MAX_CACHE_KEY_LENGTH) throw this.rt.error('Argument too large: key');
    return k;
  }
  private _put(key: unknown, value: unknown, seconds: number | undefined): void {
    const text = String(value);
    if (Buffer.byteLength(text, 'utf8') > MAX_CACHE_VALUE_BYTES) throw this.rt.error('Argument too large: value');
    const ttl = Math.max(1, Math.min(seconds ?? DEFAULT_CACHE_SECONDS, MAX_CACHE_SECONDS));
    this.entries.set(this._key(key), { value: text, expiresAt: this.rt.clock.now() + ttl * 1000 });
  }
  private _get(key: string): string | null {
    const e = this.entries.get(key);
    if (!e) return null;
    if (e.expiresAt <= this.rt.clock.now()) {
      this.entries.delete(key);
      return null;
    }
    return e.value;
  }
  get(key: string): string | null {
    return this._get(this._key(key));
  }
  getAll(keys: string[]): { [key: string]: any } {
    const out = this.rt.realm.object();
    for (const k of Array.from(keys)) {
      const v = this._get(this._key(k));
      if (v !== null) out[k] = v;
    }
    return out;
  }
  put(key: string, value: string, expirationInSeconds?: number): void {
    this._put(key, value, expirationInSeconds);
  }
  putAll(values: { [key: string]: any }, expirationInSeconds?: number): void {
    for (const [k, v] of Object.entries(values)) this._put(k, v, expirationInSeconds);
  }
  removeAll(keys: string[]): void {
    for (const k of Array.from(keys)) this.entries.delete(this._key(k));
  }
  toString(): string {
    return 'Cache';
  }
}

/** CacheService, with the same AuthMode rules as PropertiesService. */
export class CacheServiceImpl implements Partial<GCacheService> {
  constructor(
    private readonly rt: Runtime,
    private readonly caches: { document: Map<string, CacheEntry> },
  ) {}
  getDocumentCache(): GCache | null {
    this.rt.requireMode('CacheService.getDocumentCache', ['LIMITED', 'FULL', 'CUSTOM_FUNCTION']);
    return this.rt.facade<GCache>(new CacheImpl(this.rt, this.caches.document), 'Cache');
  }
  toString(): string {
    return 'CacheService';
  }
}
