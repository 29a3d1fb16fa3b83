// Over 300 lines: one matrix: the route walk, the expected answer per role and the run over both
// databases read together.
// Who may do what (DESIGN.md), route by route, through the built app's real handler: every route
// file × GET/POST × anonymous / viewer / editor / admin / an editor without a grant on restricted
// case B (whose URLs name B's records). A route file missing from the table fails, as does a row
// for a file that no longer exists. POSTs are empty and same-origin: a permitted user gets 400.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createAction } from '../../app/models/action-write.server'
import { createSource } from '../../app/models/source-write.server'
import { saveStatementDraft } from '../../app/models/statement.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { appRequest, signInThroughApp } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { buildWorld, WORLD_PASSWORD, type World } from '../support/leak-world'
import { fillRoute, routeFiles, type RouteFile } from '../support/route-walk'
import { PUBLIC_ROUTE_FILES } from '../support/routes'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

const COLUMNS = ['anonymous', 'viewer', 'editor', 'admin', 'outsider'] as const
type Column = (typeof COLUMNS)[number]
/** A status, "L" (302 to /login?redirectTo=<this URL>) or "R" (302 anywhere else). */
type Expected = number | 'L' | 'R'
type Params = Record<string, string>

type Row = {
  get: Expected[]
  post: Expected[]
  query?: (p: Params) => string
  /** Fields a POST carries to name the record it is about (a hidden field of the page's form). */
  form?: (p: Params) => Record<string, string>
  /** The POST deletes: editors and admins get a fresh record of this kind to delete. */
  disposable?: 'event' | 'action' | 'source'
  /** The POST ends the session: it is sent with a session of its own. */
  endsSession?: boolean
}

/** "L 200 200 200 404" → one expectation per column, in COLUMNS order. */
const cells = (line: string): Expected[] =>
  line.split(/\s+/).map((t) => (t === 'L' || t === 'R' ? t : Number(t)))
const row = (get: string, post: string, extra: Omit<Row, 'get' | 'post'> = {}): Row => ({
  get: cells(get),
  post: cells(post),
  ...extra,
})

const NO_ACTION = '405 405 405 405 405'
const READ = row('L 200 200 200 200', NO_ACTION)
const READ_CASE_RECORD = row('L 200 200 200 404', NO_ACTION)
const CREATE = row('L 403 200 200 200', 'L 403 400 400 400')
const EDIT_CASE_RECORD = row('L 403 200 200 404', 'L 403 400 400 404')
const ADMIN_PAGE = row('L 403 403 200 403', NO_ACTION)
const ADMIN_FORM = row('L 403 403 200 403', 'L 403 403 400 403')
const PUBLIC_PAGE = row('200 200 200 200 200', NO_ACTION)
const PUBLIC_CASE_PAGE = row('200 200 200 200 404', NO_ACTION)

