// Follow or unfollow a case: a plain form POST without JavaScript (the action redirects back to the
// case) and, with JavaScript, a fetcher that shows the new state at once and keeps the page as it is.
import { useFetcher } from '@remix-run/react'
import { useEffect, useState } from 'react'

/** True once React runs in the browser: forms then say they came from a fetcher. */
export function useHydrated() {
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])
  return hydrated
}

export function FollowButton({ slug, following }: { slug: string; following: boolean }) {
  const fetcher = useFetcher<{ following: boolean }>()
  const hydrated = useHydrated()
  const pending = fetcher.formData?.get('intent')
  const shown = pending ? pending === 'follow' : (fetcher.data?.following ?? following)
  return (
    <fetcher.Form method="post" action={`/cases/${slug}/follow`} className="follow-form">
      <input type="hidden" name="intent" value={shown ? 'unfollow' : 'follow'} />
      {hydrated ? <input type="hidden" name="via" value="fetcher" /> : null}
      <button
        type="submit"
        className={`button button--quiet follow-button${shown ? ' follow-button--on' : ''}`}
        aria-pressed={shown}
      >
        {shown ? 'Following' : 'Follow'}
        <span className="visually-hidden"> this case</span>
      </button>
    </fetcher.Form>
  )
}
