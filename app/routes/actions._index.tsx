// Over 300 lines: one page: the actions list's loader, its filter form (with the case and actor
// search boxes) and its table.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { SearchCombobox } from '~/components/search-combobox'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { ACTION_PAGE_SIZE, actionListSearch, type ActionListFilters } from '~/domain/action-list'
import { parseActionListQuery } from '~/domain/schemas.server'
import { formatPartialDate } from '~/domain/dates'
import { can } from '~/domain/permissions'
import { ACTION_KINDS, ACTION_RESPONSES, labelOf } from '~/domain/vocabularies'
import { listActionsForUser } from '~/models/action.server'
import {
  findVisibleActor,
  findVisibleCase,
  resolveTypedChoices,
  type ChartOption,
} from '~/models/chart-choices.server'
import type { Viewer } from '~/models/case-visibility.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

type Db = Awaited<ReturnType<typeof getDb>>
const PICKED = ['case', 'actor', 'target'] as const
type Picked = (typeof PICKED)[number]

/** Reads the filters, looking up only the chosen case and actors: never a list of them all. */
async function resolveFilters(db: Db, viewer: Viewer, params: URLSearchParams) {
  const { filters, page, ignored } = parseActionListQuery(params)
  const chosen: Partial<Record<Picked, ChartOption>> = {}
  for (const key of PICKED) {
    const id = filters[key]
    if (!id) continue
    const found =
      key === 'case'
        ? await findVisibleCase(db, { viewer, id })
        : await findVisibleActor(db, { viewer, id })
    if (found) chosen[key] = found
    // A case the reader may not see is treated exactly like one that does not exist.
    else {
      ignored.push(
        key === 'case'
          ? 'The case chosen is not one you can see, so that filter was ignored.'
          : `The ${key} chosen is not known, so that filter was ignored.`,
      )
      delete filters[key]
    }
  }
  return { filters, page, ignored, chosen }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const db = await getDb()
  const viewer = { id: user.id, role: user.role }
  const params = new URL(request.url).searchParams
  let resolved = await resolveFilters(db, viewer, params)
  const { typed, found, changed } = await resolveTypedChoices(db, {
    viewer,
    params,
    fields: PICKED.map((param) => ({
      param,
      kind: param === 'case' ? 'case' : 'actor',
      chosenName: resolved.chosen[param]?.label,
    })),
  })
  if (changed) resolved = await resolveFilters(db, viewer, params)
  const { filters, page, ignored, chosen } = resolved
  // The words typed have done their work: the address keeps only the chosen ids.
  if (
    PICKED.some((key) => params.has(`${key}Q`)) &&
    PICKED.every((key) => !found[key]) &&
    ignored.length === 0
  )
    throw redirect(`/actions${actionListSearch(filters)}`)
  const choices = Object.fromEntries(
    PICKED.map((key) => [
      key,
      {
        text: chosen[key]?.label ?? typed[key] ?? '',
        matches: found[key]?.map((m) => ({
          ...m,
          href: `/actions${actionListSearch({ ...filters, [key]: m.id })}`,
        })),
      },
    ]),
  ) as Record<Picked, { text: string; matches?: (ChartOption & { href: string })[] }>
  const list = await listActionsForUser(db, { viewer, filters, page })
  return { filters, ignored, ...list, choices, canEdit: can(user.role, 'update:case') }
}