//                                 anonymous viewer editor admin outsider
const TABLE: Record<string, Row> = {
  '$.tsx': row('L 404 404 404 404', NO_ACTION),
  '_index.tsx': row('R R R R R', NO_ACTION),
  // Signed in already: the login page and a login POST send the user on.
  'login.tsx': row('200 R R R R', '400 R R R R'),
  // The load balancer's health check: open to all, it names nothing and reads no session.
  'healthz.tsx': row('200 200 200 200 200', NO_ACTION),
  'logout.tsx': row('R R R R R', 'R R R R R', { endsSession: true }),
  'account.tsx': row('L 200 200 200 200', 'L 400 400 400 400'),
  'admin._index.tsx': row('L 403 403 R 403', NO_ACTION),
  'admin.activity.tsx': ADMIN_PAGE,
  'admin.backup.tsx': ADMIN_PAGE,
  // The download is a POST (it writes its audit row); without the confirmation it sends the admin
  // back to the page, and a GET goes to the page too.
  'admin.backup[.]json.tsx': row('L 403 403 R 403', 'L 403 403 R 403'),
  'admin.users._index.tsx': ADMIN_PAGE,
  'admin.users.new.tsx': ADMIN_FORM,
  'admin.users.$userId.tsx': ADMIN_FORM,
  'dashboard.tsx': READ,
  'dashboard.csv.tsx': row('L 200 200 200 404', NO_ACTION, {
    query: (p) => `chart=case&case=${p.caseId}`,
  }),
  'dashboard.options[.]json.tsx': row('L 200 200 200 200', NO_ACTION, {
    query: () => 'for=case&q=a',
  }),
  'cases._index.tsx': READ,
  // Exports list only what the reader may see: the outsider's file simply lacks B.
  'cases[.]csv.tsx': READ,
  'cases.new.tsx': CREATE,
  'cases.import.tsx': CREATE,
  // An import is its uploader's alone (its file may name restricted people): others get 404.
  'cases.import_.$importId.tsx': row('L 403 200 404 404', 'L 403 400 404 404'),
  'cases.import_.$importId.problems[.]csv.tsx': row('L 403 200 404 404', NO_ACTION),
  'cases.$slug.tsx': READ_CASE_RECORD,
  'cases.$slug_.export[.]json.tsx': READ_CASE_RECORD,
  // The one-page card: every signed-in role who may see the case.
  'cases.$slug_.card.tsx': READ_CASE_RECORD,
  'cases.$slug_.access.tsx': ADMIN_FORM,
  'cases.$slug_.edit.tsx': EDIT_CASE_RECORD,
  'cases.$slug_.sponsors.tsx': EDIT_CASE_RECORD,
  'cases.$slug_.history.tsx': row('L 403 200 200 404', NO_ACTION),
  // Following and marking as seen are every reader's, of the cases they may see; a GET goes to the case.
  'cases.$slug_.follow.tsx': row('L R R R 404', 'L 400 400 400 404'),
  'cases.$slug_.seen.tsx': row('L R R R 404', 'L 400 400 400 404'),
  'updates.tsx': row('L 200 200 200 200', 'L 400 400 400 400'),
  'cases.$slug_.events.new.tsx': EDIT_CASE_RECORD,
  'cases.$slug_.events.$eventId.edit.tsx': EDIT_CASE_RECORD,
  'cases.$slug_.events.$eventId.delete.tsx': row('L 403 200 200 404', 'L 403 R R 404', {
    disposable: 'event',
  }),
  // Generating a statement (preview, download) is a viewer's right; saving it is not.
  'cases.$slug_.statement.tsx': row('L 200 200 200 404', 'L 400 400 400 404'),
  'cases.$slug_.statement_.download.tsx': row('L 200 200 200 404', 'L 400 400 400 404', {
    query: () => 'format=md',
  }),
  // The generator's search boxes: actors the reader may see, for a case they may see.
  'cases.$slug_.statement_.actors[.]json.tsx': row('L 200 200 200 404', NO_ACTION, {
    query: () => 'for=party&q=a',
  }),
  'cases.$slug_.statement_.publish.tsx': row('L 403 200 200 404', 'L 403 400 400 404', {
    query: (p) => `document=${p.draftId}`,
    form: (p) => ({ document: p.draftId! }),
  }),
  'documents._index.tsx': READ,
  'documents.new.tsx': CREATE,
  'documents.import.tsx': CREATE,
  'documents.$documentId.tsx': READ_CASE_RECORD,
  'documents.$documentId_.edit.tsx': EDIT_CASE_RECORD,
  'documents.$documentId_.cases.tsx': EDIT_CASE_RECORD,
  'documents.$documentId_.citations.tsx': EDIT_CASE_RECORD,
  'documents.$documentId_.quotes.new.tsx': EDIT_CASE_RECORD,
  'documents.$documentId_.quotes.$quoteId.tsx': EDIT_CASE_RECORD,
  'actions._index.tsx': READ,
  'actions[.]csv.tsx': READ,
  'actions.new.tsx': CREATE,
  'actions.$actionId.tsx': READ_CASE_RECORD,
  'actions.$actionId_.edit.tsx': EDIT_CASE_RECORD,
  'actions.$actionId_.delete.tsx': row('L 403 200 200 404', 'L 403 R R 404', {
    disposable: 'action',
  }),
  'actors._index.tsx': READ,
  // The sponsor search box's answers: people the reader may see, for every signed-in role.
  'actors.sponsors[.]json.tsx': row('L 200 200 200 200', NO_ACTION, { query: () => 'q=a' }),
  'actors.new.tsx': CREATE,
  // An actor who appears only on a restricted case is one of its traces.
  'actors.$actorId.tsx': READ_CASE_RECORD,
  'actors.$actorId_.edit.tsx': EDIT_CASE_RECORD,
  'actors.$actorId_.merge.tsx': EDIT_CASE_RECORD,
  'sources._index.tsx': READ,
  'sources.new.tsx': CREATE,
  // A source cited only by a restricted case is one of its traces.
  'sources.$sourceId.tsx': READ_CASE_RECORD,
  'sources.$sourceId_.edit.tsx': EDIT_CASE_RECORD,
  'sources.$sourceId_.delete.tsx': row('L 403 200 200 404', 'L 403 R R 404', {
    disposable: 'source',
  }),
  // Public pages and feeds (issue 13): anyone, no session; case A is public and consented, the
  // outsider's B is restricted and answers the 404 of a case that does not exist.
  'p._index.tsx': PUBLIC_PAGE,
  'p.$slug.tsx': PUBLIC_CASE_PAGE,
  'feed[.]atom.tsx': PUBLIC_PAGE,
  'p.$slug_.feed[.]atom.tsx': PUBLIC_CASE_PAGE,
}

