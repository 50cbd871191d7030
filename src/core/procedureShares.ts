/**
 * One school's failing share of each procedure in one year (docs/методика.md §9, the shares «ШНОР» and «История» show),
 * read like a Map. 40 000 schools × their years of Maps keep hundreds of bytes each alive for the whole run, and the
 * collector copies every one of them: a row here is its values (unboxed) and a list of names shared by every row that
 * lists the same procedures in the same order, which most rows of a region do.
 */

/** What the report's readers use of a row; a Map of the same content is one too (tests build them so). */
export interface ShareRow {
  readonly size: number;
  /**
   * The names in order, as a list shared by the rows that list the same procedures (a Map has none): a reader of many
   * rows can take each list once.
   */
  readonly names?: readonly string[];
  /** The failing share (null = нет участников), or undefined when the procedure is not in the row. */
  get(name: string): number | null | undefined;
  has(name: string): boolean;
  /** Procedure names in the order they were first added. */
  keys(): IterableIterator<string>;
  values(): IterableIterator<number | null>;
  entries(): IterableIterator<[string, number | null]>;
}

/** Past this many names a list finds a name by a Map of positions rather than by walking it. */
const SCANNED_NAMES = 8;

/** A list of procedure names, shared: the same list with one more name is found, not made again. */
class NameList {
  // Declared fields (docs/architecture.md, «Conventions»).
  declare readonly names: readonly string[];
  declare private readonly longer: Map<string, NameList>;
  declare private positions: Map<string, number> | null;
  /** The last longer list asked for: the rows of a region add their procedures in the same order. */
  declare private lastName: string | null;
  declare private lastLonger: NameList | null;

  constructor(names: readonly string[]) {
    this.names = names;
    this.longer = new Map();
    this.positions = null;
    this.lastName = null;
    this.lastLonger = null;
  }

  with(name: string): NameList {
    if (name === this.lastName) return this.lastLonger as NameList;
    let list = this.longer.get(name);
    if (list === undefined) this.longer.set(name, (list = new NameList([...this.names, name])));
    this.lastName = name;
    this.lastLonger = list;
    return list;
  }

  indexOf(name: string): number {
    const names = this.names;
    if (names.length <= SCANNED_NAMES) {
      for (let i = 0; i < names.length; i++) if (names[i] === name) return i;
      return -1;
    }
    if (this.positions === null) this.positions = new Map(names.map((n, i) => [n, i]));
    return this.positions.get(name) ?? -1;
  }
}

/** Rows made by one `newRow` share their name lists. */
export function shareRows(): { newRow: () => ProcedureShares } {
  const empty = new NameList([]);
  return { newRow: () => new ProcedureShares(empty) };
}

/** A row of shares; `set` only while it is being filled (sharesUpTo), readers see a ShareRow. */
export class ProcedureShares implements ShareRow {
  // Declared fields (docs/architecture.md, «Conventions»).
  declare private list: NameList;
  /** Parallel to the list's names; NaN stands for null, so that the array holds plain doubles. */
  declare private readonly shares: number[];

  constructor(list: NameList) {
    this.list = list;
    this.shares = [];
  }

  get size(): number {
    return this.shares.length;
  }

  get names(): readonly string[] {
    return this.list.names;
  }

  get(name: string): number | null | undefined {
    const i = this.list.indexOf(name);
    return i < 0 ? undefined : shareAt(this.shares, i);
  }

  has(name: string): boolean {
    return this.list.indexOf(name) >= 0;
  }

  set(name: string, share: number | null): void {
    const i = this.list.indexOf(name);
    const stored = share === null ? NaN : share;
    if (i >= 0) {
      this.shares[i] = stored;
      return;
    }
    this.list = this.list.with(name);
    this.shares.push(stored);
  }

  *keys(): IterableIterator<string> {
    yield* this.list.names;
  }

  *values(): IterableIterator<number | null> {
    for (let i = 0; i < this.shares.length; i++) yield shareAt(this.shares, i);
  }

  *entries(): IterableIterator<[string, number | null]> {
    const names = this.list.names;
    for (let i = 0; i < this.shares.length; i++) yield [names[i], shareAt(this.shares, i)];
  }

  [Symbol.iterator](): IterableIterator<[string, number | null]> {
    return this.entries();
  }
}

function shareAt(shares: readonly number[], i: number): number | null {
  const share = shares[i];
  return Number.isNaN(share) ? null : share;
}

/** A row without procedures, for a school without rows of a year. */
export const NO_SHARES: ShareRow = new Map<string, number | null>();
