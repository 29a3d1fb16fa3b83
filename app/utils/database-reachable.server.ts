// Before the server starts (and before `npm start` migrates), PostgreSQL must answer: otherwise the
// start stops within seconds with one line naming the host, the port and the likely cause, instead
// of a stack trace or a server answering 503 to everyone.
// It imports only pg, so it runs before the rest of the server is loaded.
import pg from 'pg'

function describeError(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message
  const code = (error as { code?: unknown } | null)?.code
  const text = typeof message === 'string' ? message.split('\n')[0] : ''
  return [typeof code === 'string' ? code : '', text].filter(Boolean).join(': ') || 'no answer'
}

/** Why a connection failed, in words someone starting the app can act on. */
function hintFor(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const inner = (error as { errors?: Array<{ code?: unknown }> } | null)?.errors
  const codes = [code, ...(Array.isArray(inner) ? inner.map((e) => e.code) : [])]
  if (codes.includes('ECONNREFUSED')) return 'connection refused: is PostgreSQL running?'
  if (codes.includes('ENOTFOUND') || codes.includes('EAI_AGAIN'))
    return 'the host name is unknown: check DATABASE_URL'
  if (codes.includes('28P01') || codes.includes('28000'))
    return 'the user or password was refused: check DATABASE_URL'
  if (codes.includes('3D000')) return 'that database does not exist: create it with createdb'
  if (codes.includes('57P03')) return 'PostgreSQL is starting up or in recovery: try again shortly'
  if (/timeout/i.test(describeError(error)) || codes.includes('ETIMEDOUT'))
    return 'no answer: is PostgreSQL running, and may this machine reach it?'
  return `${describeError(error)}: is PostgreSQL running?`
}

/** Where a URL points, without its password. */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = new URL(url)
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || '(default)'
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}, database ${database}`
  } catch {
    return 'the DATABASE_URL given'
  }
}

/** Connects once and runs SELECT 1, or throws an Error whose message is the whole story. */
export async function checkPostgresReachable(url: string, timeoutMs = 5_000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  // A connection lost after the check is not this check's business.
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query({ text: 'select 1', query_timeout: timeoutMs } as pg.QueryConfig)
  } catch (error) {
    throw new Error(`Cannot reach PostgreSQL at ${describePostgresUrl(url)} — ${hintFor(error)}`)
  } finally {
    await client.end().catch(() => {})
  }
}
