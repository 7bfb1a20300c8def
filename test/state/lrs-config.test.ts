import { LRS_SETTINGS_KEY as SHELL_KEY } from '@/app/lrs-boot';
import { actorFor } from '@/state/lrs-outbox';
import { LRS_SETTINGS_KEY, isHttpUrl } from '@/state/lrs-config';
import { fakeLrsSettings } from '../fakes/lrs-settings';

const settings = fakeLrsSettings();

describe('LRS settings', () => {
  it('the shell checks the same key the settings are saved under', () => {
    expect(SHELL_KEY).toBe(LRS_SETTINGS_KEY);
  });

  it('one actor across devices: the employee id at the organisation, else the id entered, or the email', () => {
    const trainee = { id: 't-1234abcd', name: 'Li Na' };
    expect(actorFor({ ...settings, accountName: 'E-1001' }, trainee)).toEqual({
      objectType: 'Agent',
      name: 'Li Na',
      account: { homePage: 'https://hr.example.com', name: 'E-1001' },
    });
    expect(actorFor(settings, trainee)?.account?.name).toBe('t-1234abcd');
    expect(actorFor({ ...settings, homePage: ' ' }, trainee)).toBeNull();
    expect(actorFor({ ...settings, identity: 'mbox', email: 'li.na@example.com' }, trainee)).toEqual({
      objectType: 'Agent',
      name: 'Li Na',
      mbox: 'mailto:li.na@example.com',
    });
    expect(actorFor({ ...settings, identity: 'mbox', email: '' }, trainee)).toBeNull();
  });

  it('only http(s) endpoints', () => {
    expect(isHttpUrl('https://lrs.example.com/xAPI/')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('lrs.example.com')).toBe(false);
  });
});
