// The production server (`npm start` runs it after building and migrating): static files, then every
// other request through the request guard (app/utils/request-guard.server.ts) into Remix.
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
import { getEnv } from '../app/utils/env.server'
import { guardRequests } from '../app/utils/request-guard.server'
import { applySecurityHeaders } from '../app/utils/security-headers.server'
import { scheduleDueCaseRefresh } from '../app/jobs/due-cases.server'
import { scheduleSessionPurge } from '../app/jobs/session-purge.server'

installGlobals({ nativeFetch: true })

const root = path.resolve(import.meta.dirname, '..')
const build = (await import(
  url.pathToFileURL(path.join(root, 'build', 'index.js')).href
)) as ServerBuild
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
app.listen(port, host, () => {
  console.log(`Serving on http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`)
})
scheduleSessionPurge()
scheduleDueCaseRefresh()
