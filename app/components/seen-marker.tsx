// Recording a visit without a GET that writes: once the case page has loaded, a fetcher posts to
// /cases/:slug/seen; without JavaScript the reader presses "Mark as seen" (the action redirects
// back). The page keeps the highlights it computed from the previous visit: its loader is not run
// again after these posts (shouldRevalidate below), while the navigation's count is.
import type { ShouldRevalidateFunction } from '@remix-run/react'
import { useFetcher } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import { useHydrated } from './follow-button'

function formatSeen(iso: Date | string): string {
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(iso))
}

export function SeenMarker({
  slug,
  seenAt,
  readAt,
  newCount,
  caseChanged,
}: {
  slug: string
  /** The previous visit as the loader read it, or null for a first visit. */
  seenAt: Date | string | null
  /** When the loader read the case: the visit recorded is "seen as of then". */
  readAt: Date | string
  newCount: number
  caseChanged: boolean
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
  let summary: ReactNode
  if (!seenAt) summary = 'Your first visit to this case.'
  else if (newCount === 0 && !caseChanged)
    summary = <>Nothing new since your last visit ({formatSeen(seenAt)} UTC).</>
  else
    summary = (
      <>
        <strong>
          {newCount > 0
            ? `${newCount} ${newCount === 1 ? 'entry' : 'entries'} new or changed`
            : 'The case record changed'}
        </strong>{' '}
        since your last visit ({formatSeen(seenAt)} UTC), marked below.
      </>
    )
  return (
    <div className="seen-marker" role="status">
      <p>{summary}</p>
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
