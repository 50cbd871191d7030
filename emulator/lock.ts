import type { Runtime } from './runtime';
import type { GLock, GLockService } from './gas';

/** Apps Script refuses lock timeouts above 5 minutes. */
export const MAX_LOCK_WAIT_MS = 300000;

/**
 * Who holds which lock: lock key → execution id. A lock held by one execution makes tryLock in
 * another return false (after charging the wait to the clock) until it is released, explicitly or
 * when the holding execution ends.
 */
export class LockTable {
  readonly holders = new Map<string, string>();

  constructor(rt: Runtime) {
    rt.executionEndHooks.push((executionId) => this.releaseAll(executionId));
  }

  releaseAll(executionId: string): void {
    for (const [key, holder] of [...this.holders]) if (holder === executionId) this.holders.delete(key);
  }
}

export class LockImpl implements Partial<GLock> {
  private acquired = false;
  constructor(
    private readonly rt: Runtime,
    private readonly table: LockTable,
    private readonly key: string,
    /** The execution that obtained this Lock object. */
    private readonly owner: string,
  ) {}
  private _check(ms: unknown, method: string): number {
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) throw this.rt.signatureError(`Lock.${method}`, [ms]);
    if (ms > MAX_LOCK_WAIT_MS) throw this.rt.error(`Invalid argument: timeoutInMillis. Maximum allowed value is ${MAX_LOCK_WAIT_MS}.`);
    return ms;
  }
  private _try(ms: number): boolean {
    const holder = this.table.holders.get(this.key);
    if (holder === undefined || holder === this.owner) {
      this.table.holders.set(this.key, this.owner);
      this.acquired = true;
      return true;
    }
    // Nobody else runs while the twin waits, so the whole timeout elapses.
    this.rt.clock.advance(ms);
    return false;
  }
  tryLock(timeoutInMillis: number): boolean {
    return this._try(this._check(timeoutInMillis, 'tryLock'));
  }
  waitLock(timeoutInMillis: number): void {
    if (!this._try(this._check(timeoutInMillis, 'waitLock'))) {
      throw this.rt.platformError('lockTimeout');
    }
  }
  hasLock(): boolean {
    return this.acquired && this.table.holders.get(this.key) === this.owner;
  }
  releaseLock(): void {
    if (this.table.holders.get(this.key) === this.owner) this.table.holders.delete(this.key);
    this.acquired = false;
  }
  toString(): string {
    return 'Lock';
  }
}

/** LockService: document and script locks, contended between executions. */
export class LockServiceImpl implements Partial<GLockService> {
  constructor(
    private readonly rt: Runtime,
    private readonly table: LockTable,
    private readonly keys: { document: () => string },
  ) {}
  private _lock(key: string): GLock {
    return this.rt.facade<GLock>(new LockImpl(this.rt, this.table, key, this.rt.execution.id), 'Lock');
  }
  /**
   * Null outside a containing document: "If this method is called outside of the context of a containing
   * document (such as from a standalone script or webapp), null is returned."
   * https://developers.google.com/apps-script/reference/lock/lock-service#getdocumentlock
   */
  getDocumentLock(): GLock {
    // @types/google-apps-script types the result as Lock; the reference says Lock|null.
    if (!this.rt.containingDocument) return null as unknown as GLock;
    return this._lock(this.keys.document());
  }
  getScriptLock(): GLock {
    return this._lock('script');
  }
  toString(): string {
    return 'LockService';
  }
}
