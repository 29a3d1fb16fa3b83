// A hostile string saved through the valid forms — a case summary, an event description, an action
// title — is shown on the case page as text: the page's own component, rendered on the server with
// what its loader returns, carries it escaped, never as markup.
import { createElement, type ComponentType } from 'react'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { matchPath } from 'react-router-dom'
import { renderToString } from 'react-dom/server'
import {
  createStaticHandler,
  createStaticRouter,
  StaticRouterProvider,
} from 'react-router-dom/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { action as newAction } from '../../app/routes/actions.new'
import { action as editCase } from '../../app/routes/cases.$slug_.edit'
import { action as newEvent } from '../../app/routes/cases.$slug_.events.new'
import CasePage, { loader as casePage } from '../../app/routes/cases.$slug'
import ActionPage, { loader as actionPage } from '../../app/routes/actions.$actionId'
import { makeCase, makeUser } from '../support/fixtures'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { formPost, runAction, signInCookie } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>\u202E"\'&'

type Page = {
  loader: (args: LoaderFunctionArgs) => Promise<unknown>
  Component: ComponentType
}

/** A route's page as the server renders it: its loader run as `cookie`, its component given the data. */
async function renderPage(page: Page, path: string, pattern: string, cookie: string) {
  const url = `http://localhost${path}`
  const params = matchPath(pattern, path)!.params as Record<string, string>
  const loaded = await page.loader({
    request: new Request(url, { headers: { Cookie: cookie } }),
    params,
    context: {},
  })
  const handler = createStaticHandler([
    { id: 'page', path: pattern, loader: () => loaded as object, Component: page.Component },
  ])
  const context = await handler.query(new Request(url))
  if (context instanceof Response) throw new Error(`the page answered ${context.status}`)
  const router = createStaticRouter(handler.dataRoutes, context)
  const html = renderToString(createElement(StaticRouterProvider, { router, context }))
  // The router's own hydration data (not the app's markup) is left out of what is checked.
  return html.replace(/<script>window\.__staticRouterHydrationData[\s\S]*?<\/script>/, '')
}

describe.each(backends())('hostile text on the case page on %s', (backend) => {
  let database: TestDatabase
  let cookie: string
  let slug: string
  let actionId: string

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    const editor = await makeUser(database.db, 'editor')
    cookie = await signInCookie(editor.email)
    const record = await makeCase(database.db, { fullName: 'Nino Beridze ნინო' })
    slug = record.slug
    const saved = [
      await runAction(
        editCase,
        formPost(`/cases/${slug}/edit`, cookie, {
          fullName: 'Nino Beridze ნინო',
          riskLevel: 'high',
          visibility: 'internal',
          consent: 'unknown',
          grounds: 'journalism',
          summary: `Summary ${HOSTILE}`,
          version: '1',
        }),
        { slug },
      ),
      await runAction(
        newEvent,
        formPost(`/cases/${slug}/events/new`, cookie, {
          eventDate: '2024-02-14',
          datePrecision: 'day',
          custodyState: 'detained',
          certainty: 'alleged',
          description: `Event ${HOSTILE}`,
          intent: 'save',
        }),
        { slug },
      ),
      await runAction(
        newAction,
        formPost('/actions/new', cookie, {
          kind: 'meeting',
          title: `Action ${HOSTILE}`,
          actionDate: '2024-03-01',
          datePrecision: 'day',
          response: 'none',
          caseIds: String(record.id),
          intent: 'save',
        }),
      ),
    ]
    expect(saved.map((r) => r.status)).toEqual([302, 302, 302])
    actionId = saved[2]!.location!.replace('/actions/', '')
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database.close()
  })

  it('shows the summary, the event and the action with their markup escaped', async () => {
    const html = [
      await renderPage(
        { loader: casePage, Component: CasePage },
        `/cases/${slug}`,
        '/cases/:slug',
        cookie,
      ),
      await renderPage(
        { loader: actionPage, Component: ActionPage },
        `/actions/${actionId}`,
        '/actions/:actionId',
        cookie,
      ),
    ].join('\n')
    // The three texts are on the pages…
    for (const label of ['Summary', 'Event', 'Action'])
      expect(html).toContain(`${label} &lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x`)
    // …and none of them became an element or an attribute.
    expect(html).not.toContain('<script')
    expect(html).not.toMatch(/<img[^>]*onerror/i)
  })
})
