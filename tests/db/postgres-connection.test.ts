// How the app's PostgreSQL connections are set up. JIT stays off: the visibility rule's OR EXISTS
// inflates cost estimates, and JIT compilation then cost the case list ~0.7 s per request.
import { sql } from 'kysely'
import { describe, expect, inject, it } from 'vitest'
import { openPostgres } from '../../app/utils/open-database.server'

describe('PostgreSQL connections', () => {
  // Only with TEST_DATABASE_URL: the setting is PostgreSQL's (PGlite has no JIT).
  it.runIf(inject('postgresTemplate'))('run with JIT off', async () => {
    const handle = openPostgres(inject('postgresTemplate')!.url, { max: 1 })
    try {
      const { rows } = await sql<{ jit: string }>`show jit`.execute(handle.db)
      expect(rows[0]?.jit).toBe('off')
    } finally {
      await handle.close()
    }
  })
})
