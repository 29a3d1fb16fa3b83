// `npm start` and `npm run serve` against a PostgreSQL that does not answer stop within seconds, with
// one message naming the host and port and the likely cause, no stack trace, and a non-zero exit.
// Nothing listens on the port used, so these need no database and always run.
import { describe, expect, it } from 'vitest'
import { freePort, runToEnd } from '../support/app-process'

describe('starting against an unreachable DATABASE_URL', () => {
  it.each([
    ['npm run serve', 'scripts/serve.ts'],
    ['npm start', 'scripts/start.ts'],
  ])(
    '%s fails fast and says why',
    async (_name, script) => {
      const port = await freePort()
      const { code, output, ms } = await runToEnd([script], {
        DATABASE_URL: `postgres://postgres:secret-word@127.0.0.1:${port}/casetracker`,
        SESSION_SECRET: 'unreachable-test-secret-1234',
        PORT: String(await freePort()),
      })
      expect(code).not.toBe(0)
      expect(code).not.toBeNull()
      // Most of this is starting tsx, which takes seconds on a busy machine; before the check, the
    // server started anyway and answered errors, and a silent host held it for minutes.
    expect(ms).toBeLessThan(20_000)
      expect(output).toContain(`Cannot reach PostgreSQL at 127.0.0.1:${port}, database casetracker`)
      expect(output).toContain('is PostgreSQL running?')
      expect(output).not.toMatch(/^\s+at /m)
      expect(output).not.toContain('secret-word')
      expect(
        output
          .trim()
          .split('\n')
          .filter((line) => /Cannot reach/.test(line)),
      ).toHaveLength(1)
    },
    30_000,
  )
})
