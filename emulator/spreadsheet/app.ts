import type { Runtime } from '../runtime';
import { makeEnum } from '../enums';
import { DOCUMENT_MODES, SCOPE } from '../scopes';
import type { GConditionalFormatRuleBuilder, GDataValidationBuilder, GSheet, GSpreadsheet, GSpreadsheetApp, GUi } from '../gas';
import { ConditionalFormatRuleBuilderImpl } from './conditionalFormat';
import { DataValidationBuilderImpl } from './dataValidation';
import { ProtectionType } from './protection';
import type { SpreadsheetHandle } from './spreadsheet';

/** The spreadsheets the twin knows (the bound one), by id. */
export class SpreadsheetRegistry {
  readonly byId = new Map<string, SpreadsheetHandle>();
  constructor(public active: SpreadsheetHandle) {
    this.byId.set(active.model.id, active);
  }
}

/** The SpreadsheetApp global. */
export class SpreadsheetAppImpl implements Partial<GSpreadsheetApp> {
  readonly CopyPasteType = makeEnum<typeof GoogleAppsScript.Spreadsheet.CopyPasteType>([
    'PASTE_NORMAL',
    'PASTE_NO_BORDERS',
    'PASTE_FORMAT',
    'PASTE_FORMULA',
    'PASTE_DATA_VALIDATION',
    'PASTE_VALUES',
    'PASTE_CONDITIONAL_FORMATTING',
    'PASTE_COLUMN_WIDTHS',
  ]);
  readonly ProtectionType = ProtectionType;

  constructor(
    private readonly rt: Runtime,
    private readonly registry: SpreadsheetRegistry,
    private readonly ui: () => GUi,
  ) {}

  private _bound(method: string): SpreadsheetHandle {
    this.rt.requireMode(`SpreadsheetApp.${method}`, DOCUMENT_MODES, SCOPE.sheetsCurrentOnly);
    this.rt.requireScope(`SpreadsheetApp.${method}`, [SCOPE.sheetsCurrentOnly, SCOPE.sheets]);
    return this.registry.active;
  }

  getActiveSpreadsheet(): GSpreadsheet {
    return this._bound('getActiveSpreadsheet').impl.api;
  }
  getActive(): GSpreadsheet {
    return this._bound('getActive').impl.api;
  }
  getActiveSheet(): GSheet {
    const h = this._bound('getActiveSheet');
    return h.ctx.sheetApi(h.model.active);
  }
  getUi(): GUi {
    this.rt.requireUi();
    return this.ui();
  }
  /** Applies pending changes; the twin applies every change at once, so this only counts. */
  flush(): void {}
  newDataValidation(): GDataValidationBuilder {
    return new DataValidationBuilderImpl(this.rt).api;
  }
  newConditionalFormatRule(): GConditionalFormatRuleBuilder {
    return new ConditionalFormatRuleBuilderImpl(this.rt, this.registry.active.model.bridge).api;
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}
