// For a load balancer or a monitor: 200 `ok` when the database answers SELECT 1 within two seconds,
// 503 when it does not. It reads no session and names nothing, so it is safe to leave open.
import {
  RETRY_AFTER_SECONDS,
  noteDatabaseAnswered,
  noteDatabaseUnavailable,
  pingDatabase,
} from '~/utils/database-errors.server'
import { getDb } from '~/utils/db.server'

const TIMEOUT_MS = 2_000

function plain(status: number, text: string, headers: Record<string, string> = {}) {
  return new Response(`${text}\n`, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })
}

export async function loader() {
  try {
    await pingDatabase(await getDb(), TIMEOUT_MS)
  } catch (error) {
    // Logged once per outage, however often a monitor polls.
    noteDatabaseUnavailable(error)
    return plain(503, 'database unavailable', { 'Retry-After': String(RETRY_AFTER_SECONDS) })
  }
  noteDatabaseAnswered()
  return plain(200, 'ok')
}
