import type { LrsSettings } from '@/state/lrs-config';

/** Saved LRS settings: an account identity at an organisation, basic auth, configured at time 0. */
export function fakeLrsSettings(partial: Partial<LrsSettings> = {}): LrsSettings {
  return {
    endpoint: 'https://lrs.example.com/xAPI/',
    username: 'k',
    password: 's',
    identity: 'account',
    homePage: 'https://hr.example.com',
    accountName: '',
    email: '',
    configuredAt: 0,
    ...partial,
  };
}
