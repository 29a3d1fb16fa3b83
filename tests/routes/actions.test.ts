// The dashboard, its CSV downloads and the action pages, called as a signed-in browser would: bad
// input gets a message and sensible defaults (never a 500), restricted cases leak nowhere.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chartTableCsv } from '../../app/charts/table'
import { createAction } from '../../app/models/action-write.server'
import { createUser } from '../../app/models/user.server'
import { loader as actionPage } from '../../app/routes/actions.$actionId'
import { action as deleteAction } from '../../app/routes/actions.$actionId_.delete'
import { action as editAction } from '../../app/routes/actions.$actionId_.edit'
import { loader as actionList } from '../../app/routes/actions._index'
import { action as newAction, loader as newActionPage } from '../../app/routes/actions.new'
import { loader as dashboard } from '../../app/routes/dashboard'
import { loader as dashboardCsv } from '../../app/routes/dashboard.csv'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { makeCase } from '../support/fixtures'
import { formPost, runAction, signInCookie, TEST_PASSWORD } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

async function load<T extends Loader>(loader: T, path: string, cookie: string, params = {}) {
  const request = new Request(`http://localhost${path}`, { headers: { Cookie: cookie } })
  try {
    return {
      status: 200,
      data: (await loader({ request, params, context: {} })) as Awaited<ReturnType<T>>,
    }
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: undefined, response: error }
    throw error
  }
}

const YEAR = 'from=2023-01-01&to=2023-12-31'

