// `npm start`: builds if the sources changed, migrates, seeds an empty database, then serves.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
process.chdir(root)

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0
  const stat = fs.statSync(target)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))),
  )
}

function buildIfNeeded() {
  const built = fs.existsSync('build/index.js') ? fs.statSync('build/index.js').mtimeMs : 0
  const sources = Math.max(
    ...['app', 'db', 'remix.config.js', 'package.json', 'package-lock.json'].map(newestMtime),
  )
  if (built >= sources) return
  console.log('Building the app…')
  const result = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

/** Sessions are signed with SESSION_SECRET; without one, a random secret is kept in ./data/. */
function ensureSessionSecret() {
  if (process.env.SESSION_SECRET) return
  const file = path.join('data', 'session-secret')
  fs.mkdirSync('data', { recursive: true })
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  process.env.SESSION_SECRET = fs.readFileSync(file, 'utf8').trim()
}

async function prepareDatabase() {
  const { openConfiguredDatabase } = await import('../app/utils/open-database.server')
  const { getEnv } = await import('../app/utils/env.server')
  const { migrateToLatest } = await import('../db/migrate')
  const { seedDatabase, printSeedResult } = await import('../db/seed')
  const env = getEnv()
  console.log(
    env.DATABASE_URL
      ? 'Database: PostgreSQL (DATABASE_URL)'
      : `Database: embedded PGlite in ${env.PGLITE_DIR}`,
  )
  const handle = await openConfiguredDatabase(env)
  try {
    const applied = await migrateToLatest(handle.db)
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`)
    const users = await handle.db.selectFrom('users').select('id').limit(1).execute()
    if (users.length > 0) return false
    // Demo accounts with printed passwords belong on the embedded database, never on a real one
    // unless asked for.
    if (env.DATABASE_URL && !env.SEED_DEMO) {
      console.log(
        '\nThis database has no users yet. Create the first admin:\n' +
          '  DATABASE_URL=… npm run user:create -- --email you@example.org --name "Your Name" --role admin\n' +
          '(or start once with SEED_DEMO=1 for demo accounts and the demo case).',
      )
      return false
    }
    const result = await seedDatabase(handle.db, { password: env.SEED_PASSWORD })
    printSeedResult(result)
    return result.createdUsers.length > 0
  } finally {
    await handle.close()
  }
}

async function main() {
  const { getEnv } = await import('../app/utils/env.server')
  process.env.NODE_ENV = 'production'
  process.env.HOST ??= '127.0.0.1'
  process.env.PORT ??= '3000'
  ensureSessionSecret()
  const env = getEnv() // a bad setting stops here, before a build or a database is touched
  // An unreachable PostgreSQL stops the start within seconds, naming the host and port.
  if (env.DATABASE_URL) {
    const { checkPostgresReachable } = await import('../app/utils/database-reachable.server')
    await checkPostgresReachable(env.DATABASE_URL)
  }
  buildIfNeeded()
  const justSeeded = await prepareDatabase()
  const url = `http://localhost:${process.env.PORT}`
  console.log(`\nCase tracker: open ${url} and sign in.`)
  if (!justSeeded && !getEnv().DATABASE_URL) {
    console.log(
      '  Demo accounts: admin@example.org, editor@example.org, viewer@example.org — with the password printed on\n' +
        '  first start (or SEED_PASSWORD if it was set then). Real accounts: npm run user:create.\n',
    )
  }
  const server = spawn(path.join('node_modules', '.bin', 'tsx'), ['scripts/serve.ts'], {
    stdio: 'inherit',
    env: process.env,
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal))
  server.on('exit', (code) => process.exit(code ?? 0))
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
