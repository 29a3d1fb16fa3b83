// Over 300 lines: one batch's write is one sequence of dependent multi-row statements, kept together.
// Writing one batch of checked rows inside the batch's own transaction: new sources, new cases (their
// derived state computed from the events they arrive with), updates of matched cases at the version
// the dry run read, events, citations of the case and of its events, and the audit rows of each —
// all as multi-row statements (one JSON parameter each), not one per row.
import { sql, type Transaction } from 'kysely'
import type { Database } from '../../db/schema'
import { deriveCaseState } from '../domain/status'
import type { Actor } from './audit.server'
import type { AnalysedRow } from './case-import-analyse.server'
import {
  caseFieldsOf,
  citedByCases,
  eventDescription,
  newSlugs,
  StaleCaseError,
  updateFieldsOf,
  writeAuditRows,
  type AuditRow,
} from './case-import-write-parts.server'
import {
  caseSearchColumns,
  CASE_FIELDS,
  refreshDerivedState,
  SENSITIVE_CASE_FIELDS,
} from './case.server'
import { diffFields } from './audit.server'
import type { Viewer } from './case-visibility.server'
import { insertJsonRows } from './case-import-insert.server'

type Trx = Transaction<Database>

export type WriteCounts = {
  created: number
  updated: number
  events: number
  sourcesNew: number
  citations: number
  slugs: string[]
}

