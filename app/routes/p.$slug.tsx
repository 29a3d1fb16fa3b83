// One public case page: only for a case that is public AND consented (app/models/public-case.server.ts).
// Any other address — a restricted, internal or non-consented case, or none — answers the very same
// 404, so a page never tells whether a hidden case exists.
import {
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { isRouteErrorResponse, useLoaderData, useRouteError } from '@remix-run/react'
import {
  PublicCaseHeading,
  PublicDocuments,
  PublicSources,
  PublicTimeline,
} from '~/components/public-case-page'
import { PublicFooter } from '~/components/public-footer'
import { getPublicCase } from '~/models/public-case.server'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { etagOf, publicCacheHeaders } from '~/utils/public-cache.server'
import publicStyles from '~/styles/public.css'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const page = await getPublicCase(await getDb(), { slug: params.slug ?? '' })
  invariantResponse(page)
  const url = `${new URL(request.url).origin}/p/${encodeURIComponent(page.case.slug)}`
  const payload = { ...page, url }
  return data(payload, { headers: publicCacheHeaders(etagOf(payload)) })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: publicStyles }]

export default function PublicCasePage() {
  const page = useLoaderData<typeof loader>()
  const { case: record } = page
  const feedPath = `/p/${encodeURIComponent(record.slug)}/feed.atom`
  return (
    <article className="public-page public-case">
      <p className="breadcrumb">
        <a href="/p">All public cases</a>
      </p>
      <PublicCaseHeading
        name={record.name}
        aliases={record.aliases}
        country={record.country}
        region={record.region}
        custodyState={page.currentCustodyState}
        legalStage={page.currentLegalStage}
        detention={page.detention}
      />
      {record.summary ? <p className="public-case__summary">{record.summary}</p> : null}
      {page.upcoming.length ? (
        <section className="panel" aria-labelledby="upcoming-title">
          <h2 id="upcoming-title">Coming up</h2>
          <PublicTimeline events={page.upcoming} emptyText="" />
        </section>
      ) : null}
      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <PublicTimeline
          events={page.timeline}
          emptyText="No confirmed events have been published yet."
        />
      </section>
      <section className="panel" aria-labelledby="documents-title">
        <h2 id="documents-title">Published documents</h2>
        <PublicDocuments documents={page.documents} />
      </section>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">Sources</h2>
        <PublicSources footnotes={page.footnotes} />
      </section>
      <PublicFooter feedPath={feedPath} />
    </article>
  )
}

function describe(page: { case: { name: string; summary: string } }): string {
  const text =
    page.case.summary.trim() || `The situation of ${page.case.name}, with a sourced timeline.`
  return text.length > 200 ? `${text.slice(0, 197)}…` : text
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => {
  if (!page) return [{ title: 'Page not found · Case tracker' }]
  const title = `${page.case.name} · Case tracker`
  return [
    { title },
    { name: 'description', content: describe(page) },
    { property: 'og:title', content: page.case.name },
    { property: 'og:description', content: describe(page) },
    { property: 'og:type', content: 'article' },
    { property: 'og:url', content: page.url },
    {
      tagName: 'link',
      rel: 'alternate',
      type: 'application/atom+xml',
      href: `${page.url}/feed.atom`,
      title: page.case.name,
    },
  ]
}

/** The same page for every slug that is not a public case: nothing tells a hidden case apart. */
export function ErrorBoundary() {
  const error = useRouteError()
  const notFound = isRouteErrorResponse(error) && error.status === 404
  return (
    <section className="public-page error-page" aria-labelledby="error-title">
      <h1 id="error-title">{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      <p>
        {notFound
          ? 'There is no public page at this address.'
          : 'The page could not be shown. Try again in a moment.'}
      </p>
      <p>
        <a href="/p">See all public case pages</a>
      </p>
    </section>
  )
}
