// The case aggregate: reading cases a user may see, creating and updating them, and keeping the
// derived state (current custody state, legal stage, detention start) in step with the timeline.
import { randomInt } from 'node:crypto'
import { sql, type Kysely, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { todayIso } from '../domain/dates'
import { deriveCaseState } from '../domain/status'
import type { Gender } from '../domain/person'
import { slugify } from '../domain/slug.server'
import { caseNameText, caseSearchText } from '../domain/text'
import type { Consent, DatePrecision, Ground, RiskLevel, Visibility } from '../domain/vocabularies'
import { diffFields, writeAudit, type Actor } from './audit.server'
import { caseVisibleTo, type Viewer } from './case-visibility.server'

type Db = Kysely<Database> | Transaction<Database>

export type CaseFields = {
  fullName: string
  aliases: string[]
  displayName: string | null
  country: string | null
  region: string | null
  nationality: string | null
  /** Left out (code that predates them), a new case gets "unknown" and an edit keeps what is saved. */
  gender?: Gender
  dateOfBirth?: string | null
  dateOfBirthPrecision?: DatePrecision | null
  grounds: Ground[]
  riskLevel: RiskLevel
  summary: string
  internalNotes: string
  visibility: Visibility
  consent: Consent
  ownerId: number | null
}

type PersonFields = Required<Pick<CaseFields, 'gender' | 'dateOfBirth' | 'dateOfBirthPrecision'>>

const UNKNOWN_PERSON: PersonFields = {
  gender: 'unknown',
  dateOfBirth: null,
  dateOfBirthPrecision: null,
}

/** The fields with gender and date of birth filled in: from `fields`, else from `kept`. */
function withPersonFields(fields: CaseFields, kept: PersonFields): CaseFields & PersonFields {
  return {
    ...fields,
    gender: fields.gender ?? kept.gender,
    dateOfBirth: fields.dateOfBirth === undefined ? kept.dateOfBirth : fields.dateOfBirth,
    dateOfBirthPrecision:
      fields.dateOfBirth === undefined
        ? kept.dateOfBirthPrecision
        : (fields.dateOfBirthPrecision ?? null),
  }
}

export const CASE_FIELDS = [
  'fullName',
  'aliases',
  'displayName',
  'country',
  'region',
  'nationality',
  'gender',
  'dateOfBirth',
  'dateOfBirthPrecision',
  'grounds',
  'riskLevel',
  'summary',
  'internalNotes',
  'visibility',
  'consent',
  'ownerId',
] as const satisfies readonly (keyof CaseFields)[]

/** Fields whose values never reach the audit log or a public page (DESIGN.md, sensitive fields). */
export const SENSITIVE_CASE_FIELDS = [
  'grounds',
  'consent',
  'internalNotes',
  'gender',
  'dateOfBirth',
  'dateOfBirthPrecision',
] as const

export function getCaseForUser(db: Db, { slug, viewer }: { slug: string; viewer: Viewer }) {
  return db
    .selectFrom('cases')
    .leftJoin('users as owner', 'owner.id', 'cases.ownerId')
    .selectAll('cases')
    .select(['owner.name as ownerName'])
    .where('cases.slug', '=', slug)
    .where(caseVisibleTo(viewer))
    .executeTakeFirst()
}

export type CaseRecord = NonNullable<Awaited<ReturnType<typeof getCaseForUser>>>

/** The search columns a case's names and summary fill: any code writing cases sets both. */
export function caseSearchColumns(fields: Parameters<typeof caseSearchText>[0]) {
  return { searchText: caseSearchText(fields), nameSearchText: caseNameText(fields) }
}

/** Words that are pages under /cases/ (a case named "Import" must not hide the import page). */
const RESERVED_SLUGS = new Set(['new', 'import', 'export'])

const SUFFIX_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

const randomSuffix = () =>
  Array.from({ length: 6 }, () => SUFFIX_ALPHABET[randomInt(SUFFIX_ALPHABET.length)]).join('')

/**
 * A slug from the name. It must not tell whoever creates the case that a case they may not see has
 * the same name (a "-2" would), so a creator who may not see every case always gets the name and a
 * random suffix ("idris-arsamikov-k3f9qa"), taken or not. A creator who sees everything (an admin,
 * the seed) gets the bare name when it is free, and a random suffix otherwise.
 */
async function uniqueSlug(db: Db, name: string, { alwaysSuffix }: { alwaysSuffix: boolean }) {
  const base = slugify(name)
  const taken = async (slug: string) =>
    Boolean(await db.selectFrom('cases').select('id').where('slug', '=', slug).executeTakeFirst())
  if (!alwaysSuffix && !RESERVED_SLUGS.has(base) && !(await taken(base))) return base
  for (;;) {
    const slug = `${base}-${randomSuffix()}`
    if (!(await taken(slug))) return slug
  }
}

/**
 * Creates a case. `creator` is the signed-in user creating it (the seed and tests, which see
 * everything, leave it out): it decides the slug, see uniqueSlug.
 */
export async function createCase(
  db: Kysely<Database>,
  { actor, fields: given, creator }: { actor: Actor; fields: CaseFields; creator?: Viewer },
) {
  const fields = withPersonFields(given, UNKNOWN_PERSON)
  return db.transaction().execute(async (trx) => {
    const slug = await uniqueSlug(trx, fields.fullName, {
      alwaysSuffix: creator !== undefined && creator.role !== 'admin',
    })
    const created = await trx
      .insertInto('cases')
      .values({
        ...fields,
        slug,
        ...caseSearchColumns(fields),
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })
      .returning(['id', 'slug'])
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      actor,
      entity: 'case',
      entityId: created.id,
      action: 'create',
      caseId: created.id,
      changes: diffFields(null, fields, { fields: CASE_FIELDS, sensitive: SENSITIVE_CASE_FIELDS }),
    })
    return created
  })
}

