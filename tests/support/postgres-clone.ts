// A PostgreSQL database of a test's own, cloned from the migrated template, for app servers run as
// child processes: they need its URL, not an open handle.
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { inject } from 'vitest'
import { openPostgres, type DatabaseHandle } from '../../app/utils/open-database.server'
import { databaseUrlWith } from './db-global-setup'

export type PostgresClone = DatabaseHandle & { url: string; database: string }

async function admin(url: string, query: string) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

/** null when TEST_DATABASE_URL is not set (the caller skips, and says so). */
export async function clonePostgres(): Promise<PostgresClone | null> {
  const template = inject('postgresTemplate')
  if (!template) return null
  const database = `ct_test_${randomBytes(6).toString('hex')}`
  for (let attempt = 0; ; attempt++) {
    try {
      await admin(template.url, `CREATE DATABASE ${database} TEMPLATE ${template.database}`)
      break
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
    }
  }
  const url = databaseUrlWith(template.url, database)
  const handle = openPostgres(url, { max: 3 })
  return {
    ...handle,
    url,
    database,
    close: async () => {
      await handle.close()
      await admin(template.url, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`)
    },
  }
}
