// Restricted cases leak through no document: not one linked to a visible case or action, not a
// generated draft, not the import's duplicate notice.
import { beforeAll, describe, expect, it } from 'vitest'
import { parsePressRelease } from '../../app/document-import/press-release'
import { loader as actionPage } from '../../app/routes/actions.$actionId'
import { loader as casePage } from '../../app/routes/cases.$slug'
import { loader as statementPage } from '../../app/routes/cases.$slug_.statement'
import { action as publishAction } from '../../app/routes/cases.$slug_.statement_.publish'
import { action as importAction } from '../../app/routes/documents.import'
import { PUBLIC_SLUG, SECRET, load, openLeakFixesWorld } from '../support/leak-fixes-world'
import { formPost, runAction } from '../support/routes'
import { backends, type TestDatabase } from '../support/test-database'

describe.each(backends())('restricted cases leak nowhere on %s', (backend) => {
  const world = openLeakFixesWorld(backend)
  const { insertDocument, insertAction } = world
  let database: TestDatabase
  let admin: string
  let editor: string
  let viewer: string
  let publicCaseId: number
  let hidden: { id: number; slug: string }
  let secretDocumentId: number
  beforeAll(() => {
    ;({ database, admin, editor, viewer, publicCaseId, hidden, secretDocumentId } = world)
  })

  it("lists on a case's page only the documents the reader may see", async () => {
    const seen = await load(casePage, `/cases/${PUBLIC_SLUG}`, viewer, { slug: PUBLIC_SLUG })
    expect(seen.status).toBe(200)
    expect(seen.data.documents.length).toBeGreaterThan(0)
    expect(JSON.stringify(seen.data)).not.toContain(SECRET)
    const all = await load(casePage, `/cases/${PUBLIC_SLUG}`, admin, { slug: PUBLIC_SLUG })
    expect(all.data.documents.map((d: { title: string }) => d.title)).toContain(SECRET)
  })

  it("does not name on an action's page a linked document hidden from the reader", async () => {
    const actionId = await insertAction({
      title: 'Letter sent',
      actionDate: '2024-05-03',
      caseIds: [publicCaseId],
      documentId: secretDocumentId,
    })
    const path = `/actions/${actionId}`
    const seen = await load(actionPage, path, viewer, { actionId: String(actionId) })
    expect(seen.status).toBe(200)
    expect(seen.data.record.documentTitle).toBeNull()
    expect(seen.data.record.documentId).toBeNull()
    expect(JSON.stringify(seen.data)).not.toContain(SECRET)
    const all = await load(actionPage, path, admin, { actionId: String(actionId) })
    expect(all.data.record.documentTitle).toBe(SECRET)
  })

  it('treats a generated draft hidden from the reader as not found, on the page and when publishing', async () => {
    const draft = await insertDocument({
      title: 'Hidden generated draft',
      caseIds: [publicCaseId, hidden.id],
      template: 'press_release',
    })
    const path = `/cases/${PUBLIC_SLUG}/statement?saved=${draft}`
    const seen = await load(statementPage, path, viewer, { slug: PUBLIC_SLUG })
    expect(seen.data.saved).toBeNull()
    expect(JSON.stringify(seen.data)).not.toContain('Hidden generated draft')
    const published = await runAction(
      publishAction,
      formPost(`/cases/${PUBLIC_SLUG}/statement/publish`, editor, {
        document: String(draft),
        target: '',
        date: '2024-05-04',
      }),
      { slug: PUBLIC_SLUG },
    )
    expect(published.status).toBe(404)
    const after = await database.db
      .selectFrom('documents')
      .select('status')
      .where('id', '=', draft)
      .executeTakeFirstOrThrow()
    expect(after.status).toBe('draft')
    // An admin sees the draft.
    const all = await load(statementPage, path, admin, { slug: PUBLIC_SLUG })
    expect(all.data.saved?.title).toBe('Hidden generated draft')
  })

  it('says a release is already imported without naming a document hidden from the reader', async () => {
    const text = `Press release: Quiet group calls for the release of a hidden person

Brussels, 7 May 2024

A person was detained.[1]

[1] Example News, “Detained”, 6 May 2024, https://news.example.org/hidden-detention
`
    const parsed = parsePressRelease(text)
    if (!parsed.ok) throw new Error('the fixture release does not parse')
    const title = 'Title of the hidden imported release'
    const documentId = await insertDocument({
      title,
      caseIds: [hidden.id],
      contentHash: parsed.value.contentHash,
    })
    const body = new FormData()
    body.append('intent', 'preview')
    body.append('text', text)
    const result = await runAction(
      importAction,
      new Request('http://localhost/documents/import', {
        method: 'POST',
        body,
        headers: { Cookie: editor },
      }),
    )
    expect(result.data.stage).toBe('duplicate')
    expect(result.data.existing).toEqual({ visible: false })
    expect(JSON.stringify(result.data)).not.toContain(title)
    expect(JSON.stringify(result.data)).not.toContain(`"id":${documentId}`)
  })
})
