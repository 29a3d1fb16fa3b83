import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData, useNavigate } from '@remix-run/react'
import type { FormEvent } from 'react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { Pagination } from '~/components/pagination'
import { parseActorListQuery } from '~/domain/schemas.server'
import { can } from '~/domain/permissions'
import { listSearch } from '~/domain/list-search'
import { ACTOR_KINDS, labelOf } from '~/domain/vocabularies'
import { listActors } from '~/models/actor.server'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:case')
  const query = parseActorListQuery(new URL(request.url).searchParams)
  const list = await listActors(await getDb(), { query, viewer: user })
  return {
    query,
    actors: list.actors,
    total: list.total,
    pageCount: Math.max(1, Math.ceil(list.total / list.pageSize)),
    firstRow: (query.page - 1) * list.pageSize + 1,
    canEdit: can(user.role, 'update:case'),
  }
}

export default function ActorsPage() {
  const { query, actors, total, pageCount, firstRow, canEdit } = useLoaderData<typeof loader>()
  const navigate = useNavigate()
  const filtered = Boolean(query.q || query.kind)
  const pageLink = (page: number) => `/actors${listSearch({ ...query, page })}`
  function submitWithoutEmptyFields(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const values = Object.fromEntries(
      [...new FormData(event.currentTarget)].map(([k, v]) => [k, String(v).trim()]),
    )
    navigate(`/actors${listSearch(values)}`)
  }
  return (
    <section aria-labelledby="actors-title">
      <div className="page-heading">
        <h1 id="actors-title">Actors</h1>
        {canEdit ? (
          <Link to="/actors/new" className="button button--primary">
            Add an actor
          </Link>
        ) : null}
      </div>
      <p className="muted page-intro">
        MEPs, intergroups, organisations, governments, authorities and press contacts: who speaks,
        who issues documents, who acts and who is addressed.
      </p>
      <Form
        method="get"
        action="/actors"
        className="library-filters"
        aria-label="Search and filter actors"
        onSubmit={submitWithoutEmptyFields}
        key={listSearch({ ...query, page: 1 })}
      >
        <div className="library-filters__field library-filters__field--search">
          <label htmlFor="actor-search">Name</label>
          <input
            id="actor-search"
            type="search"
            name="q"
            defaultValue={query.q}
            placeholder="Accents optional: “bjork” finds Björk"
            maxLength={200}
          />
        </div>
        <div className="library-filters__field">
          <label htmlFor="actor-kind">Kind</label>
          <select id="actor-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">Any kind</option>
            {ACTOR_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {labelOf(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="library-filters__actions">
          <button type="submit" className="button button--primary">
            Search
          </button>
          {filtered ? <Link to="/actors">Clear</Link> : null}
        </div>
      </Form>
      <p className="library-count" role="status">
        {total === 0
          ? 'No actors'
          : `Showing ${firstRow}–${firstRow + actors.length - 1} of ${total}`}
      </p>
      {actors.length === 0 ? (
        <div className="panel library-empty">
          {filtered ? (
            <p>
              No actors match — <Link to="/actors">clear the search</Link>
            </p>
          ) : query.page > 1 ? (
            <p>
              There is no page {query.page}. <Link to="/actors">Go to the first page</Link>
            </p>
          ) : (
            <p>No actors yet.</p>
          )}
        </div>
      ) : (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">Actors by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Group or organisation</th>
                <th scope="col">Roles</th>
                <th scope="col">Country</th>
              </tr>
            </thead>
            <tbody>
              {actors.map((actor) => (
                <tr key={actor.id}>
                  <th scope="row">
                    <Link to={`/actors/${actor.id}`}>{actor.name}</Link>
                  </th>
                  <td>{labelOf(actor.kind)}</td>
                  <td>
                    {[actor.politicalGroup, actor.organisation].filter(Boolean).join(' · ') || (
                      <span className="muted">—</span>
                    )}
                  </td>
                  <td>
                    {actor.roles[0] ?? <span className="muted">—</span>}
                    {actor.roles.length > 1 ? (
                      <span className="muted"> and {actor.roles.length - 1} more</span>
                    ) : null}
                  </td>
                  <td>{actor.country ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={query.page} pageCount={pageCount} hrefFor={pageLink} />
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  {
    title: data?.query.q
      ? `Actors matching “${data.query.q}” · Case tracker`
      : 'Actors · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
