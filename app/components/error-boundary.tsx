import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'

const MESSAGES: Record<number, { title: string; text: string }> = {
  400: {
    title: 'That request could not be read',
    text: 'Something in the address or the form was not valid.',
  },
  403: {
    title: 'You do not have permission',
    text: 'Your role does not allow this. Ask an administrator if you need it.',
  },
  404: { title: 'Page not found', text: 'There is nothing here, or you do not have access to it.' },
  409: {
    title: 'Changed by someone else',
    text: 'This record changed while you were working. Reload it and try again.',
  },
  503: {
    title: 'The case database is not answering',
    text: 'Try again in a minute. If you were saving something, check whether it was saved before sending it again.',
  },
}

const FALLBACK = {
  title: 'Something went wrong',
  text: 'The server could not complete this request. Nothing was saved. Try again in a moment.',
}

function messageFor(error: unknown) {
  const status = isRouteErrorResponse(error) ? error.status : 500
  return { status, message: MESSAGES[status] ?? FALLBACK }
}

/** The page title of an error page, for the root's `meta` when its own loader failed. */
export function errorPageTitle(error: unknown): string {
  return `${messageFor(error).message.title} · Case tracker`
}

/** The one error page every route shows: a clear message, a way back, never a stack trace. */
export function GeneralErrorBoundary() {
  const { status, message } = messageFor(useRouteError())
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-page__status">Error {status}</p>
      <h1 id="error-title">{message.title}</h1>
      <p>{message.text}</p>
      <p>
        <Link to="/dashboard">Go to the dashboard</Link> · <Link to="/cases">Browse cases</Link>
      </p>
    </section>
  )
}
