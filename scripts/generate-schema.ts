// Writes the JSON Schemas that editors use for completion, from the same zod source as the TS types.
// `--check` exits 1 when the committed files are stale (run by the test suite too).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderSchemas } from '../src/engine/format/json-schema';

const root = fileURLToPath(new URL('..', import.meta.url));
const check = process.argv.includes('--check');
let stale = 0;
for (const [file, text] of Object.entries(renderSchemas())) {
  const path = `${root}public/schema/${file}`;
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = '';
  }
  if (current === text) continue;
  if (check) {
    console.error(`stale: public/schema/${file} (run npm run schema)`);
    stale += 1;
  } else {
    writeFileSync(path, text);
    console.log(`wrote public/schema/${file}`);
  }
}
process.exit(stale ? 1 : 0);
