// Each test file gets its own database cloned from the migrated templates: PGlite always, and
// PostgreSQL too when TEST_DATABASE_URL is set. `describe.each(backends())` runs a suite on both.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import {
  openPgliteInMemory,
  openPostgres,
  type DatabaseHandle,
} from '../../app/utils/open-database.server'
import { databaseUrlWith } from './db-global-setup'

export type Backend = 'pglite' | 'postgres'

export function backends(): Backend[] {
  return inject('postgresTemplate') ? ['pglite', 'postgres'] : ['pglite']
}

export type TestDatabase = DatabaseHandle & { backend: Backend }

async function withAdmin<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

export async function openTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteTemplatePath'))
    const handle = await openPgliteInMemory(new Blob([dump], { type: 'application/x-gzip' }))
    return { ...handle, backend }
  }
  const template = inject('postgresTemplate')
  if (!template) throw new Error('TEST_DATABASE_URL is not set')
  const database = `ct_test_${randomBytes(6).toString('hex')}`
  // Two files cloning the same template at the same moment can collide; a short retry settles it.
  for (let attempt = 0; ; attempt++) {
    try {
      await withAdmin(template.url, (c) =>
        c.query(`CREATE DATABASE ${database} TEMPLATE ${template.database}`),
      )
      break
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test(String(error))) throw error
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 200))
    }
  }
  const handle = openPostgres(databaseUrlWith(template.url, database), { max: 5 })
  return {
    ...handle,
    backend,
    close: async () => {
      await handle.close()
      await withAdmin(template.url, (c) => c.query(`DROP DATABASE IF EXISTS ${database}`))
    },
  }
}

/** An empty database with no migrations applied, for the migration tests. */
export async function openEmptyTestDatabase(backend: Backend): Promise<TestDatabase> {
  if (backend === 'pglite') return { ...(await openPgliteInMemory()), backend }
  const template = inject('postgresTemplate')
  if (!template) throw new Error('TEST_DATABASE_URL is not set')
  const database = `ct_test_empty_${randomBytes(6).toString('hex')}`
  await withAdmin(template.url, (c) => c.query(`CREATE DATABASE ${database}`))
  const handle = openPostgres(databaseUrlWith(template.url, database), { max: 2 })
  return {
    ...handle,
    backend,
    close: async () => {
      await handle.close()
      await withAdmin(template.url, (c) => c.query(`DROP DATABASE IF EXISTS ${database}`))
    },
  }
}