export async function writeRows(
  trx: Trx,
  {
    actor,
    viewer,
    fileName,
    rows,
    sourceIds,
    today,
  }: {
    actor: Actor
    viewer: Viewer
    fileName: string
    rows: AnalysedRow[]
    sourceIds: Map<string, number>
    today: string
  },
): Promise<WriteCounts> {
  const audit: AuditRow[] = []
  const counts: WriteCounts = {
    created: 0,
    updated: 0,
    events: 0,
    sourcesNew: 0,
    citations: 0,
    slugs: [],
  }

  const newUrls = [
    ...new Set(
      rows.flatMap((r) =>
        r.sources.filter((s) => s.state === 'new' && !sourceIds.has(s.url)).map((s) => s.url),
      ),
    ),
  ]
  if (newUrls.length) {
    const inserted = await insertJsonRows<{ id: number; url: string }>(
      trx,
      'sources',
      newUrls.map((url) => ({
        title: url.slice(0, 1000),
        url,
        urlMissing: false,
        kind: 'news',
        reliability: 'unverified',
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })),
      ['id', 'url'],
    )
    for (const s of inserted) {
      sourceIds.set(s.url, s.id)
      audit.push({
        entity: 'source',
        entityId: s.id,
        action: 'create',
        caseId: null,
        changes: [
          { field: 'title', new: s.url },
          { field: 'url', new: s.url },
          { field: 'reliability', new: 'unverified' },
        ],
      })
    }
    counts.sourcesNew = inserted.length
  }
  const sourcesOf = (row: AnalysedRow) => [
    ...new Set(
      row.sources
        .filter((s) => s.state !== 'withheld')
        .flatMap((s) => {
          const id = s.id ?? sourceIds.get(s.url)
          return id === undefined ? [] : [id]
        }),
    ),
  ]

  // New cases, with the state their events give them.
  const creating = rows.filter((r) => !r.match)
  const caseIdOf = new Map<AnalysedRow, number>()
  if (creating.length) {
    const slugs = await newSlugs(
      trx,
      creating.map((r) => r.fields.fullName ?? ''),
      { bare: viewer.role === 'admin' },
    )
    const values = creating.map((row, i) => {
      const fields = caseFieldsOf(row)
      const derived = deriveCaseState(
        row.events.map((e, k) => ({
          id: k,
          eventDate: e.date,
          datePrecision: e.precision,
          createdAt: 0 as unknown as Date,
          custodyState: e.custodyState,
          legalStage: null,
        })),
        today,
      )
      return {
        fields,
        row: {
          ...fields,
          slug: slugs[i] ?? '',
          ...caseSearchColumns(fields),
          currentCustodyState: derived.currentCustodyState,
          detainedSince: derived.detainedSince?.date ?? null,
          detainedSincePrecision: derived.detainedSince?.precision ?? null,
          nextEventDate: derived.nextEventDate,
          createdBy: actor.userId,
          updatedBy: actor.userId,
        },
      }
    })
    const inserted = await insertJsonRows<{ id: number; slug: string }>(
      trx,
      'cases',
      values.map((v) => v.row),
      ['id', 'slug'],
    )
    const idBySlug = new Map(inserted.map((c) => [c.slug, c.id]))
    creating.forEach((row, i) => {
      const id = idBySlug.get(slugs[i] ?? '')
      if (id === undefined) throw new Error('A new case was not returned')
      caseIdOf.set(row, id)
      audit.push({
        entity: 'case',
        entityId: id,
        action: 'create',
        caseId: id,
        changes: diffFields(null, values[i]?.fields ?? null, {
          fields: CASE_FIELDS,
          sensitive: SENSITIVE_CASE_FIELDS,
        }),
      })
    })
    counts.created = inserted.length
    counts.slugs.push(...inserted.map((c) => c.slug))
  }

  // Updates: only the fields the file gives, at the version the dry run read.
  for (const row of rows.filter((r) => r.match)) {
    const match = row.match!
    const before = await trx
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', match.id)
      .executeTakeFirstOrThrow()
    const changes: Record<string, unknown> = { ...updateFieldsOf(row) }
    // A line the notes already hold is not added again: importing a file twice changes nothing.
    const fresh = row.notes.filter((line) => !before.internalNotes.includes(line))
    if (fresh.length)
      changes.internalNotes = [before.internalNotes, fresh.join('\n')].filter(Boolean).join('\n\n')
    const after = { ...before, ...changes }
    const updated = await trx
      .updateTable('cases')
      .set({
        ...changes,
        ...caseSearchColumns(after),
        updatedAt: new Date(),
        updatedBy: actor.userId,
        lastActivityAt: new Date(),
        version: sql`version + 1`,
      })
      .where('id', '=', match.id)
      .where('version', '=', match.version)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw new StaleCaseError(row.line)
    caseIdOf.set(row, match.id)
    audit.push({
      entity: 'case',
      entityId: match.id,
      action: 'update',
      caseId: match.id,
      changes: diffFields(before, after, { fields: CASE_FIELDS, sensitive: SENSITIVE_CASE_FIELDS }),
    })
    counts.updated++
  }

  // Events, then the citations of each case and of each event.
  const events = rows.flatMap((row) => row.events.map((event) => ({ row, event })))
  const eventIds: number[] = []
  if (events.length) {
    const values = events.map(({ row, event }) => ({
      caseId: caseIdOf.get(row) ?? 0,
      eventDate: event.date,
      datePrecision: event.precision,
      custodyState: event.custodyState,
      legalStage: null,
      releaseReason: null,
      location: null,
      description: eventDescription(fileName, event),
      certainty: sourcesOf(row).length ? ('confirmed' as const) : ('alleged' as const),
      createdBy: actor.userId,
      updatedBy: actor.userId,
    }))
    const inserted = await insertJsonRows<{ id: number }>(trx, 'status_events', values, ['id'])
    inserted.forEach((e, i) => {
      const v = values[i]!
      eventIds.push(e.id)
      audit.push({
        entity: 'status_event',
        entityId: e.id,
        action: 'create',
        caseId: v.caseId,
        changes: [
          { field: 'eventDate', new: v.eventDate },
          { field: 'datePrecision', new: v.datePrecision },
          { field: 'custodyState', new: v.custodyState },
          { field: 'description', new: v.description },
          { field: 'certainty', new: v.certainty },
        ],
      })
    })
    counts.events = inserted.length
  }
  for (const row of rows)
    if (row.match && row.events.length) await refreshDerivedState(trx, row.match.id, today)
  const citedAlready = await citedByCases(
    trx,
    rows.filter((r) => r.match).map((r) => r.match!.id),
  )
  const citations: {
    sourceId: number
    caseId: number | null
    statusEventId: number | null
    auditCase: number
  }[] = []
  for (const row of rows) {
    const caseId = caseIdOf.get(row)!
    for (const sourceId of sourcesOf(row))
      if (!citedAlready.has(`${caseId}:${sourceId}`))
        citations.push({ sourceId, caseId, statusEventId: null, auditCase: caseId })
  }
  events.forEach(({ row }, i) => {
    for (const sourceId of sourcesOf(row))
      citations.push({
        sourceId,
        caseId: null,
        statusEventId: eventIds[i] ?? 0,
        auditCase: caseIdOf.get(row)!,
      })
  })
  if (citations.length) {
    const inserted = await insertJsonRows<{ id: number }>(
      trx,
      'citations',
      citations.map(({ sourceId, caseId, statusEventId }) => ({
        sourceId,
        caseId,
        statusEventId,
        createdBy: actor.userId,
        updatedBy: actor.userId,
      })),
      ['id'],
    )
    inserted.forEach((c, i) => {
      const v = citations[i]!
      audit.push({
        entity: 'citation',
        entityId: c.id,
        action: 'create',
        caseId: v.auditCase,
        changes: [
          { field: 'sourceId', new: v.sourceId },
          v.caseId
            ? { field: 'caseId', new: v.caseId }
            : { field: 'statusEventId', new: v.statusEventId },
        ],
      })
    })
    counts.citations = inserted.length
  }
  await writeAuditRows(trx, actor, audit)
  return counts
}
