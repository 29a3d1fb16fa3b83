// The case card's loader and the sponsors route's action, called directly with signed-in requests:
// who may see the card (a restricted case not granted is the 404 of a missing one), what it says
// (pseudonym without consent, days never overstated, the three latest events, sponsors, the notice),
// and adding or removing a sponsor with and without JavaScript's chosen id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ActorFields } from '../../app/domain/actor-schema'
import { createActor } from '../../app/models/actor.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { loader as cardLoader } from '../../app/routes/cases.$slug_.card'
import { action as sponsorsAction } from '../../app/routes/cases.$slug_.sponsors'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeCase, makeUser } from '../support/fixtures'
import { formPost, runAction, signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const mep = (name: string, extra: Partial<ActorFields> = {}): ActorFields => ({
  kind: 'mep',
  name,
  politicalGroup: 'Greens/EFA',
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
  ...extra,
})

async function loadCard(slug: string, cookie: string) {
  try {
    const result = await cardLoader({
      request: new Request(`http://localhost/cases/${slug}/card`, { headers: { Cookie: cookie } }),
      params: { slug },
      context: {},
    })
    return { status: 200, data: result }
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: null }
    throw error
  }
}

describe.each(backends())('the case card on %s', (backend) => {
  let database: TestDatabase
  const cookies: Record<string, string> = {}
  const slugs: Record<string, string> = {}
  const actors: Record<string, number> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const db = database.db
    for (const role of ['viewer', 'editor'] as const) {
      const user = await makeUser(db, role)
      cookies[role] = await signInCookie(user.email)
    }
    const open = await makeCase(db, {
      fullName: 'Ильяс Тестов',
      displayName: 'I.T.',
      consent: 'refused',
      visibility: 'internal',
    })
    slugs.open = open.slug
    const actor = { userId: null }
    const event = (eventDate: string, datePrecision: 'day' | 'month', description: string) =>
      recordStatusEvent(db, {
        actor,
        caseId: open.id,
        fields: {
          eventDate,
          datePrecision,
          custodyState: eventDate === '2023-02-01' ? 'detained' : null,
          legalStage: eventDate === '2024-05-10' ? 'sentenced' : null,
          releaseReason: null,
          location: null,
          description,
          certainty: 'confirmed',
        },
        newSource: {
          title: `Report of ${eventDate}`,
          publisher: 'Memorial',
          publishedOn: null,
          url: `https://example.org/${eventDate}`,
        },
      })
    await event('2023-02-01', 'month', 'Ильяс Тестов was detained in Grozny.')
    await event('2023-06-01', 'day', 'Hearing postponed.')
    await event('2024-01-15', 'day', 'Lawyer denied access.')
    await event('2024-05-10', 'day', 'Sentenced to 5 years. He is gay, said the judge.')
    await event('2099-01-01', 'day', 'Appeal hearing.')
    slugs.hidden = (await makeCase(db, { fullName: 'Hidden', visibility: 'restricted' })).slug
    slugs.public = (
      await makeCase(db, { fullName: 'Open Name', visibility: 'public', consent: 'given' })
    ).slug
    actors.mep = (await createActor(db, { actor, fields: mep('Hannah Neumann') })).id
    actors.other = (await createActor(db, { actor, fields: mep('Hannah Other') })).id
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('shows a viewer the pseudonym, the state since when, days never overstated and 3 events', async () => {
    const { status, data } = await loadCard(slugs.open!, cookies.viewer!)
    expect(status).toBe(200)
    const card = data!.card
    expect(card.name).toBe('I.T.')
    expect(JSON.stringify(card)).not.toContain('Ильяс')
    expect(card.internal).toBe(true)
    expect(card.custody).toEqual({
      state: 'detained',
      since: { date: '2023-02-01', precision: 'month' },
    })
    expect(card.stage.since).toEqual({ date: '2024-05-10', precision: 'day' })
    // Known only to the month: counted from 28 February 2023, and said to be a minimum.
    expect(card.detention).toMatchObject({ atLeast: true })
    expect(card.events.map((e) => e.date.date)).toEqual(['2024-05-10', '2024-01-15', '2023-06-01'])
    // Without consent, a sentence about sexual orientation is left out.
    expect(card.events[0]!.description).toBe('Sentenced to 5 years.')
    expect(card.events[0]!.footnoteNumbers).toEqual([1])
    expect(card.footnotes.map((f) => f.number)).toEqual([1, 2, 3])
    expect(card.next?.date).toEqual({ date: '2099-01-01', precision: 'day' })
  })

  it('says nothing is internal only for a public case with consent', async () => {
    const { data } = await loadCard(slugs.public!, cookies.viewer!)
    expect(data!.card).toMatchObject({ internal: false, name: 'Open Name' })
  })

  it('answers a restricted case not granted with the 404 of a missing one', async () => {
    expect((await loadCard(slugs.hidden!, cookies.viewer!)).status).toBe(404)
    expect((await loadCard('no-such-case', cookies.viewer!)).status).toBe(404)
  })

  it('adds a sponsor by id and by the words typed, refuses a viewer, and removes on confirmation', async () => {
    const path = `/cases/${slugs.open}/sponsors`
    const params = { slug: slugs.open! }
    const post = (cookie: string, fields: Record<string, string>) =>
      runAction(sponsorsAction, formPost(path, cookie, fields), params)
    expect(
      (await post(cookies.viewer!, { intent: 'add', actorId: String(actors.mep) })).status,
    ).toBe(403)
    const added = await post(cookies.editor!, {
      intent: 'add',
      actorId: String(actors.mep),
      actorQ: 'Hannah Neumann (MEP, Greens/EFA)',
      since: '2023-03',
      sincePrecision: 'month',
      note: 'Godmother',
    })
    expect(added).toMatchObject({ status: 302, location: `/cases/${slugs.open}#sponsors-title` })
    // Without JavaScript: two people match "hannah", so the form comes back with both to choose.
    const several = await post(cookies.editor!, { intent: 'add', actorId: '', actorQ: 'hannah' })
    expect(several.status).toBe(400)
    expect(several.data.matches.map((m: { id: number }) => m.id).sort()).toEqual(
      [actors.mep, actors.other].sort(),
    )
    const one = await post(cookies.editor!, { intent: 'add', actorId: '', actorQ: 'other' })
    expect(one.status).toBe(302)
    const again = await post(cookies.editor!, { intent: 'add', actorId: String(actors.mep) })
    expect(again.status).toBe(400)
    expect(again.data.formError).toMatch(/already sponsors/)
    const bad = await post(cookies.editor!, {
      intent: 'add',
      actorId: '',
      actorQ: 'x',
      since: '2023-13',
    })
    expect(bad.data.errors.since).toBeTruthy()

    const { data } = await loadCard(slugs.open!, cookies.viewer!)
    expect(data!.card.sponsors.map((s) => s.name)).toEqual(['Hannah Neumann', 'Hannah Other'])

    const unconfirmed = await post(cookies.editor!, {
      intent: 'remove',
      actorId: String(actors.other),
    })
    expect(unconfirmed.status).toBe(400)
    const removed = await post(cookies.editor!, {
      intent: 'remove',
      actorId: String(actors.other),
      confirm: 'yes',
    })
    expect(removed.status).toBe(302)
    const after = await loadCard(slugs.open!, cookies.viewer!)
    expect(after.data!.card.sponsors.map((s) => s.name)).toEqual(['Hannah Neumann'])
  })

  it('refuses sponsors on a restricted case the editor was not granted, as not found', async () => {
    const result = await runAction(
      sponsorsAction,
      formPost(`/cases/${slugs.hidden}/sponsors`, cookies.editor!, {
        intent: 'add',
        actorId: String(actors.mep),
      }),
      { slug: slugs.hidden! },
    )
    expect(result.status).toBe(404)
  })
})
