// Background work of one app server: run soon after start, then at a fixed interval, never on a
// request's path. A run still going when the next is due is not doubled; a failed run logs one line
// and the next one tries again (a database outage is logged once, with the requests' outage). The
// timers are unref'd, so they never keep the process alive.
import { isDatabaseUnavailable, noteDatabaseUnavailable } from '../utils/database-errors.server'

export type ScheduledJob = {
  name: string
  firstAfterMs: number
  everyMs: number
  run: () => Promise<unknown>
}

const timers = new Map<string, { first: NodeJS.Timeout; every: NodeJS.Timeout }>()

export function scheduleJob(job: ScheduledJob): () => void {
  if (!timers.has(job.name)) {
    let running = false
    const runOnce = async () => {
      if (running) return
      running = true
      try {
        await job.run()
      } catch (error) {
        if (isDatabaseUnavailable(error)) return noteDatabaseUnavailable(error)
        const message = error instanceof Error ? error.message : String(error)
        console.error(`${job.name} failed: ${message}`.split('\n')[0])
      } finally {
        running = false
      }
    }
    timers.set(job.name, {
      first: setTimeout(() => void runOnce(), job.firstAfterMs).unref(),
      every: setInterval(() => void runOnce(), job.everyMs).unref(),
    })
  }
  return () => stopJob(job.name)
}

export function stopJob(name: string): void {
  const scheduled = timers.get(name)
  if (!scheduled) return
  clearTimeout(scheduled.first)
  clearInterval(scheduled.every)
  timers.delete(name)
}