const describeExpected = (e: Expected) =>
  e === 'L' ? '302 to /login' : e === 'R' ? '302 elsewhere' : String(e)

function matches(expected: Expected, url: string, response: Response): boolean {
  const location = response.headers.get('Location') ?? ''
  if (expected === 'L')
    return (
      response.status === 302 &&
      location === `/login?${new URLSearchParams({ redirectTo: url }).toString()}`
    )
  if (expected === 'R') return response.status === 302 && !location.startsWith('/login?')
  return response.status === expected
}

describe('the access matrix', () => {
  it('has a row for every route file, and none for a file that is gone', () => {
    const files = routeFiles().map((r) => r.file)
    expect({
      missingFromTable: files.filter((f) => !(f in TABLE)),
      noLongerRouteFiles: Object.keys(TABLE).filter((f) => !files.includes(f)),
    }).toEqual({ missingFromTable: [], noLongerRouteFiles: [] })
  })
})

describe('the public routes in the matrix', () => {
  it('open to an anonymous reader', () => {
    for (const file of PUBLIC_ROUTE_FILES) expect(TABLE[file]?.get[0], file).toBe(200)
  })
})

describe.each(backends())('the access matrix on %s', (backend) => {
  let database: TestDatabase
  let world: World
  const cookies: Partial<Record<Column, string>> = {}
  const params: Partial<Record<Column, Params>> = {}

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db, 'matrix')
    const aDraft = await saveStatementDraft(database.db, {
      actor: { userId: world.users.admin.id },
      input: {
        caseId: world.cases.a.id,
        caseVersion: 1,
        template: 'press_release',
        language: 'en',
        title: 'Draft for Alma',
        body: 'Draft body.',
        place: 'Brussels',
        date: '2024-03-10',
        issuerId: null,
        sourceIds: [],
      },
    })
    const open: Params = {
      slug: world.cases.a.slug,
      caseId: String(world.cases.a.id),
      eventId: String(world.events.a),
      documentId: String(world.documents.aOnly),
      quoteId: String(world.quotes.aOnly),
      actionId: String(world.actions.aOnly),
      actorId: String(world.actors.ordinary),
      sourceId: String(world.sources.a),
      userId: String(world.users.viewer.id),
      draftId: String(aDraft.id),
      importId: String(world.imports.editorOwn),
    }
    const restricted: Params = {
      ...open,
      slug: world.cases.b.slug,
      caseId: String(world.cases.b.id),
      eventId: String(world.events.b1),
      documentId: String(world.documents.bDraft),
      quoteId: String(world.quotes.bDraft),
      actionId: String(world.actions.bOnly),
      actorId: String(world.actors.bOnly),
      sourceId: String(world.sources.b1),
      draftId: String(world.documents.bDraft),
      importId: String(world.imports.grantedB),
    }
    Object.assign(params, {
      anonymous: open,
      viewer: open,
      editor: open,
      admin: open,
      outsider: restricted,
    })
    for (const role of ['viewer', 'editor', 'admin'] as const)
      cookies[role] = await signInThroughApp(world.users[role].email, WORLD_PASSWORD)
    cookies.outsider = cookies.editor
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  /** A fresh record for a delete route to delete, so the world stays whole for the next rows. */
  async function disposable(kind: NonNullable<Row['disposable']>): Promise<Params> {
    const actor = { userId: world.users.admin.id }
    const db = database.db
    if (kind === 'event') {
      const { id } = await recordStatusEvent(db, {
        actor,
        caseId: world.cases.a.id,
        fields: {
          eventDate: '2023-01-01',
          datePrecision: 'year',
          custodyState: null,
          legalStage: null,
          releaseReason: null,
          location: null,
          description: 'To be deleted.',
          certainty: 'alleged',
        },
      })
      return { eventId: String(id) }
    }
    if (kind === 'action') {
      const { id } = await createAction(db, {
        actor,
        viewer: { id: world.users.admin.id, role: 'admin' },
        fields: {
          kind: 'meeting',
          title: 'To be deleted',
          actionDate: '2024-01-01',
          datePrecision: 'day',
          actorId: null,
          targetId: null,
          documentId: null,
          response: 'none',
          outcomeNotes: '',
        },
        caseIds: [world.cases.a.id],
        sourceIds: [],
      })
      return { actionId: String(id) }
    }
    const created = await createSource(db, {
      actor,
      fields: {
        title: 'To be deleted',
        publisher: null,
        publishedOn: null,
        publishedPrecision: null,
        url: null,
        archivedUrl: null,
        accessedOn: null,
        kind: 'news',
        reliability: 'unverified',
      },
    })
    if (!created.ok) throw new Error('could not create a source to delete')
    return { sourceId: String(created.id) }
  }

  /** What the app logged as an error while answering a request it refused with a 4xx. */
  const loggedRefusals = new Set<string>()

  /** Sends one cell's request; returns what was wrong with the answer, if anything. */
  async function check(
    route: RouteFile,
    method: 'GET' | 'POST',
    column: Column,
    expected: Expected,
  ): Promise<string[]> {
    const expectations = TABLE[route.file]!
    let fill = params[column]!
    let cookie = column === 'anonymous' ? null : cookies[column]!
    if (method === 'POST' && expectations.disposable && expected === 'R')
      fill = { ...fill, ...(await disposable(expectations.disposable)) }
    if (method === 'POST' && expectations.endsSession && column !== 'anonymous')
      cookie = await signInThroughApp(
        world.users[column === 'outsider' ? 'editor' : column].email,
        WORLD_PASSWORD,
      )
    const [path] = fillRoute(
      route,
      Object.fromEntries(Object.entries(fill).map(([k, v]) => [k, [v]])),
    )
    const query = expectations.query?.(fill)
    const url = query ? `${path}?${query}` : path!
    const form = method === 'POST' ? expectations.form?.(fill) : undefined
    const problems: string[] = []
    // The app logs server errors: each is reported with the request that caused it.
    const logged: unknown[] = []
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => logged.push(...args))
    const response = await appRequest(url, { method, cookie, form })
    for (const error of logged) {
      const status = (error as { status?: unknown } | null)?.status
      if (typeof status === 'number' && status < 500) {
        loggedRefusals.add(`${status} ${JSON.stringify(error).slice(0, 160)}`)
        continue
      }
      const text = error instanceof Error ? error.message : JSON.stringify(error)
      problems.push(`${method} ${url} as ${column}: the app logged an error: ${text.slice(0, 200)}`)
    }
    if (!matches(expected, url, response)) {
      const location = response.headers.get('Location')
      problems.push(
        `${method} ${url} as ${column}: expected ${describeExpected(expected)}, got ${response.status}${location ? ` to ${location}` : ''}`,
      )
    }
    return problems
  }

  const routes = routeFiles().filter((r) => r.file in TABLE)

  it.each(routes.map((r) => [r.file, r] as const))('%s', async (_file, route) => {
    const failures: string[] = []
    for (const method of ['GET', 'POST'] as const)
      for (const [index, column] of COLUMNS.entries()) {
        const expected = TABLE[route.file]![method === 'GET' ? 'get' : 'post'][index]!
        failures.push(...(await check(route, method, column, expected)))
      }
    expect(failures, failures.join('\n')).toEqual([])
  })

  // Runs after the rows: a refusal (405, 404…) is the answer, not a server error to log.
  it('logs no error for a request it refuses with a 4xx', () => {
    expect([...loggedRefusals], [...loggedRefusals].join('\n')).toEqual([])
  })
})
