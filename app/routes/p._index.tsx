// The public case pages' index: people who agreed to a public campaign, with a search. Anyone may
// read it; it reads no session and may be cached (app/utils/public-cache.server.ts).
import {
  data,
  type HeadersFunction,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { PublicFooter } from '~/components/public-footer'
import { PublicCaseList, PublicCaseSearch, PublicPager } from '~/components/public-case-list'
import { listPublicCases } from '~/models/public-case.server'
import { getDb } from '~/utils/db.server'
import { etagOf, publicCacheHeaders } from '~/utils/public-cache.server'
import publicStyles from '~/styles/public.css'

const TITLE = 'Public case pages · Case tracker'
const DESCRIPTION =
  'People detained or at risk for who they are or what they say, whose campaigns are public: their situation, a sourced timeline and the documents published for them.'

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const q = (url.searchParams.get('q') ?? '').slice(0, 200)
  const after = url.searchParams.get('after')?.slice(0, 200) || null
  const page = await listPublicCases(await getDb(), { q, after })
  const payload = { ...page, q, after, url: `${url.origin}/p` }
  return data(payload, { headers: publicCacheHeaders(etagOf(payload)) })
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: publicStyles },
  { rel: 'alternate', type: 'application/atom+xml', href: '/feed.atom', title: 'Public cases' },
]

export default function PublicCasesPage() {
  const { cases, q, after, nextAfter } = useLoaderData<typeof loader>()
  return (
    <div className="public-page">
      <h1>Public case pages</h1>
      <p className="public-page__intro">{DESCRIPTION}</p>
      <PublicCaseSearch q={q} />
      <section aria-label="Public cases">
        <PublicCaseList cases={cases} q={q} />
      </section>
      <PublicPager q={q} after={after} nextAfter={nextAfter} />
      <PublicFooter feedPath="/feed.atom" />
    </div>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: page }) => [
  { title: TITLE },
  { name: 'description', content: DESCRIPTION },
  { property: 'og:title', content: 'Public case pages' },
  { property: 'og:description', content: DESCRIPTION },
  { property: 'og:type', content: 'website' },
  ...(page ? [{ property: 'og:url', content: page.url }] : []),
]
