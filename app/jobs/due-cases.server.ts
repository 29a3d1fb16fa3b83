// A scheduled event (a hearing, a sentence's end) changes its case's state on its day. Pages only
// read: this job brings such cases up to date soon after start and every 15 minutes, so the state
// shown is at most a quarter of an hour late on the day it changes (docs/decisions/004). With
// several app servers, one of them does each round (advisory-lock.server.ts).
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { refreshDueCases } from '../models/case.server'
import { getDb } from '../utils/db.server'
import { JOB_LOCKS, onOneServerAtATime } from './advisory-lock.server'
import { scheduleJob, stopJob } from './schedule.server'

const NAME = 'Due-case refresh'

export function scheduleDueCaseRefresh(): () => void {
  return scheduleJob({
    name: NAME,
    firstAfterMs: 5_000,
    everyMs: 15 * 60_000,
    run: async () => refreshDueCasesOnce(await getDb()),
  })
}

/** One round of the refresh, unless another app server is doing it now ('skipped'). */
export function refreshDueCasesOnce(db: Kysely<Database>) {
  return onOneServerAtATime(db, JOB_LOCKS.dueCaseRefresh, (one) => refreshDueCases(one))
}

export function stopDueCaseRefresh(): void {
  stopJob(NAME)
}
