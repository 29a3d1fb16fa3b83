// A scheduled event (a hearing, a sentence's end) changes its case's state on its day. Pages only
// read: this job brings such cases up to date soon after start and every 15 minutes, so the state
// shown is at most a quarter of an hour late on the day it changes (docs/decisions/004).
import { refreshDueCases } from '../models/case.server'
import { getDb } from '../utils/db.server'
import { scheduleJob, stopJob } from './schedule.server'

const NAME = 'Due-case refresh'

export function scheduleDueCaseRefresh(): () => void {
  return scheduleJob({
    name: NAME,
    firstAfterMs: 5_000,
    everyMs: 15 * 60_000,
    run: async () => refreshDueCases(await getDb()),
  })
}

export function stopDueCaseRefresh(): void {
  stopJob(NAME)
}
