/**
 * Drives a long run in chunks: sidebarStartRun once, then sidebarRunStep until the server says
 * finished, showing each step in words. google.script.run calls overlap, so «Отменить» is sent while
 * a step runs: the server sets a flag the running step reads between its parts. The page shows
 * «Отменено» only when the server says the run really stopped; a run whose swap already happened is
 * shown as done.
 * A failing step shows the server's (Russian) message and that the previous sheets are intact,
 * which holds because the server swaps output sheets in only after they are fully written.
 */
import type { RunKind, RunOptions, RunSummary, RunTicket } from '../contract';
import { call, errorText } from './rpc';
import { byId, showStatus, clearStatus } from './dom';
import { MSG } from './messages';

export interface RunHooks {
  /** Called with true when a run starts and false when it ends for any reason. */
  busy(running: boolean): void;
  finished(summary: RunSummary | null, kind: RunKind): void;
  /** Called after a failure or a cancel (the page may want to refresh its state). */
  stopped(kind: RunKind): void;
}

export class RunController {
  private readonly panel = byId('progress-panel');
  private readonly bar = byId<HTMLProgressElement>('progress-bar');
  private readonly text = byId('progress-text');
  private readonly error = byId('progress-error');
  private readonly cancelButton = byId<HTMLButtonElement>('progress-cancel');
  private current: RunTicket | null = null;
  private cancelRequested = false;
  /** True once the server confirmed the cancel (the page has already said «Отменено»). */
  private cancelConfirmed = false;

  constructor(private readonly hooks: RunHooks) {
    this.cancelButton.addEventListener('click', () => void this.cancel());
  }

  get running(): boolean {
    return this.current !== null;
  }

  /** Starts a new run of `kind`. */
  async start(kind: RunKind, options: RunOptions): Promise<void> {
    if (this.current) return;
    this.open();
    this.setText(MSG.starting);
    this.hooks.busy(true);
    let ticket: RunTicket;
    try {
      ticket = await call('sidebarStartRun', kind, options);
    } catch (e) {
      this.fail(e, kind);
      return;
    }
    await this.drive(ticket);
  }

  /** Continues a run the server still has open (e.g. the sidebar was closed mid-run). */
  async resume(ticket: RunTicket): Promise<void> {
    if (this.current) return;
    this.open();
    this.hooks.busy(true);
    await this.drive(ticket);
  }

  /** Cancels a run by id without driving it (the «Отменить» of the resume offer). */
  async cancelById(runId: string): Promise<string> {
    const result = await call('sidebarCancelRun', runId);
    if (result.cancelled) return MSG.cancelled;
    if (result.stopping) return MSG.cancelStopping;
    return result.message;
  }

  private open(): void {
    this.panel.hidden = false;
    clearStatus(this.error);
    this.cancelButton.hidden = false;
    this.cancelButton.disabled = false;
    this.cancelButton.textContent = MSG.cancel;
    this.bar.value = 0;
    this.bar.max = 1;
    this.panel.scrollIntoView({ block: 'nearest' });
  }

  private setText(text: string): void {
    this.text.textContent = text;
  }

  /** Shows «Шаг n из N: …» with the bar at `done` of `total`. */
  private showStep(done: number, total: number, label: string): void {
    this.bar.max = Math.max(total, 1);
    this.bar.value = Math.min(done, total);
    this.setText(label ? MSG.step(Math.min(done + 1, total), total, label) : MSG.finished);
  }

  private async drive(ticket: RunTicket): Promise<void> {
    this.current = ticket;
    this.cancelRequested = false;
    this.cancelConfirmed = false;
    const total = ticket.steps.length;
    this.showStep(ticket.next, total, ticket.steps[ticket.next] ?? '');
    try {
      for (;;) {
        const step = await call('sidebarRunStep', ticket.runId, { useTimeLeft: true });
        if (this.cancelConfirmed) return;
        if (step.cancelled) {
          this.stoppedByCancel(ticket.kind);
          return;
        }
        if (step.restarted) showStatus(this.error, MSG.restarted, 'info');
        if (step.finished) {
          this.bar.max = Math.max(step.total, 1);
          this.bar.value = this.bar.max;
          // A cancel that came after the swap changes nothing: the run is done, and the page says so.
          this.setText(this.cancelRequested ? MSG.cancelTooLate : MSG.finished);
          this.end();
          this.hooks.finished(step.summary, ticket.kind);
          return;
        }
        this.showStep(step.done + 1, step.total, step.nextLabel);
      }
    } catch (e) {
      // A step called after the server confirmed the cancel finds no run: that is the cancel, not news.
      if (this.cancelConfirmed) return;
      this.fail(e, ticket.kind);
    }
  }

  private stoppedByCancel(kind: RunKind): void {
    this.cancelConfirmed = true;
    this.setText(MSG.cancelled);
    this.end();
    this.hooks.stopped(kind);
  }

  private end(): void {
    this.current = null;
    this.cancelButton.hidden = true;
    this.hooks.busy(false);
  }

  private fail(e: unknown, kind: RunKind): void {
    const message = errorText(e);
    this.setText('');
    // The server's own message may already say that the previous sheets are intact; say it once.
    const lines = [`${MSG.failed} ${message}`];
    if (!MSG.outputsKeptPattern.test(message)) lines.push(MSG.outputsKept);
    showStatus(this.error, lines, 'error');
    const runId = this.current?.runId;
    this.end();
    // Release the server's run so that the next start is not refused; its answer changes nothing here.
    if (runId) call('sidebarCancelRun', runId).catch(() => undefined);
    this.hooks.stopped(kind);
  }

  private async cancel(): Promise<void> {
    const ticket = this.current;
    if (!ticket) return;
    this.cancelRequested = true;
    this.cancelButton.disabled = true;
    this.cancelButton.textContent = MSG.cancelling;
    try {
      const result = await call('sidebarCancelRun', ticket.runId);
      if (this.cancelConfirmed || this.current !== ticket) return;
      if (result.cancelled) this.stoppedByCancel(ticket.kind);
      // Else a step is running: it stops at its next part, and its result (handled in drive) says so.
      else if (result.stopping) this.setText(MSG.cancelStopping);
    } catch (e) {
      // The cancel did not reach the server: the run goes on, and the user may press «Отменить» again.
      this.cancelRequested = false;
      this.cancelButton.disabled = false;
      this.cancelButton.textContent = MSG.cancel;
      showStatus(this.error, `${MSG.failed} ${errorText(e)}`, 'error');
    }
  }
}
