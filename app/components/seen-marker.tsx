// Recording a visit without a GET that writes: once the case page has loaded, a fetcher posts to
// /cases/:slug/seen; without JavaScript the reader presses "Mark as seen" (the action redirects
// back). The page keeps the highlights it computed from the previous visit: its loader is not run
// again after these posts (shouldRevalidate below), while the navigation's count is.
import type { ShouldRevalidateFunction } from '@remix-run/react'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useHydrated } from './follow-button'

export function SeenMarker({
  slug,
  summary,
  readAt,
}: {
  slug: string
  /** What the page says of the previous visit: the news in bold, then the rest. */
  summary: { news: string | null; rest: string }
  /** When the loader read the case: the visit recorded is "seen as of then". */
  readAt: Date | string
}) {
  const fetcher = useFetcher({ key: `seen-${slug}` })
  // The view last posted: another case (the same component, a new slug) or a reload posts again.
  const sent = useRef('')
  const hydrated = useHydrated()
  const submit = fetcher.submit
  useEffect(() => {
    const at = new Date(readAt).toISOString()
    if (sent.current === `${slug}@${at}`) return
    sent.current = `${slug}@${at}`
    submit(
      { intent: 'seen', via: 'fetcher', at },
      { method: 'post', action: `/cases/${slug}/seen` },
    )
  }, [slug, submit, readAt])
  const marked = fetcher.state === 'idle' && fetcher.data !== undefined
  return (
    <div className="seen-marker" role="status">
      <p>
        {summary.news ? <strong>{summary.news}</strong> : null}
        {summary.rest}
      </p>
      <fetcher.Form method="post" action={`/cases/${slug}/seen`}>
        <input type="hidden" name="intent" value="seen" />
        <input type="hidden" name="at" value={new Date(readAt).toISOString()} />
        {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
        <button type="submit" className="button button--quiet" disabled={marked}>
          {marked ? 'Marked as seen' : 'Mark as seen'}
        </button>
      </fetcher.Form>
    </div>
  )
}

/**
 * For the case page: a follow or a visit posted by a fetcher does not reload the page's data, so
 * the highlights of this view stay; anything else revalidates as usual.
 */
export const keepHighlights: ShouldRevalidateFunction = ({
  formAction,
  defaultShouldRevalidate,
}) =>
  formAction && /\/cases\/[^/]+\/(seen|follow)$/.test(formAction) ? false : defaultShouldRevalidate
