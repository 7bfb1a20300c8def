import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { expected, keyPlan, paths, scenarioCases } from './helpers/paths';

// `npm run build:scorm`'s packages in an LMS played by scorm-again (window.API for SCORM 1.2,
// window.API_1484_11 for 2004) on a harness page: the manifests validate against the ADL schemas,
// a run ends with the engine's score and status, and a reload mid-attempt on a device that kept
// nothing resumes from the suspend data alone.
// https: the app needs a secure context (crypto.randomUUID), as on any LMS served over TLS.
const ORIGIN = 'https://lms.test';
const { cases } = scenarioCases();
const c = cases.find((x) => x.scenario.id === 'disputed-fee') ?? cases[0]!;
const OUT = mkdtempSync(join(tmpdir(), 'composure-scorm-'));
const VERSIONS = [
  { version: '1.2', tag: 'scorm12', api: 'API', set: 'LMSSetValue.cmi.*' },
  { version: '2004', tag: 'scorm2004', api: 'API_1484_11', set: 'SetValue.cmi.*' },
] as const;

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  test.setTimeout(300_000);
  const built = spawnSync('node', ['scripts/build-scorm.mjs', '--out', OUT, '--scenarios', c.scenario.id], {
    encoding: 'utf8',
  });
  expect(built.status, built.stderr + built.stdout).toBe(0);
  extractAll();
});
test.afterAll(() => rmSync(OUT, { recursive: true, force: true }));

/** The entries of a zip this project wrote (stored or deflated, no zip64). */
function unzip(file: string): Map<string, Buffer> {
  const buf = readFileSync(file);
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const body = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(body) : Buffer.from(body));
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const PACKAGES = ['composure-library', `composure-${c.scenario.id}`];
const unzipped = new Map<string, Map<string, Buffer>>();

/** Each package unzipped into OUT/unzipped-<name>, as an LMS would on import. */
function extractAll() {
  for (const { tag } of VERSIONS) {
    for (const pkg of PACKAGES) {
      const files = unzip(join(OUT, `${pkg}-${tag}.zip`));
      const dir = join(OUT, `unzipped-${pkg}-${tag}`);
      for (const [name, data] of files) {
        mkdirSync(dirname(join(dir, name)), { recursive: true });
        writeFileSync(join(dir, name), data);
      }
      unzipped.set(`${pkg}-${tag}`, files);
    }
  }
}

test('every manifest validates against the ADL schemas with xmllint', () => {
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  expect(probe.error, 'xmllint is missing: apt-get install libxml2-utils').toBeUndefined();
  for (const { tag } of VERSIONS) {
    for (const pkg of PACKAGES) {
      const files = unzipped.get(`${pkg}-${tag}`)!;
      const dir = join(OUT, `unzipped-${pkg}-${tag}`);
      expect([...files.keys()]).toEqual(expect.arrayContaining(['imsmanifest.xml', 'index.html']));
      const manifest = files.get('imsmanifest.xml')!.toString('utf8');
      // Every file the manifest lists is in the package.
      for (const [, href] of manifest.matchAll(/<file href="([^"]+)"/g))
        expect(files.has(href!), href).toBe(true);
      const valid = spawnSync(
        'xmllint',
        [
          '--noout',
          '--schema',
          `test/fixtures/scorm-xsd/${tag}/validate-manifest.xsd`,
          join(dir, 'imsmanifest.xml'),
        ],
        { encoding: 'utf8' },
      );
      expect(valid.status, `${pkg}-${tag}: ${valid.stderr}`).toBe(0);
      expect(valid.stderr).toContain('validates');
    }
  }
  // And a broken one is refused: the check has teeth.
  const broken = join(OUT, 'broken.xml');
  writeFileSync(
    broken,
    readFileSync(join(OUT, `unzipped-composure-library-scorm12/imsmanifest.xml`), 'utf8').replace(
      'adlcp:scormtype="sco"',
      'adlcp:scormtype="lesson"',
    ),
  );
  const refused = spawnSync(
    'xmllint',
    ['--noout', '--schema', 'test/fixtures/scorm-xsd/scorm12/validate-manifest.xsd', broken],
    {
      encoding: 'utf8',
    },
  );
  expect(refused.status).not.toBe(0);
});

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function harness(version: '1.2' | '2004', launch: string): string {
  return `<!doctype html><html><head><title>LMS harness</title>
<script src="/scorm-again.js"></script>
<script>
  const V = ${JSON.stringify(version)};
  const KEY = 'harness-' + V;
  const store = JSON.parse(localStorage.getItem(KEY) || '{"values":{},"calls":[]}');
  const save = () => localStorage.setItem(KEY, JSON.stringify(store));
  const api = V === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  const learner = V === '1.2' ? api.cmi.core : api.cmi;
  learner[V === '1.2' ? 'student_id' : 'learner_id'] = 'L-0042';
  learner[V === '1.2' ? 'student_name' : 'learner_name'] = 'Learner, Test';
  if (store.values['cmi.suspend_data']) {
    api.cmi.suspend_data = store.values['cmi.suspend_data'];
    (V === '1.2' ? api.cmi.core : api.cmi).entry = 'resume';
  }
  api.on(${JSON.stringify(VERSIONS.find((v) => v.version === version)!.set)}, (element, value) => { store.values[element] = value; save(); });
  for (const call of V === '1.2' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'])
    api.on(call, () => { store.calls.push(call); save(); });
  window[${JSON.stringify(VERSIONS.find((v) => v.version === version)!.api)}] = api;
</script></head>
<body><iframe id="sco" title="SCO" src="${launch}" style="width:100%;height:95vh;border:0"></iframe></body></html>`;
}

