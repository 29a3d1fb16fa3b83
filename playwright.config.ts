import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3100)
export const E2E_PASSWORD = 'e2e-demo-password'

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: `test-results/e2e-${PORT}`,
  fullyParallel: false,
  // One worker: every spec file shares the seeded database, so a fixed order keeps them independent of timing.
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [
    ['list'],
    [
      'json',
      { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? `test-results/e2e-${PORT}.json` },
    ],
  ],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
  },
  webServer: {
    // A fresh embedded database for every run: the seed is the known starting point.
    command: `rm -rf tests/.tmp/e2e-${PORT} && npx tsx scripts/start.ts`,
    url: `http://127.0.0.1:${PORT}/login`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      PGLITE_DIR: `tests/.tmp/e2e-${PORT}/pglite`,
      SEED_PASSWORD: E2E_PASSWORD,
      SESSION_SECRET: 'e2e-session-secret-0123456789abcdef',
      DATABASE_URL: '',
    },
  },
})
