import type { Runtime } from './runtime';
import type { GProperties, GPropertiesService } from './gas';

/** Apps Script's quotas (https://developers.google.com/apps-script/guides/services/quotas, «Properties value size» and «Properties total storage»): 9 KB per value, 500 KB per property store. */
export const MAX_PROPERTY_VALUE_BYTES = 9 * 1024;
export const MAX_PROPERTY_STORE_BYTES = 500 * 1024;

function bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** One property store (document or user); values are strings, as in Apps Script. */
export class PropertiesImpl implements Partial<GProperties> {
  constructor(
    private readonly rt: Runtime,
    readonly store: Map<string, string>,
  ) {}
  private _check(next: Map<string, string>): void {
    let total = 0;
    for (const [k, v] of next) {
      if (bytes(v) > MAX_PROPERTY_VALUE_BYTES) throw this.rt.error('Argument too large: value');
      total += bytes(k) + bytes(v);
    }
    if (total > MAX_PROPERTY_STORE_BYTES) {
      throw this.rt.error('You have exceeded the property storage quota. Please remove some properties and try again.');
    }
  }
  private _commit(next: Map<string, string>): GProperties {
    this._check(next);
    this.store.clear();
    for (const [k, v] of next) this.store.set(k, v);
    return this as unknown as GProperties;
  }
  getProperty(key: string): string | null {
    return this.store.get(String(key)) ?? null;
  }
  setProperty(key: string, value: string): GProperties {
    if (key === undefined || key === null) throw this.rt.signatureError('Properties.setProperty', [key, value]);
    const next = new Map(this.store);
    next.set(String(key), String(value));
    return this._commit(next);
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): GProperties {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.store);
    for (const [k, v] of Object.entries(properties)) next.set(k, String(v));
    return this._commit(next);
  }
  getProperties(): { [key: string]: string } {
    const out = this.rt.realm.object() as Record<string, string>;
    for (const [k, v] of this.store) out[k] = v;
    return out;
  }
  getKeys(): string[] {
    return this.rt.realm.copy([...this.store.keys()]);
  }
  deleteProperty(key: string): GProperties {
    this.store.delete(String(key));
    return this as unknown as GProperties;
  }
  toString(): string {
    return 'Properties';
  }
}

/**
 * PropertiesService. As in Sheets add-ons: nothing is readable in AuthMode.NONE, document
 * properties need LIMITED or FULL, user properties need FULL. Custom functions
 * (AuthMode.CUSTOM_FUNCTION) may read them: Properties is among the services a custom function can
 * call, "getUserProperties() only gets the properties of the spreadsheet owner"
 * (https://developers.google.com/apps-script/guides/sheets/functions#using_apps_script_services).
 */
export class PropertiesServiceImpl implements Partial<GPropertiesService> {
  constructor(
    private readonly rt: Runtime,
    private readonly stores: { document: Map<string, string>; user: Map<string, string> },
  ) {}
  getDocumentProperties(): GProperties {
    this.rt.requireMode('PropertiesService.getDocumentProperties', ['LIMITED', 'FULL', 'CUSTOM_FUNCTION']);
    return this.rt.facade<GProperties>(new PropertiesImpl(this.rt, this.stores.document), 'Properties');
  }
  getUserProperties(): GProperties {
    this.rt.requireMode('PropertiesService.getUserProperties', ['FULL', 'CUSTOM_FUNCTION']);
    return this.rt.facade<GProperties>(new PropertiesImpl(this.rt, this.stores.user), 'Properties');
  }
  toString(): string {
    return 'PropertiesService';
  }
}
