import { randomBytes } from 'node:crypto'
import { Transform } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDocumentRequestFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import {
  isDatabaseUnavailable,
  noteDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
} from './utils/database-errors.server'
import { NonceProvider } from './utils/nonce'
import { matchesIfNoneMatch, PUBLIC_PAGE_POLICY, versionedEtag } from './utils/public-cache.server'
import { isPublicPath } from './utils/public-paths'
import { applySecurityHeaders, isHttps } from './utils/security-headers.server'

// How long a page may take to render before the stream is cut (5 s). RENDER_ABORT_MS raises it for a
// test that renders thousands of pages on a starved machine, where the cut is not what it tests.
const ABORT_DELAY = Number(process.env.RENDER_ABORT_MS) || 5_000

/**
 * React 18.3's stream pads a 2 KB chunk with NUL bytes when the next multi-byte character does not
 * fit in it (react#31134): a Cyrillic or Chinese name could come out as "П\0ия". HTML never needs
 * a NUL byte, so they are dropped on the way out.
 */
function withoutNulBytes() {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk)
    },
  })
}

/**
 * A Retry-After an action or loader answered with (the sign-in limit's 429) reaches the browser:
 * a page takes only the headers a route's `headers` export passes on, and no route needs one else.
 */
function retryAfterOf({ staticHandlerContext }: EntryContext, responseHeaders: Headers) {
  const { actionHeaders, loaderHeaders } = staticHandlerContext
  for (const headers of [...Object.values(actionHeaders), ...Object.values(loaderHeaders)]) {
    const retryAfter = headers.get('Retry-After')
    if (retryAfter && !responseHeaders.has('Retry-After'))
      responseHeaders.set('Retry-After', retryAfter)
  }
}

const handleRequest: HandleDocumentRequestFunction = (
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
) => {
  const nonce = randomBytes(16).toString('base64')
  retryAfterOf(remixContext, responseHeaders)
  // The database is not answering (utils/database-errors.server.ts): ask the browser to come back.
  if (responseStatusCode === 503 && !responseHeaders.has('Retry-After'))
    responseHeaders.set('Retry-After', String(RETRY_AFTER_SECONDS))
  // Public pages run no script: a fixed policy, and a copy the browser holds is answered 304 unrendered.
  const publicPage = isPublicPath(new URL(request.url).pathname)
  if (publicPage) {
    responseHeaders.set('Content-Security-Policy', PUBLIC_PAGE_POLICY)
    const etag = responseHeaders.get('ETag')
    if (etag && responseStatusCode === 200) {
      const versioned = versionedEtag(etag, remixContext.manifest.version)
      responseHeaders.set('ETag', versioned)
      if (matchesIfNoneMatch(request, versioned)) {
        applySecurityHeaders(responseHeaders, { https: isHttps(request) })
        return new Response(null, { status: 304, headers: responseHeaders })
      }
    }
  }
  const readyEvent = isbot(request.headers.get('user-agent') ?? '') ? 'onAllReady' : 'onShellReady'
  return new Promise((resolve, reject) => {
    let shellRendered = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer
          context={remixContext}
          url={request.url}
          abortDelay={ABORT_DELAY}
          nonce={nonce}
        />
      </NonceProvider>,
      {
        nonce,
        [readyEvent]() {
          shellRendered = true
          const body = withoutNulBytes()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          applySecurityHeaders(responseHeaders, {
            https: isHttps(request),
            nonce: publicPage ? undefined : nonce,
          })
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          if (shellRendered) console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

export default handleRequest

/** Single-fetch `.data` answers carry the same headers as the pages they feed. */
export function handleDataRequest(response: Response, { request }: { request: Request }) {
  applySecurityHeaders(response.headers, { https: isHttps(request) })
  if (response.status === 503) response.headers.set('Retry-After', String(RETRY_AFTER_SECONDS))
  return response
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return
  // A refusal (a POST to a page without a form: 405; a missing record: 404) is an answer, not a fault.
  if (isRouteErrorResponse(error) && error.status < 500) return
  // The database not answering is logged once per outage, not once per request.
  if (isRouteErrorResponse(error) && error.status === 503) return
  if (isDatabaseUnavailable(error)) return noteDatabaseUnavailable(error)
  // Logged on the server only; the page shows the error boundary, never a stack trace.
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
}
