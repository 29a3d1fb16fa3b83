// One public case's Atom feed: its confirmed status changes and published documents. Any slug that
// is not a public, consented case answers the same 404 as one that does not exist.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { getPublicCaseName } from '~/models/public-case.server'
import { listPublicFeedEntries } from '~/models/public-feed.server'
import { renderAtomFeed } from '~/public-feed/atom'
import { getDb } from '~/utils/db.server'
import { invariantResponse } from '~/utils/invariant'
import { atomResponse } from '~/utils/public-cache.server'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = await getDb()
  const slug = params.slug ?? ''
  const name = await getPublicCaseName(db, slug)
  invariantResponse(name)
  const entries = await listPublicFeedEntries(db, { slug })
  const pagePath = `/p/${encodeURIComponent(slug)}`
  const xml = renderAtomFeed({
    origin: new URL(request.url).origin,
    selfPath: `${pagePath}/feed.atom`,
    pagePath,
    title: `${name} · Case tracker`,
    subtitle: 'Confirmed changes and published documents of this public case page.',
    entries,
    emptyUpdated: new Date(0),
  })
  return atomResponse(request, xml)
}
