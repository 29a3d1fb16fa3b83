// When the database stops answering (PostgreSQL stopped, restarted, the network between cut), every
// request fails the same way. This module is the one place that recognises such a failure by its
// code, turns it into a 503 the user can act on, and logs one line when an outage starts and one
// when it ends — not one per request. The outage state lives on globalThis because the server
// script and the Remix build each load their own copy of this module.
import { sql, type Kysely } from 'kysely'
import type { Database } from '../../db/schema'

/** Seconds a browser (or a load balancer) is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 30

/** How often an outage checks whether the database answers again; recovery is seen within this. */
const PROBE_EVERY_MS = 2_000

const NODE_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'EPIPE',
  'EAI_AGAIN',
])

/** SQLSTATEs meaning the server is going away or not there yet (class 08 is connection errors). */
const SERVER_GONE_CODES = new Set([
  '57P01', // admin_shutdown: PostgreSQL is stopping
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
])

/** pg and pg-pool report these without a code. */
const CONNECTION_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Client has encountered a connection error and is not queryable/,
  /^Client was closed and is not queryable/,
  /^Connection terminated due to connection timeout/,
  /^connect ECONNREFUSED/,
]

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code
  return typeof code === 'string' ? code : undefined
}

/** Whether an error means the database cannot be reached, rather than a fault in a query. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 4) return false
  const code = codeOf(error)
  if (code && (NODE_CONNECTION_CODES.has(code) || SERVER_GONE_CODES.has(code))) return true
  if (code && /^08[0-9A-Z]{3}$/.test(code)) return true
  const message = (error as { message?: unknown }).message
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message)))
    return true
  // Node reports a refused connection to a name with several addresses as an AggregateError.
  const inner = (error as { errors?: unknown }).errors
  if (Array.isArray(inner) && inner.some((e) => isDatabaseUnavailable(e, depth + 1))) return true
  return isDatabaseUnavailable((error as { cause?: unknown }).cause, depth + 1)
}

/** A short, password-free description of the failure for the one log line. */
export function describeDatabaseError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error)
  const code = codeOf(error)
  const message = (error as { message?: unknown }).message
  const text = typeof message === 'string' && message ? message.split('\n')[0] : ''
  const inner = (error as { errors?: unknown }).errors
  if (!text && Array.isArray(inner) && inner.length > 0) return describeDatabaseError(inner[0])
  return [code, text].filter(Boolean).join(': ') || 'unknown error'
}

type OutageState = { since: number | null; probe: NodeJS.Timeout | null; outages: number }

declare global {
  var __caseTrackerDatabaseOutage: OutageState | undefined
}

function state(): OutageState {
  globalThis.__caseTrackerDatabaseOutage ??= { since: null, probe: null, outages: 0 }
  return globalThis.__caseTrackerDatabaseOutage
}

export function databaseOutageSince(): number | null {
  return state().since
}

/** Answers SELECT 1 within `timeoutMs`, or throws. */
export async function pingDatabase(db: Kysely<Database>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error('no answer to SELECT 1'), { code: 'ETIMEDOUT' })),
      timeoutMs,
    )
  })
  try {
    await Promise.race([sql`select 1`.execute(db), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** The database answered: if an outage was going on, it is over (one log line). */
export function noteDatabaseAnswered(): void {
  const current = state()
  if (current.since === null) return
  const seconds = ((Date.now() - current.since) / 1000).toFixed(1)
  current.since = null
  if (current.probe) clearInterval(current.probe)
  current.probe = null
  console.log(`Database answering again after ${seconds} s`)
}

/**
 * A request or job found the database unavailable. The first such failure logs one line and starts
 * a probe that ends the outage as soon as SELECT 1 answers; the rest are silent.
 */
export function noteDatabaseUnavailable(error: unknown): void {
  const current = state()
  if (current.since !== null) return
  current.since = Date.now()
  current.outages += 1
  console.error(
    `Database unavailable (${describeDatabaseError(error)}): answering 503 until it answers again`,
  )
  let probing = false
  current.probe = setInterval(() => {
    if (probing) return
    probing = true
    // The app's database (utils/db.server.ts), read from its global to keep the imports one way.
    Promise.resolve(globalThis.__caseTrackerDb)
      .then((handle) => (handle ? pingDatabase(handle.db, PROBE_EVERY_MS) : Promise.reject()))
      .then(noteDatabaseAnswered, () => {})
      .finally(() => {
        probing = false
      })
  }, PROBE_EVERY_MS).unref()
}

/** The answer a loader or action throws instead of a database-unavailable error: 503, retry later. */
export function databaseUnavailableResponse(): Response {
  return new Response('The case database is not answering; try again in a minute.', {
    status: 503,
    statusText: 'Service Unavailable',
    headers: {
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Content-Type': 'text/plain; charset=utf-8',
    },
  })
}

/** Runs a loader or action; a database-unavailable error becomes a thrown 503 Response. */
export async function answeringOutages<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (!(error instanceof Response) && isDatabaseUnavailable(error)) {
      noteDatabaseUnavailable(error)
      throw databaseUnavailableResponse()
    }
    throw error
  }
}
