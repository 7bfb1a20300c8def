// The IRIs Composure's statements use. Verbs and activity types are ADL's and cmi5's own; the
// extensions are Composure's and are defined in the xAPI profile published at
// public/xapi/composure-profile.jsonld (a test checks that every IRI used here is defined there).

/** The profile's IRI; every statement names it in `context.contextActivities.category`. */
export const PROFILE_IRI = 'https://w3id.org/xapi/composure';
export const PROFILE_VERSION_IRI = `${PROFILE_IRI}/v1.0`;

/** Activity ids for scenarios and their nodes live under this base unless settings give another. */
export const DEFAULT_ACTIVITY_BASE = `${PROFILE_IRI}/activities`;

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  responded: 'http://adlnet.gov/expapi/verbs/responded',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
  profile: 'http://adlnet.gov/expapi/activities/profile',
} as const;

const ext = (name: string) => `${PROFILE_IRI}/extensions/${name}`;

/** Composure's extensions: where each goes and what it holds is in the profile. */
export const EXTENSIONS = {
  /** context: the attempt's identity and what replays it (scenario hash, rubric, seed, record version). */
  attempt: ext('attempt'),
  /** context of `responded`: turn number, node, response followed, kind of input, time to answer. */
  turn: ext('turn'),
  /** result of `responded`: the evidence the turn earned, as the debrief shows it. */
  evidence: ext('evidence'),
  /** result of `responded`: the customer's anger and trust after the turn. */
  mood: ext('mood'),
  /** result of `responded` for a typed reply: how the analyzer read it (replays it exactly). */
  reading: ext('reading'),
  /** result of `passed`/`failed`: the score for each principle (0–100 or null). */
  principleScores: ext('principle-scores'),
  /** result of `terminated` (and `passed`/`failed`): the whole stored result, for recomputation. */
  result: ext('result'),
} as const;

/** cmi5 (https://aicc.github.io/CMI-5_Spec_Current/) IRIs the cmi5-defined statements need. */
export const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
  launchMode: 'https://w3id.org/xapi/cmi5/context/extensions/launchmode',
} as const;

/** Namespace for the name-based statement ids (a fixed random UUID: never change it). */
export const STATEMENT_ID_NAMESPACE = '2f0b8a5e-5a1c-4d43-9a57-3c0f6f1e7b21';
