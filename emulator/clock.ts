/** What the simulated clock charges: per service call and per cell read or written. */
export interface CostModel {
  perCallMs: number;
  perCellMs: number;
}

export const DEFAULT_COSTS: CostModel = { perCallMs: 5, perCellMs: 0.01 };

/**
 * Simulated time of the twin. Real `Date.now()` keeps running inside the vm; this clock only
 * advances by the cost of service calls, Utilities.sleep and lock waits, so a test can compare an
 * execution's simulated duration with Apps Script's 6-minute limit.
 */
export class SimClock {
  readonly costs: CostModel;
  private readonly startMs: number;
  private elapsed = 0;

  constructor(startMs: number, costs: Partial<CostModel> = {}) {
    this.startMs = startMs;
    this.costs = { ...DEFAULT_COSTS, ...costs };
  }

  /** Simulated wall time in ms since the epoch. */
  now(): number {
    return this.startMs + this.elapsed;
  }

  elapsedMs(): number {
    return this.elapsed;
  }

  reset(): void {
    this.elapsed = 0;
  }

  advance(ms: number): void {
    if (ms > 0) this.elapsed += ms;
  }

  chargeCall(): void {
    this.elapsed += this.costs.perCallMs;
  }

  chargeCells(cells: number): void {
    this.elapsed += cells * this.costs.perCellMs;
  }
}
