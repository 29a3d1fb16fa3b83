// The filters of the actions chart: a plain GET form, so the URL holds the state and everything works
// without JavaScript (with it, Remix submits the same form without reloading the page). The case
// and the actor are picked with search boxes, never a list of every case or actor.
import { Form, Link } from '@remix-run/react'
import { ACTION_KINDS, labelOf, type ActionKind } from '~/domain/vocabularies'
import { SearchCombobox, type ComboboxMatch } from '../search-combobox'

export type ChartFilterChoice = {
  /** The chosen record's name, or the words typed when nothing was chosen. */
  text: string
  /** The records matching the words typed without JavaScript (absent when nothing was typed). */
  matches?: ComboboxMatch[]
}

export function ChartFilterForm({
  from,
  to,
  caseId,
  actorId,
  kinds,
  caseChoice,
  actorChoice,
  hidden = [],
}: {
  from: string
  to: string
  caseId?: number
  actorId?: number
  kinds: ActionKind[]
  caseChoice: ChartFilterChoice
  actorChoice: ChartFilterChoice
  /** Other parameters of the page's address the form keeps (the dashboard's scope). */
  hidden?: [string, string][]
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
      {hidden.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="chart-filters__field">
        <label htmlFor="chart-from">From</label>
        <input id="chart-from" name="from" type="date" defaultValue={from} />
      </div>
      <div className="chart-filters__field">
        <label htmlFor="chart-to">To</label>
        <input id="chart-to" name="to" type="date" defaultValue={to} />
      </div>
      <div className="chart-filters__field">
        <SearchCombobox
          id="chart-case"
          label="Case"
          name="case"
          textName="caseQ"
          endpoint="/dashboard/options.json?for=case"
          selectedId={caseId}
          text={caseChoice.text}
          matches={caseChoice.matches}
          placeholder="All cases"
        />
      </div>
      <div className="chart-filters__field">
        <SearchCombobox
          id="chart-actor"
          label="Who acted"
          name="actor"
          textName="actorQ"
          endpoint="/dashboard/options.json?for=actor"
          selectedId={actorId}
          text={actorChoice.text}
          matches={actorChoice.matches}
          placeholder="All actors"
        />
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
