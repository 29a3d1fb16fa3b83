// Over 300 lines: one seeded database per backend serves the bad-input cases of the case and event
// forms.
// Bad input to the case and event forms: each gets a clear message (or the right status) and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as editCase } from '../../app/routes/cases.$slug_.edit'
import { action as newEvent } from '../../app/routes/cases.$slug_.events.new'
import { action as newCase } from '../../app/routes/cases.new'
import { createUser } from '../../app/models/user.server'
import { makeCase } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const validCase = {
  fullName: 'Form Person',
  riskLevel: 'high',
  visibility: 'internal',
  consent: 'unknown',
  aliases: '',
  summary: '',
}
const validEvent = {
  eventDate: '2023-02-14',
  datePrecision: 'day',
  custodyState: 'detained',
  certainty: 'alleged',
  description: 'Held.',
  intent: 'save',
}

describe.each(backends())('case and event forms on %s', (backend) => {
  let database: TestDatabase
  let editorCookie: string
  let viewerCookie: string
  let slug: string
  let restrictedSlug: string

  const counts = async () => ({
    cases: (await database.db.selectFrom('cases').select('id').execute()).length,
    events: (await database.db.selectFrom('statusEvents').select('id').execute()).length,
    sources: (await database.db.selectFrom('sources').select('id').execute()).length,
    audit: (await database.db.selectFrom('auditEvents').select('id').execute()).length,
  })

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    await createUser(database.db, {
      email: 'editor@example.org',
      name: 'Editor',
      role: 'editor',
      password: TEST_PASSWORD,
    })
    await createUser(database.db, {
      email: 'viewer@example.org',
      name: 'Viewer',
      role: 'viewer',
      password: TEST_PASSWORD,
    })
    editorCookie = await signInCookie('editor@example.org')
    viewerCookie = await signInCookie('viewer@example.org')
    slug = (await makeCase(database.db, { fullName: 'Existing Person' })).slug
    restrictedSlug = (
      await makeCase(database.db, { fullName: 'Restricted Person', visibility: 'restricted' })
    ).slug
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it.each([
    ['an empty name', { ...validCase, fullName: '   ' }, 'fullName', 'Enter the full name'],
    [
      'a 10,000-character name',
      { ...validCase, fullName: 'x'.repeat(10_000) },
      'fullName',
      'at most 200 characters',
    ],
    [
      'an unknown risk level',
      { ...validCase, riskLevel: 'apocalyptic' },
      'riskLevel',
      'Choose a risk level',
    ],
    [
      'unknown grounds',
      { ...validCase, grounds: ['astrology'] },
      'grounds',
      'Choose grounds from the list',
    ],
    ['an unknown gender', { ...validCase, gender: 'robot' }, 'gender', 'Choose a gender'],
    [
      'an impossible date of birth',
      { ...validCase, dateOfBirth: '2019-13-40' },
      'dateOfBirth',
      'is not a real date',
    ],
    [
      'a date of birth in the future',
      { ...validCase, dateOfBirth: '2999-01' },
      'dateOfBirth',
      'cannot be in the future',
    ],
    [
      'a date of birth finer than its precision',
      { ...validCase, dateOfBirth: '1985-03', dateOfBirthPrecision: 'year' },
      'dateOfBirth',
      'precision is "year"',
    ],
  ])('refuses a case with %s, keeping what was typed', async (_, fields, field, message) => {
    const before = await counts()
    const result = await runAction(
      newCase,
      formPost('/cases/new', editorCookie, fields as Record<string, string>),
    )
    expect(result.status).toBe(400)
    expect(result.data.errors[field][0]).toContain(message)
    expect(result.data.values.fullName).toBe(fields.fullName)
    expect(await counts()).toEqual(before)
  })

  it.each([
    ['2023-02-30', 'day', 'eventDate', 'is not a real date'],
    ['next week', 'day', 'eventDate', 'YYYY-MM-DD'],
    ['2023-02-14', 'month', 'eventDate', 'precision is "month" but a day was given'],
  ])(
    'refuses an event dated %j with precision %s',
    async (eventDate, datePrecision, field, message) => {
      const before = await counts()
      const result = await runAction(
        newEvent,
        formPost(`/cases/${slug}/events/new`, editorCookie, {
          ...validEvent,
          eventDate,
          datePrecision,
        }),
        { slug },
      )
      expect(result.status).toBe(400)
      expect(result.data.errors[field][0]).toContain(message)
      expect(result.data.values.eventDate).toBe(eventDate)
      expect(await counts()).toEqual(before)
    },
  )

  it('refuses an unknown custody state posted by hand', async () => {
    const before = await counts()
    const result = await runAction(
      newEvent,
      formPost(`/cases/${slug}/events/new`, editorCookie, {
        ...validEvent,
        custodyState: 'on_the_moon',
      }),
      { slug },
    )
    expect(result.status).toBe(400)
    expect(result.data.errors.custodyState[0]).toBe('Choose a custody state from the list')
    expect(await counts()).toEqual(before)
  })

  it('refuses a source URL that is not http(s), and a confirmed event without a source', async () => {
    const before = await counts()
    const bad = await runAction(
      newEvent,
      formPost(`/cases/${slug}/events/new`, editorCookie, {
        ...validEvent,
        newSourceTitle: 'Report',
        newSourceUrl: 'javascript:alert(1)',
      }),
      { slug },
    )
    expect(bad.status).toBe(400)
    expect(bad.data.errors.newSourceUrl[0]).toMatch(/http:\/\/ or https:\/\//)
    const unsourced = await runAction(
      newEvent,
      formPost(`/cases/${slug}/events/new`, editorCookie, {
        ...validEvent,
        certainty: 'confirmed',
      }),
      { slug },
    )
    expect(unsourced.status).toBe(400)
    expect(unsourced.data.errors.sourceIds[0]).toMatch(/needs at least one source/)
    expect(await counts()).toEqual(before)
  })

  it('creates a case with gender and date of birth, and edits them', async () => {
    const created = await runAction(
      newCase,
      formPost('/cases/new', editorCookie, {
        ...validCase,
        fullName: 'Арсамиков',
        gender: 'male',
        dateOfBirth: '1996',
      }),
    )
    expect(created.status).toBe(302)
    const newSlug = created.location!.replace('/cases/', '')
    expect(newSlug).toMatch(/^arsamikov-[a-z0-9]{6}$/)
    const saved = () =>
      database.db
        .selectFrom('cases')
        .select(['gender', 'dateOfBirth', 'dateOfBirthPrecision', 'version'])
        .where('slug', '=', newSlug)
        .executeTakeFirstOrThrow()
    expect(await saved()).toMatchObject({
      gender: 'male',
      dateOfBirth: '1996-01-01',
      dateOfBirthPrecision: 'year',
    })
    const edited = await runAction(
      editCase,
      formPost(`/cases/${newSlug}/edit`, editorCookie, {
        ...validCase,
        fullName: 'Арсамиков',
        gender: 'unknown',
        dateOfBirth: '1996-05-17',
        dateOfBirthPrecision: 'day',
        version: String((await saved()).version),
      }),
      { slug: newSlug },
    )
    expect(edited.status).toBe(302)
    expect(await saved()).toMatchObject({
      gender: 'unknown',
      dateOfBirth: '1996-05-17',
      dateOfBirthPrecision: 'day',
    })
  })

  it('records a valid event and redirects to the case', async () => {
    const before = await counts()
    const result = await runAction(
      newEvent,
      formPost(`/cases/${slug}/events/new`, editorCookie, validEvent),
      { slug },
    )
    expect(result).toMatchObject({ status: 302, location: `/cases/${slug}#timeline-title` })
    expect((await counts()).events).toBe(before.events + 1)
  })

  it('refuses an edit whose version was removed, and answers 409 to a tampered one', async () => {
    const record = await database.db
      .selectFrom('cases')
      .select(['version', 'fullName'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
    const before = await counts()
    const missing = await runAction(
      editCase,
      formPost(`/cases/${slug}/edit`, editorCookie, { ...validCase, fullName: 'Changed' }),
      { slug },
    )
    expect(missing.status).toBe(400)
    expect(missing.data.errors.version[0]).toMatch(/missing its version/)
    const tampered = await runAction(
      editCase,
      formPost(`/cases/${slug}/edit`, editorCookie, {
        ...validCase,
        fullName: 'Changed',
        version: String(record.version + 7),
      }),
      { slug },
    )
    expect(tampered.status).toBe(409)
    expect(tampered.data.values.fullName).toBe('Changed')
    expect(tampered.data.conflict.differences).toContainEqual(
      expect.objectContaining({ field: 'fullName', saved: record.fullName, typed: 'Changed' }),
    )
    expect(await counts()).toEqual(before)
    const after = await database.db
      .selectFrom('cases')
      .select(['version', 'fullName'])
      .where('slug', '=', slug)
      .executeTakeFirstOrThrow()
    expect(after).toEqual(record)
  })

  it('refuses a viewer with 403 and writes nothing', async () => {
    const before = await counts()
    expect((await runAction(newCase, formPost('/cases/new', viewerCookie, validCase))).status).toBe(
      403,
    )
    expect(
      (
        await runAction(newEvent, formPost(`/cases/${slug}/events/new`, viewerCookie, validEvent), {
          slug,
        })
      ).status,
    ).toBe(403)
    expect(await counts()).toEqual(before)
  })

  it('answers 404 to a write on a restricted case the editor may not see', async () => {
    const before = await counts()
    const result = await runAction(
      newEvent,
      formPost(`/cases/${restrictedSlug}/events/new`, editorCookie, validEvent),
      { slug: restrictedSlug },
    )
    expect(result.status).toBe(404)
    const edit = await runAction(
      editCase,
      formPost(`/cases/${restrictedSlug}/edit`, editorCookie, { ...validCase, version: '1' }),
      { slug: restrictedSlug },
    )
    expect(edit.status).toBe(404)
    expect(await counts()).toEqual(before)
  })
})