function Select({
  name,
  label,
  value,
  options,
  all,
}: {
  name: keyof ActionListFilters
  label: string
  value: string | number | undefined
  options: { value: string | number; label: string }[]
  all: string
}) {
  return (
    <div className="action-filters__field">
      <label htmlFor={`filter-${name}`}>{label}</label>
      <select
        id={`filter-${name}`}
        name={name}
        defaultValue={value === undefined ? '' : String(value)}
      >
        <option value="">{all}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default function ActionsPage() {
  const { filters, ignored, actions, total, page, pageCount, choices, canEdit } =
    useLoaderData<typeof loader>()
  const first = total === 0 ? 0 : (page - 1) * ACTION_PAGE_SIZE + 1
  const filtered = actionListSearch(filters) !== ''
  return (
    <section aria-labelledby="actions-title">
      <div className="page-heading">
        <h1 id="actions-title">Advocacy actions</h1>
        {canEdit ? (
          <Link to="/actions/new" className="button button--primary">
            Record an action
          </Link>
        ) : null}
      </div>
      <Form
        method="get"
        className="action-filters"
        aria-label="Filter actions"
        key={actionListSearch(filters)}
      >
        <div className="action-filters__field action-filters__field--wide">
          <label htmlFor="filter-q">Search titles and outcome notes</label>
          <input id="filter-q" name="q" type="search" defaultValue={filters.q} />
        </div>
        <Select
          name="kind"
          label="Kind"
          value={filters.kind}
          all="All kinds"
          options={ACTION_KINDS.map((k) => ({ value: k, label: labelOf(k) }))}
        />
        <Select
          name="response"
          label="Response"
          value={filters.response}
          all="Any response"
          options={ACTION_RESPONSES.map((r) => ({ value: r, label: labelOf(r) }))}
        />
        <div className="action-filters__field">
          <SearchCombobox
            id="filter-actor"
            label="Who acted"
            name="actor"
            textName="actorQ"
            endpoint="/dashboard/options.json?for=actor"
            selectedId={filters.actor}
            text={choices.actor.text}
            matches={choices.actor.matches}
            placeholder="Anyone"
          />
        </div>
        <div className="action-filters__field">
          <SearchCombobox
            id="filter-target"
            label="Addressed to"
            name="target"
            textName="targetQ"
            endpoint="/dashboard/options.json?for=actor"
            selectedId={filters.target}
            text={choices.target.text}
            matches={choices.target.matches}
            placeholder="Anyone"
          />
        </div>
        <div className="action-filters__field">
          <SearchCombobox
            id="filter-case"
            label="Case"
            name="case"
            textName="caseQ"
            endpoint="/dashboard/options.json?for=case"
            selectedId={filters.case}
            text={choices.case.text}
            matches={choices.case.matches}
            placeholder="All cases"
          />
        </div>
        <div className="action-filters__field">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" type="date" defaultValue={filters.from ?? ''} />
        </div>
        <div className="action-filters__field">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" type="date" defaultValue={filters.to ?? ''} />
        </div>
        <div className="action-filters__buttons">
          <button type="submit" className="button button--primary">
            Show
          </button>
          {filtered ? <Link to="/actions">Clear filters</Link> : null}
        </div>
      </Form>
      {ignored.length > 0 ? (
        <div className="alert alert--info chart__messages" role="status">
          <ul>
            {ignored.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="action-list__count" role="status">
        {total === 0 ? 'No actions' : `Showing ${first}–${first + actions.length - 1} of ${total}`}
      </p>
      {total > 0 ? (
        <p>
          <a href={`/actions.csv${actionListSearch(filters)}`} download>
            Download CSV
            <span className="visually-hidden"> of all {total} actions matching</span>
          </a>
        </p>
      ) : null}
      {total > 0 ? (
        <div className="table-wrap">
          <table className="data-table action-table">
            <caption className="visually-hidden">Advocacy actions, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Action</th>
                <th scope="col">Who → addressed to</th>
                <th scope="col">Cases</th>
                <th scope="col">Response</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id}>
                  <td className="action-table__date">
                    {formatPartialDate({ date: a.actionDate, precision: a.datePrecision })}
                  </td>
                  <th scope="row">
                    <Link to={`/actions/${a.id}`}>{a.title || labelOf(a.kind)}</Link>
                    <span className="badge badge--outline action-table__kind">
                      {labelOf(a.kind)}
                    </span>
                  </th>
                  <td>
                    {a.actorName ?? <span className="muted">—</span>}
                    {a.targetName ? (
                      <span className="action-table__target"> → {a.targetName}</span>
                    ) : null}
                  </td>
                  <td>
                    {a.cases.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      a.cases.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 ? ', ' : null}
                          <Link to={`/cases/${c.slug}`}>{c.fullName}</Link>
                        </span>
                      ))
                    )}
                  </td>
                  <td>{labelOf(a.response)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <div className="panel action-list__empty">
          {filtered ? (
            <p>
              No actions match — <Link to="/actions">clear filters</Link>
            </p>
          ) : (
            <p>No actions recorded yet.</p>
          )}
        </div>
      )}
      <Pagination
        page={page}
        pageCount={pageCount}
        hrefFor={(p) => `/actions${actionListSearch(filters, { page: p })}`}
      />
    </section>
  )
}

export const meta: MetaFunction = () => [{ title: 'Advocacy actions · Case tracker' }]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
