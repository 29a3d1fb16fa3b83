// The list of public cases (/p): a search that works without JavaScript, one card per person, and
// a link to the next page (keyset: the address names the last case shown).
import { CustodyBadge } from '~/components/badges'
import type { CustodyState } from '~/domain/vocabularies'

export type PublicCaseCard = {
  slug: string
  name: string
  aliases: string[]
  country: string | null
  summary: string
  custodyState: CustodyState | null
}

export function PublicCaseSearch({ q }: { q: string }) {
  return (
    <form method="get" action="/p" role="search" className="public-search">
      <label htmlFor="public-search-q">Search by name or summary</label>
      <div className="public-search__row">
        <input id="public-search-q" type="search" name="q" defaultValue={q} maxLength={200} />
        <button type="submit" className="button">
          Search
        </button>
      </div>
    </form>
  )
}

export function PublicCaseList({ cases, q }: { cases: PublicCaseCard[]; q: string }) {
  if (cases.length === 0)
    return (
      <p className="muted">
        {q ? `No public case matches “${q}”.` : 'There are no public case pages yet.'}
      </p>
    )
  return (
    <ul className="public-cases">
      {cases.map((item) => (
        <li key={item.slug} className="panel public-cases__item">
          <h2>
            <a href={`/p/${encodeURIComponent(item.slug)}`}>{item.name}</a>
          </h2>
          {item.aliases.length ? (
            <p className="public-cases__aliases">Also written {item.aliases.join(', ')}</p>
          ) : null}
          <p className="public-cases__status">
            <CustodyBadge state={item.custodyState} />
            {item.country ? <span>{item.country}</span> : null}
          </p>
          {item.summary ? <p className="public-cases__summary">{item.summary}</p> : null}
        </li>
      ))}
    </ul>
  )
}

/** "First page" and "Next page" links; the search is kept. */
export function PublicPager({
  q,
  after,
  nextAfter,
}: {
  q: string
  after: string | null
  nextAfter: string | null
}) {
  if (!after && !nextAfter) return null
  const href = (next: string | null) => {
    const params = new URLSearchParams()
    if (q) params.set('q', q)
    if (next) params.set('after', next)
    const search = params.toString()
    return search ? `/p?${search}` : '/p'
  }
  return (
    <nav aria-label="Pages" className="pagination">
      {after ? <a href={href(null)}>← First page</a> : null}
      {nextAfter ? (
        <a href={href(nextAfter)} rel="next">
          Next page →
        </a>
      ) : null}
    </nav>
  )
}
