// Export → import keeps the cases: the case list's CSV, read back by the CSV import with the headers
// it pre-maps, recreates the same cases in an empty database (names in any script, partial dates,
// gender and date of birth, grounds, sources, formula-looking text), and re-imported into the
// database it came from updates each case in place — none created, none changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeCsvBytes } from '../../app/case-import/decode'
import { suggestMapping, type ImportMapping } from '../../app/case-import/fields'
import { parseCsvText } from '../../app/case-import/parse'
import type { Viewer } from '../../app/models/case-visibility.server'
import { caseCsvColumns, exportCasesForUser } from '../../app/models/case-export.server'
import { createCaseImport, getCaseImport } from '../../app/models/case-import.server'
import {
  startCommit,
  startDryRun,
  waitForCaseImport,
} from '../../app/models/case-import-run.server'
import { createCase, type CaseFields } from '../../app/models/case.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import type { CustodyState, DatePrecision } from '../../app/domain/vocabularies'
import { csvStream } from '../../app/utils/csv'
import { caseFields, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'
import { parse } from 'csv-parse/sync'

const ORIGIN = 'https://tracker.example'
const FORMULA = '=HYPERLINK("http://evil.example","Click")'
/** Columns the import cannot set (derived, access, bookkeeping): the user leaves them out. */
const EXPORT_ONLY = ['legal stage', 'visibility', 'consent', 'owner', 'last updated']

type Event = { date: string; precision: DatePrecision; state: CustodyState; url?: string }
const CASES: { fields: Partial<CaseFields>; events: Event[] }[] = [
  {
    fields: {
      fullName: '刘晓波',
      aliases: ['Liu Xiaobo'],
      country: 'China',
      region: 'Liaoning',
      nationality: 'Chinese',
      gender: 'male',
      dateOfBirth: '1955-12-28',
      dateOfBirthPrecision: 'day',
      grounds: ['activism', 'political_opinion'],
      riskLevel: 'critical',
      summary: 'Nobel laureate, died in custody.',
    },
    events: [
      { date: '2009-01-01', precision: 'year', state: 'imprisoned' },
      { date: '2017-07-13', precision: 'day', state: 'deceased', url: 'https://news.example/liu' },
    ],
  },
  {
    fields: {
      fullName: 'Арсамиков Идрис',
      aliases: ['Idris Arsamikov', 'Идрис Арсамиков'],
      country: 'Russia',
      region: 'Chechnya',
      gender: 'unknown',
      dateOfBirth: '1991-01-01',
      dateOfBirthPrecision: 'year',
      grounds: ['sexual_orientation'],
      riskLevel: 'high',
      summary: 'Detained in Grozny; "reportedly" beaten, then moved.\nSecond line.',
    },
    events: [
      { date: '2019-07-01', precision: 'month', state: 'detained', url: 'https://news.example/a' },
    ],
  },
  {
    fields: {
      fullName: FORMULA,
      aliases: ['-minus', '@at'],
      country: 'Georgia',
      region: '+995 city',
      gender: 'female',
      grounds: [],
      riskLevel: 'low',
      summary: '-starts with a minus',
      internalNotes: 'Family asked for no publicity.',
    },
    events: [
      { date: '2014-01-15', precision: 'day', state: 'detained', url: 'https://news.example/b' },
      { date: '2014-09-23', precision: 'day', state: 'imprisoned', url: 'https://news.example/c' },
    ],
  },
  { fields: { fullName: 'Nadia Noevents', country: null, grounds: ['journalism'] }, events: [] },
]

async function exportCsv(db: TestDatabase['db'], viewer: Viewer): Promise<Uint8Array> {
  const columns = caseCsvColumns({ withNotes: true, origin: ORIGIN })
  async function* rows() {
    for await (const batch of exportCasesForUser(db, { viewer, filters: { q: '' }, batchSize: 2 }))
      yield batch.map(columns.cells)
  }
  return new Uint8Array(await new Response(csvStream(columns.header, rows())).arrayBuffer())
}

const rowsOf = (bytes: Uint8Array) =>
  (parse(Buffer.from(bytes), { bom: true, columns: true }) as Record<string, string>[]).sort(
    (a, b) => a.name!.localeCompare(b.name!),
  )

const without = (row: Record<string, string>, keys: string[]) =>
  Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)))

