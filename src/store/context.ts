import type { SegmentsDb } from './db';

/** What every store module works with: the database, the clock and the one id allocator. */
export interface StoreContext {
  db: SegmentsDb;
  now(): Date;
  newId(): string;
  /** Locale for dates typed in filters and for collation (Setup's, else the option's). */
  locale: string;
  /** Fault injection for tests: called while `log` writes, after each block of entries. */
  faults?: { duringLog?(entriesWritten: number): void };
}
