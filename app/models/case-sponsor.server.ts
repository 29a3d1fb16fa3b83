// MEP sponsorship of cases (issue 13 §4): who sponsors a case, adding and removing a sponsor (one
// transaction with its audit row), the search box that picks a sponsor, and an actor's sponsored
// cases — only those the reader may see, a page at a time.
import { sql, type Kysely, type Transaction } from 'kysely'
import { jsonObjectFrom } from 'kysely/helpers/postgres'
import type { Database } from '../../db/schema'
import type { CaseFilters } from '../domain/case-filters'
import type { PartialDate } from '../domain/dates'
import { containsPattern, searchWords } from '../domain/source-schema'
import { writeAudit, type Actor } from './audit.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'
import { findVisibleActor } from './chart-choices.server'
import { actionVisibleTo, actorVisibleTo, folded } from './record-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

/** People who can sponsor a case; MEPs are offered first. */
const SPONSOR_KINDS = ['mep', 'person'] as const

export const SPONSORED_PAGE_SIZE = 20

/** The sponsors of one case the reader already may see, MEPs first, then by name. */
export function listCaseSponsors(db: Db, { caseId }: { caseId: number }) {
  return db
    .selectFrom('caseSponsors')
    .innerJoin('actors', 'actors.id', 'caseSponsors.actorId')
    .select([
      'actors.id as actorId',
      'actors.name',
      'actors.kind',
      'actors.politicalGroup',
      'actors.country',
      'caseSponsors.since',
      'caseSponsors.sincePrecision',
      'caseSponsors.note',
    ])
    .where('caseSponsors.caseId', '=', caseId)
    .orderBy(sql`${sql.ref('actors.kind')} = 'mep'`, 'desc')
    .orderBy(sql`lower(${sql.ref('actors.name')})`)
    .orderBy('actors.id')
    .execute()
}

export type CaseSponsor = Awaited<ReturnType<typeof listCaseSponsors>>[number]

/** At most `limit` people the viewer may see whose names contain every typed word, MEPs first. */
export async function searchSponsorActors(
  db: Db,
  { viewer, q, limit = 10 }: { viewer: Viewer; q: string; limit?: number },
): Promise<{ id: number; label: string }[]> {
  const words = searchWords(q)
  if (!words.length) return []
  let query = db
    .selectFrom('actors')
    .select(['actors.id', 'actors.name', 'actors.kind', 'actors.politicalGroup'])
    .where('actors.kind', 'in', SPONSOR_KINDS)
  for (const word of words)
    query = query.where(folded('actors.name'), 'like', containsPattern(word))
  const rows = await query
    .where(actorVisibleTo(viewer))
    .orderBy(sql`${sql.ref('actors.kind')} = 'mep'`, 'desc')
    .orderBy('actors.name')
    .orderBy('actors.id')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    label:
      r.kind === 'mep'
        ? `${r.name} (MEP${r.politicalGroup ? `, ${r.politicalGroup}` : ''})`
        : r.name,
  }))
}

/** The person the viewer may see with this id, as a search box choice; undefined otherwise. */
export async function findSponsorActor(db: Db, { viewer, id }: { viewer: Viewer; id: number }) {
  const row = await db
    .selectFrom('actors')
    .select(['actors.id', 'actors.name'])
    .where('actors.id', '=', id)
    .where('actors.kind', 'in', SPONSOR_KINDS)
    .where(actorVisibleTo(viewer))
    .executeTakeFirst()
  return row ? { id: row.id, label: row.name } : undefined
}

export type AddSponsorResult = { ok: true } | { ok: false; reason: 'not_a_person' | 'duplicate' }

