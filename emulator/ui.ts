import type { Runtime } from './runtime';
import { Button, ButtonSet } from './enums';
import { SCOPE } from './scopes';
import type { GButton, GHtmlOutput, GMenu, GPromptResponse, GUi } from './gas';
import { HtmlOutputImpl } from './html';

export type MenuEntry = { caption: string; functionName: string } | { separator: true } | { caption: string; submenu: MenuEntry[] };

export interface RecordedMenu {
  /** The menu's caption; null for an add-on menu (Extensions → add-on name). */
  name: string | null;
  addon: boolean;
  items: MenuEntry[];
}

export interface RecordedAlert {
  kind: 'alert' | 'prompt';
  title: string;
  message: string;
  buttons: string;
  answer: string;
}

export interface RecordedPanel {
  kind: 'sidebar';
  title: string;
  content: string;
  width: number;
}

export interface RecordedToast {
  message: string;
  title: string;
  timeoutSeconds: number | null;
}

/**
 * What the user would see, recorded for tests: menus added, alerts and prompts (answered from
 * queues the test fills), sidebars and toasts.
 */
export class UiRecorder {
  readonly menus: RecordedMenu[] = [];
  readonly alerts: RecordedAlert[] = [];
  readonly sidebars: RecordedPanel[] = [];
  readonly toasts: RecordedToast[] = [];
  private readonly answers: string[] = [];
  private readonly prompts: Array<{ text: string; button: string }> = [];

  /** The next alert returns this button (Button.YES, 'NO', ...). */
  queueAnswer(button: GButton | string): void {
    this.answers.push(String(button));
  }
  /** The next prompt returns this text and button (OK by default). */
  queuePrompt(text: string, button: GButton | string = 'OK'): void {
    this.prompts.push({ text, button: String(button) });
  }
  nextAnswer(): string | undefined {
    return this.answers.shift();
  }
  nextPrompt(): { text: string; button: string } | undefined {
    return this.prompts.shift();
  }
  /** The add-on menu (or the named menu) as last added; undefined when none. */
  menu(name: string | null = null): RecordedMenu | undefined {
    return this.menus.find((m) => (name === null ? m.addon : m.name === name));
  }
  addMenu(menu: RecordedMenu): void {
    // Adding a menu with the same name again replaces it (onOpen runs on every open).
    const index = this.menus.findIndex((m) => m.addon === menu.addon && m.name === menu.name);
    if (index >= 0) this.menus.splice(index, 1, menu);
    else this.menus.push(menu);
  }
}

class MenuImpl implements Partial<GMenu> {
  readonly items: MenuEntry[] = [];
  constructor(
    private readonly rt: Runtime,
    private readonly recorder: UiRecorder,
    readonly name: string | null,
    private readonly addon: boolean,
  ) {}
  get api(): GMenu {
    return this.rt.facade<GMenu>(this, 'Menu');
  }
  addItem(caption: string, functionName: string): GMenu {
    if (typeof caption !== 'string' || typeof functionName !== 'string')
      throw this.rt.signatureError('Menu.addItem', [caption, functionName]);
    this.items.push({ caption, functionName });
    return this.api;
  }
  addSeparator(): GMenu {
    this.items.push({ separator: true });
    return this.api;
  }
  addSubMenu(menu: GMenu): GMenu {
    const sub = this.rt.unwrap(menu, MenuImpl, 'Menu.addSubMenu');
    this.items.push({ caption: sub.name ?? '', submenu: sub.items.slice() });
    return this.api;
  }
  addToUi(): void {
    this.recorder.addMenu({ name: this.name, addon: this.addon, items: this.items.slice() });
  }
  toString(): string {
    return 'Menu';
  }
}

class PromptResponseImpl implements Partial<GPromptResponse> {
  constructor(
    private readonly text: string,
    private readonly button: string,
  ) {}
  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GButton {
    return this.button as unknown as GButton;
  }
  toString(): string {
    return 'PromptResponse';
  }
}

/** SpreadsheetApp.getUi(). Menus work in every AuthMode; sidebars need FULL. */
export class UiImpl implements Partial<GUi> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly rt: Runtime,
    private readonly recorder: UiRecorder,
  ) {}

  private _interactive(method: string, modes: ReadonlyArray<'LIMITED' | 'FULL'>): void {
    this.rt.requireMode(`Ui.${method}`, modes, SCOPE.containerUi);
    this.rt.requireScope(`Ui.${method}`, [SCOPE.containerUi]);
  }
  /** alert(prompt) / alert(prompt, buttons) / alert(title, prompt, buttons). */
  private _args(args: unknown[]): { title: string; message: string; buttons: string } {
    if (args.length >= 3) return { title: String(args[0]), message: String(args[1]), buttons: String(args[2]) };
    return { title: '', message: String(args[0] ?? ''), buttons: args.length === 2 ? String(args[1]) : 'OK' };
  }

  createMenu(caption: string): GMenu {
    return new MenuImpl(this.rt, this.recorder, String(caption), false).api;
  }
  createAddonMenu(): GMenu {
    return new MenuImpl(this.rt, this.recorder, null, true).api;
  }
  /**
   * Shows an alert. The answer comes from twin.ui.queueAnswer(); with nothing queued an OK-only
   * alert is acknowledged with OK and a question throws, so a test cannot forget to answer it.
   */
  alert(...args: unknown[]): GButton {
    this._interactive('alert', ['LIMITED', 'FULL']);
    const { title, message, buttons } = this._args(args);
    let answer = this.recorder.nextAnswer();
    if (answer === undefined) {
      if (buttons !== 'OK') throw this.rt.error(`twin: no answer queued for the alert «${message}» (twin.ui.queueAnswer)`);
      answer = 'OK';
    }
    this.recorder.alerts.push({ kind: 'alert', title, message, buttons, answer });
    return answer as unknown as GButton;
  }
  prompt(...args: unknown[]): GPromptResponse {
    this._interactive('prompt', ['LIMITED', 'FULL']);
    const { title, message, buttons } = this._args(args);
    const queued = this.recorder.nextPrompt();
    if (!queued) throw this.rt.error(`twin: no response queued for the prompt «${message}» (twin.ui.queuePrompt)`);
    const button = buttons === 'OK' && queued.button !== 'CLOSE' ? 'OK' : queued.button;
    this.recorder.alerts.push({ kind: 'prompt', title, message, buttons, answer: button });
    return this.rt.facade<GPromptResponse>(new PromptResponseImpl(queued.text, button), 'PromptResponse');
  }
  showSidebar(userInterface: GHtmlOutput): void {
    this._interactive('showSidebar', ['FULL']);
    const out = this.rt.unwrap(userInterface, HtmlOutputImpl, 'Ui.showSidebar');
    this.recorder.sidebars.push({ kind: 'sidebar', title: out.title, content: out.getContent(), width: out.width });
  }
  toString(): string {
    return 'Ui';
  }
}
