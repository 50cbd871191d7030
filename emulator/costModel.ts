/**
 * What a service call would cost on the real platform, as opposed to the twin's simple clock (clock.ts), which
 * charges every call alike. Apps Script queues spreadsheet writes and sends them in one batch when the script next
 * reads: "Every time you do a read, we must first empty (commit) the write cache to ensure that you're reading the
 * latest data" (Google's Apps Script team, "Optimizing Spreadsheet Operations",
 * http://googleappsscript.blogspot.com/2010/06/optimizing-spreadsheet-operations.html), and "Alternating read and
 * write commands is slow" (https://developers.google.com/apps-script/guides/support/best-practices#use_batch_operations).
 * SpreadsheetApp.flush "applies all pending Spreadsheet changes"
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app#flush()).
 *
 * So each call is one of five kinds:
 * - local: answered by the script's own objects without the server (builders, getRange, a range's geometry);
 * - queued write: a setter the write cache holds until the next read;
 * - cached read: a read while nothing is queued;
 * - flushing read: the first read after a write — it commits the queue first: a server round trip;
 * - structural: a change of the spreadsheet's sheets (insertSheet, deleteSheet, setName, Sheet.copyTo), which
 *   returns or renames a sheet object and therefore goes to the server at once;
 * plus calls to other services (properties, locks, Utilities …), which have nothing to do with the write cache.
 */
export type CallKind = 'local' | 'queuedWrite' | 'cachedRead' | 'flushingRead' | 'structural' | 'otherService';

export const CALL_KINDS: readonly CallKind[] = ['local', 'queuedWrite', 'cachedRead', 'flushingRead', 'structural', 'otherService'];

export interface RealCosts {
  /** Per call, by kind. */
  callMs: Record<CallKind, number>;
  /** Per cell a write sends to the server (values, formats, validations …). */
  cellWrittenMs: number;
  /** Per cell a read brings back. */
  cellReadMs: number;
}

/**
 * The published figures behind each cost. The main source is one measurement on a Sheets script writing 400 rows of
 * 10 cells ("What is faster: ScriptDb or SpreadsheetApp?", Stack Overflow question 14214498, mirrored at
 * https://ruby-bash.developreference.com/article/29263774/What+is+faster+ScriptDb+or+SpreadsheetApp):
 * 400 row-by-row setValues took 164 ms; the same with a flush after each row "almost 12 seconds"; one 4000-cell
 * write took under 50 ms, and 610 ms with one flush.
 */
export const PUBLISHED_COSTS: RealCosts = {
  callMs: {
    // No published figure: a builder or getRange is ordinary JavaScript in the script's own process ("JavaScript
    // operations within your script are considerably faster than calling other services", best-practices page above).
    local: 0,
    // 164 ms / 400 queued setValues ≈ 0.4 ms each (the measurement above).
    queuedWrite: 0.4,
    // No published figure for a read that finds the write cache empty; charged like a queued call (an assumption).
    cachedRead: 0.4,
    // (12 000 ms − 164 ms) / 400 flushes ≈ 30 ms per commit round trip (the measurement above).
    flushingRead: 30,
    // No published figure for insertSheet/deleteSheet/setName; each is charged as one round trip (30 ms, above).
    structural: 30,
    // No published figure; the twin clock's old flat 5 ms per call.
    otherService: 5,
  },
  // (610 ms − 50 ms − 30 ms round trip) / 4000 cells ≈ 0.13 ms per cell committed (the measurement above).
  cellWrittenMs: 0.13,
  // No published figure for reading; the twin clock's old guess of 0.01 ms per cell.
  cellReadMs: 0.01,
};

/** Spreadsheet-service classes (facade names); anything else is another service. */
const SHEETS_CLASS =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Filter|FilterCriteria|Protection|EmbeddedChart|ConditionalFormatRule|DataValidation|BooleanCondition|GradientCondition|Charts|ChartOptions|ContainerInfo|EmbeddedChartBuilder|DataValidationBuilder|ConditionalFormatRuleBuilder|FilterCriteriaBuilder|\w+ChartBuilder)\./;

