import type { Runtime } from './runtime';
import { AuthMode } from './enums';
import { FULL_ONLY, SCOPE } from './scopes';
import type { GClockTriggerBuilder, GEventType, GScriptApp, GSpreadsheetTriggerBuilder, GTrigger, GTriggerBuilder } from './gas';

/** Apps Script allows 20 triggers per user per script. */
export const MAX_TRIGGERS = 20;

/**
 * How the add-in is deployed, which decides what triggers may do:
 * - 'bound': a script bound to the spreadsheet;
 * - 'addon': an installed editor add-on — "add-ons can only use time-driven triggers at most once per hour"
 *   (https://developers.google.com/apps-script/guides/triggers/installable#time-driven_triggers);
 * - 'addonTest': an editor add-on run through Deploy → Test deployments, where "installable triggers aren't
 *   supported when testing" (https://developers.google.com/workspace/add-ons/how-tos/testing-editor-addons);
 *   the twin refuses to create one with its own wording (Google's text, if any, is not published).
 */
export type Deployment = 'bound' | 'addon' | 'addonTest';
export const TEST_DEPLOYMENT_TRIGGER_ERROR = 'twin: installable triggers are not supported in a test deployment of an editor add-on.';

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: string;
  source: string;
  sourceId: string | null;
  /** For clock triggers: what the builder was told (after, everyMinutes, everyHours). */
  schedule: Record<string, unknown>;
  /**
   * The user who created it. "Installable triggers always run under the account of the person who created
   * them" and "a given account cannot see triggers installed from a second account"
   * (https://developers.google.com/apps-script/guides/triggers/installable#restrictions).
   */
  owner: string;
}

class TriggerImpl implements Partial<GTrigger> {
  constructor(readonly record: TriggerRecord) {}
  getEventType(): GEventType {
    return this.record.eventType as unknown as GEventType;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId as string;
  }
  getUniqueId(): string {
    return this.record.id;
  }
  toString(): string {
    return 'Trigger';
  }
}

/** One builder object serves TriggerBuilder and its spreadsheet and clock variants. */
class TriggerBuilderImpl {
  private source: string | null = null;
  private sourceId: string | null = null;
  private eventType: string | null = null;
  private readonly schedule: Record<string, unknown> = {};
  constructor(
    private readonly rt: Runtime,
    private readonly app: ScriptAppImpl,
    private readonly handler: string,
  ) {}
  get api(): GTriggerBuilder {
    return this.rt.facade<GTriggerBuilder>(this, 'TriggerBuilder');
  }
  private _sourceId(target: unknown, kind: string): string {
    if (typeof target === 'string') return target;
    const impl = this.rt.implOf(target) as { getId?: () => string } | undefined;
    if (!impl?.getId) throw this.rt.signatureError(`TriggerBuilder.${kind}`, [target]);
    return impl.getId();
  }
  forSpreadsheet(sheet: unknown): GSpreadsheetTriggerBuilder {
    this.source = 'SPREADSHEETS';
    this.sourceId = this._sourceId(sheet, 'forSpreadsheet');
    return this as unknown as GSpreadsheetTriggerBuilder;
  }
  timeBased(): GClockTriggerBuilder {
    this.source = 'CLOCK';
    this.eventType = 'CLOCK';
    return this as unknown as GClockTriggerBuilder;
  }
  onFormSubmit(): this {
    this.eventType = 'ON_FORM_SUBMIT';
    return this;
  }
  after(durationMilliseconds: number): this {
    this.schedule.after = durationMilliseconds;
    return this;
  }
  everyMinutes(n: number): this {
    if (![1, 5, 10, 15, 30].includes(n)) throw this.rt.error('The value passed to everyMinutes must be one of 1, 5, 10, 15 or 30.');
    this.app._atMostHourly('everyMinutes');
    this.schedule.everyMinutes = n;
    return this;
  }
  everyHours(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw this.rt.signatureError('ClockTriggerBuilder.everyHours', [n]);
    this.schedule.everyHours = n;
    return this;
  }
  create(): GTrigger {
    if (!this.source || !this.eventType) throw this.rt.error('The trigger is missing its source or event type.');
    if (this.schedule.after !== undefined && typeof this.schedule.after === 'number' && this.schedule.after < 60 * 60 * 1000)
      this.app._atMostHourly('after');
    return this.app._create({
      handler: this.handler,
      eventType: this.eventType,
      source: this.source,
      sourceId: this.sourceId,
      schedule: { ...this.schedule },
    });
  }
  toString(): string {
    return 'TriggerBuilder';
  }
}

