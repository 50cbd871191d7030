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
    // Always caught and said in words, never shown with its stack: capturing one costs microseconds, and reading a
    // sheet tries values that do not fit thousands of times (the header matcher's evidence).
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = limit;
    this.name = 'ValueError';
  }
}