/** Calls answered locally: builders, built rule objects, range handles and their geometry. */
const LOCAL =
  /^(\w*Builder\.\w+|SpreadsheetApp\.(new\w+|getActiveSpreadsheet|getActive)|Charts\.\w+|DataValidation\.\w+|ConditionalFormatRule\.\w+|BooleanCondition\.\w+|GradientCondition\.\w+|ChartOptions\.\w+|ContainerInfo\.\w+|Sheet\.(getRange|getRangeList)|Spreadsheet\.getId|Range\.(offset|getCell|getRow|getRowIndex|getColumn|getNumRows|getNumColumns|getHeight|getWidth|getLastRow|getLastColumn|getA1Notation|getSheet|getGridId))$/;

const STRUCTURAL = /^(Spreadsheet\.(insertSheet|deleteSheet|duplicateActiveSheet|moveActiveSheet)|Sheet\.(setName|copyTo|activate))$/;

const READ = /\.(get|is|has|can)[A-Z]\w*$/;

/** The kind of a call before the write cache is taken into account (`read` becomes cached or flushing). */
export function classifyCall(method: string): 'local' | 'write' | 'read' | 'structural' | 'flush' | 'otherService' {
  if (!SHEETS_CLASS.test(method)) return 'otherService';
  if (method === 'SpreadsheetApp.flush') return 'flush';
  if (LOCAL.test(method)) return 'local';
  if (STRUCTURAL.test(method)) return 'structural';
  if (READ.test(method)) return 'read';
  return 'write';
}

/** A plain record of what was estimated (for reports). */
export interface CostRecord {
  kinds: Record<CallKind, number>;
  cellsWritten: number;
  cellsRead: number;
  estimatedMs: number;
}

/** Tracks the write cache (is anything queued?) and adds up the estimated real cost of every call and cell. */
export class CostMeter {
  readonly kinds: Record<CallKind, number> = emptyKinds();
  cellsWritten = 0;
  cellsRead = 0;
  estimatedMs = 0;
  private pending = false;

  constructor(readonly costs: RealCosts = PUBLISHED_COSTS) {}

  /** Classifies one call, charges it, and returns its kind. */
  call(method: string): CallKind {
    const base = classifyCall(method);
    let kind: CallKind;
    if (base === 'flush') kind = this.pending ? 'flushingRead' : 'local';
    else if (base === 'read') kind = this.pending ? 'flushingRead' : 'cachedRead';
    else if (base === 'write') kind = 'queuedWrite';
    else kind = base;
    if (kind === 'flushingRead') this.pending = false;
    if (kind === 'queuedWrite' || kind === 'structural') this.pending = true;
    this.kinds[kind]++;
    this.estimatedMs += this.costs.callMs[kind];
    return kind;
  }

  written(cells: number): void {
    this.cellsWritten += cells;
    this.estimatedMs += cells * this.costs.cellWrittenMs;
  }

  read(cells: number): void {
    this.cellsRead += cells;
    this.estimatedMs += cells * this.costs.cellReadMs;
  }

  /** An execution ends: Apps Script commits what is queued, and the next execution starts with an empty cache. */
  endExecution(): void {
    this.pending = false;
  }

  get roundTrips(): number {
    return this.kinds.flushingRead;
  }

  record(): CostRecord {
    return { kinds: { ...this.kinds }, cellsWritten: this.cellsWritten, cellsRead: this.cellsRead, estimatedMs: this.estimatedMs };
  }

  reset(): void {
    for (const k of CALL_KINDS) this.kinds[k] = 0;
    this.cellsWritten = 0;
    this.cellsRead = 0;
    this.estimatedMs = 0;
    this.pending = false;
  }
}

function emptyKinds(): Record<CallKind, number> {
  return { local: 0, queuedWrite: 0, cachedRead: 0, flushingRead: 0, structural: 0, otherService: 0 };
}
