/** The record format this build writes, and the oldest it can still read (through `migrations.ts`). */
export const RECORD_VERSION = 2;
export const MIN_RECORD_VERSION = 0;
