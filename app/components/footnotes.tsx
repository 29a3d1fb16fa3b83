import { formatPartialDate } from '~/domain/dates'
import type { DatePrecision } from '~/domain/vocabularies'

export type FootnoteEntry = {
  number: number
  id: number
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
  urlMissing: boolean
}

/** A footnote marker: links to the numbered source at the bottom of the page. */
export function FootnoteRef({ number }: { number: number }) {
  return (
    <sup className="footnote-ref">
      <a href={`#source-${number}`} id={undefined} aria-label={`Source ${number}`}>
        [{number}]
      </a>
    </sup>
  )
}

export function FootnoteList({ footnotes }: { footnotes: FootnoteEntry[] }) {
  if (footnotes.length === 0) return <p className="muted">No sources cited yet.</p>
  return (
    <ol className="footnotes">
      {footnotes.map((source) => (
        <li key={source.id} id={`source-${source.number}`} value={source.number}>
          {source.publisher ? (
            <span className="footnotes__publisher">{source.publisher}</span>
          ) : null}
          {source.publisher ? ', ' : null}
          {source.url ? (
            <a href={source.url} rel="noreferrer noopener" target="_blank">
              “{source.title}”
            </a>
          ) : (
            <span>“{source.title}”</span>
          )}
          {source.publishedOn && source.publishedPrecision
            ? `, ${formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision })}`
            : null}
          {!source.url && source.urlMissing ? <span className="muted"> — link missing</span> : null}
        </li>
      ))}
    </ol>
  )
}
