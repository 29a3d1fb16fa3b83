// `npm run serve` (and `npm start`, after building and migrating): checks the configuration and that
// PostgreSQL answers before loading the server (scripts/http-server.ts), so a start that cannot
// succeed stops within seconds with one line saying why — no stack trace, a non-zero exit.
import { checkPostgresReachable } from '../app/utils/database-reachable.server'
import { getEnv } from '../app/utils/env.server'

function stop(error: unknown): never {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

try {
  const env = getEnv()
  if (env.DATABASE_URL) await checkPostgresReachable(env.DATABASE_URL)
} catch (error) {
  stop(error)
}
await import('./http-server')
