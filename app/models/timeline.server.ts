// Reading the timeline of a case with the sources each event cites: the whole of it (statements,
// the card, the JSON download), or a bounded window of it for the case page.
import { sql, type Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'

/** Events of one case, each with the sources it cites (a subquery per event shown). */
function timelineQuery(db: Kysely<Database>, caseId: number) {
  return db
    .selectFrom('statusEvents')
    .selectAll('statusEvents')
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('citations')
          .innerJoin('sources', 'sources.id', 'citations.sourceId')
          .select([
            'citations.id as citationId',
            'citations.locator',
            'sources.id',
            'sources.title',
            'sources.publisher',
            'sources.publishedOn',
            'sources.publishedPrecision',
            'sources.url',
            'sources.urlMissing',
          ])
          .whereRef('citations.statusEventId', '=', 'statusEvents.id')
          .orderBy('citations.id'),
      ).as('sources'),
    )
    .where('statusEvents.caseId', '=', caseId)
}

/** The timeline of one case, oldest first, each event with the sources it cites (one SQL statement). */
export function getTimeline(db: Kysely<Database>, caseId: number) {
  return timelineQuery(db, caseId)
    .orderBy('statusEvents.eventDate')
    .orderBy('statusEvents.createdAt')
    .orderBy('statusEvents.id')
    .execute()
}

/**
 * A bounded window of a timeline, for the case page: the latest `past` events up to `today` and the
 * first `upcoming` events after it, each oldest first, and how many there are in all. Each read walks
 * the timeline index (case, date, created) from its end, so a case of a thousand events costs what
 * the window shows.
 */
export async function getTimelineWindow(
  db: Kysely<Database>,
  {
    caseId,
    today,
    past,
    upcoming,
  }: { caseId: number; today: string; past: number; upcoming: number },
) {
  const [latest, next, counts] = await Promise.all([
    timelineQuery(db, caseId)
      .where('statusEvents.eventDate', '<=', today)
      .orderBy('statusEvents.eventDate', 'desc')
      .orderBy('statusEvents.createdAt', 'desc')
      .orderBy('statusEvents.id', 'desc')
      .limit(past)
      .execute(),
    timelineQuery(db, caseId)
      .where('statusEvents.eventDate', '>', today)
      .orderBy('statusEvents.eventDate')
      .orderBy('statusEvents.createdAt')
      .orderBy('statusEvents.id')
      .limit(upcoming)
      .execute(),
    db
      .selectFrom('statusEvents')
      .select([
        sql<string>`count(*) filter (where ${sql.ref('eventDate')} <= ${today})`.as('past'),
        sql<string>`count(*) filter (where ${sql.ref('eventDate')} > ${today})`.as('upcoming'),
      ])
      .where('caseId', '=', caseId)
      .executeTakeFirstOrThrow(),
  ])
  return {
    past: latest.reverse(),
    upcoming: next,
    pastTotal: Number(counts.past),
    upcomingTotal: Number(counts.upcoming),
  }
}
export type TimelineEntry = Awaited<ReturnType<typeof getTimeline>>[number]
