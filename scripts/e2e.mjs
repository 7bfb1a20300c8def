// Runs the Playwright suite against Debian's Chromium. Without the browser, a developer machine
// skips with a clear message; CI must not silently skip, so there it fails.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  const message = `e2e: ${chromium} not found — install it with "sudo apt-get install chromium" (or set CHROMIUM_PATH).`;
  if (process.env.CI) {
    console.error(`${message} Failing because CI is set.`);
    process.exit(1);
  }
  console.log(`${message} Skipping the browser tests.`);
  process.exit(0);
}

const result = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROMIUM_PATH: chromium },
});
process.exit(result.status ?? 1);
