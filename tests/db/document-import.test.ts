// Over 300 lines: the re-import and already-imported checks build on the first import, in one
// database per backend.
// Importing a press release against a seeded database: exactly the expected rows (every table
// counted before and after), nothing on a re-import, and the seeded press release recognised as
// already imported although the seed stored no content hash.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import type { Database } from '../../db/schema'
import {
  ImportConfirmSchema,
  type ImportInput,
  type ImportValues,
} from '../../app/document-import/schema'
import { parsePressRelease } from '../../app/document-import/press-release'
import type { Viewer } from '../../app/models/case-visibility.server'
import { getDocumentPage } from '../../app/models/document.server'
import { importPressRelease } from '../../app/document-import/import-write.server'
import { buildImportPreview } from '../../app/document-import/preview.server'
import { makeCase } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const FIXTURE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/press-release-idris-arsamikov.txt'),
  'utf8',
)
const MODIFIED = FIXTURE.replace(
  'Press release: LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
  'Press release: LGBTI Intergroup urges Chechen authorities to free Idris Arsamikov',
)

const NEW_RELEASE = `Press release: Press Freedom Now calls on Belarus to free Ana Testova

Brussels, 5 April 2024

Ana Testova was detained in Minsk.[2] Her lawyer was refused access.[1][3][9]

Jane Roe MEP (Greens/EFA), Member of the Committee on Civil Liberties, said:

“Ana must be freed.[3] Now.”

Jane Roe MEP (Greens/EFA), Member of the Committee on Civil Liberties, added:

“We will not stop.”

[1] Reuters, “Journalist held in Minsk”, 2 March 2024, https://news.example.org/held

[2] Example Watch report (2024), available at: https://watch.example.org/report

[3] Minsk Courts, “Hearing list”, 3 March 2024, https://courts.example.org/list

[4] A footnote nobody cites (2023)

Press contacts:
Office of Jane Roe – John Doe (john.doe@example.org, +32 2 555 12 34)
`

const TABLES = [
  'users',
  'sessions',
  'cases',
  'caseAccess',
  'statusEvents',
  'actors',
  'documents',
  'documentCases',
  'documentQuotes',
  'sources',
  'citations',
  'advocacyActions',
  'actionCases',
  'auditEvents',
] as const satisfies readonly (keyof Database)[]

