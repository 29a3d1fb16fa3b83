// Runs once per `vitest --project db`: migrates one PGlite and (when TEST_DATABASE_URL is set) one
// PostgreSQL template database. Every test file then clones its own copy, so files never collide and
// the migrations run once, not once per file.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { migrateToLatest } from '../../db/migrate'
import { pgliteOptions } from '../../app/utils/open-database.server'

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplatePath: string
    postgresTemplate: { url: string; database: string } | null
  }
}

const tmp = path.resolve(import.meta.dirname, '..', '.tmp')

export function databaseUrlWith(url: string, database: string): string {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

async function preparePglite(): Promise<string> {
  fs.mkdirSync(tmp, { recursive: true })
  const client = await PGlite.create(pgliteOptions())
  const db = new Kysely<any>({ dialect: new PGliteDialect(client) })
  await migrateToLatest(db)
  const dump = await client.dumpDataDir('gzip')
  await db.destroy()
  const file = path.join(tmp, `pglite-template-${process.pid}.tar.gz`)
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
  return file
}

async function preparePostgres(url: string) {
  const database = `ct_test_template_${process.pid}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`DROP DATABASE IF EXISTS ${database}`)
  await admin.query(`CREATE DATABASE ${database}`)
  await admin.end()
  const db = new Kysely<any>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: databaseUrlWith(url, database), max: 1 }),
    }),
  })
  await migrateToLatest(db)
  await db.destroy()
  return { url, database }
}

export default async function setup(project: TestProject) {
  const pgliteTemplatePath = await preparePglite()
  const url = process.env.TEST_DATABASE_URL
  const postgresTemplate = url ? await preparePostgres(url) : null
  project.provide('pgliteTemplatePath', pgliteTemplatePath)
  project.provide('postgresTemplate', postgresTemplate)
  return async () => {
    fs.rmSync(pgliteTemplatePath, { force: true })
    if (postgresTemplate) {
      const admin = new pg.Client({ connectionString: url })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${postgresTemplate.database}`)
      await admin.end()
    }
  }
}
