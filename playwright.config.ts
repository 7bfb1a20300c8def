import { defineConfig } from '@playwright/test';

// Debian's Chromium, driven headless on loopback only. The app is built in the `e2e` mode, which
// also compiles in the test-only scenarios of test/fixtures/e2e/, into a directory git ignores.
const PORT = Number(process.env.E2E_PORT ?? 4178);
// Helpers working side by side give each run its own port and output directory.
const OUT = process.env.E2E_OUT ?? 'node_modules/.e2e-dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // The machine is shared; one browser at a time unless told otherwise.
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
    // Reduced motion makes the typing indicator and meters instant, so tests never wait on animation.
    reducedMotion: 'reduce',
    locale: 'en-US',
    viewport: { width: 1280, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite build --mode e2e --outDir ${OUT} --emptyOutDir --logLevel warn && npx vite preview --mode e2e --outDir ${OUT} --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
