// Stable vocabularies from TRAINING-MATERIAL.md. Rule ids are open strings (a company may add rules),
// but personas, temperaments, principles and outcomes are closed sets the engine reasons about.
// Id shapes, limits and defaults are in limits.ts.
export const PRINCIPLES = ['listening', 'apology', 'resolution', 'etiquette'] as const;
export type Principle = (typeof PRINCIPLES)[number];

/** M1's four mindsets while complaining. */
export const PERSONAS = ['quality-watcher', 'rational', 'negotiator', 'victim'] as const;
export type Persona = (typeof PERSONAS)[number];

/** M5's seven customer types. */
export const TEMPERAMENTS = [
  'sociable',
  'impatient',
  'chatty-complainer',
  'hostile-changeable',
  'timid',
  'special-demands',
  'price-haggler',
] as const;
export type Temperament = (typeof TEMPERAMENTS)[number];

/** M1's four after-complaint mindsets plus the drastic means of M1. Ordered best first. */
export const OUTCOMES = [
  'loyal',
  'resolved',
  'wait-and-see',
  'customer-lost',
  'went-to-media',
  'went-to-regulator',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const CHANNELS = ['phone', 'chat', 'counter'] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;

export const PROMISE_STATES = ['pending', 'kept', 'broken'] as const;
