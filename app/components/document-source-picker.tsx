// Picking sources from the library without JavaScript: "Find sources" submits the form with
// intent "find-sources"; the server answers with matches and everything chosen so far.
import { formatPartialDate } from '~/domain/dates'
import type { DatePrecision } from '~/domain/vocabularies'

export type PickableSource = {
  id: number
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: DatePrecision | null
  url: string | null
}

export function SourceDescription({ source }: { source: PickableSource }) {
  return (
    <span>
      <strong>{source.publisher ?? 'Unknown publisher'}</strong>, “{source.title}”
      {source.publishedOn && source.publishedPrecision
        ? `, ${formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision })}`
        : null}
      {source.url ? <span className="muted source-option__url"> {source.url}</span> : null}
    </span>
  )
}

export function DocumentSourcePicker({
  selected,
  found,
  query,
  error,
}: {
  selected: PickableSource[]
  found: PickableSource[] | null
  query: string
  error?: string
}) {
  const selectedIds = new Set(selected.map((s) => s.id))
  const option = (source: PickableSource, checked: boolean) => (
    <label key={source.id} className="source-option">
      <input type="checkbox" name="sourceIds" value={source.id} defaultChecked={checked} />
      <SourceDescription source={source} />
    </label>
  )
  return (
    <fieldset className="form-section" aria-describedby={error ? 'sourceIds-error' : undefined}>
      <legend>Sources to cite</legend>
      {error ? (
        <p id="sourceIds-error" className="field__error">
          {error}
        </p>
      ) : null}
      {selected.length > 0 ? (
        <div className="source-options" role="group" aria-label="Sources picked">
          {selected.map((s) => option(s, true))}
        </div>
      ) : null}
      <div className="source-search">
        <div className="field">
          <label htmlFor="sourceQuery">Find a source in the library</label>
          <input
            id="sourceQuery"
            name="sourceQuery"
            type="search"
            defaultValue={query}
            placeholder="Title, publisher or URL"
            maxLength={200}
          />
        </div>
        <button type="submit" name="intent" value="find-sources" className="button">
          Find sources
        </button>
      </div>
      {found === null ? null : found.length === 0 ? (
        <p className="muted">
          No source matches “{query}”. Add it to the <a href="/sources">source library</a> first.
        </p>
      ) : (
        <div className="source-options" role="group" aria-label="Sources found">
          {found.filter((s) => !selectedIds.has(s.id)).map((s) => option(s, false))}
        </div>
      )}
    </fieldset>
  )
}
