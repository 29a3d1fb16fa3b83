// Narrows the whole dashboard to the cases the reader follows, or to those an MEP sponsors: a plain
// GET form (works without JavaScript) that keeps the chart's own filters, with the sponsor picked in
// a search box — never a list of every actor — and the active narrowing as removable chips.
import { Form, Link } from '@remix-run/react'
import type { DashboardScope } from '~/domain/dashboard-scope'
import { SearchCombobox, type ComboboxOption } from './search-combobox'

export type SponsorChoice = { text: string; matches?: ComboboxOption[] }

const dashboardHref = (params: [string, string][]) => {
  const search = new URLSearchParams(params).toString()
  return search ? `/dashboard?${search}` : '/dashboard'
}

export function DashboardScopeForm({
  scope,
  sponsor,
  chartParams,
}: {
  scope: DashboardScope
  sponsor: SponsorChoice
  /** The chart's filters in the address, kept when the scope changes. */
  chartParams: [string, string][]
}) {
  const following: [string, string][] = scope.following ? [['following', '1']] : []
  const matches = sponsor.matches?.map((m) => ({
    ...m,
    href: dashboardHref([...chartParams, ...following, ['sponsor', String(m.id)]]),
  }))
  const chips = [
    scope.following
      ? {
          label: 'Cases I follow',
          href: dashboardHref([
            ...chartParams,
            ...(scope.sponsorId ? [['sponsor', String(scope.sponsorId)] as [string, string]] : []),
          ]),
        }
      : null,
    scope.sponsorId !== undefined
      ? {
          label: `Sponsored by: ${sponsor.text || 'the chosen actor'}`,
          href: dashboardHref([...chartParams, ...following]),
        }
      : null,
  ].filter((chip) => chip !== null)
  return (
    <section className="panel" aria-labelledby="scope-title">
      <h2 id="scope-title" className="visually-hidden">
        Which cases the dashboard counts
      </h2>
      <Form
        method="get"
        action="/dashboard"
        className="chart-filters"
        aria-label="Narrow the dashboard"
        key={`${scope.following}|${scope.sponsorId}`}
      >
        {chartParams.map(([name, value], i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={value} />
        ))}
        <div className="case-filters__check">
          <input
            id="scope-following"
            type="checkbox"
            name="following"
            value="1"
            defaultChecked={scope.following}
          />
          <label htmlFor="scope-following">Only cases I follow</label>
        </div>
        <div className="chart-filters__field">
          <SearchCombobox
            id="scope-sponsor"
            label="Sponsored by"
            name="sponsor"
            textName="sponsorQ"
            endpoint="/actors/sponsors.json"
            selectedId={scope.sponsorId}
            text={sponsor.text}
            placeholder="An MEP's name"
            matches={matches}
          />
        </div>
        <div className="chart-filters__actions">
          <button type="submit" className="button button--primary">
            Apply
          </button>
        </div>
      </Form>
      {chips.length > 0 ? (
        <ul className="filter-chips" aria-label="The dashboard counts only">
          {chips.map((chip) => (
            <li key={chip.label}>
              <Link className="filter-chip" to={chip.href} aria-label={`Remove ${chip.label}`}>
                {chip.label}
                <span aria-hidden="true" className="filter-chip__x">
                  ×
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}