describe.each(backends())('the case CSV round trip on %s', (backend) => {
  let source: TestDatabase
  let target: TestDatabase
  let exported: Uint8Array
  let admin: Viewer

  beforeAll(async () => {
    source = await openTestDatabase(backend)
    target = await openTestDatabase(backend)
    admin = { id: (await makeUser(source.db, 'admin')).id, role: 'admin' }
    const actor = { userId: admin.id }
    for (const { fields, events } of CASES) {
      const made = await createCase(source.db, { actor, fields: caseFields(fields) })
      for (const event of events)
        await recordStatusEvent(source.db, {
          actor,
          caseId: made.id,
          fields: {
            eventDate: event.date,
            datePrecision: event.precision,
            custodyState: event.state,
            legalStage: null,
            releaseReason: null,
            location: null,
            description: 'Recorded.',
            certainty: 'confirmed',
          },
          newSource: event.url
            ? { title: event.url, publisher: null, publishedOn: null, url: event.url }
            : null,
        })
    }
    exported = await exportCsv(source.db, admin)
  })
  afterAll(async () => {
    await source?.close()
    await target?.close()
  })

  /** Uploads the file as `viewer`, with the pre-mapped columns and `ignored` left out. */
  async function importFile(db: TestDatabase['db'], viewer: Viewer, ignored: string[]) {
    const decoded = decodeCsvBytes(exported)
    if (!decoded.ok) throw new Error(decoded.error)
    const parsed = parseCsvText(decoded.text)
    if (!parsed.ok) throw new Error(parsed.error)
    const { headers, rows } = parsed.value
    const mapping: ImportMapping = suggestMapping(headers)
    headers.forEach((h, i) => {
      if (ignored.includes(h)) mapping.columns[i] = { kind: 'ignore' }
    })
    const id = await createCaseImport(db, {
      userId: viewer.id,
      fileName: 'cases.csv',
      content: decoded.text,
      headers,
      rowCount: rows.length,
      mapping,
    })
    expect(await startDryRun(db, { id, viewer, mapping })).toBe(true)
    await waitForCaseImport(id)
    const planned = (await getCaseImport(db, { id, userId: viewer.id }))!
    expect(planned.report!.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(
      await startCommit(db, { id, viewer, actor: { userId: viewer.id }, leaveOut: false }),
    ).toBe(true)
    await waitForCaseImport(id)
    const done = (await getCaseImport(db, { id, userId: viewer.id }))!
    expect(done.status).toBe('committed')
    return done.result
  }

  it('pre-maps every column the import can set', () => {
    const decoded = decodeCsvBytes(exported)
    if (!decoded.ok) throw new Error(decoded.error)
    const parsed = parseCsvText(decoded.text)
    if (!parsed.ok) throw new Error(parsed.error)
    const mapping = suggestMapping(parsed.value.headers)
    const unmapped = parsed.value.headers.filter(
      (_h, i) => mapping.columns[i]!.kind === 'notes' || mapping.columns[i]!.kind === 'ignore',
    )
    expect(unmapped.sort()).toEqual([...EXPORT_ONLY, 'internal notes'].sort())
  })

  it('recreates the same cases in an empty database', async () => {
    const editor: Viewer = { id: (await makeUser(target.db, 'editor')).id, role: 'editor' }
    // In an empty database no case has the file's addresses: the user leaves that column out too.
    const result = await importFile(target.db, editor, [...EXPORT_ONLY, 'case url'])
    expect(result).toMatchObject({ ok: true, created: CASES.length, updated: 0 })
    const before = rowsOf(exported)
    const after = rowsOf(await exportCsv(target.db, editor))
    const compared = ['case url', 'owner', 'last updated', 'internal notes']
    expect(after.map((r) => without(r, compared))).toEqual(before.map((r) => without(r, compared)))
    // What was compared is really in the file.
    expect(before.find((r) => r.name === '刘晓波')).toMatchObject({
      aliases: 'Liu Xiaobo',
      gender: 'male',
      'date of birth': '1955-12-28',
      'custody state': 'deceased',
      grounds: 'activism; political_opinion',
      sources: 'https://news.example/liu',
    })
    expect(before.find((r) => r.name === 'Арсамиков Идрис')).toMatchObject({
      aliases: 'Idris Arsamikov; Идрис Арсамиков',
      'date of birth': '1991',
      'detained since': '2019-07',
      summary: 'Detained in Grozny; "reportedly" beaten, then moved.\nSecond line.',
    })
    expect(before.find((r) => r.name === `'${FORMULA}`)).toMatchObject({
      region: "'+995 city",
      'detained since': '2014-01-15',
      'custody state': 'imprisoned',
    })
    // The notes come back as the import writes unmapped columns: "Column: value".
    expect(after.find((r) => r.name === `'${FORMULA}`)!['internal notes']).toBe(
      'internal notes: Family asked for no publicity.',
    )
  })

  it('updates each case in place, timeline untouched, when re-imported where it came from', async () => {
    const events = () =>
      source.db
        .selectFrom('statusEvents')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    const eventsBefore = Number((await events()).n)
    const result = await importFile(source.db, admin, [...EXPORT_ONLY, 'internal notes'])
    // The timeline is not written twice: the file's dates are the ones the cases already hold.
    expect(Number((await events()).n)).toBe(eventsBefore)
    expect(result).toMatchObject({ ok: true, created: 0, updated: CASES.length })
    const again = rowsOf(await exportCsv(source.db, admin))
    expect(again.map((r) => without(r, ['last updated']))).toEqual(
      rowsOf(exported).map((r) => without(r, ['last updated'])),
    )
  })
})
