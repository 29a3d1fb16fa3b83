// Over 300 lines: one seeded database per backend serves the bad-input cases of every document
// route.
// Bad input to the document routes, each answered with a clear message (or the right status) and
// nothing written; and what the pages send to the browser for hostile text and restricted cases.
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { action as linkCases } from '../../app/routes/documents.$documentId_.cases'
import { action as editDocument } from '../../app/routes/documents.$documentId_.edit'
import { action as newQuote } from '../../app/routes/documents.$documentId_.quotes.new'
import { loader as documentPage } from '../../app/routes/documents.$documentId'
import { action as importAction } from '../../app/routes/documents.import'
import { action as newDocument } from '../../app/routes/documents.new'
import { loader as documentList } from '../../app/routes/documents._index'
import { createUser } from '../../app/models/user.server'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const FIXTURE = fs.readFileSync(
  path.resolve(import.meta.dirname, '../fixtures/press-release-idris-arsamikov.txt'),
  'utf8',
)
const NO_DATE = `Press release: MEPs call on Belarus to free Ana Testova

Ana Testova was detained in Minsk.[1] Her lawyer was refused access.[3]

[1] Example News, “Journalist held”, 2 March 2024, https://news.example.org/held

[2] A report nobody cites (2023)
`

function multipart(pathname: string, cookie: string, fields: Record<string, string | File>) {
  const body = new FormData()
  for (const [key, value] of Object.entries(fields)) body.append(key, value)
  return new Request(`http://localhost${pathname}`, {
    method: 'POST',
    body,
    headers: { Cookie: cookie },
  })
}

function get(pathname: string, cookie: string) {
  return new Request(`http://localhost${pathname}`, { headers: { Cookie: cookie } })
}

async function status(run: () => Promise<unknown>): Promise<number> {
  try {
    await run()
    return 200
  } catch (error) {
    if (error instanceof Response) return error.status
    throw error
  }
}

