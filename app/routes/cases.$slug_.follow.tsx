// Follow or unfollow a case (POST). Any signed-in reader of the case may follow it; a case they may
// not see answers 404. A fetcher gets the new state; a plain form is sent back to the case.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { followCase, unfollowCase } from '~/models/case-follow.server'
import { requireReadableCase } from '~/guards/readable-case.server'

/** A GET (a bookmarked or reloaded address) goes to the case. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireReadableCase(request, params.slug)
  return redirect(`/cases/${record.slug}`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireReadableCase(request, params.slug)
  const form = await request.formData()
  const intent = form.get('intent')
  if (intent !== 'follow' && intent !== 'unfollow')
    return Response.json({ error: 'Say whether to follow or unfollow.' }, { status: 400 })
  const ids = { userId: user.id, caseId: record.id }
  if (intent === 'follow') await followCase(db, ids)
  else await unfollowCase(db, ids)
  // A resource route answers its fetcher with plain JSON.
  if (form.get('via') === 'fetcher') return Response.json({ following: intent === 'follow' })
  return redirect(`/cases/${record.slug}`)
}
