import 'fake-indexeddb/auto';
import { contentHash } from '@/engine/format/content-hash';
import {
  getAttempt,
  listAttempts,
  saveAttempt,
  saveRubricSnapshot,
  saveScenarioSnapshot,
  clearAllRecords,
} from '@/records/attempts';
import { buildBundle, bundleChecksum, parseBundle, type AttemptBundle } from '@/records/bundle';
import { duplicateIds } from '@/records/aggregate';
import { exportBundle, importBundles, type ImportProgress } from '@/records/import-export';
import { needsRecheck, recheckRows } from '@/records/recheck';
import {
  BAD,
  freshStorage,
  GOOD,
  playRecord,
  rubric,
  rubricHash,
  scenario,
  scenarioHash,
  source,
} from './fixtures';

beforeEach(freshStorage);

async function playAndExport() {
  await saveScenarioSnapshot(scenario, scenarioHash);
  await saveRubricSnapshot(rubric, rubricHash);
  const records = [playRecord(GOOD), playRecord(BAD, { id: 'e-2', name: 'Wang Fang' })];
  for (const r of records) await saveAttempt(r);
  const exported = await exportBundle();
  if (!exported.ok) throw new Error(exported.error.message);
  return { records, exported: exported.value };
}

/** Re-signs an edited bundle, as someone editing it by hand with this code would. */
function resign(bundle: AttemptBundle): string {
  return JSON.stringify({ ...bundle, checksum: bundleChecksum(bundle) });
}

describe('export → import', () => {
  it('round trip: export, wipe storage, import, same attempts and scores, all verified', async () => {
    const { records, exported } = await playAndExport();
    expect(exported.bundle).toMatchObject({
      format: 'composure-attempts',
      bundleVersion: 2,
      hashVersion: 1,
    });
    expect(Object.keys(exported.bundle.scenarios)).toEqual([scenarioHash]);
    expect(exported.bundle.checksum).toBe(bundleChecksum(exported.bundle));
    expect(exported.filename).toMatch(/^composure-attempts-\d{4}-\d{2}-\d{2}\.json$/);

    await clearAllRecords();
    expect(await listAttempts()).toHaveLength(0);

    const [report] = await importBundles([source(exported.filename, exported.json)]);
    expect(report).toEqual({
      file: exported.filename,
      ok: true,
      imported: 2,
      duplicates: 0,
      flagged: 0,
      // BAD's blame came 0.9 s after a line and an answer that take 3 s to read.
      implausible: 1,
      migrated: 0,
    });
    const rows = await listAttempts();
    expect(rows.map((r) => r.verification)).toEqual(['verified', 'verified']);
    for (const r of records) expect(await getAttempt(r.id)).toEqual(r);
  });

  it('the importer needs neither the scenario files nor the rubric: the bundle carries both snapshots', async () => {
    const { exported } = await playAndExport();
    await freshStorage(); // a manager's browser that never saw this scenario
    const [report] = await importBundles([source('a.json', exported.json)]);
    expect(report).toMatchObject({ ok: true, imported: 2, flagged: 0 });
  });

  it('importing the same bundle twice (or two overlapping bundles at once) de-duplicates by id', async () => {
    const { exported } = await playAndExport();
    await clearAllRecords();
    const reports = await importBundles([
      source('one.json', exported.json),
      source('two.json', exported.json),
    ]);
    expect(reports.map((r) => r.ok && [r.imported, r.duplicates])).toEqual([
      [2, 0],
      [0, 2],
    ]);
    const again = await importBundles([source('three.json', exported.json)]);
    expect(again[0]).toMatchObject({ ok: true, imported: 0, duplicates: 2 });
    expect(await listAttempts()).toHaveLength(2);
  });

  it('a score edited by hand, checksum recomputed, is imported but flagged mismatch', async () => {
    const { records, exported } = await playAndExport();
    await freshStorage();
    const failing = records[1]!;
    const tampered = {
      ...exported.bundle,
      attempts: exported.bundle.attempts.map((a) =>
        a.id === failing.id ? { ...a, result: { ...a.result, overall: 96, passed: true } } : a,
      ),
    };
    const [report] = await importBundles([source('tampered.json', resign(tampered))]);
    expect(report).toMatchObject({ ok: true, imported: 2, flagged: 1 });
    const rows = await listAttempts();
    expect(rows.find((r) => r.id === failing.id)?.verification).toBe('mismatch');
    expect(rows.find((r) => r.id === records[0]!.id)?.verification).toBe('verified');
  });

  it('an attempt whose scenario version is not in the bundle or the store is flagged unknown-scenario', async () => {
    const { exported } = await playAndExport();
    await freshStorage();
    const [report] = await importBundles([
      source('noscen.json', resign({ ...exported.bundle, scenarios: {} })),
    ]);
    expect(report).toMatchObject({ ok: true, imported: 2, flagged: 2 });
    expect((await listAttempts()).map((r) => r.verification)).toEqual([
      'unknown-scenario',
      'unknown-scenario',
    ]);
  });

  it('a different scenario smuggled in under a known hash is refused', async () => {
    const { exported } = await playAndExport();
    await freshStorage();
    const forged = {
      ...exported.bundle,
      scenarios: {
        [scenarioHash]: { ...scenario, customer: { ...scenario.customer, mood: { anger: 0, trust: 100 } } },
      },
    };
    const [report] = await importBundles([source('forged.json', resign(forged))]);
    expect(report).toMatchObject({ ok: false, reason: 'invalid-scenario' });
    expect(await listAttempts()).toHaveLength(0);
  });

  it('old v0 records inside a bundle are migrated on import', async () => {
    const record = playRecord(GOOD);
    const v0 = {
      id: 'legacy-1',
      traineeName: 'Old Timer',
      scenarioId: record.scenario.id,
      scenarioVersion: 1,
      scenarioHash,
      rubricHash,
      lang: 'en',
      started: new Date(record.startedAt).toISOString(),
      finished: new Date(record.finishedAt).toISOString(),
      turns: record.turns.map((t) => ({
        node: t.node,
        response: t.responseId!,
        time: new Date(t.at).toISOString(),
      })),
      score: {
        ...record.result.scores,
        overall: record.result.overall,
        passed: record.result.passed,
        critical: [],
        outcome: 'resolved',
        mood: record.result.moodCurve.map((m) => [m.anger, m.trust]),
        broken: record.result.violated,
        missed: record.result.missed,
      },
    };
    const bundle = buildBundle({
      attempts: [v0 as never],
      scenarios: { [scenarioHash]: scenario },
      rubrics: { [rubricHash]: rubric },
    });
    const [report] = await importBundles([source('old.json', JSON.stringify(bundle))]);
    expect(report).toMatchObject({ ok: true, imported: 1, migrated: 1, flagged: 0 });
  });
});

