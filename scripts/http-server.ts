// The production server, loaded by scripts/serve.ts once the database answers: static files, then
// every other request through the request guard (app/utils/request-guard.server.ts) into Remix. It
// outlives the database going away: requests answer 503 and the pool reconnects when it is back
// (docs/deployment.md).
import path from 'node:path'
import url from 'node:url'
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  installGlobals,
  writeReadableStreamToWritable,
  type ServerBuild,
} from '@remix-run/node'
import compression from 'compression'
import express from 'express'
import {
  answeringOutages,
  isDatabaseUnavailable,
  noteDatabaseUnavailable,
} from '../app/utils/database-errors.server'
import { closeDb, getDb } from '../app/utils/db.server'
import { getEnv } from '../app/utils/env.server'
import { guardRequests } from '../app/utils/request-guard.server'
import { applySecurityHeaders } from '../app/utils/security-headers.server'
import { scheduleDueCaseRefresh } from '../app/jobs/due-cases.server'
import { scheduleSessionPurge } from '../app/jobs/session-purge.server'
import { scheduleDigests } from '../app/jobs/digest.server'

installGlobals({ nativeFetch: true })

function stop(message: string): never {
  console.error(message)
  process.exit(1)
}

// A lost database connection surfaces in pg outside any request now and then (an idle client, a
// client between two queries of a transaction): it is an outage, not a reason to stop serving.
process.on('uncaughtException', (error) => {
  if (isDatabaseUnavailable(error)) return noteDatabaseUnavailable(error)
  stop(`Stopping on an unexpected error: ${error.stack ?? error.message}`)
})
process.on('unhandledRejection', (reason) => {
  if (isDatabaseUnavailable(reason)) return noteDatabaseUnavailable(reason)
  stop(
    `Stopping on an unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`,
  )
})

const root = path.resolve(import.meta.dirname, '..')

// PostgreSQL answered already (serve.ts); an embedded folder another process holds stops here.
await getDb().catch((error: unknown) =>
  stop(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`),
)

/**
 * Every loader and action of the build, answering a thrown 503 (with Retry-After) when the database
 * does not answer: the route's error boundary then shows "The case database is not answering"
 * instead of a 500, and the outage is logged once.
 */
function answeringOutagesIn(build: ServerBuild): ServerBuild {
  const routes: ServerBuild['routes'] = {}
  for (const [id, route] of Object.entries(build.routes)) {
    if (!route) continue
    const { loader, action } = route.module
    routes[id] = {
      ...route,
      module: {
        ...route.module,
        ...(loader ? { loader: (args) => answeringOutages(async () => loader(args)) } : {}),
        ...(action ? { action: (args) => answeringOutages(async () => action(args)) } : {}),
      },
    }
  }
  return { ...build, routes }
}

const build = answeringOutagesIn(
  (await import(url.pathToFileURL(path.join(root, 'build', 'index.js')).href)) as ServerBuild,
)
const handle = guardRequests(createRequestHandler(build, 'production'))

const app = express()
app.disable('x-powered-by')
// Behind a proxy that terminates TLS, its X-Forwarded-Proto and -For are believed only when told so;
// otherwise anyone could claim HTTPS or another client address.
const trustProxy = getEnv().TRUST_PROXY
app.set('trust proxy', trustProxy)
app.use(compression())

function staticHeaders(res: express.Response) {
  const headers = new Headers()
  applySecurityHeaders(headers, { https: res.req.protocol === 'https' })
  headers.forEach((value, name) => {
    if (name !== 'cache-control') res.setHeader(name, value)
  })
}
// Fingerprinted assets never change; the rest of public/ may.
app.use(
  '/build',
  express.static(path.join(root, 'public', 'build'), {
    immutable: true,
    maxAge: '1y',
    setHeaders: staticHeaders,
  }),
)
app.use(express.static(path.join(root, 'public'), { maxAge: '1h', setHeaders: staticHeaders }))

/** The Fetch request Remix reads, from Node's. Over a trusted proxy, its host and protocol. */
function fetchRequestOf(req: express.Request, res: express.Response): Request {
  const host = (trustProxy && req.get('X-Forwarded-Host')) || req.get('Host') || 'localhost'
  const url = new URL(req.originalUrl, `${req.protocol}://${host}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  // A closed connection aborts the request, so Remix stops work nobody will read.
  const controller = new AbortController()
  res.on('close', () => controller.abort())
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: createReadableStreamFromReadable(req), duplex: 'half' } : {}),
  })
}

async function send(req: express.Request, res: express.Response, response: Response) {
  res.statusMessage = response.statusText
  res.status(response.status)
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  for (const cookie of response.headers.getSetCookie()) res.append('Set-Cookie', cookie)
  if (response.body && req.method !== 'HEAD')
    await writeReadableStreamToWritable(response.body, res)
  else res.end()
}

app.all('*', async (req, res, next) => {
  try {
    const response = await handle(fetchRequestOf(req, res), { clientAddress: req.ip })
    await send(req, res, response)
  } catch (error) {
    next(error)
  }
})

// Last resort: an error outside Remix (it has its own boundary) is logged, never shown.
app.use(
  (error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error)
    if (res.headersSent) return res.end()
    res.status(500).type('text/plain').send('Something went wrong. Please try again.')
  },
)

const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const server = app.listen(port, host, () => {
  console.log(`Serving on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`)
})
scheduleSessionPurge()
scheduleDueCaseRefresh()
scheduleDigests()

// Stopped by a supervisor or a rolling deploy: finish the requests under way, then close the pool.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void closeDb().finally(() => process.exit(0)))
    setTimeout(() => process.exit(0), 10_000).unref()
  })
}
