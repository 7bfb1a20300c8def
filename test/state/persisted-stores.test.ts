// @vitest-environment jsdom
// The stores that keep settings in localStorage read what an older build saved there (bare values,
// before zustand's `persist`), and nothing saved, however broken, keeps the app from starting.
import { fakeLrsSettings } from '../fakes/lrs-settings';

const TRAINEE = 'composure.trainee';
const SETTINGS = 'composure.settings';
const DRAFT = 'composure.author.draft';
const LRS = 'composure.lrs';

const lrsSettings = fakeLrsSettings({ configuredAt: 5 });

/** The stores as a fresh page load creates them, from what localStorage holds now. */
async function load() {
  vi.resetModules();
  const [trainee, settings, author, lrs] = await Promise.all([
    import('@/state/trainee-store'),
    import('@/state/settings-store'),
    import('@/state/author-store'),
    import('@/state/lrs-config'),
  ]);
  return {
    trainee: trainee.useTrainee.getState().trainee,
    settings: (({ turnTimer, typingMs }) => ({ turnTimer, typingMs }))(settings.useSettings.getState()),
    draft: author.useAuthor.getState().text,
    lrs: lrs.readLrsSettings(),
    modules: { trainee, settings, author, lrs },
  };
}

const saved = (key: string): unknown => JSON.parse(localStorage.getItem(key)!);

beforeEach(() => localStorage.clear());
afterEach(() => vi.restoreAllMocks());

describe('stores kept in localStorage', () => {
  it('read the bare values an older build saved, and rewrite them in the versioned form', async () => {
    localStorage.setItem(TRAINEE, JSON.stringify({ id: 'E-7', name: 'Li Na' }));
    localStorage.setItem(SETTINGS, JSON.stringify({ turnTimer: true, typingMs: 0 }));
    localStorage.setItem(DRAFT, '{ "id": "my-call",\n  "nodes": [] }');
    localStorage.setItem(LRS, JSON.stringify(lrsSettings));

    const stores = await load();
    expect(stores.trainee).toEqual({ id: 'E-7', name: 'Li Na' });
    expect(stores.settings).toEqual({ turnTimer: true, typingMs: 0 });
    expect(stores.draft).toBe('{ "id": "my-call",\n  "nodes": [] }');
    expect(stores.lrs).toEqual(lrsSettings);

    expect(saved(TRAINEE)).toEqual({ state: { trainee: { id: 'E-7', name: 'Li Na' } }, version: 1 });
    expect(saved(DRAFT)).toEqual({ state: { text: '{ "id": "my-call",\n  "nodes": [] }' }, version: 1 });
    expect(saved(LRS)).toEqual({ state: { settings: lrsSettings }, version: 1 });
  });

  it('read back what they saved themselves', async () => {
    const first = await load();
    first.modules.trainee.useTrainee.getState().setTrainee(' Zhang Wei ', 'E-42');
    first.modules.settings.useSettings.getState().update({ typingMs: 300 });
    first.modules.author.authorDraft.setState({ text: '{ "draft": 1 }' }); // what a check saves
    first.modules.lrs.writeLrsSettings({ ...lrsSettings, identity: 'mbox', email: 'a@example.com' });

    const again = await load();
    expect(again.trainee).toEqual({ id: 'E-42', name: 'Zhang Wei' });
    expect(again.settings).toEqual({ turnTimer: false, typingMs: 300 });
    expect(again.draft).toBe('{ "draft": 1 }');
    expect(again.lrs?.email).toBe('a@example.com');
  });

  it('remove the key when nothing is left to keep, as before', async () => {
    localStorage.setItem(TRAINEE, JSON.stringify({ id: 'E-7', name: 'Li Na' }));
    localStorage.setItem(LRS, JSON.stringify(lrsSettings));
    const { modules } = await load();
    modules.trainee.useTrainee.getState().clear();
    modules.lrs.writeLrsSettings(null);
    expect(localStorage.getItem(TRAINEE)).toBeNull();
    expect(localStorage.getItem(LRS)).toBeNull(); // the shell loads no xAPI code without this key
  });

  it.each([
    ['text that is not JSON', '{not json'],
    ['JSON of another shape', '[1, 2, 3]'],
    ['null', 'null'],
    ['a versioned value with wrong fields', JSON.stringify({ state: { trainee: 5, text: 7 }, version: 1 })],
    ['a value from a newer build', JSON.stringify({ state: { trainee: 'x', settings: {} }, version: 99 })],
  ])('start with their defaults over %s', async (_, raw) => {
    for (const key of [TRAINEE, SETTINGS, LRS]) localStorage.setItem(key, raw);
    localStorage.setItem(DRAFT, JSON.stringify({ state: { text: 7 }, version: 1 }));
    const stores = await load();
    expect(stores.trainee).toBeNull();
    expect(stores.settings).toEqual({ turnTimer: false, typingMs: 900 });
    expect(stores.draft).toBe('');
    expect(stores.lrs).toBeNull();
  });

  it('drop unusable fields one by one: a negative delay, a blank name, a script endpoint', async () => {
    localStorage.setItem(SETTINGS, JSON.stringify({ turnTimer: true, typingMs: -1 }));
    localStorage.setItem(TRAINEE, JSON.stringify({ id: 'E-7', name: '  ' }));
    localStorage.setItem(LRS, JSON.stringify({ ...lrsSettings, endpoint: 'javascript:alert(1)' }));
    const stores = await load();
    expect(stores.settings).toEqual({ turnTimer: true, typingMs: 900 });
    expect(stores.trainee).toBeNull();
    expect(stores.lrs).toBeNull();
  });

  it('keep working in memory when localStorage throws on every call', async () => {
    const blocked = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(blocked);
    const { trainee, modules } = await load();
    expect(trainee).toBeNull();
    modules.trainee.useTrainee.getState().setTrainee('Li Na', 'E-7');
    expect(modules.trainee.useTrainee.getState().trainee).toEqual({ id: 'E-7', name: 'Li Na' });
    modules.trainee.useTrainee.getState().clear();
    modules.settings.useSettings.getState().update({ turnTimer: true });
    expect(modules.settings.useSettings.getState().turnTimer).toBe(true);
  });
});
