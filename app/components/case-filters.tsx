// The case list's search and filter controls: a plain GET form (works without JavaScript) whose
// options carry the number of cases each would leave, and the removable chips of active filters.
import { Form, Link, useNavigate } from '@remix-run/react'
import type { FormEvent } from 'react'
import { SearchCombobox, type ComboboxMatch } from './search-combobox'
import {
  CASE_SORTS,
  caseListSearch,
  FACET_KEYS,
  FACET_LABELS,
  parseCaseListQuery,
  SORT_LABELS,
  type CaseListQuery,
  type FacetKey,
} from '~/domain/case-filters'
import {
  CUSTODY_STATES,
  GROUNDS,
  LEGAL_STAGES,
  RISK_LEVELS,
  VISIBILITIES,
  labelOf,
} from '~/domain/vocabularies'

type FacetCount = { value: string; label: string | null; count: number }
export type Facets = Record<FacetKey, FacetCount[]>
type Option = { value: string; label: string; count: number }

const VOCABULARIES: Partial<Record<FacetKey, readonly string[]>> = {
  custody: CUSTODY_STATES,
  stage: LEGAL_STAGES,
  ground: GROUNDS,
  risk: RISK_LEVELS,
  visibility: VISIBILITIES,
}

/**
 * The options of one filter: every vocabulary value (with 0 where no case has it), or for country
 * and owner the values the visible cases have. The selected value is always an option.
 */
export function facetOptions(
  key: FacetKey,
  facets: Facets,
  selected: string | undefined,
): Option[] {
  const counts = new Map(facets[key].map((f) => [f.value, f]))
  const vocabulary = VOCABULARIES[key]
  const options: Option[] = vocabulary
    ? vocabulary.map((value) => ({
        value,
        label: labelOf(value),
        count: counts.get(value)?.count ?? 0,
      }))
    : facets[key].map((f) => ({ value: f.value, label: f.label ?? f.value, count: f.count }))
  if (selected !== undefined && !options.some((o) => o.value === selected)) {
    options.unshift({
      value: selected,
      label: key === 'owner' ? 'Selected owner' : selected,
      count: 0,
    })
  }
  return options
}

function selectedValue(query: CaseListQuery, key: FacetKey): string | undefined {
  const value = query.filters[key]
  return value === undefined ? undefined : String(value)
}

/** The sponsor search box's state: the chosen actor's name or the words typed, and their matches. */
export type SponsorChoice = { text: string; matches?: ComboboxMatch[] }

export function CaseFilterForm({
  query,
  facets,
  sponsor,
}: {
  query: CaseListQuery
  facets: Facets
  sponsor?: SponsorChoice
}) {
  const navigate = useNavigate()
  // With JavaScript, the address keeps only the filters in use ("?custody=detained", not every
  // empty field); without it, the browser submits the form as it is and the loader reads that too.
  function submitWithoutEmptyFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const fields = new URLSearchParams()
    for (const [name, value] of new FormData(event.currentTarget))
      if (typeof value === 'string') fields.append(name, value)
    navigate(`/cases${caseListSearch({ ...parseCaseListQuery(fields), page: 1 })}`)
  }
  return (
    <Form
      method="get"
      action="/cases"
      className="case-filters"
      aria-label="Filter cases"
      onSubmit={submitWithoutEmptyFields}
    >
      <div className="case-filters__field case-filters__field--search">
        <label htmlFor="case-search">Search</label>
        <input
          id="case-search"
          type="search"
          name="q"
          defaultValue={query.filters.q}
          placeholder="Name, alias or summary"
          aria-describedby="case-search-hint"
          maxLength={200}
        />
        <p id="case-search-hint" className="case-filters__hint">
          Any script; the start of a word is enough.
        </p>
      </div>
      <div className="case-filters__check">
        <input
          id="filter-following"
          type="checkbox"
          name="following"
          value="1"
          defaultChecked={query.filters.following === true}
        />
        <label htmlFor="filter-following">Only cases I follow</label>
      </div>
      <div className="case-filters__field">
        <label htmlFor="case-sort">Sort by</label>
        <select id="case-sort" name="sort" defaultValue={query.sort}>
          {CASE_SORTS.map((sort) => (
            <option key={sort} value={sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </div>
      {FACET_KEYS.map((key) => {
        const selected = selectedValue(query, key)
        return (
          <div className="case-filters__field" key={key}>
            <label htmlFor={`filter-${key}`}>{FACET_LABELS[key]}</label>
            <select id={`filter-${key}`} name={key} defaultValue={selected ?? ''}>
              <option value="">Any</option>
              {facetOptions(key, facets, selected).map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} ({option.count})
                </option>
              ))}
            </select>
          </div>
        )
      })}
      <div className="case-filters__field">
        <SearchCombobox
          id="filter-sponsor"
          label="Sponsored by"
          name="sponsor"
          textName="sponsorQ"
          endpoint="/actors/sponsors.json"
          selectedId={query.filters.sponsor}
          text={sponsor?.text ?? ''}
          placeholder="An MEP's name"
          matches={sponsor?.matches}
        />
      </div>
      <div className="case-filters__actions">
        <button type="submit" className="button button--primary">
          Apply
        </button>
        <Link to="/cases" className="case-filters__clear">
          Clear filters
        </Link>
      </div>
    </Form>
  )
}

/** The active search and filters as chips; each links to the same list without it. */
export function ActiveFilters({
  query,
  facets,
  sponsorName,
}: {
  query: CaseListQuery
  facets: Facets
  sponsorName?: string
}) {
  const chips: { key: FacetKey | 'q' | 'following' | 'sponsor'; label: string }[] = []
  if (query.filters.q) chips.push({ key: 'q', label: `Search: “${query.filters.q}”` })
  for (const key of FACET_KEYS) {
    const selected = selectedValue(query, key)
    if (selected === undefined) continue
    const option = facetOptions(key, facets, selected).find((o) => o.value === selected)
    chips.push({ key, label: `${FACET_LABELS[key]}: ${option?.label ?? selected}` })
  }
  if (query.filters.sponsor !== undefined)
    chips.push({ key: 'sponsor', label: `Sponsored by: ${sponsorName ?? 'the chosen actor'}` })
  if (query.filters.following) chips.push({ key: 'following', label: 'Cases I follow' })
  if (chips.length === 0) return null
  return (
    <ul className="filter-chips" aria-label="Active filters">
      {chips.map((chip) => (
        <li key={chip.key}>
          <Link
            className="filter-chip"
            to={`/cases${caseListSearch(query, { remove: chip.key })}`}
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

function listOf(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}

/** Says politely which parameters of the address were not understood and left out. */
export function IgnoredFilters({ ignored }: { ignored: CaseListQuery['ignored'] }) {
  if (ignored.length === 0) return null
  const names = ignored.map((key) =>
    key === 'sort' ? 'Sort' : key === 'sponsor' ? 'Sponsored by' : FACET_LABELS[key],
  )
  return (
    <p className="alert alert--info case-list__notice" role="status">
      Ignored an unknown filter value for {listOf(names)}; the list uses the other filters.
    </p>
  )
}
