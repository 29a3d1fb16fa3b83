// The updates inbox: what changed on the cases this user follows since they last saw each one,
// newest first, grouped by case. "Mark all as read" (a POST) sets every followed case as seen now;
// it cannot be undone, but it loses nothing: each case page still shows everything.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { CustodyBadge, LegalStageBadge, VisibilityBadge } from '~/components/badges'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { UpdateEntryLine, type UpdateEntryView } from '~/components/update-entry'
import type { CustodyState, LegalStage, Visibility } from '~/domain/vocabularies'
import { listUpdates, markAllRead } from '~/models/updates.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const raw = Number(new URL(request.url).searchParams.get('page') ?? '1')
  const page = Number.isSafeInteger(raw) && raw >= 1 ? Math.min(raw, 10_000) : 1
  const inbox = await listUpdates(await getDb(), { viewer: user, page })
  return { ...inbox, page: Math.min(page, inbox.pageCount) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const form = await request.formData()
  if (form.get('intent') !== 'mark-all-read')
    return data({ error: 'Nothing to do.' }, { status: 400 })
  await markAllRead(await getDb(), { userId: user.id })
  return redirect('/updates')
}

export default function UpdatesPage() {
  const { cases, total, page, pageCount } = useLoaderData<typeof loader>()
  return (
    <section aria-labelledby="updates-title" className="updates">
      <div className="page-heading">
        <h1 id="updates-title">Updates</h1>
        {total > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="mark-all-read" />
            <button type="submit" className="button">
              Mark all as read
            </button>
          </Form>
        ) : null}
      </div>
      <p className="muted">
        Changes by others to the cases you follow since you last opened each one, newest first.
        Follow a case with the Follow button on its page.
      </p>
      {total === 0 ? (
        <div className="panel">
          <p className="empty-state">
            Nothing new on the cases you follow. <Link to="/cases?following=1">Cases I follow</Link>
          </p>
        </div>
      ) : (
        <>
          <p role="status">
            {total} {total === 1 ? 'case has' : 'cases have'} news.
          </p>
          {cases.map((c) => (
            <article key={c.id} className="panel updates-case" aria-labelledby={`case-${c.id}`}>
              <div className="updates-case__heading">
                <h2 id={`case-${c.id}`}>
                  <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>
                </h2>
                {c.visibility === 'restricted' ? (
                  <VisibilityBadge visibility={c.visibility as Visibility} />
                ) : null}
                <CustodyBadge state={c.currentCustodyState as CustodyState | null} />
                <LegalStageBadge stage={c.currentLegalStage as LegalStage | null} />
              </div>
              <ul className="updates-entries">
                {c.entries.map((entry) => (
                  <UpdateEntryLine
                    key={`${entry.kind}-${entry.id}`}
                    entry={entry as UpdateEntryView}
                    slug={c.slug}
                  />
                ))}
              </ul>
              {c.more > 0 ? (
                <p className="muted">
                  And {c.more} more — <Link to={`/cases/${c.slug}`}>open the case</Link>
                </p>
              ) : null}
            </article>
          ))}
          <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `/updates?page=${p}`} />
        </>
      )}
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Updates · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
