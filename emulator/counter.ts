/**
 * Counts service calls by method name ('Range.getValues'), the writes among them, and the cells
 * those writes touched; injects one failure at the k-th write from now.
 */
export class CallCounter {
  readonly calls = new Map<string, number>();
  total = 0;
  writeCount = 0;
  cellsWritten = 0;
  private pendingFault: { remaining: number; message?: string } | null = null;

  count(method: string): void {
    this.total++;
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
  }

  /** Records one write; returns the fault message when this write is the one chosen to fail. */
  recordWrite(cells: number): { failMessage?: string; fail: boolean } {
    this.writeCount++;
    const fault = this.pendingFault;
    if (fault && --fault.remaining <= 0) {
      this.pendingFault = null;
      return { fail: true, failMessage: fault.message };
    }
    this.cellsWritten += cells;
    return { fail: false };
  }

  failAtWrite(k: number, message?: string): void {
    if (!Number.isInteger(k) || k < 1) throw new Error(`twin: failAtWrite needs k >= 1, got ${k}`);
    this.pendingFault = { remaining: k, message };
  }

  cancelFault(): void {
    this.pendingFault = null;
  }

  get faultPending(): boolean {
    return this.pendingFault !== null;
  }

  reset(): void {
    this.calls.clear();
    this.total = 0;
    this.writeCount = 0;
    this.cellsWritten = 0;
  }

  /** A plain, sorted record of the counts (handy for snapshots and failure messages). */
  toRecord(): Record<string, number> {
    const record: Record<string, number> = {};
    for (const key of [...this.calls.keys()].sort()) record[key] = this.calls.get(key)!;
    return record;
  }
}
