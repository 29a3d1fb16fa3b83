// Expired sessions are already refused on every request (getSessionUser checks both timeouts); this
// clears their rows in the background so the table does not grow. With several app servers, one of
// them does each round (advisory-lock.server.ts).
import { purgeExpiredSessions } from '../models/session.server'
import { getDb } from '../utils/db.server'
import { getEnv } from '../utils/env.server'
import { JOB_LOCKS, onOneServerAtATime } from './advisory-lock.server'
import { scheduleJob, stopJob } from './schedule.server'

const NAME = 'Session purge'

/** Purges expired sessions 30 s after start, then every 15 minutes; calling it again does nothing. */
export function scheduleSessionPurge(): () => void {
  return scheduleJob({
    name: NAME,
    firstAfterMs: 30_000,
    everyMs: 15 * 60_000,
    run: async () => {
      const env = getEnv()
      const limits = { idleMinutes: env.SESSION_IDLE_MINUTES, maxHours: env.SESSION_MAX_HOURS }
      await onOneServerAtATime(await getDb(), JOB_LOCKS.sessionPurge, (one) =>
        purgeExpiredSessions(one, { limits }),
      )
    },
  })
}

export function stopSessionPurge(): void {
  stopJob(NAME)
}
