// npm run build:scorm: SCORM 1.2 and SCORM 2004 (4th edition) packages of the app, for an LMS.
// One package for the library (the trainee picks a scenario) and one per scenario (it opens straight
// into that scenario), for each SCORM version. The app is built once in the `scorm` mode with
// relative URLs (base './'); in that mode it looks for the LMS's API and reports to it
// (src/state/scorm-bridge.ts). Each zip holds imsmanifest.xml, the schemas it names and the app.
//
// Usage: node scripts/build-scorm.mjs [--out DIR] [--scenarios id,id] [--no-app-build]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const ROOT = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const OUT = option('--out') ?? join(ROOT, 'dist/scorm-packages');
const APP = join(ROOT, 'node_modules/.scorm-app');
const XSD = join(ROOT, 'test/fixtures/scorm-xsd');
const only = option('--scenarios')?.split(',').filter(Boolean);

// ---- the app, built with relative URLs ------------------------------------------------------------
if (!args.includes('--no-app-build')) {
  const built = spawnSync(
    'npx',
    [
      'vite',
      'build',
      '--mode',
      'scorm',
      '--base',
      './',
      '--outDir',
      APP,
      '--emptyOutDir',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (built.status !== 0) process.exit(built.status ?? 1);
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
const appFiles = filesUnder(APP)
  .map((path) => relative(APP, path).split('\\').join('/'))
  .sort();

// ---- what goes in the library -----------------------------------------------------------------------
const pick = (text) => (typeof text === 'string' ? text : (text?.en ?? Object.values(text ?? {})[0] ?? ''));
const scenarios = readdirSync(join(ROOT, 'scenarios'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(ROOT, 'scenarios', f), 'utf8')))
  .filter((s) => typeof s.id === 'string' && (!only || only.includes(s.id)))
  .map((s) => ({ id: s.id, version: s.version, title: pick(s.title) }));
if (only && scenarios.length !== only.length) {
  console.error(`build-scorm: unknown scenario in --scenarios ${only.join(',')}`);
  process.exit(1);
}

// ---- manifests ----------------------------------------------------------------------------------------
const xml = (text) =>
  String(text).replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c],
  );
const fileList = (files) => files.map((f) => `      <file href="${xml(f)}"/>`).join('\n');

function manifest12({ id, title, parameters }, files) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="composure">
    <organization identifier="composure">
      <title>${xml(title)}</title>
      <item identifier="item-1" identifierref="app" isvisible="true"${parameters ? ` parameters="${xml(parameters)}"` : ''}>
        <title>${xml(title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="app" type="webcontent" adlcp:scormtype="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

function manifest2004({ id, title, parameters }, files) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(id)}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="composure">
    <organization identifier="composure">
      <title>${xml(title)}</title>
      <item identifier="item-1" identifierref="app" isvisible="true"${parameters ? ` parameters="${xml(parameters)}"` : ''}>
        <title>${xml(title)}</title>
        <imsss:sequencing>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="app" type="webcontent" adlcp:scormType="sco" href="index.html">
${fileList(files)}
    </resource>
  </resources>
</manifest>
`;
}

// ---- zip (stored for already-compressed files, deflated otherwise) --------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** A fixed timestamp (1 Jan 2026) so the same input gives the same zip. */
const DOS_TIME = 0;
const DOS_DATE = ((2026 - 1980) << 9) | (1 << 5) | 1;

function zip(entries) {
  const chunks = [];
  const central = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const deflated = /\.(png|jpe?g|gif|webp|woff2?|zip)$/i.test(name)
      ? null
      : deflateRawSync(data, { level: 9 });
    const useDeflate = deflated !== null && deflated.length < data.length;
    const body = useDeflate ? deflated : data;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(useDeflate ? 8 : 0, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    local.writeUInt16LE(0, 28);
    chunks.push(local, nameBuf, body);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(useDeflate ? 8 : 0, 10);
    header.writeUInt16LE(DOS_TIME, 12);
    header.writeUInt16LE(DOS_DATE, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(body.length, 20);
    header.writeUInt32LE(data.length, 24);
    header.writeUInt16LE(nameBuf.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, nameBuf);
    offset += local.length + nameBuf.length + body.length;
  }
  const centralBuf = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBuf.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBuf, end]);
}

// ---- packages -------------------------------------------------------------------------------------------
const SCHEMAS = {
  1.2: { dir: 'scorm12', manifest: manifest12 },
  2004: { dir: 'scorm2004', manifest: manifest2004 },
};
const packages = [
  { id: 'composure-library', title: 'Composure: complaint-handling practice', parameters: null },
  ...scenarios.map((s) => ({
    id: `composure-${s.id}`,
    title: `Composure: ${s.title}`,
    parameters: `?scenario=${s.id}`,
  })),
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const appEntries = appFiles.map((name) => ({ name, data: readFileSync(join(APP, name)) }));
const written = [];
for (const [version, { dir, manifest }] of Object.entries(SCHEMAS)) {
  const schemaFiles = readdirSync(join(XSD, dir)).filter(
    (f) => /\.(xsd|dtd)$/.test(f) && !f.startsWith('validate-'),
  );
  const schemaEntries = schemaFiles.map((name) => ({ name, data: readFileSync(join(XSD, dir, name)) }));
  const tag = version === '1.2' ? 'scorm12' : 'scorm2004';
  for (const pkg of packages) {
    const text = manifest(pkg, appFiles);
    const folder = join(OUT, `${pkg.id}-${tag}`);
    mkdirSync(folder, { recursive: true });
    // The manifest also lies beside the zip, for validation and inspection.
    writeFileSync(join(folder, 'imsmanifest.xml'), text);
    const file = join(OUT, `${pkg.id}-${tag}.zip`);
    writeFileSync(
      file,
      zip([{ name: 'imsmanifest.xml', data: Buffer.from(text, 'utf8') }, ...schemaEntries, ...appEntries]),
    );
    written.push({ file, size: statSync(file).size });
  }
}
for (const { file, size } of written)
  console.log(`  ${(size / 1024 / 1024).toFixed(2).padStart(6)} MB  ${relative(ROOT, file)}`);
console.log(`build-scorm: ${written.length} packages in ${relative(ROOT, OUT) || '.'}`);
if (!existsSync(join(APP, 'index.html'))) process.exit(1);
