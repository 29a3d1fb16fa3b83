// Marks a case as seen by this user now (POST): the one write of "changed since your last visit",
// a single upsert on (user_id, case_id). The case page posts it once it has loaded, so its GET
// stays read-only; without JavaScript the "Mark as seen" button posts it and comes back.
import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { recordVisit } from '~/models/case-follow.server'
import { requireReadableCase } from '~/guards/readable-case.server'

/** A GET goes to the case, and records nothing. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireReadableCase(request, params.slug)
  return redirect(`/cases/${record.slug}`)
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireReadableCase(request, params.slug)
  const form = await request.formData()
  if (form.get('intent') !== 'seen')
    return Response.json({ error: 'Nothing to mark.' }, { status: 400 })
  // The time the page read the case (sent by the page); a missing or odd one means now.
  const readAt = new Date(String(form.get('at') ?? ''))
  const at = Number.isNaN(readAt.getTime()) ? undefined : readAt
  await recordVisit(db, { userId: user.id, caseId: record.id, at })
  if (form.get('via') === 'fetcher') return Response.json({ seen: true })
  return redirect(`/cases/${record.slug}`)
}
