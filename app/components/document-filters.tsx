// The document list's search and filters: a plain GET form (works without JavaScript; the address
// carries every filter) and the removable chips of the filters in use.
import { Form, Link } from '@remix-run/react'
import {
  DOCUMENT_FILTER_KEYS,
  DOCUMENT_FILTER_LABELS,
  documentListSearch,
  type DocumentFilterKey,
  type DocumentListQuery,
} from '~/domain/document-list-search'
import { languageLabel } from '~/domain/document-languages'
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, labelOf } from '~/domain/vocabularies'

type Option = { value: string; label: string }
export type FilterOptions = Record<'issuer' | 'language' | 'case', Option[]>

function optionsFor(
  key: 'kind' | 'status' | 'issuer' | 'language' | 'case',
  options: FilterOptions,
) {
  if (key === 'kind') return DOCUMENT_KINDS.map((value) => ({ value, label: labelOf(value) }))
  if (key === 'status') return DOCUMENT_STATUSES.map((value) => ({ value, label: labelOf(value) }))
  if (key === 'language')
    return options.language.map((o) => ({ value: o.value, label: languageLabel(o.value) }))
  return options[key]
}

function SelectFilter({
  name,
  query,
  options,
}: {
  name: 'kind' | 'status' | 'issuer' | 'language' | 'case'
  query: DocumentListQuery
  options: FilterOptions
}) {
  const selected = query.filters[name] === undefined ? '' : String(query.filters[name])
  const list = optionsFor(name, options)
  return (
    <div className="case-filters__field">
      <label htmlFor={`doc-filter-${name}`}>{DOCUMENT_FILTER_LABELS[name]}</label>
      <select id={`doc-filter-${name}`} name={name} defaultValue={selected}>
        <option value="">Any</option>
        {selected && !list.some((o) => o.value === selected) ? (
          <option value={selected}>{selected}</option>
        ) : null}
        {list.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export function DocumentFilterForm({
  query,
  options,
}: {
  query: DocumentListQuery
  options: FilterOptions
}) {
  return (
    <Form method="get" action="/documents" className="case-filters" aria-label="Filter documents">
      <div className="case-filters__field case-filters__field--search">
        <label htmlFor="doc-search">Search</label>
        <input
          id="doc-search"
          type="search"
          name="q"
          defaultValue={query.filters.q}
          placeholder="Words in the title or text"
          maxLength={200}
        />
      </div>
      <SelectFilter name="kind" query={query} options={options} />
      <SelectFilter name="case" query={query} options={options} />
      <SelectFilter name="issuer" query={query} options={options} />
      <SelectFilter name="language" query={query} options={options} />
      <SelectFilter name="status" query={query} options={options} />
      <fieldset className="document-filters__range">
        <legend>Date</legend>
        <div className="case-filters__field">
          <label htmlFor="doc-filter-from">From</label>
          <input
            id="doc-filter-from"
            name="from"
            defaultValue={query.filters.from ?? ''}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            maxLength={10}
          />
        </div>
        <div className="case-filters__field">
          <label htmlFor="doc-filter-to">To</label>
          <input
            id="doc-filter-to"
            name="to"
            defaultValue={query.filters.to ?? ''}
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            maxLength={10}
          />
        </div>
        <p className="case-filters__hint">A year (2023) or month (2023-02) works too.</p>
      </fieldset>
      <div className="case-filters__actions">
        <button type="submit" className="button button--primary">
          Apply
        </button>
        <Link to="/documents" className="case-filters__clear">
          Clear filters
        </Link>
      </div>
    </Form>
  )
}

function chipLabel(key: DocumentFilterKey, value: string, options: FilterOptions): string {
  const label = DOCUMENT_FILTER_LABELS[key]
  if (key === 'kind' || key === 'status') return `${label}: ${labelOf(value)}`
  if (key === 'language') return `${label}: ${languageLabel(value)}`
  if (key === 'issuer' || key === 'case')
    return `${label}: ${options[key].find((o) => o.value === value)?.label ?? value}`
  return `${label}: ${value}`
}

export function ActiveDocumentFilters({
  query,
  options,
}: {
  query: DocumentListQuery
  options: FilterOptions
}) {
  const chips: { key: DocumentFilterKey | 'q'; label: string }[] = []
  if (query.filters.q) chips.push({ key: 'q', label: `Search: “${query.filters.q}”` })
  for (const key of DOCUMENT_FILTER_KEYS) {
    const value = query.filters[key]
    if (value !== undefined) chips.push({ key, label: chipLabel(key, String(value), options) })
  }
  if (chips.length === 0) return null
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key}>
          <Link
            className="filter-chip"
            to={`/documents${documentListSearch(query, { remove: chip.key })}`}
            aria-label={`Remove ${chip.label}`}
          >
            {chip.label}
            <span aria-hidden="true" className="filter-chip__x">
              ×
            </span>
          </Link>
        </li>
      ))}
    </ul>
  )
}