/** Records that `actorId` sponsors the case, with its audit row, in one transaction. */
export async function addCaseSponsor(
  db: Kysely<Database>,
  {
    actor,
    viewer,
    caseId,
    actorId,
    since,
    note,
  }: {
    actor: Actor
    viewer: Viewer
    caseId: number
    actorId: number
    since: PartialDate | null
    note: string
  },
): Promise<AddSponsorResult> {
  return db.transaction().execute(async (trx) => {
    if (!(await findSponsorActor(trx, { viewer, id: actorId })))
      return { ok: false as const, reason: 'not_a_person' as const }
    const inserted = await trx
      .insertInto('caseSponsors')
      .values({
        caseId,
        actorId,
        since: since?.date ?? null,
        sincePrecision: since?.precision ?? null,
        note,
        createdBy: actor.userId,
      })
      .onConflict((oc) => oc.columns(['caseId', 'actorId']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (!inserted) return { ok: false as const, reason: 'duplicate' as const }
    await writeAudit(trx, {
      actor,
      entity: 'case_sponsor',
      entityId: `${caseId}:${actorId}`,
      action: 'create',
      caseId,
      changes: [
        { field: 'actorId', new: actorId },
        ...(since
          ? [
              { field: 'since', new: since.date },
              { field: 'sincePrecision', new: since.precision },
            ]
          : []),
        ...(note ? [{ field: 'note', new: note }] : []),
      ],
    })
    return { ok: true as const }
  })
}

/** Ends a sponsorship, with its audit row; false when there was none. */
export async function removeCaseSponsor(
  db: Kysely<Database>,
  { actor, caseId, actorId }: { actor: Actor; caseId: number; actorId: number },
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('caseSponsors')
      .where('caseId', '=', caseId)
      .where('actorId', '=', actorId)
      .returning(['since', 'sincePrecision', 'note'])
      .executeTakeFirst()
    if (!removed) return false
    await writeAudit(trx, {
      actor,
      entity: 'case_sponsor',
      entityId: `${caseId}:${actorId}`,
      action: 'delete',
      caseId,
      changes: [
        { field: 'actorId', old: actorId },
        ...(removed.since ? [{ field: 'since', old: removed.since }] : []),
        ...(removed.note ? [{ field: 'note', old: removed.note }] : []),
      ],
    })
    return true
  })
}

/**
 * One page of the cases an actor sponsors that the viewer may see, newest sponsorship first, each
 * with its current state and the date of its latest action the viewer may see. The count is over
 * one actor's sponsorships (the index on actor_id), never over every case.
 */
export async function listSponsoredCases(
  db: Db,
  {
    actorId,
    viewer,
    page = 1,
    pageSize = SPONSORED_PAGE_SIZE,
  }: { actorId: number; viewer: Viewer; page?: number; pageSize?: number },
) {
  const visible = () =>
    db
      .selectFrom('caseSponsors')
      .innerJoin('cases', 'cases.id', 'caseSponsors.caseId')
      .where('caseSponsors.actorId', '=', actorId)
      .where(caseVisibleTo(viewer))
  const { total } = await visible()
    .select(sql<number>`count(*)::int`.as('total'))
    .executeTakeFirstOrThrow()
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const shown = Math.min(Math.max(1, page), pageCount)
  const cases = await visible()
    .select((eb) => [
      'cases.id',
      'cases.slug',
      'cases.fullName',
      'cases.currentCustodyState',
      'cases.currentLegalStage',
      'caseSponsors.since',
      'caseSponsors.sincePrecision',
      jsonObjectFrom(
        eb
          .selectFrom('actionCases')
          .innerJoin('advocacyActions', 'advocacyActions.id', 'actionCases.actionId')
          .select([
            'advocacyActions.actionDate as date',
            'advocacyActions.datePrecision as precision',
          ])
          .whereRef('actionCases.caseId', '=', 'cases.id')
          .where(actionVisibleTo(viewer))
          .orderBy('advocacyActions.actionDate', 'desc')
          .limit(1),
      ).as('lastAction'),
    ])
    .orderBy('caseSponsors.createdAt', 'desc')
    .orderBy('cases.id')
    .limit(pageSize)
    .offset((shown - 1) * pageSize)
    .execute()
  return { cases, total, page: shown, pageCount }
}

export type SponsoredCases = Awaited<ReturnType<typeof listSponsoredCases>>

/**
 * The case list's "sponsored by" filter: the chosen actor's name (a hidden or unknown one is dropped
 * and reported, as a case the reader may not see would be), or for words typed without JavaScript the
 * one person they find (`chosen`) or the several to choose from (`matches`).
 */
export async function resolveSponsorFilter(
  db: Db,
  { viewer, filters }: { viewer: Viewer; filters: CaseFilters },
): Promise<{
  filters: CaseFilters
  chosen?: { id: number; label: string }
  matches?: { id: number; label: string }[]
  ignored: boolean
}> {
  if (filters.sponsor !== undefined) {
    const found = await findVisibleActor(db, { viewer, id: filters.sponsor })
    if (found) return { filters, chosen: found, ignored: false }
    const { sponsor: _dropped, ...rest } = filters
    return { filters: rest, ignored: true }
  }
  if (!filters.sponsorQ) return { filters, ignored: false }
  const matches = await searchSponsorActors(db, { viewer, q: filters.sponsorQ })
  const { sponsorQ: _typed, ...rest } = filters
  if (matches.length === 1)
    return { filters: { ...rest, sponsor: matches[0]!.id }, chosen: matches[0], ignored: false }
  return { filters: rest, matches, ignored: false }
}
