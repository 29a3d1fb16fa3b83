// The public Atom feed: the newest confirmed status changes and published documents of every public,
// consented case (at most 50). Reads no session; cacheable, with an ETag and 304.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { listPublicFeedEntries } from '~/models/public-feed.server'
import { renderAtomFeed } from '~/public-feed/atom'
import { getDb } from '~/utils/db.server'
import { atomResponse } from '~/utils/public-cache.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const entries = await listPublicFeedEntries(await getDb(), {})
  const xml = renderAtomFeed({
    origin: new URL(request.url).origin,
    selfPath: '/feed.atom',
    pagePath: '/p',
    title: 'Public case pages · Case tracker',
    subtitle: 'Confirmed changes and published documents of the public case pages.',
    entries,
    emptyUpdated: new Date(0),
  })
  return atomResponse(request, xml)
}
