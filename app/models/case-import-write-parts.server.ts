// Pieces of the commit's batch write: audit rows many at a time, slugs for many new cases, the
// fields a row sets on a new or an existing case.
import type { Transaction } from 'kysely'
import type { AuditChange, Database } from '../../db/schema'
import type { PlannedEvent } from '../case-import/plan'
import { slugify } from '../domain/slug.server'
import type { Actor } from './audit.server'
import type { AnalysedRow } from './case-import-analyse.server'
import { insertJsonRows } from './case-import-insert.server'

type Trx = Transaction<Database>

export type AuditRow = {
  entity: string
  entityId: number
  action: 'create' | 'update'
  caseId: number | null
  changes: AuditChange[]
}

export async function writeAuditRows(trx: Trx, actor: Actor, rows: AuditRow[]) {
  if (rows.length === 0) return
  await insertJsonRows(
    trx,
    'audit_events',
    rows.map((r) => ({
      userId: actor.userId,
      requestId: actor.requestId ?? null,
      entity: r.entity,
      entityId: String(r.entityId),
      action: r.action,
      caseId: r.caseId,
      changes: r.changes,
    })),
    ['id'],
  )
}

const SUFFIX = 'abcdefghijklmnopqrstuvwxyz0123456789'
const randomSuffix = () =>
  Array.from({ length: 6 }, () => SUFFIX[Math.floor(Math.random() * SUFFIX.length)]).join('')
const RESERVED = new Set(['new', 'import', 'export'])

/**
 * Slugs as createCase gives them: the bare name for an admin when free, else the name and a random
 * suffix (an editor always gets one, so a slug never tells them of a case they may not see).
 */
export async function newSlugs(trx: Trx, names: string[], { bare }: { bare: boolean }) {
  const slugs = names.map((name) => {
    const base = slugify(name)
    return bare && !RESERVED.has(base) ? base : `${base}-${randomSuffix()}`
  })
  for (;;) {
    const taken = new Set(
      (await trx.selectFrom('cases').select('slug').where('slug', 'in', slugs).execute()).map(
        (r) => r.slug,
      ),
    )
    const clash = slugs.map((s, i) => taken.has(s) || slugs.indexOf(s) !== i)
    if (!clash.some(Boolean)) return slugs
    clash.forEach((c, i) => {
      if (c) slugs[i] = `${slugify(names[i] ?? '')}-${randomSuffix()}`
    })
  }
}

export const eventDescription = (fileName: string, event: PlannedEvent) =>
  event.column
    ? `From the column "${event.column}" of ${fileName}.`
    : `Custody state as listed in ${fileName}, imported on this day.`

export class StaleCaseError extends Error {
  constructor(readonly line: number) {
    super(`The case of line ${line} changed since the dry run`)
  }
}

export async function citedByCases(trx: Trx, caseIds: number[]) {
  if (!caseIds.length) return new Set<string>()
  const rows = await trx
    .selectFrom('citations')
    .select(['caseId', 'sourceId'])
    .where('caseId', 'in', caseIds)
    .execute()
  return new Set(rows.map((r) => `${r.caseId}:${r.sourceId}`))
}

export function updateFieldsOf(row: AnalysedRow) {
  const { dateOfBirth, ...rest } = row.fields
  return {
    ...rest,
    ...(dateOfBirth
      ? { dateOfBirth: dateOfBirth.date, dateOfBirthPrecision: dateOfBirth.precision }
      : {}),
  }
}

export function caseFieldsOf(row: AnalysedRow) {
  const f = row.fields
  return {
    fullName: f.fullName ?? '',
    aliases: f.aliases ?? [],
    displayName: f.displayName ?? null,
    country: f.country ?? null,
    region: f.region ?? null,
    nationality: f.nationality ?? null,
    gender: f.gender ?? ('unknown' as const),
    dateOfBirth: f.dateOfBirth?.date ?? null,
    dateOfBirthPrecision: f.dateOfBirth?.precision ?? null,
    grounds: f.grounds ?? [],
    riskLevel: f.riskLevel ?? ('medium' as const),
    summary: f.summary ?? '',
    internalNotes: row.notes.join('\n'),
    visibility: 'internal' as const,
    consent: 'unknown' as const,
    ownerId: null,
  }
}