describe.each(backends())('importing a press release on %s', (backend) => {
  let database: TestDatabase
  let editor: Viewer
  const actor = () => ({ userId: editor.id, requestId: 'test' })

  const counts = async () => {
    const entries = await Promise.all(
      TABLES.map(async (table) => {
        const rows = await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
        return [table, Number(rows.n)] as const
      }),
    )
    return Object.fromEntries(entries) as Record<(typeof TABLES)[number], number>
  }
  const delta = (before: Record<string, number>, after: Record<string, number>) =>
    Object.fromEntries(TABLES.map((t) => [t, after[t]! - before[t]!]))

  async function preview(text: string) {
    const parsed = parsePressRelease(text)
    if (!parsed.ok) throw new Error(parsed.error)
    return buildImportPreview(database.db, { viewer: editor, text, parsed: parsed.value })
  }
  async function previewValues(text: string): Promise<ImportValues> {
    const result = await preview(text)
    if (result.kind !== 'preview') throw new Error('expected a preview, not a duplicate')
    return result.values
  }
  const confirm = (values: ImportValues): ImportInput => ImportConfirmSchema.parse(values)

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    await seedDatabase(database.db, { password: 'seed-password-123' })
    const user = await database.db
      .selectFrom('users')
      .select(['id', 'role'])
      .where('email', '=', 'editor@example.org')
      .executeTakeFirstOrThrow()
    editor = { id: user.id, role: user.role }
  })
  afterAll(() => database.close())

  it('reports the unmodified fixture as the seeded press release, writing nothing', async () => {
    const before = await counts()
    const result = await preview(FIXTURE)
    const seeded = await database.db
      .selectFrom('documents')
      .select(['id', 'title'])
      .executeTakeFirstOrThrow()
    expect(result).toEqual({
      kind: 'duplicate',
      existing: expect.objectContaining({ id: seeded.id, title: seeded.title, visible: true }),
    })
    expect(await counts()).toEqual(before)
  })

  it('imports a changed copy with exactly the expected rows, reusing actors and sources', async () => {
    const values = await previewValues(MODIFIED)
    const names = await database.db.selectFrom('actors').select(['id', 'name']).execute()
    const nameOf = (id: string) => names.find((a) => String(a.id) === id)?.name
    // Matched, not proposed as new: "Bjork" is "Björk"; the issuer and addressee come from the title.
    expect(nameOf(values.issuer)).toBe('LGBTI Intergroup')
    expect(nameOf(values.target)).toBe('Chechen authorities')
    expect(values.quotes.map((q) => nameOf(q.actor))).toEqual([
      'Malin Björk',
      'Fabio Massimo Castaldo',
    ])
    expect(values.contacts.map((c) => nameOf(c.actor))).toEqual([
      'Charlotta Narvehed',
      'Francesca Acampora',
    ])
    expect(values.footnotes.map((f) => f.source)).not.toContain('new')
    expect(values.caseIds).toHaveLength(1)

    const before = await counts()
    const result = await importPressRelease(database.db, {
      actor: actor(),
      viewer: editor,
      input: confirm(values),
    })
    expect(result.ok).toBe(true)
    expect(delta(before, await counts())).toEqual({
      ...Object.fromEntries(TABLES.map((t) => [t, 0])),
      documents: 1,
      documentQuotes: 2,
      citations: 2,
      documentCases: 1,
      advocacyActions: 1,
      actionCases: 1,
      // document, 2 quotes, 2 citations, 1 case link, 1 action
      auditEvents: 7,
    })
    if (!result.ok) return
    const document = await database.db
      .selectFrom('documents')
      .selectAll()
      .where('id', '=', result.documentId)
      .executeTakeFirstOrThrow()
    expect(document).toMatchObject({
      kind: 'press_release',
      status: 'published',
      title: 'LGBTI Intergroup urges Chechen authorities to free Idris Arsamikov',
      place: 'Brussels',
      documentDate: '2023-02-22',
      datePrecision: 'day',
      contentHash: values.contentHash,
    })
    const action = await database.db
      .selectFrom('advocacyActions')
      .innerJoin('actors as by', 'by.id', 'advocacyActions.actorId')
      .innerJoin('actors as to', 'to.id', 'advocacyActions.targetId')
      .select([
        'advocacyActions.kind',
        'advocacyActions.actionDate',
        'by.name as by',
        'to.name as to',
      ])
      .where('advocacyActions.documentId', '=', result.documentId)
      .executeTakeFirstOrThrow()
    expect(action).toEqual({
      kind: 'press_release',
      actionDate: '2023-02-22',
      by: 'LGBTI Intergroup',
      to: 'Chechen authorities',
    })
    const page = await getDocumentPage(database.db, { id: result.documentId, viewer: editor })
    expect(page!.footnotes.map((f) => [f.number, f.publisher])).toEqual([
      [1, 'European Parliament'],
      [2, 'The Moscow Times'],
    ])
    expect(page!.bodyHtml).toContain('href="#source-1"')
    expect(page!.bodyHtml).toContain('href="#source-2"')
  })

  it('creates nothing when the same text is imported again', async () => {
    const again = await preview(MODIFIED)
    expect(again.kind).toBe('duplicate')
    // Even a confirmation posted past the preview (e.g. from a second tab) writes nothing.
    const values = { ...(await previewValues(MODIFIED.replace('urges', 'asks'))) }
    const before = await counts()
    const hashOfModified = parsePressRelease(MODIFIED)
    if (!hashOfModified.ok) throw new Error('parse')
    const result = await importPressRelease(database.db, {
      actor: actor(),
      viewer: editor,
      input: confirm({ ...values, contentHash: hashOfModified.value.contentHash }),
    })
    expect(result).toMatchObject({ ok: false, reason: 'duplicate' })
    expect(await counts()).toEqual(before)
  })

  it('creates new actors once, new sources, and citations that follow the markers', async () => {
    await makeCase(database.db, { fullName: 'Ana Testova', visibility: 'internal' })
    const values = await previewValues(NEW_RELEASE)
    expect(values.warnings.join(' ')).toMatch(/\[9\] is cited but there is no footnote 9/)
    expect(values.warnings.join(' ')).toMatch(/Footnote \[4\] is never cited/)
    expect(values.issuer).toBe('new')
    expect(values.issuerName).toBe('Press Freedom Now')
    expect(values.quotes.map((q) => q.actor)).toEqual(['new', 'new'])
    const before = await counts()
    const result = await importPressRelease(database.db, {
      actor: actor(),
      viewer: editor,
      input: confirm(values),
    })
    if (!result.ok) throw new Error(JSON.stringify(result))
    const change = delta(before, await counts())
    // Press Freedom Now, Belarus (addressee), Jane Roe (once for two quotes), John Doe
    expect(change.actors).toBe(4)
    expect(change.sources).toBe(4)
    // body: [2], [1], [3], then [4] unreferenced; quote 1: [3]
    expect(change.citations).toBe(5)
    const document = await database.db
      .selectFrom('documents')
      .select('body')
      .where('id', '=', result.documentId)
      .executeTakeFirstOrThrow()
    expect(document.body).toBe(
      'Ana Testova was detained in Minsk.[1] Her lawyer was refused access.[2][3]\\[9\\]',
    )
    const page = (await getDocumentPage(database.db, { id: result.documentId, viewer: editor }))!
    expect(page.footnotes.map((f) => f.title)).toEqual([
      'Example Watch report',
      'Journalist held in Minsk',
      'Hearing list',
      'A footnote nobody cites',
    ])
    expect(page.quotes[0]!.html).toContain('href="#source-3"')
    expect(page.bodyHtml).toContain('[9]')
    expect(page.bodyHtml).not.toContain('#source-9')
    const contact = await database.db
      .selectFrom('actors')
      .selectAll()
      .where('name', '=', 'John Doe')
      .executeTakeFirstOrThrow()
    expect(contact).toMatchObject({
      kind: 'press_contact',
      office: 'Office of Jane Roe',
      email: 'john.doe@example.org',
    })
    const source = await database.db
      .selectFrom('sources')
      .selectAll()
      .where('url', '=', 'https://news.example.org/held')
      .executeTakeFirstOrThrow()
    expect(source).toMatchObject({
      publisher: 'Reuters',
      publishedOn: '2024-03-02',
      urlMissing: false,
    })
  })

  it('refuses a case the importer may not see, writing nothing', async () => {
    const hidden = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    const values = await previewValues(NEW_RELEASE.replace('Ana Testova', 'Someone Else'))
    const before = await counts()
    const result = await importPressRelease(database.db, {
      actor: actor(),
      viewer: editor,
      input: confirm({ ...values, caseIds: [String(hidden.id)] }),
    })
    expect(result).toMatchObject({
      ok: false,
      reason: 'invalid',
      errors: { caseIds: expect.any(Array) },
    })
    expect(await counts()).toEqual(before)
  })
})
