/**
 * Errors the user can fix. The message is Russian and names where the problem is
 * (sheet, row, column, value); anything that is not a UserError is a bug.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A single value that cannot be used; carries a Russian reason, never becomes NaN or 0. */
export class ValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ValueError';
  }
}
