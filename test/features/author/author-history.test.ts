import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import {
  closeHistoryForTests,
  listVersions,
  MAX_VERSIONS,
  readVersion,
  saveVersion,
  VERSION_SPAN_MS,
} from '@/state/author-history';

describe('draft history', () => {
  beforeEach(async () => {
    globalThis.indexedDB = new IDBFactory();
    await closeHistoryForTests();
  });

  it('types into the newest version for a minute, then starts another; a replacement is its own', async () => {
    await saveVersion('a', 'typing', 1_000);
    await saveVersion('ab', 'typing', 30_000);
    await saveVersion('ab', 'typing', 40_000); // unchanged: nothing written
    let versions = await listVersions();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      reason: 'typing',
      savedAt: 30_000,
      startedAt: 1_000,
      chars: 2,
      lines: 1,
    });

    await saveVersion('abc', 'typing', 1_000 + VERSION_SPAN_MS);
    await saveVersion('{\n}', 'example', 1_000 + VERSION_SPAN_MS + 1);
    await saveVersion('{\n }', 'typing', 1_000 + VERSION_SPAN_MS + 2);
    versions = await listVersions();
    expect(versions.map((v) => v.reason)).toEqual(['typing', 'example', 'typing', 'typing']);
    expect(versions[1]!.lines).toBe(2);
    expect((await readVersion(versions.at(-1)!.id))?.text).toBe('ab');
  });

  it(`keeps the newest ${MAX_VERSIONS}`, async () => {
    for (let i = 0; i < MAX_VERSIONS + 5; i += 1) await saveVersion(`v${i}`, 'file', i);
    const versions = await listVersions();
    expect(versions).toHaveLength(MAX_VERSIONS);
    expect((await readVersion(versions[0]!.id))?.text).toBe(`v${MAX_VERSIONS + 4}`);
    expect((await readVersion(versions.at(-1)!.id))?.text).toBe('v5');
  });
});
