/** The content-format versions this build writes, and the oldest it can still read (via migrations). */
export const SCENARIO_SCHEMA_VERSION = 1;
export const MIN_SCENARIO_SCHEMA_VERSION = 0;
export const RUBRIC_SCHEMA_VERSION = 1;
