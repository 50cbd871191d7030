import type { Runtime } from '../runtime';
import { makeEnum } from '../enums';
import type { GProtection, GRange, GUser } from '../gas';
import type { ProtectionModel, SpreadsheetModel } from './spreadsheetModel';
import { makeUser } from '../session';
import { irremovable, mayEdit } from './editRights';

export const ProtectionType = makeEnum<typeof GoogleAppsScript.Spreadsheet.ProtectionType>(['RANGE', 'SHEET']);

/** A protected range or sheet. The twin records the settings; it does not block the script's own edits. */
export class ProtectionImpl implements Partial<GProtection> {
  constructor(
    private readonly rt: Runtime,
    private readonly ss: SpreadsheetModel,
    readonly model: ProtectionModel,
  ) {}

  get api(): GProtection {
    return this.rt.facade<GProtection>(this, 'Protection', { guard: () => this._alive() });
  }

  private _alive(): void {
    if (this.model.removed) throw this.rt.error('The protection has been removed.');
  }
  /** Only an editor of a protection may change it (its reference: «Throws an exception if the user does not have permission to edit»). */
  private _change(method: string): void {
    this.rt.write(`Protection.${method}`, 0, this.ss.id);
    if (!mayEdit(this.ss, { ...this.model, warningOnly: false }, this.ss.currentUser())) {
      throw this.rt.error('You do not have permission to edit this protected range or sheet.');
    }
  }
  private _emails(list: unknown): string[] {
    const items = Array.isArray(list) ? list : [list];
    return items.map((u) => (typeof u === 'string' ? u : String((u as GUser).getEmail())));
  }

  addEditors(emailAddresses: string[]): GProtection {
    this._change('addEditors');
    for (const e of this._emails(emailAddresses)) if (!this.model.editors.includes(e)) this.model.editors.push(e);
    return this.api;
  }
  canDomainEdit(): boolean {
    return this.model.domainEdit;
  }
  canEdit(): boolean {
    return mayEdit(this.ss, { ...this.model, warningOnly: false }, this.ss.currentUser());
  }
  getDescription(): string {
    return this.model.description;
  }
  getEditors(): GUser[] {
    return this.rt.realm.copy(this.model.editors.map((e) => makeUser(this.rt, e)));
  }
  getRange(): GRange {
    const sheet = this.ss.sheetById(this.model.sheetId)!;
    const rect = this.model.rect ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    return this.ss.bridge.toRange({ ...rect, sheetId: sheet.id });
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  remove(): void {
    this._change('remove');
    this.model.removed = true;
    this.ss.protections = this.ss.protections.filter((p) => p !== this.model);
  }
  removeEditors(emailAddresses: string[] | GUser[]): GProtection {
    this._change('removeEditors');
    const gone = new Set(this._emails(emailAddresses));
    // «Neither the owner of the spreadsheet nor the current user can be removed» (Protection.removeEditors).
    this.model.editors = this.model.editors.filter((e) => !gone.has(e) || irremovable(this.ss, e));
    return this.api;
  }
  setDescription(description: string): GProtection {
    this._change('setDescription');
    this.model.description = String(description);
    return this.api;
  }
  setDomainEdit(editable: boolean): GProtection {
    this._change('setDomainEdit');
    this.model.domainEdit = !!editable;
    return this.api;
  }
  setRange(range: GRange): GProtection {
    const rect = this.ss.bridge.toRect(range, 'SpreadsheetApp.Protection.setRange');
    this._change('setRange');
    this.model.rect = { row: rect.row, col: rect.col, numRows: rect.numRows, numCols: rect.numCols };
    return this.api;
  }
  setUnprotectedRanges(ranges: GRange[]): GProtection {
    if (this.model.type !== 'SHEET') throw this.rt.error('Unprotected ranges can only be set on a sheet protection.');
    const rects = Array.from(ranges, (r) => this.ss.bridge.toRect(r, 'SpreadsheetApp.Protection.setUnprotectedRanges'));
    this._change('setUnprotectedRanges');
    this.model.unprotected = rects;
    return this.api;
  }
  setWarningOnly(warningOnly: boolean): GProtection {
    this._change('setWarningOnly');
    this.model.warningOnly = !!warningOnly;
    return this.api;
  }
  toString(): string {
    return 'Protection';
  }
}