async function serve(page: Page, version: '1.2' | '2004', dir: string, launch: string) {
  const scormAgain = readFileSync('node_modules/scorm-again/dist/scorm-again.min.js');
  await page.route(`${ORIGIN}/**`, async (route) => {
    const path = decodeURIComponent(new URL(route.request().url()).pathname);
    if (path === '/harness.html')
      return route.fulfill({ body: harness(version, launch), contentType: 'text/html' });
    if (path === '/scorm-again.js')
      return route.fulfill({ body: scormAgain, contentType: 'text/javascript' });
    if (path.startsWith('/pkg/')) {
      try {
        const body = readFileSync(join(dir, path.slice('/pkg/'.length)));
        return route.fulfill({ body, contentType: TYPES[extname(path)] ?? 'application/octet-stream' });
      } catch {
        return route.fulfill({ status: 404, body: 'not found' });
      }
    }
    return route.fulfill({ status: 404, body: 'not found' });
  });
}

async function lms(page: Page, version: string) {
  return page.evaluate(
    (key) =>
      JSON.parse(localStorage.getItem(key) ?? '{}') as { values: Record<string, string>; calls: string[] },
    `harness-${version}`,
  );
}

async function play(frame: Frame, steps: Array<{ turn: number; node: string; choice: string }>) {
  for (const step of steps) {
    const responses = frame.getByTestId('responses');
    await expect(responses).toHaveAttribute('data-turn', String(step.turn));
    await expect(responses).toHaveAttribute('data-node', step.node);
    await responses.locator(`[data-response="${step.choice}"]`).click();
  }
}

for (const { version, tag } of VERSIONS) {
  test(`SCORM ${version}: a run reports the engine's score and status; a reload mid-attempt resumes from suspend data`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const dir = join(OUT, `unzipped-composure-${c.scenario.id}-${tag}`);
    const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
    // Launch as an LMS does: the resource's href plus the item's parameters.
    const href = /<resource [^>]*href="([^"]+)"/.exec(manifest)![1]!;
    const parameters = /<item [^>]*parameters="([^"]+)"/.exec(manifest)![1]!;
    const launch = `/pkg/${href}${parameters.replace(/&amp;/g, '&')}`;
    await serve(page, version, dir, launch);

    const choices = paths(c).best;
    const plan = keyPlan(c, choices);
    const want = expected(c, choices);
    const half = Math.ceil(plan.length / 2);

    await page.goto(`${ORIGIN}/harness.html`);
    const frame = page.frameLocator('#sco');
    const sco = () => page.frame({ url: /\/pkg\// })!;
    await expect(frame.getByTestId('briefing-start')).toBeVisible({ timeout: 30_000 });
    await frame.getByTestId('briefing-start').click();
    await expect(frame.getByTestId('responses')).toBeVisible();
    await play(sco(), plan.slice(0, half));
    await expect
      .poll(async () => (await lms(page, version)).values['cmi.suspend_data'] ?? '')
      .toContain(`"i":[`);
    const mid = await lms(page, version);
    expect(mid.values[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status']).toBe(
      'incomplete',
    );
    expect(mid.values[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
    expect(mid.values['cmi.suspend_data']!.length).toBeLessThanOrEqual(4096);

    // The window is closed mid-attempt (the SCO suspends and finishes), and the trainee comes back on
    // another device: nothing local survives, only what the LMS kept.
    await page.goto('about:blank');
    const left = await (async () => {
      await page.goto(`${ORIGIN}/scorm-again.js`);
      return lms(page, version);
    })();
    expect(left.calls).toContain(version === '1.2' ? 'LMSFinish' : 'Terminate');
    expect(left.values[version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time']).toBeTruthy();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: ORIGIN, storageTypes: 'indexeddb' });
    await cdp.detach();
    await page.goto(`${ORIGIN}/harness.html`);
    const resumed = frame.getByTestId('responses');
    await expect(resumed).toHaveAttribute('data-turn', String(half + 1), { timeout: 30_000 });
    await play(sco(), plan.slice(half));
    await expect(frame.getByTestId('to-debrief')).toBeVisible();

    await expect
      .poll(
        async () =>
          (await lms(page, version)).calls.filter((x) => x === 'LMSFinish' || x === 'Terminate').length,
      )
      .toBeGreaterThanOrEqual(2);
    const end = (await lms(page, version)).values;
    if (version === '1.2') {
      expect(Math.round(Number(end['cmi.core.score.raw']))).toBe(want.overall);
      expect(end['cmi.core.score.min']).toBe('0');
      expect(end['cmi.core.score.max']).toBe('100');
      expect(end['cmi.core.lesson_status']).toBe(want.passed ? 'passed' : 'failed');
      expect(end['cmi.core.session_time']).toMatch(/^\d{4}:\d{2}:\d{2}\.\d{2}$/);
    } else {
      expect(Math.round(Number(end['cmi.score.raw']))).toBe(want.overall);
      expect(Math.round(Number(end['cmi.score.scaled']) * 100)).toBe(want.overall);
      expect(end['cmi.completion_status']).toBe('completed');
      expect(end['cmi.success_status']).toBe(want.passed ? 'passed' : 'failed');
      expect(end['cmi.session_time']).toMatch(/^PT/);
    }
    expect(end['cmi.suspend_data']).toBe('');
    await page.screenshot({ path: `test/e2e/artifacts/scorm-${tag}-finished.png`, fullPage: true });
  });
}