describe('honest verification: consistent is not proof', () => {
  it('a best-path record copied under another trainee (checksum recomputed) is consistent, and both copies are flagged', async () => {
    const { records, exported } = await playAndExport();
    const best = records[0]!;
    const forged = { ...best, id: crypto.randomUUID(), trainee: { id: 'e-9', name: 'Copycat' } };
    const [report] = await importBundles([
      source('copy.json', resign({ ...exported.bundle, attempts: [forged] })),
    ]);
    // The score is consistent with the responses: that much is true, and all the check can say.
    expect(report).toMatchObject({ ok: true, imported: 1, flagged: 0 });
    expect((await listAttempts()).find((r) => r.id === forged.id)?.verification).toBe('verified');
    // The original was saved at the end of play; Review's re-check gives it its fingerprint.
    const stale = (await listAttempts()).filter((r) => needsRecheck(r, new Set([scenarioHash])));
    expect(stale.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    await recheckRows(stale);
    expect(duplicateIds(await listAttempts())).toEqual(new Set([best.id, forged.id]));
  });

  it('an attempt finished 5 ms after it started imports as consistent but implausible', async () => {
    const { records, exported } = await playAndExport();
    await freshStorage();
    const r = records[0]!;
    const instant = {
      ...r,
      turns: r.turns.map((t, i) => ({ ...t, at: r.startedAt + i + 1, msToAnswer: 1 })),
      finishedAt: r.startedAt + 5,
    };
    const backwards = { ...r, id: crypto.randomUUID(), finishedAt: r.startedAt - 1000 };
    const [report] = await importBundles([
      source('odd.json', resign({ ...exported.bundle, attempts: [instant, backwards] })),
    ]);
    expect(report).toMatchObject({ ok: true, imported: 2, flagged: 0, implausible: 2 });
    const rows = await listAttempts();
    expect(rows.find((x) => x.id === r.id)).toMatchObject({ verification: 'verified', flags: ['too-fast'] });
    expect(rows.find((x) => x.id === backwards.id)?.flags).toEqual(['clock-backwards']);
  });
});

describe('import progress', () => {
  it('reports each file and phase, and scores in slices with a yield between them', async () => {
    await saveScenarioSnapshot(scenario, scenarioHash);
    await saveRubricSnapshot(rubric, rubricHash);
    const attempts = Array.from({ length: 600 }, () => playRecord(GOOD));
    const json = JSON.stringify(
      buildBundle({ attempts, scenarios: { [scenarioHash]: scenario }, rubrics: {} }),
    );
    const events: ImportProgress[] = [];
    let yields = 0;
    const reports = await importBundles([source('junk.json', 'nope'), source('big.json', json)], {
      onProgress: (p) => events.push(p),
      yieldEvery: async () => {
        yields += 1;
      },
    });
    expect(reports.map((r) => r.ok)).toEqual([false, true]);
    const line = (p: ImportProgress) => `${p.file}/${p.files} ${p.name} ${p.phase} ${p.done}/${p.total}`;
    expect(events.map(line)).toEqual([
      '0/2 junk.json reading 0/0',
      '0/2 junk.json checking 0/0',
      '1/2 big.json reading 0/0',
      '1/2 big.json checking 0/0',
      '1/2 big.json scoring 0/600',
      '1/2 big.json scoring 250/600',
      '1/2 big.json scoring 500/600',
      '1/2 big.json saving 600/600',
    ]);
    expect(yields).toBe(2);
    expect(await listAttempts()).toHaveLength(600);
  });
});

describe('bad bundles are refused and change nothing', () => {
  async function expectRefused(text: string, reason: string) {
    await saveAttempt(playRecord(GOOD));
    const before = await listAttempts();
    const [report] = await importBundles([source('bad.json', text)]);
    expect(report).toMatchObject({ ok: false, reason });
    expect(await listAttempts()).toEqual(before);
  }

  it('invalid JSON', () => expectRefused('{"format": "composure-attempts", ', 'invalid-json'));
  it('50 MB of junk', () => expectRefused('\u0000junk'.repeat(10 * 1024 * 1024), 'invalid-json'));
  it('JSON that is not a bundle', () => expectRefused('[1,2,3]', 'not-a-bundle'));
  it('a bundle from a newer app', async () => {
    const { exported } = await playAndExport();
    await expectRefused(resign({ ...exported.bundle, bundleVersion: 3 as 2 }), 'newer-version');
  });
  it('a bad checksum (edited without re-signing)', async () => {
    const { exported } = await playAndExport();
    await expectRefused(exported.json.replace(/"overall":\d+(\.\d+)?/, '"overall":13.37'), 'bad-checksum');
  });
  it('one invalid record refuses the whole bundle, valid ones included', async () => {
    const { exported } = await playAndExport();
    await clearAllRecords();
    const bad = {
      ...exported.bundle,
      attempts: [
        ...exported.bundle.attempts,
        { ...exported.bundle.attempts[0]!, id: crypto.randomUUID(), result: { overall: 'lots' } },
      ],
    };
    await expectRefused(resign(bad as AttemptBundle), 'invalid-record');
  });
  it('an oversized file is refused before it is read', async () => {
    let read = false;
    const [report] = await importBundles([
      { name: 'huge.json', size: 200 * 1024 * 1024, text: async () => ((read = true), '') },
    ]);
    expect(report).toMatchObject({ ok: false, reason: 'too-large' });
    expect(read).toBe(false);
  });
  it('deeply nested junk does not crash the importer', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(parseBundle(deep)).toMatchObject({ ok: false });
  });
  it('HTML in a trainee name is kept as plain data (rendering escapes it)', async () => {
    const { exported } = await playAndExport();
    await freshStorage();
    const name = '<img src=x onerror="alert(1)">';
    const evil = {
      ...exported.bundle,
      attempts: exported.bundle.attempts.map((a) => ({ ...a, trainee: { ...a.trainee, name } })),
    };
    const [report] = await importBundles([source('evil.json', resign(evil))]);
    expect(report).toMatchObject({ ok: true, imported: 2 });
    expect((await listAttempts())[0]?.traineeName).toBe(name);
  });
  it('a refused file does not stop the good files next to it', async () => {
    const { exported } = await playAndExport();
    await freshStorage();
    const reports = await importBundles([
      source('junk.json', 'not json'),
      source('good.json', exported.json),
    ]);
    expect(reports.map((r) => r.ok)).toEqual([false, true]);
    expect(await listAttempts()).toHaveLength(2);
  });
  it('the checksum is the content hash of the canonical payload', async () => {
    const { exported } = await playAndExport();
    const { checksum, ...payload } = exported.bundle;
    expect(checksum).toBe(contentHash(payload));
  });
});
