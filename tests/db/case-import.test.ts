// The CSV import end to end on both databases: a file with partial dates, several links in a cell,
// Cyrillic and Chinese names, Windows line endings, a value for every row, date columns turned into
// events, an unmapped column and five kinds of bad rows. The dry run names exactly those rows; the
// commit writes nothing while they remain; fixing them, or leaving them out, writes exactly the rest.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { suggestMapping } from '../../app/case-import/fields'
import { parseCsvText } from '../../app/case-import/parse'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { createCaseImport, getCaseImport } from '../../app/models/case-import.server'
import {
  startCommit,
  startDryRun,
  waitForCaseImport,
} from '../../app/models/case-import-run.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'
import type { ImportMapping } from '../../app/case-import/fields'

const crlf = (lines: string[]) => lines.join('\r\n') + '\r\n'
const HEADER = 'Name,Aliases,Detained since,Date of death,Status,Sources,Sentence,Gender'
const GOOD = [
  '刘晓波,Liu Xiaobo,2008-12,2017-07-13,deceased,"https://a.example/1 https://b.example/2",11 years,M',
  'Арсамиков Идрис,Idris Arsamikov,2019,,imprisoned,https://c.example/3;https://a.example/1,,male',
  'Ilham Tohti,,2014-01-15,,imprisoned,https://d.example/4|https://e.example/5,"life\r\nimprisonment",',
]
const BAD = [
  'Bad Date,,2019-13-40,,detained,,,', // line 6: not a real date
  'Bad State,,2019,,jailed,,,', // line 7: not a custody state
  ',,2019,,detained,,,', // line 8: no name
  'Ilham Tohti,,2014,,imprisoned,,,', // line 9: the same person as line 4
  'Bad Link,,2019,,detained,not-a-link,,', // line 10: not a link
]
const LAST = 'Life Sentence,,unknown,,imprisoned,https://hidden.example/x,,' // line 11
const FIXED = [
  'Bad Date,,2019-12-30,,detained,,,',
  'Bad State,,2019,,imprisoned,,,',
  'No Longer Empty,,2019,,detained,,,',
  'Bad Link,,2019,,detained,https://f.example/6,,',
]

