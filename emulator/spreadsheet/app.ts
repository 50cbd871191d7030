import type { Runtime } from '../runtime';
import { makeEnum } from '../enums';
import { DOCUMENT_MODES, FULL_ONLY, SCOPE } from '../scopes';
import type { GConditionalFormatRuleBuilder, GDataValidationBuilder, GRange, GSheet, GSpreadsheet, GSpreadsheetApp, GUi } from '../gas';
import { BooleanCriteria, ConditionalFormatRuleBuilderImpl, InterpolationType } from './conditionalFormat';
import { DataValidationBuilderImpl, DataValidationCriteria } from './dataValidation';
import { ProtectionType } from './protection';
import type { SpreadsheetHandle } from './spreadsheet';
import { SheetImpl } from './sheet';
import { RangeImpl } from './range';

/** The spreadsheets the twin knows: the active (bound) one and any created or opened by id. */
export class SpreadsheetRegistry {
  readonly byId = new Map<string, SpreadsheetHandle>();
  constructor(
    public active: SpreadsheetHandle,
    private readonly make: (name: string) => SpreadsheetHandle,
  ) {
    this.byId.set(active.model.id, active);
  }
  create(name: string): SpreadsheetHandle {
    const handle = this.make(name);
    this.byId.set(handle.model.id, handle);
    return handle;
  }
}

/** The SpreadsheetApp global. */
export class SpreadsheetAppImpl implements Partial<GSpreadsheetApp> {
  readonly AutoFillSeries = makeEnum<typeof GoogleAppsScript.Spreadsheet.AutoFillSeries>(['DEFAULT_SERIES', 'ALTERNATE_SERIES']);
  readonly BooleanCriteria = BooleanCriteria;
  readonly BorderStyle = makeEnum<typeof GoogleAppsScript.Spreadsheet.BorderStyle>([
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ]);
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
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = makeEnum<typeof GoogleAppsScript.Spreadsheet.Dimension>(['COLUMNS', 'ROWS']);
  readonly Direction = makeEnum<typeof GoogleAppsScript.Spreadsheet.Direction>(['UP', 'DOWN', 'PREVIOUS', 'NEXT']);
  readonly InterpolationType = InterpolationType;
  readonly ProtectionType = ProtectionType;
  readonly SheetType = makeEnum<typeof GoogleAppsScript.Spreadsheet.SheetType>(['GRID', 'OBJECT']);
  readonly TextDirection = makeEnum<typeof GoogleAppsScript.Spreadsheet.TextDirection>(['LEFT_TO_RIGHT', 'RIGHT_TO_LEFT']);
  readonly WrapStrategy = makeEnum<typeof GoogleAppsScript.Spreadsheet.WrapStrategy>(['WRAP', 'OVERFLOW', 'CLIP']);

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
  private _any(method: string): void {
    this.rt.requireMode(`SpreadsheetApp.${method}`, FULL_ONLY, SCOPE.sheets);
    this.rt.requireScope(`SpreadsheetApp.${method}`, [SCOPE.sheets]);
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
  getActiveRange(): GRange {
    const h = this._bound('getActiveRange');
    return h.ctx.rangeApi(h.model.active, h.model.activeRange ?? { row: 1, col: 1, numRows: 1, numCols: 1 });
  }
  getCurrentCell(): GRange {
    const h = this._bound('getCurrentCell');
    const r = h.model.activeRange;
    return h.ctx.rangeApi(h.model.active, { row: r?.row ?? 1, col: r?.col ?? 1, numRows: 1, numCols: 1 });
  }
  setActiveSheet(sheet: GSheet): GSheet {
    this._bound('setActiveSheet');
    const impl = this.rt.unwrap(sheet, SheetImpl, 'SpreadsheetApp.setActiveSheet');
    return impl.activate();
  }
  setActiveRange(range: GRange): GRange {
    this._bound('setActiveRange');
    return this.rt.unwrap(range, RangeImpl, 'SpreadsheetApp.setActiveRange').activate();
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
  create(name: string): GSpreadsheet {
    this._any('create');
    return this.registry.create(String(name)).impl.api;
  }
  openById(id: string): GSpreadsheet {
    this._any('openById');
    const handle = this.registry.byId.get(String(id));
    if (!handle) throw this.rt.error(`Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
    return handle.impl.api;
  }
  openByUrl(url: string): GSpreadsheet {
    this._any('openByUrl');
    const id = /\/spreadsheets\/d\/([^/]+)/.exec(String(url))?.[1];
    const handle = id ? this.registry.byId.get(id) : undefined;
    if (!handle) throw this.rt.error(`Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.`);
    return handle.impl.api;
  }
  toString(): string {
    return 'SpreadsheetApp';
  }
}