/** ScriptApp: AuthMode, installable triggers (FULL mode and the script.scriptapp scope), the OAuth token. */
export class ScriptAppImpl implements Partial<GScriptApp> {
  readonly AuthMode = AuthMode;

  constructor(
    private readonly rt: Runtime,
    readonly triggers: TriggerRecord[],
    private readonly context: { user: () => string; deployment: () => Deployment },
  ) {}

  /** Add-ons may not run time-driven triggers more often than hourly (see Deployment). */
  _atMostHourly(method: string): void {
    if (this.context.deployment() !== 'bound') {
      throw this.rt.error(`twin: add-ons can use time-driven triggers at most once per hour (ClockTriggerBuilder.${method}).`);
    }
  }
  private _mine(): TriggerRecord[] {
    const user = this.context.user();
    return this.triggers.filter((t) => t.owner === user);
  }

  private _full(method: string): void {
    this.rt.requireMode(`ScriptApp.${method}`, FULL_ONLY, SCOPE.scriptApp);
    this.rt.requireScope(`ScriptApp.${method}`, [SCOPE.scriptApp]);
  }
  _create(spec: Omit<TriggerRecord, 'id' | 'owner'>): GTrigger {
    this._full('newTrigger');
    if (this.context.deployment() === 'addonTest') throw this.rt.error(TEST_DEPLOYMENT_TRIGGER_ERROR);
    if (this._mine().length >= MAX_TRIGGERS) {
      throw this.rt.error('This script has too many triggers. Triggers must be deleted from the script before more can be added.');
    }
    const record: TriggerRecord = { id: String(1000000 + this.rt.nextSeq()), ...spec, owner: this.context.user() };
    this.triggers.push(record);
    return this.rt.facade<GTrigger>(new TriggerImpl(record), 'Trigger');
  }

  newTrigger(functionName: string): GTriggerBuilder {
    this._full('newTrigger');
    if (typeof functionName !== 'string' || !functionName) throw this.rt.signatureError('ScriptApp.newTrigger', [functionName]);
    return new TriggerBuilderImpl(this.rt, this, functionName).api;
  }
  getProjectTriggers(): GTrigger[] {
    this._full('getProjectTriggers');
    return this.rt.realm.copy(this._mine().map((t) => this.rt.facade<GTrigger>(new TriggerImpl(t), 'Trigger')));
  }
  getUserTriggers(document: unknown): GTrigger[] {
    this._full('getUserTriggers');
    const impl = this.rt.implOf(document) as { getId?: () => string } | undefined;
    if (!impl?.getId) throw this.rt.signatureError('ScriptApp.getUserTriggers', [document]);
    const id = impl.getId();
    return this.rt.realm.copy(
      this._mine()
        .filter((t) => t.sourceId === id)
        .map((t) => this.rt.facade<GTrigger>(new TriggerImpl(t), 'Trigger')),
    );
  }
  deleteTrigger(trigger: GTrigger): void {
    this._full('deleteTrigger');
    const impl = this.rt.unwrap(trigger, TriggerImpl, 'ScriptApp.deleteTrigger');
    // Only the owner's own triggers can be found, so only they can be deleted.
    const index = this.triggers.findIndex((t) => t.id === impl.record.id && t.owner === this.context.user());
    if (index >= 0) this.triggers.splice(index, 1);
  }
  getOAuthToken(): string {
    return 'twin-token';
  }
  toString(): string {
    return 'ScriptApp';
  }
}