describe.each(backends())('the CSV import of cases on %s', (backend) => {
  let database: TestDatabase
  let editor: { id: number; role: 'editor' }

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    editor = { id: (await makeUser(database.db, 'editor')).id, role: 'editor' }
    // A link already in the library, seen by all; another cited only by a restricted case.
    await database.db
      .insertInto('sources')
      .values({ title: 'Seen', url: 'https://c.example/3', urlMissing: false })
      .execute()
    const hidden = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId: hidden.id,
      fields: {
        eventDate: '2020-01-01',
        datePrecision: 'day',
        custodyState: 'detained',
        legalStage: null,
        releaseReason: null,
        location: null,
        description: '',
        certainty: 'confirmed',
      },
      newSource: {
        title: 'Hidden Person arrested',
        publisher: null,
        publishedOn: null,
        url: 'https://hidden.example/x',
      },
    })
  })
  afterAll(() => database.close())

  const count = async (table: 'cases' | 'statusEvents' | 'sources' | 'citations' | 'auditEvents') =>
    Number(
      (
        await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const snapshot = async () => ({
    cases: await count('cases'),
    events: await count('statusEvents'),
    sources: await count('sources'),
    citations: await count('citations'),
    audit: await count('auditEvents'),
  })

  async function dryRun(text: string, fileName = 'prisoners.csv') {
    const parsed = parseCsvText(text)
    if (!parsed.ok) throw new Error(parsed.error)
    const mapping: ImportMapping = suggestMapping(parsed.value.headers)
    mapping.constants.country = 'China'
    const id = await createCaseImport(database.db, {
      userId: editor.id,
      fileName,
      content: text,
      headers: parsed.value.headers,
      rowCount: parsed.value.rows.length,
      mapping,
    })
    expect(await startDryRun(database.db, { id, viewer: editor, mapping })).toBe(true)
    await waitForCaseImport(id)
    return { id, record: (await getCaseImport(database.db, { id, userId: editor.id }))! }
  }
  async function commit(id: number, leaveOut: boolean) {
    expect(
      await startCommit(database.db, {
        id,
        viewer: editor,
        actor: { userId: editor.id },
        leaveOut,
      }),
    ).toBe(true)
    await waitForCaseImport(id)
    return (await getCaseImport(database.db, { id, userId: editor.id }))!
  }

  it('pre-maps the header and reports exactly the bad rows, by line and column', async () => {
    const { record } = await dryRun(crlf([HEADER, ...GOOD, ...BAD, LAST]))
    expect(record.status).toBe('planned')
    const errors = record.report!.problems.filter((p) => p.severity === 'error')
    expect(errors.map((p) => [p.line, p.column, p.value])).toEqual([
      [6, 'Detained since', '2019-13-40'],
      [7, 'Status', 'jailed'],
      [8, 'Name', ''],
      [9, 'Name', 'Ilham Tohti'],
      [10, 'Sources', 'not-a-link'],
    ])
    expect(errors[3]!.message).toContain('line 4')
    const warnings = record.report!.problems.filter((p) => p.severity === 'warning')
    expect(warnings.map((p) => [p.line, p.column, p.value])).toEqual([
      [11, 'Sources', 'https://hidden.example/x'],
    ])
    expect(JSON.stringify(record.report)).not.toContain('Hidden Person')
    expect(record.report!.counts).toMatchObject({
      rows: 9,
      validRows: 4,
      errorRows: 5,
      create: 4,
      update: 0,
      events: 7,
      sourcesNew: 4,
      sourcesReused: 1,
      sourcesWithheld: 1,
    })
  })

  it('writes nothing while errors remain, unless the user leaves those rows out', async () => {
    const before = await snapshot()
    const { id } = await dryRun(crlf([HEADER, ...GOOD, ...BAD, LAST]))
    const refused = await commit(id, false)
    expect(refused.status).toBe('planned')
    expect(refused.result).toMatchObject({ ok: false, reason: 'errors', lines: [6, 7, 8, 9, 10] })
    expect(await snapshot()).toEqual(before)

    const done = await commit(id, true)
    expect(done.status).toBe('committed')
    expect(done.result).toMatchObject({
      ok: true,
      created: 4,
      updated: 0,
      events: 7,
      sourcesNew: 4,
      citations: 18,
      leftOut: 5,
    })
    const after = await snapshot()
    expect(after.cases - before.cases).toBe(4)
    expect(after.events - before.events).toBe(7)
    expect(after.sources - before.sources).toBe(4)
    expect(after.citations - before.citations).toBe(18)

    const liu = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('fullName', '=', '刘晓波')
      .executeTakeFirstOrThrow()
    expect(liu).toMatchObject({
      country: 'China',
      aliases: ['Liu Xiaobo'],
      gender: 'male',
      currentCustodyState: 'deceased',
      internalNotes: 'Sentence: 11 years',
    })
    expect(liu.slug).toMatch(/^liu-xiao-bo-[a-z0-9]{6}$/)
    const idris = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('fullName', '=', 'Арсамиков Идрис')
      .executeTakeFirstOrThrow()
    expect(idris).toMatchObject({
      currentCustodyState: 'imprisoned',
      detainedSince: '2019-01-01',
      detainedSincePrecision: 'year',
    })
    const tohti = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('fullName', '=', 'Ilham Tohti')
      .executeTakeFirstOrThrow()
    expect(tohti.internalNotes).toBe('Sentence: life\nimprisonment')
    const life = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('fullName', '=', 'Life Sentence')
      .executeTakeFirstOrThrow()
    expect(life.internalNotes).toBe('Detained since: unknown')
    const liuEvents = await database.db
      .selectFrom('statusEvents')
      .select(['eventDate', 'datePrecision', 'custodyState', 'certainty'])
      .where('caseId', '=', liu.id)
      .orderBy('eventDate')
      .execute()
    expect(liuEvents).toEqual([
      {
        eventDate: '2008-12-01',
        datePrecision: 'month',
        custodyState: 'detained',
        certainty: 'confirmed',
      },
      {
        eventDate: '2017-07-13',
        datePrecision: 'day',
        custodyState: 'deceased',
        certainty: 'confirmed',
      },
    ])
    // The hidden source is not cited by the new case.
    const hiddenCited = await database.db
      .selectFrom('citations')
      .innerJoin('sources', 'sources.id', 'citations.sourceId')
      .select('citations.id')
      .where('sources.url', '=', 'https://hidden.example/x')
      .execute()
    expect(hiddenCited).toHaveLength(1)
    const entry = await database.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('entity', '=', 'case_import')
      .where('entityId', '=', String(id))
      .executeTakeFirstOrThrow()
    expect(JSON.stringify(entry.changes)).toContain('imported 4 cases from prisoners.csv')
  })

  it('imports the fixed file: the rows already in become updates, the fixed ones new cases', async () => {
    const before = await snapshot()
    const { id, record } = await dryRun(
      crlf([HEADER, ...GOOD, ...FIXED, LAST]),
      'prisoners-fixed.csv',
    )
    expect(record.report!.problems.filter((p) => p.severity === 'error')).toEqual([])
    expect(record.report!.counts).toMatchObject({ create: 4, update: 4, sourcesNew: 1 })
    const done = await commit(id, false)
    expect(done.result).toMatchObject({ ok: true, created: 4, updated: 4, leftOut: 0 })
    const after = await snapshot()
    expect(after.cases - before.cases).toBe(4)
    // 2019-12-30, 2019 ×3 and their today's custody state where it differs from "detained"
    expect(after.events - before.events).toBe(5)
    const badDate = await database.db
      .selectFrom('cases')
      .selectAll()
      .where('fullName', '=', 'Bad Date')
      .executeTakeFirstOrThrow()
    expect(badDate).toMatchObject({ detainedSince: '2019-12-30', detainedSincePrecision: 'day' })
  })
})
