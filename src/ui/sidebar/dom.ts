/**
 * Tiny DOM helpers. Text always goes in through textContent / createTextNode, never as HTML,
 * because school names, headers and sheet names come from the spreadsheet and are untrusted.
 */

type Attrs = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

/** Creates an element with attributes (boolean true = present, false/undefined = absent) and text or node children. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'className') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  append(node, ...children);
  return node;
}

/** Appends text (as a text node) or nodes. */
export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces all children of a node. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** An <option> whose visible text is set with option.text (safe for any string). */
export function option(value: string, text: string, selected = false): HTMLOptionElement {
  const o = document.createElement('option');
  o.value = value;
  o.text = text;
  o.selected = selected;
  return o;
}

/** Looks up an element the page's HTML is known to contain. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from index.html`);
  return node as T;
}

let idCounter = 0;
/** A fresh id for pairing a <label for> with its control. */
export function freshId(prefix: string): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Shows a status line: plain text, or a list of lines (each its own text node), styled as error or not. */
export function showStatus(target: HTMLElement, lines: string | string[], kind: 'ok' | 'error' | 'info' = 'info'): void {
  const list = typeof lines === 'string' ? [lines] : lines;
  target.className = `status ${kind === 'error' ? 'error' : kind === 'ok' ? 'ok' : 'secondary'}`;
  replaceChildren(target);
  list.forEach((line, i) => {
    if (i > 0) target.appendChild(document.createElement('br'));
    target.appendChild(document.createTextNode(line));
  });
  target.hidden = list.length === 0;
}

/** Clears a status line. */
export function clearStatus(target: HTMLElement): void {
  replaceChildren(target);
  target.hidden = true;
}
