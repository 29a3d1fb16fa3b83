// The generator's routes called directly as signed-in users: who may see, save and publish; bad
// choices answer 400 with a message, never 500; downloads carry their file names and open.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedDatabase } from '../../db/seed'
import { action as pageAction, loader as pageLoader } from '../../app/routes/cases.$slug_.statement'
import {
  action as downloadAction,
  loader as downloadLoader,
} from '../../app/routes/cases.$slug_.statement_.download'
import { action as publishAction } from '../../app/routes/cases.$slug_.statement_.publish'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const SLUG = 'idris-arsamikov'

function get(pathAndQuery: string, cookie: string) {
  return new Request(`http://localhost${pathAndQuery}`, { headers: { Cookie: cookie } })
}

async function load(pathAndQuery: string, cookie: string, slug = SLUG) {
  return runAction(
    () => pageLoader({ request: get(pathAndQuery, cookie), params: { slug }, context: {} }),
    new Request('http://x'),
  )
}

async function download(request: Request, method: 'get' | 'post' = 'get') {
  try {
    const run = method === 'get' ? downloadLoader : downloadAction
    return (await run({ request, params: { slug: SLUG }, context: {} })) as Response
  } catch (error) {
    if (error instanceof Response) return error
    throw error
  }
}

describe.each(backends())('statement routes on %s', (backend) => {
  let database: TestDatabase
  let editor: string
  let viewer: string

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await seedDatabase(database.db, { password: TEST_PASSWORD })
    editor = await signInCookie('editor@example.org')
    viewer = await signInCookie('viewer@example.org')
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('previews the press release for a viewer from the defaults', async () => {
    const result = await load(`/cases/${SLUG}/statement`, viewer)
    expect(result.status).toBe(200)
    expect(result.data.preview.ok).toBe(true)
    expect(result.data.preview.html).toContain('LGBTI Intergroup calls on Chechen authorities')
    expect(result.data.values.meps).toHaveLength(2)
    expect(result.data.canSave).toBe(false)
  })

  it('answers 404 for a restricted case the viewer may not see', async () => {
    const hidden = await makeCase(database.db, {
      fullName: 'Hidden Person',
      visibility: 'restricted',
    })
    const result = await load(`/cases/${hidden.slug}/statement`, viewer, hidden.slug)
    expect(result.status).toBe(404)
  })

  it.each([
    ['a template not offered', 'template=poem', 'template', /templates offered/],
    ['a language not offered', 'lang=de', 'lang', /languages offered/],
    ['an MEP who is not an actor', 'chosen=1&mep=999999', 'mep', /not an actor/],
    ['an actor who is not an MEP', 'chosen=1&mep=1', 'mep', /is not an MEP/],
  ])('answers 400 with a message for %s', async (_label, query, field, message) => {
    const result = await load(`/cases/${SLUG}/statement?${query}`, viewer)
    expect(result.status).toBe(400)
    expect(result.data.errors[field][0]).toMatch(message)
    expect(result.data.preview).toBeNull()
  })

  it('answers 400 for a 50,000-character quote, keeping what was typed', async () => {
    const bjork = await database.db
      .selectFrom('actors')
      .select('id')
      .where('name', '=', 'Malin Björk')
      .executeTakeFirstOrThrow()
    const query = new URLSearchParams({
      chosen: '1',
      mep: String(bjork.id),
      [`quote-${bjork.id}`]: 'x'.repeat(50_000),
    })
    const result = await load(`/cases/${SLUG}/statement?${query}`, viewer)
    expect(result.status).toBe(400)
    expect(result.data.errors[`quote-${bjork.id}`][0]).toMatch(/at most 2,000 characters/)
  })

  it('downloads Markdown and a .docx that opens', async () => {
    const md = await download(
      get(`/cases/${SLUG}/statement/download?format=md&date=2023-02-22`, viewer),
    )
    expect(md.status).toBe(200)
    expect(md.headers.get('Content-Disposition')).toBe(
      'attachment; filename="press-release-idris-arsamikov-2023-02-22.md"',
    )
    expect(await md.text()).toMatch(/^Press release\n\n# LGBTI Intergroup calls on/)
    const docx = await download(
      get(`/cases/${SLUG}/statement/download?format=docx&template=letter`, viewer),
    )
    expect(docx.status).toBe(200)
    expect(docx.headers.get('Content-Type')).toMatch(/wordprocessingml/)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'docx-')), 'letter.docx')
    fs.writeFileSync(file, Buffer.from(await docx.arrayBuffer()))
    expect(
      execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' }),
    ).toContain('Concerning: Idris Arsamikov')
  })

  it('answers 400 with a message for a bad format or an over-long edited question', async () => {
    const bad = await download(get(`/cases/${SLUG}/statement/download?format=pdf`, viewer))
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/Choose a format: md or docx/)
    const long = await download(
      formPost(`/cases/${SLUG}/statement/download?format=md`, viewer, {
        choices: 'chosen=1&template=written_question',
        text: `# Subject: X\n\n${'word '.repeat(250)}`,
      }),
      'post',
    )
    expect(long.status).toBe(400)
    expect(await long.text()).toMatch(/has \d+ words; the European Parliament accepts at most 200/)
  })

  it('lets a viewer preview edited text but not save it', async () => {
    const preview = await runAction(
      pageAction,
      formPost(`/cases/${SLUG}/statement`, viewer, {
        intent: 'preview',
        text: '# Edited\n\n<b>x</b>',
        choices: '',
      }),
      { slug: SLUG },
    )
    expect(preview.status).toBe(200)
    expect(preview.data.html).toContain('<h2>Edited</h2>')
    expect(preview.data.html).not.toContain('<b>')
    const save = await runAction(
      pageAction,
      formPost(`/cases/${SLUG}/statement`, viewer, {
        intent: 'save',
        text: '# X\n\nY',
        choices: '',
      }),
      { slug: SLUG },
    )
    expect(save.status).toBe(403)
  })

  it('saves an editor’s edited draft, refuses a stale preview, and publishes', async () => {
    const page = await load(`/cases/${SLUG}/statement?template=mep_statement`, editor)
    const { query, caseVersion, preview } = page.data
    const text = preview.markdown.replace('I am deeply concerned', 'I am gravely concerned')
    const stale = await runAction(
      pageAction,
      formPost(`/cases/${SLUG}/statement`, editor, {
        intent: 'save',
        text,
        choices: query,
        caseVersion: String(caseVersion - 1),
      }),
      { slug: SLUG },
    )
    expect(stale.status).toBe(409)
    expect(stale.data.text).toBe(text)
    const saved = await runAction(
      pageAction,
      formPost(`/cases/${SLUG}/statement`, editor, {
        intent: 'save',
        text,
        choices: query,
        caseVersion: String(caseVersion),
      }),
      { slug: SLUG },
    )
    expect(saved.status).toBe(302)
    const id = Number(/saved=(\d+)/.exec(saved.location!)![1])
    const document = await database.db
      .selectFrom('documents')
      .select(['body', 'kind', 'status', 'issuerId'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(document).toMatchObject({ kind: 'statement', status: 'draft' })
    expect(document.body).toContain('I am gravely concerned')
    const published = await runAction(
      publishAction,
      formPost(`/cases/${SLUG}/statement/publish`, editor, {
        document: String(id),
        target: '',
        date: '2025-01-15',
      }),
      { slug: SLUG },
    )
    expect(published).toMatchObject({ status: 302, location: `/cases/${SLUG}#actions-title` })
    const action = await database.db
      .selectFrom('advocacyActions')
      .select(['kind', 'actorId'])
      .where('documentId', '=', id)
      .executeTakeFirstOrThrow()
    expect(action).toEqual({ kind: 'media_or_oped', actorId: document.issuerId })
    const twice = await runAction(
      publishAction,
      formPost(`/cases/${SLUG}/statement/publish`, editor, {
        document: String(id),
        target: '',
        date: '2025-01-15',
      }),
      { slug: SLUG },
    )
    expect(twice.status).toBe(409)
  })

  it('says why a case without consent cannot be named, and uses its pseudonym when set', async () => {
    const event = {
      eventDate: '2024-05-01',
      datePrecision: 'day' as const,
      custodyState: 'detained' as const,
      legalStage: null,
      releaseReason: null,
      location: null,
      description: 'Detained in Minsk.',
      certainty: 'confirmed' as const,
    }
    const refused = await makeCase(database.db, { fullName: 'Real Name', consent: 'refused' })
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId: refused.id,
      fields: event,
    })
    const page = await load(`/cases/${refused.slug}/statement`, viewer, refused.slug)
    expect(page.status).toBe(200)
    expect(page.data.preview).toEqual({
      ok: false,
      message: expect.stringMatching(/refused consent to publicity.*no public display name/),
    })
    const named = await makeCase(database.db, {
      fullName: 'Other Real Name',
      consent: 'refused',
      displayName: 'K.',
    })
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId: named.id,
      fields: event,
    })
    const pseudonymous = await load(`/cases/${named.slug}/statement`, viewer, named.slug)
    expect(pseudonymous.data.preview.html).toContain('K. has been in detention')
    expect(pseudonymous.data.preview.markdown).not.toMatch(/Real|Name/)
  })

  it('does not let a viewer publish', async () => {
    const result = await runAction(
      publishAction,
      formPost(`/cases/${SLUG}/statement/publish`, viewer, { document: '1', date: '2025-01-15' }),
      { slug: SLUG },
    )
    expect(result.status).toBe(403)
  })
})