describe.each(backends())('document routes on %s', (backend) => {
  let database: TestDatabase
  let editor: string
  let viewer: string
  let seededId: number
  let restricted: { id: number; slug: string }

  const TABLES = [
    'documents',
    'documentQuotes',
    'documentCases',
    'citations',
    'sources',
    'actors',
    'advocacyActions',
    'auditEvents',
  ] as const
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        TABLES.map(async (t) => [
          t,
          (
            await database.db
              .selectFrom(t)
              .select(database.db.fn.countAll<string>().as('n'))
              .executeTakeFirstOrThrow()
          ).n.toString(),
        ]),
      ),
    )
  const preview = (fields: Record<string, string | File>) =>
    runAction(
      importAction,
      multipart('/documents/import', editor, { intent: 'preview', ...fields }),
    )

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await seedDatabase(database.db, { password: TEST_PASSWORD })
    await createUser(database.db, {
      email: 'outsider@example.org',
      name: 'Outsider',
      role: 'viewer',
      password: TEST_PASSWORD,
    })
    editor = await signInCookie('editor@example.org')
    viewer = await signInCookie('outsider@example.org')
    seededId = (await database.db.selectFrom('documents').select('id').executeTakeFirstOrThrow()).id
    restricted = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('refuses an empty paste', async () => {
    const before = await counts()
    const result = await preview({ text: '   \n  ' })
    expect(result.status).toBe(400)
    expect(result.data).toMatchObject({
      stage: 'input',
      formError: expect.stringMatching(/nothing was pasted/),
    })
    expect(await counts()).toEqual(before)
  })

  it('refuses a 5 MB paste with a size message, without reading it all into the page', async () => {
    const before = await counts()
    const huge = 'Brussels, 22 February 2023. '.repeat(190_000)
    const streamed = await preview({ text: huge })
    expect(streamed.status).toBe(413)
    expect(streamed.data.formError).toMatch(/larger than 1 MB/)
    expect(streamed.data.text).toBe('')
    const declared = new Request('http://localhost/documents/import', {
      method: 'POST',
      body: new URLSearchParams({ intent: 'preview', text: huge }),
      headers: {
        Cookie: editor,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Content-Length': String(huge.length + 30),
      },
    })
    expect((await runAction(importAction, declared)).status).toBe(413)
    // Under the request limit but over the parser's: the parser's own size message.
    const large = await preview({ text: 'x'.repeat(1_500_000) })
    expect(large.status).toBe(400)
    expect(large.data.formError).toMatch(/larger than 1 MB/)
    expect(await counts()).toEqual(before)
  })

  it.each([
    [
      'a binary file',
      new File([new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02])], 'release.txt'),
      /not plain text/,
    ],
    [
      'a Latin-1 file',
      new File([new Uint8Array([0x42, 0x72, 0xfc, 0x73, 0x73, 0x65, 0x6c])], 'release.txt'),
      /not UTF-8/,
    ],
    ['a PDF', new File(['%PDF-1.7'], 'release.pdf'), /not a text file/],
  ])('refuses %s with a clear message', async (_, file, message) => {
    const before = await counts()
    const result = await preview({ text: '', file })
    expect(result.status).toBe(400)
    expect(result.data.formError).toMatch(message)
    expect(await counts()).toEqual(before)
  })

  it('reads an uploaded UTF-8 file, and reports the seeded release as already imported', async () => {
    const result = await preview({
      text: '',
      file: new File([FIXTURE], 'release.txt', { type: 'text/plain' }),
    })
    expect(result.status).toBe(200)
    expect(result.data).toMatchObject({
      stage: 'duplicate',
      existing: { id: seededId, visible: true },
    })
  })

  it('asks for the date when there is no date line, and warns of unmatched footnotes', async () => {
    const before = await counts()
    const result = await preview({ text: NO_DATE })
    expect(result.data.stage).toBe('preview')
    const { values } = result.data
    expect(values.documentDate).toBe('')
    expect(values.warnings.join('\n')).toMatch(/No place and date line/)
    expect(values.warnings.join('\n')).toMatch(/\[3\] is cited but there is no footnote 3/)
    expect(values.warnings.join('\n')).toMatch(/Footnote \[2\] is never cited/)
    // Confirming without the date: a field error, the typed values kept, nothing written.
    const form: Record<string, string | string[]> = { intent: 'confirm' }
    for (const [key, value] of Object.entries(values))
      if (!Array.isArray(value)) form[key] = value as string
    form.title = 'Corrected title'
    form.caseIds = values.caseIds
    values.quotes.forEach((q: Record<string, string>, i: number) =>
      Object.entries(q).forEach(([k, v]) => (form[`quote-${i}-${k}`] = v)),
    )
    values.footnotes.forEach((f: Record<string, string>, i: number) =>
      Object.entries(f).forEach(([k, v]) => (form[`footnote-${i}-${k}`] = v)),
    )
    const refused = await runAction(importAction, formPost('/documents/import', editor, form))
    expect(refused.status).toBe(400)
    expect(refused.data.errors.documentDate[0]).toMatch(/Enter the date of the press release/)
    expect(refused.data.values.title).toBe('Corrected title')
    expect(refused.data.values.footnotes).toHaveLength(2)
    expect(await counts()).toEqual(before)
    const imported = await runAction(
      importAction,
      formPost('/documents/import', editor, { ...form, documentDate: '2024-04-05' }),
    )
    expect(imported).toMatchObject({
      status: 302,
      location: expect.stringMatching(/^\/documents\/\d+\?imported=1$/),
    })
  })

  it('renders a hostile Markdown body inert', async () => {
    const created = await runAction(
      newDocument,
      formPost('/documents/new', editor, {
        kind: 'statement',
        title: 'Hostile',
        status: 'draft',
        language: 'en',
        body: '<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[a](javascript:alert(3)) [b](JaVaScRiPt:alert(4)) [c](data:text/html,x)',
      }),
    )
    expect(created.status).toBe(302)
    const id = created.location!.split('/').at(-1)!
    const page = (await documentPage({
      request: get(`/documents/${id}`, editor),
      params: { documentId: id },
      context: {},
    })) as { bodyHtml: string }
    expect(page.bodyHtml).not.toMatch(/<script|<img|href="(javascript|data)/i)
    expect(page.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('answers 404 for a document linked to a restricted case the user may not see', async () => {
    const created = await runAction(
      newDocument,
      formPost('/documents/new', editor, {
        kind: 'letter',
        title: 'Letter about a hidden person',
        status: 'draft',
        language: 'en',
      }),
    )
    const id = created.location!.split('/').at(-1)!
    const editorUser = await database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'editor@example.org')
      .executeTakeFirstOrThrow()
    // The editor may link it only once granted access; to the outsider it then does not exist.
    const refused = await runAction(
      linkCases,
      formPost(`/documents/${id}/cases`, editor, { intent: 'link', caseId: String(restricted.id) }),
      { documentId: id },
    )
    expect(refused.status).toBe(404)
    await database.db
      .insertInto('caseAccess')
      .values({ caseId: restricted.id, userId: editorUser.id })
      .execute()
    const linked = await runAction(
      linkCases,
      formPost(`/documents/${id}/cases`, editor, { intent: 'link', caseId: String(restricted.id) }),
      { documentId: id },
    )
    expect(linked.status).toBe(302)
    const load = (cookie: string) => () =>
      documentPage({
        request: get(`/documents/${id}`, cookie),
        params: { documentId: id },
        context: {},
      })
    expect(await status(load(editor))).toBe(200)
    expect(await status(load(viewer))).toBe(404)
    const list = (await documentList({
      request: get('/documents', viewer),
      params: {},
      context: {},
    })) as { documents: { title: string }[] }
    expect(list.documents.map((d) => d.title)).not.toContain('Letter about a hidden person')
    expect(
      (
        await runAction(
          linkCases,
          formPost(`/documents/${id}/cases`, editor, { intent: 'link', caseId: '999999' }),
          { documentId: id },
        )
      ).status,
    ).toBe(404)
  })

  it('refuses writes from a viewer and bad quotes and stale edits from an editor', async () => {
    const id = String(seededId)
    const edit = (fields: Record<string, string>) =>
      runAction(
        editDocument,
        formPost(`/documents/${id}/edit`, editor, {
          kind: 'press_release',
          status: 'published',
          language: 'en',
          ...fields,
        }),
        { documentId: id },
      )
    // Someone saves first: the version moves on to 2.
    const first = await edit({ version: '1', title: 'Saved first', place: 'Brussels' })
    expect(first.status).toBe(302)
    const before = await counts()
    expect(
      (
        await runAction(
          importAction,
          multipart('/documents/import', viewer, { intent: 'preview', text: FIXTURE }),
        )
      ).status,
    ).toBe(403)
    expect(
      (
        await runAction(
          newDocument,
          formPost('/documents/new', viewer, { kind: 'letter', title: 'x', status: 'draft' }),
        )
      ).status,
    ).toBe(403)
    const long = await runAction(
      newQuote,
      formPost(`/documents/${id}/quotes/new`, editor, {
        version: '1',
        actorId: '',
        speakerLabel: 'Someone',
        body: 'x'.repeat(50_001),
      }),
      { documentId: id },
    )
    expect(long.status).toBe(400)
    expect(long.data.errors.body[0]).toBe('A quotation can be at most 50,000 characters')
    const stale = await edit({ version: '1', title: 'Changed', place: 'Brussels' })
    expect(stale.status).toBe(409)
    expect(stale.data.conflict.differences.map((d: { field: string }) => d.field)).toContain(
      'title',
    )
    const badUrl = await edit({ version: '2', title: 'Changed', url: 'javascript:alert(1)' })
    expect(badUrl.status).toBe(400)
    expect(badUrl.data.values.title).toBe('Changed')
    expect(
      (
        await runAction(editDocument, formPost('/documents/abc/edit', editor, {}), {
          documentId: 'abc',
        })
      ).status,
    ).toBe(404)
    expect(await counts()).toEqual(before)
  })
})