describe.each(backends())('dashboard and action routes on %s', (backend) => {
  let database: TestDatabase
  const cookies: Record<string, string> = {}
  let open: { id: number; slug: string }
  let secret: { id: number; slug: string }
  let secretAction: number
  let openAction: number

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const users: Record<string, { id: number; role: 'admin' | 'editor' | 'viewer' }> = {}
    for (const role of ['admin', 'editor', 'viewer'] as const) {
      const user = await createUser(database.db, {
        email: `${role}@example.org`,
        name: `The ${role}`,
        role,
        password: TEST_PASSWORD,
      })
      users[role] = { id: user.id, role }
      cookies[role] = await signInCookie(`${role}@example.org`)
    }
    open = await makeCase(database.db, {
      fullName: 'Open Person',
      visibility: 'public',
      country: '=HYPERLINK("http://evil.example")',
    })
    secret = await makeCase(database.db, { fullName: 'Secret Person', visibility: 'restricted' })
    const admin = users.admin!
    const record = async (
      caseIds: number[],
      actionDate: string,
      kind: 'meeting' | 'press_release',
    ) =>
      (
        await createAction(database.db, {
          actor: { userId: admin.id },
          viewer: admin,
          fields: {
            kind,
            title: `${kind} ${actionDate}`,
            actionDate,
            datePrecision: 'day',
            actorId: null,
            targetId: null,
            documentId: null,
            response: 'none',
            outcomeNotes: '',
          },
          caseIds,
          sourceIds: [],
        })
      ).id
    secretAction = await record([secret.id], '2023-02-22', 'meeting')
    await record([secret.id], '2023-05-02', 'meeting')
    openAction = await record([open.id], '2023-02-22', 'press_release')
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it.each([
    ['an end before the start', 'from=2024-05-01&to=2023-01-01', /before the start date/],
    ['a 200-year range', 'from=1900-01-01&to=2099-12-31', /too long to chart/],
    ['an unknown kind', `${YEAR}&kind=astrology`, /kind of action “astrology” is not known/],
    ['an unknown case id', `${YEAR}&case=999999`, /not one you can see/],
    ['a case id that is not a number', `${YEAR}&case=1e309`, /not one you can see/],
    ['an unknown actor', `${YEAR}&actor=424242`, /actor chosen in the address is not known/],
    ['an unreadable date', 'from=%00%3Cscript%3E&to=2023-12-31', /is not a date/],
  ])('answers %s with a message and a working chart', async (_, search, message) => {
    const result = await load(dashboard, `/dashboard?${search}`, cookies.viewer!)
    expect(result.status).toBe(200)
    expect(result.data!.messages.join(' ')).toMatch(message)
    expect(result.data!.actions.table.rows.length).toBeGreaterThan(0)
  })

  it('treats a restricted case the reader cannot see as unknown: no leak through the numbers', async () => {
    const all = await load(dashboard, `/dashboard?${YEAR}`, cookies.editor!)
    const filtered = await load(dashboard, `/dashboard?${YEAR}&case=${secret.id}`, cookies.editor!)
    const unknown = await load(dashboard, `/dashboard?${YEAR}&case=999999`, cookies.editor!)
    expect(filtered.data!.messages).toEqual(unknown.data!.messages)
    expect(filtered.data!.actions.table).toEqual(all.data!.actions.table)
    expect(filtered.data!.actions.summary).toBe('1 action in 2023 (press release).')
    expect(JSON.stringify(filtered.data)).not.toContain('Secret Person')
    const forAdmin = await load(dashboard, `/dashboard?${YEAR}&case=${secret.id}`, cookies.admin!)
    expect(forAdmin.data!.messages).toEqual([])
    expect(forAdmin.data!.actions.summary).toBe(
      '2 actions in 2023 for Secret Person, all of them meetings.',
    )
  })

  it('serves each chart table as CSV: the same rows, formulas neutralised', async () => {
    const page = await load(dashboard, `/dashboard?${YEAR}&kind=press_release`, cookies.admin!)
    const csv = await load(
      dashboardCsv,
      `/dashboard/csv?chart=actions&${YEAR}&kind=press_release`,
      cookies.admin!,
    )
    const response = csv.data as unknown as Response
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="advocacy-actions-2023-01-01-to-2023-12-31.csv"',
    )
    // The body starts with a byte-order mark (Response.text() would strip it).
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer())
    expect(body).toBe(`\uFEFF${chartTableCsv(page.data!.actions.table)}`)
    const countries = (await load(dashboardCsv, '/dashboard/csv?chart=country', cookies.admin!))
      .data as unknown as Response
    expect(await countries.text()).toContain(`"'=HYPERLINK(""http://evil.example"")",1`)
  })

  it('answers 404 for an unknown chart or a case the reader cannot see', async () => {
    expect((await load(dashboardCsv, '/dashboard/csv?chart=nope', cookies.admin!)).status).toBe(404)
    const path = `/dashboard/csv?chart=case&case=${secret.id}`
    expect((await load(dashboardCsv, path, cookies.editor!)).status).toBe(404)
    expect((await load(dashboardCsv, path, cookies.admin!)).status).toBe(200)
    expect((await load(dashboardCsv, path, '')).status).toBe(302)
  })

  it('ignores bad list filters with a message, and hides actions of unseen cases', async () => {
    const list = await load(
      actionList,
      `/actions?case=${secret.id}&kind=zzz&from=x`,
      cookies.editor!,
    )
    expect(list.status).toBe(200)
    expect(list.data!.ignored).toEqual([
      'The kind “zzz” was not understood and was ignored.',
      'The start date “x” was not understood and was ignored.',
      'The case chosen is not one you can see, so that filter was ignored.',
    ])
    expect(list.data!.actions.map((a) => a.id)).toEqual([openAction])
    expect(
      (await load(actionPage, '', cookies.editor!, { actionId: String(secretAction) })).status,
    ).toBe(404)
    expect((await load(actionPage, '', cookies.viewer!, { actionId: 'abc' })).status).toBe(404)
    expect(
      (await load(actionPage, '', cookies.admin!, { actionId: String(secretAction) })).status,
    ).toBe(200)
  })

  it('never sends every case to the actions list, and picks a case from the words typed', async () => {
    const other = await makeCase(database.db, {
      fullName: 'Unchosen Bystander',
      visibility: 'public',
    })
    const list = await load(actionList, `/actions?case=${open.id}`, cookies.editor!)
    expect(list.status).toBe(200)
    expect(list.data!.choices.case).toEqual({ text: 'Open Person', matches: undefined })
    const body = JSON.stringify(list.data)
    expect(body).not.toContain('Unchosen Bystander')
    expect(body).not.toContain('Secret Person')
    const typed = await load(actionList, '/actions?caseQ=Unchosen&case=', cookies.editor!)
    expect(typed.status).toBe(302)
    expect(typed.response!.headers.get('Location')).toBe(`/actions?case=${other.id}`)
    const hidden = await load(actionList, '/actions?caseQ=Secret', cookies.editor!)
    expect(hidden.status).toBe(200)
    expect(hidden.data!.choices.case.matches).toEqual([])
  })

  it('pre-fills the case from ?case=<slug> only for a case the editor may see', async () => {
    const page = await load(newActionPage, `/actions/new?case=${open.slug}`, cookies.editor!)
    expect(page.data!.defaults.caseIds).toEqual([String(open.id)])
    expect(page.data!.fromCase).toEqual({ slug: open.slug, fullName: 'Open Person' })
    const hidden = await load(newActionPage, `/actions/new?case=${secret.slug}`, cookies.editor!)
    expect(hidden.data!.defaults.caseIds).toEqual([])
    expect((await load(newActionPage, '/actions/new', cookies.viewer!)).status).toBe(403)
  })

  it('records an action, refusing bad input with the values kept and hidden cases as unknown', async () => {
    const fields = {
      kind: 'urgent_appeal',
      actionDate: '2024-01-05',
      datePrecision: 'day',
      response: 'none',
      title: 'Urgent appeal',
      caseIds: [String(open.id)],
      intent: 'save',
    }
    const count = async () =>
      (await database.db.selectFrom('advocacyActions').select('id').execute()).length
    const before = await count()
    const bad = await runAction(
      newAction,
      formPost('/actions/new', cookies.editor!, { ...fields, actionDate: '2024-02-30' }),
    )
    expect(bad.status).toBe(400)
    expect(bad.data.errors.actionDate[0]).toMatch(/not a real date/)
    expect(bad.data.values.title).toBe('Urgent appeal')
    const hidden = await runAction(
      newAction,
      formPost('/actions/new', cookies.editor!, { ...fields, caseIds: [String(secret.id)] }),
    )
    expect(hidden.status).toBe(400)
    expect(hidden.data.errors.caseIds).toEqual(['Choose the cases from the list'])
    expect(
      (await runAction(newAction, formPost('/actions/new', cookies.viewer!, fields))).status,
    ).toBe(403)
    expect(await count()).toBe(before)
    const saved = await runAction(newAction, formPost('/actions/new', cookies.editor!, fields))
    expect(saved.status).toBe(302)
    expect(saved.location).toMatch(/^\/actions\/\d+$/)
    expect(await count()).toBe(before + 1)
  })

  it('answers a stale edit with 409 and what changed, and deletes after confirmation', async () => {
    const path = `/actions/${openAction}/edit`
    const fields = {
      kind: 'press_release',
      actionDate: '2023-02-22',
      datePrecision: 'day',
      response: 'acknowledged',
      caseIds: [String(open.id)],
      intent: 'save',
    }
    const params = { actionId: String(openAction) }
    const first = await runAction(
      editAction,
      formPost(path, cookies.editor!, { ...fields, version: '1' }),
      params,
    )
    expect(first.status).toBe(302)
    const stale = await runAction(
      editAction,
      formPost(path, cookies.editor!, { ...fields, response: 'denied', version: '1' }),
      params,
    )
    expect(stale.status).toBe(409)
    expect(stale.data.conflict.changedBy).toBe('The editor')
    expect(stale.data.conflict.differences).toContainEqual({
      field: 'response',
      label: 'Response',
      saved: 'Acknowledged',
      typed: 'Denied',
    })
    expect(stale.data.version).toBe(2)
    const noVersion = await runAction(editAction, formPost(path, cookies.editor!, fields), params)
    expect(noVersion.status).toBe(400)
    const del = `/actions/${openAction}/delete`
    expect((await runAction(deleteAction, formPost(del, cookies.viewer!, {}), params)).status).toBe(
      403,
    )
    expect(
      (
        await runAction(
          deleteAction,
          formPost(`/actions/${secretAction}/delete`, cookies.editor!, {}),
          {
            actionId: String(secretAction),
          },
        )
      ).status,
    ).toBe(404)
    const deleted = await runAction(deleteAction, formPost(del, cookies.editor!, {}), params)
    expect(deleted).toMatchObject({ status: 302, location: '/actions' })
  })
})
