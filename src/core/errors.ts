import type { Finding } from './findings.js';

/** Bad command-line usage: exit 2 with a one-line message. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Unreadable or invalid data, unknown role, cycle: exit 2. May carry positioned findings. */
export class DataError extends Error {
  override name = 'DataError';
  constructor(
    message: string,
    readonly findings: Finding[] = [],
  ) {
    super(message);
  }
}
