// `npm start` on a real database: demo accounts with printed passwords only on the embedded one (or
// with SEED_DEMO=1); on PostgreSQL with no user it says how to create the first admin instead. And a
// SEED_PASSWORD that breaks the password rule stops the start with a message, not a stack trace.
import { spawn } from 'node:child_process'
import path from 'node:path'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { describe, expect, inject, it } from 'vitest'
import { databaseUrlWith } from '../support/db-global-setup'

const root = path.resolve(import.meta.dirname, '..', '..')

/** Runs `npm start`'s script until it serves (then stops it) or exits; returns what it printed. */
function runStart(env: Record<string, string>): Promise<{ output: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    })
    let output = ''
    const timer = setTimeout(() => {
      process.kill(-child.pid!, 'SIGKILL')
      reject(new Error(`npm start did not serve in time:\n${output}`))
    }, 90_000)
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      if (/Serving on/.test(output)) process.kill(-child.pid!, 'SIGTERM')
    }
    child.stdout.on('data', read)
    child.stderr.on('data', read)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ output, code })
    })
  })
}

describe('first start', () => {
  it('refuses a SEED_PASSWORD shorter than 12 characters with a message and no stack trace', async () => {
    const { output, code } = await runStart({
      DATABASE_URL: '',
      PGLITE_DIR: path.join(root, 'tests', '.tmp', `first-start-${process.pid}`, 'pglite'),
      SEED_PASSWORD: 'short',
      SESSION_SECRET: 'first-start-secret-0123456789',
    })
    expect(code).not.toBe(0)
    expect(output).toContain('SEED_PASSWORD must be at least 12 characters')
    expect(output).not.toMatch(/\n\s+at /)
  })

  // PostgreSQL only: the rule is about a database other than the embedded one.
  it.runIf(inject('postgresTemplate'))(
    'creates no demo account on an empty PostgreSQL database and says how to create an admin',
    async () => {
      const template = inject('postgresTemplate')!
      const database = `ct_first_start_${process.pid}`
      const admin = new pg.Client({ connectionString: template.url })
      await admin.connect()
      await admin.query(`DROP DATABASE IF EXISTS ${database}`)
      await admin.query(`CREATE DATABASE ${database}`)
      const url = databaseUrlWith(template.url, database)
      const db = new Kysely<any>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url }) }),
      })
      try {
        const { output } = await runStart({
          DATABASE_URL: url,
          SESSION_SECRET: 'first-start-secret-0123456789',
        })
        expect(output).toContain('npm run user:create')
        expect(output).not.toContain('admin@example.org')
        const users = await db.selectFrom('users').select('email').execute()
        expect(users).toEqual([])
        const cases = await db.selectFrom('cases').select('id').execute()
        expect(cases).toEqual([])
      } finally {
        await db.destroy()
        await admin.query(`DROP DATABASE IF EXISTS ${database}`)
        await admin.end()
      }
    },
  )
})
