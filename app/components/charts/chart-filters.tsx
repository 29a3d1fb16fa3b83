// The filters of the actions chart: a plain GET form, so the URL holds the state and everything works
// without JavaScript (with it, Remix submits the same form without reloading the page).
import { Form, Link } from '@remix-run/react'
import { ACTION_KINDS, labelOf, type ActionKind } from '~/domain/vocabularies'

export function ChartFilterForm({
  from,
  to,
  caseId,
  actorId,
  kinds,
  cases,
  actors,
}: {
  from: string
  to: string
  caseId?: number
  actorId?: number
  kinds: ActionKind[]
  cases: { id: number; fullName: string }[]
  actors: { id: number; name: string }[]
}) {
  return (
    <Form
      method="get"
      action="/dashboard"
      preventScrollReset
      className="chart-filters"
      aria-label="Filter the actions chart"
      key={[from, to, caseId, actorId, ...kinds].join('|')}
    >
      <div className="chart-filters__field">
        <label htmlFor="chart-from">From</label>
        <input id="chart-from" name="from" type="date" defaultValue={from} />
      </div>
      <div className="chart-filters__field">
        <label htmlFor="chart-to">To</label>
        <input id="chart-to" name="to" type="date" defaultValue={to} />
      </div>
      <div className="chart-filters__field">
        <label htmlFor="chart-case">Case</label>
        <select id="chart-case" name="case" defaultValue={caseId ? String(caseId) : ''}>
          <option value="">All cases</option>
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.fullName}
            </option>
          ))}
        </select>
      </div>
      <div className="chart-filters__field">
        <label htmlFor="chart-actor">Who acted</label>
        <select id="chart-actor" name="actor" defaultValue={actorId ? String(actorId) : ''}>
          <option value="">All actors</option>
          {actors.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <details className="chart-filters__kinds" open={kinds.length > 0}>
        <summary>Kinds of action: {kinds.length ? `${kinds.length} chosen` : 'all'}</summary>
        <fieldset>
          <legend className="visually-hidden">
            Kinds of action to show (none ticked shows all)
          </legend>
          <div className="checkbox-group__options">
            {ACTION_KINDS.map((kind) => (
              <label key={kind} className="checkbox">
                <input
                  type="checkbox"
                  name="kind"
                  value={kind}
                  defaultChecked={kinds.includes(kind)}
                />{' '}
                {labelOf(kind)}
              </label>
            ))}
          </div>
        </fieldset>
      </details>
      <div className="chart-filters__actions">
        <button type="submit" className="button button--primary">
          Show
        </button>
        <Link to="/dashboard" preventScrollReset>
          Reset
        </Link>
      </div>
    </Form>
  )
}
