// Expired sessions are already refused on every request (getSessionUser checks both timeouts); this
// clears their rows in the background so the table does not grow, and never on a request's path.
import { purgeExpiredSessions } from '../models/session.server'
import { getDb } from './db.server'
import { getEnv } from './env.server'

const FIRST_RUN_AFTER_MS = 30_000
const RUN_EVERY_MS = 15 * 60_000

let timers: { first: NodeJS.Timeout; every: NodeJS.Timeout } | undefined
let running = false

async function purgeOnce(): Promise<void> {
  // A slow database must not stack one purge on another.
  if (running) return
  running = true
  try {
    const env = getEnv()
    await purgeExpiredSessions(await getDb(), {
      limits: { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS },
    })
  } catch (error) {
    console.error(
      `Session purge failed: ${error instanceof Error ? error.message : String(error)}`.split(
        '\n',
      )[0],
    )
  } finally {
    running = false
  }
}

/**
 * Purges expired sessions soon after start, then every 15 minutes. The timers are unref'd, so they
 * never keep the process alive; calling it again does nothing. Returns a function that stops them.
 */
export function scheduleSessionPurge(): () => void {
  timers ??= {
    first: setTimeout(() => void purgeOnce(), FIRST_RUN_AFTER_MS).unref(),
    every: setInterval(() => void purgeOnce(), RUN_EVERY_MS).unref(),
  }
  return stopSessionPurge
}

export function stopSessionPurge(): void {
  if (!timers) return
  clearTimeout(timers.first)
  clearInterval(timers.every)
  timers = undefined
}