export type StaleResult = { ok: false; reason: 'stale'; current: CaseRecordWithEditor }
type CaseRecordWithEditor = Awaited<ReturnType<typeof getCaseWithEditor>>

function getCaseWithEditor(db: Db, id: number) {
  return db
    .selectFrom('cases')
    .leftJoin('users as editor', 'editor.id', 'cases.updatedBy')
    .selectAll('cases')
    .select(['editor.name as updatedByName'])
    .where('cases.id', '=', id)
    .executeTakeFirstOrThrow()
}

/**
 * Saves a case if nobody else saved it since `version` was read. A stale save changes nothing and
 * returns the current record so the form can show both.
 */
export async function updateCase(
  db: Kysely<Database>,
  {
    actor,
    id,
    version,
    fields: given,
  }: { actor: Actor; id: number; version: number; fields: CaseFields },
): Promise<{ ok: true; slug: string } | StaleResult> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirstOrThrow()
    if (before.version !== version)
      return {
        ok: false as const,
        reason: 'stale' as const,
        current: await getCaseWithEditor(trx, id),
      }
    const fields = withPersonFields(given, before)
    const updated = await trx
      .updateTable('cases')
      .set({
        ...fields,
        ...caseSearchColumns(fields),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        lastActivityAt: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', version)
      .returning(['slug'])
      .executeTakeFirst()
    if (!updated)
      return {
        ok: false as const,
        reason: 'stale' as const,
        current: await getCaseWithEditor(trx, id),
      }
    const changes = diffFields(before, fields, {
      fields: CASE_FIELDS,
      sensitive: SENSITIVE_CASE_FIELDS,
    })
    await writeAudit(trx, {
      actor,
      entity: 'case',
      entityId: id,
      action: 'update',
      caseId: id,
      changes,
    })
    return { ok: true as const, slug: updated.slug }
  })
}

/**
 * Recomputes the derived state of a case from its whole timeline. Runs inside the transaction that
 * changed the timeline, so the case and its events never disagree.
 */
export async function refreshDerivedState(trx: Db, caseId: number, today = todayIso()) {
  const events = await trx
    .selectFrom('statusEvents')
    .select(['id', 'eventDate', 'datePrecision', 'createdAt', 'custodyState', 'legalStage'])
    .where('caseId', '=', caseId)
    .execute()
  const derived = deriveCaseState(events, today)
  await trx
    .updateTable('cases')
    .set({
      currentCustodyState: derived.currentCustodyState,
      currentLegalStage: derived.currentLegalStage,
      detainedSince: derived.detainedSince?.date ?? null,
      detainedSincePrecision: derived.detainedSince?.precision ?? null,
      nextEventDate: derived.nextEventDate,
    })
    .where('id', '=', caseId)
    .execute()
  return derived
}

/**
 * A scheduled event whose day has come changes a case's state. Cases with such an event are few
 * (an indexed lookup); they are brought up to date before pages read them.
 */
export async function refreshDueCases(db: Kysely<Database>, today = todayIso()): Promise<number> {
  const due = await db
    .selectFrom('cases')
    .select('id')
    .where('nextEventDate', '<=', today)
    .execute()
  for (const { id } of due) {
    await db.transaction().execute((trx) => refreshDerivedState(trx, id, today))
  }
  return due.length
}
