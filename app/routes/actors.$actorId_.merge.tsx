// Merging a duplicate INTO this actor: this actor is kept, the chosen one is removed. The page finds
// the duplicate, previews what moves, and merges only on confirmation. Works without JavaScript.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { MergeFormSchema } from '~/domain/schemas.server'
import { labelOf } from '~/domain/vocabularies'
import { mergeActors, previewMerge } from '~/models/actor-merge.server'
import { getActor, listActors } from '~/models/actor.server'
import { requirePermission } from '~/guards/auth.server'
import { idParam } from '~/utils/route-params'
import { getDb } from '~/utils/db.server'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'
import { isRecordId } from '~/utils/record-id'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const kept = await getActor(db, { id: idParam(params.actorId), viewer: user })
  invariantResponse(kept)
  const url = new URL(request.url)
  // By default, look for others sharing this actor's last name ("bjork" finds "Björk" too).
  const q = (url.searchParams.get('q') ?? kept.name.split(/\s+/).at(-1) ?? '').trim().slice(0, 200)
  const duplicateId = Number(url.searchParams.get('duplicate'))
  const chosen = isRecordId(duplicateId)
  const [candidates, preview] = await Promise.all([
    listActors(db, { query: { q, page: 1 }, viewer: user, pageSize: 20, exceptId: kept.id }),
    chosen && duplicateId !== kept.id
      ? previewMerge(db, { keptId: kept.id, removedId: duplicateId, viewer: user })
      : undefined,
  ])
  return {
    kept: { id: kept.id, name: kept.name, kind: kept.kind },
    q,
    candidates: candidates.actors,
    preview: preview ?? null,
    notice: !chosen
      ? null
      : duplicateId === kept.id
        ? 'An actor cannot be merged into itself. Choose another actor.'
        : preview
          ? null
          : 'That actor no longer exists: it may have been merged already.',
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, 'update:case')
  const db = await getDb()
  const kept = await getActor(db, { id: idParam(params.actorId), viewer: user })
  invariantResponse(kept)
  const keptId = kept.id
  const parsed = await parseForm(request, MergeFormSchema)
  if (!parsed.success)
    return data(
      { error: 'Choose the duplicate to merge, then confirm the preview.' },
      { status: 400 },
    )
  const result = await mergeActors(db, {
    actor: auditActor(request, user),
    viewer: user,
    keptId,
    removedId: parsed.data.duplicateId,
    keptVersion: parsed.data.keptVersion,
    removedVersion: parsed.data.duplicateVersion,
  })
  if (result.ok) return redirect(`/actors/${keptId}`)
  if (result.reason === 'self')
    return data({ error: 'An actor cannot be merged into itself.' }, { status: 400 })
  return data(
    {
      error:
        result.reason === 'stale'
          ? 'Nothing was merged: one of the two actors was edited since this preview. Check the preview below again.'
          : 'Nothing was merged: one of the two actors no longer exists.',
    },
    { status: 409 },
  )
}

const MOVES = [
  ['quotes', 'quote', 'quotes'],
  ['documents', 'issued document', 'issued documents'],
  ['actionsAsActor', 'action taken', 'actions taken'],
  ['actionsAsTarget', 'action addressed to them', 'actions addressed to them'],
  ['sponsorships', 'sponsorship of a case', 'sponsorships of cases'],
] as const

export default function MergeActorPage() {
  const { kept, q, candidates, preview, notice } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const show = (field: string, value: unknown) =>
    field === 'kind'
      ? labelOf(String(value))
      : Array.isArray(value)
        ? value.join(', ')
        : String(value)
  return (
    <section aria-labelledby="merge-title" className="narrow merge-page">
      <p className="breadcrumb">
        <Link to={`/actors/${kept.id}`}>← Back to {kept.name}</Link>
      </p>
      <h1 id="merge-title">Merge a duplicate into {kept.name}</h1>
      <p className="merge-direction">
        <strong>{kept.name}</strong> is kept. The actor you choose below is <strong>removed</strong>
        : its quotes, issued documents, actions and sponsorships move to {kept.name}, fields left
        empty here are filled from it, and the merge is recorded in the audit log.
      </p>
      {actionData?.error || notice ? (
        <p className="alert alert--error" role="alert">
          {actionData?.error ?? notice}
        </p>
      ) : null}

      <section aria-labelledby="find-title" className="panel">
        <h2 id="find-title">1. Find the duplicate</h2>
        <Form method="get" className="form form--inline">
          <div className="field">
            <label htmlFor="merge-search">Name</label>
            <input id="merge-search" type="search" name="q" defaultValue={q} maxLength={200} />
          </div>
          <button type="submit" className="button">
            Search
          </button>
        </Form>
        {candidates.length === 0 ? (
          <p className="empty-state">No other actor matches “{q}”.</p>
        ) : (
          <ul className="plain-list merge-candidates">
            {candidates.map((c) => (
              <li key={c.id}>
                <span>
                  <Link to={`/actors/${c.id}`}>{c.name}</Link>{' '}
                  <span className="muted">
                    {[labelOf(c.kind), c.politicalGroup, c.organisation]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
                <Link
                  to={`?${new URLSearchParams({ q, duplicate: String(c.id) })}#preview-title`}
                  className="button button--quiet"
                  aria-label={`Preview merging ${c.name} into ${kept.name}`}
                >
                  Preview merge
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      {preview ? (
        <section aria-labelledby="preview-title" className="panel merge-preview">
          <h2 id="preview-title">
            2. Merge {preview.removed.name} into {preview.kept.name}
          </h2>
          <div className="merge-pair">
            <div className="merge-pair__card merge-pair__card--kept">
              <p className="merge-pair__role">Kept</p>
              <p className="merge-pair__name">{preview.kept.name}</p>
              <p className="muted">
                #{preview.kept.id} · {labelOf(preview.kept.kind)}
              </p>
            </div>
            <span className="merge-pair__arrow" aria-hidden="true">
              ←
            </span>
            <div className="merge-pair__card merge-pair__card--removed">
              <p className="merge-pair__role">Removed</p>
              <p className="merge-pair__name">{preview.removed.name}</p>
              <p className="muted">
                #{preview.removed.id} · {labelOf(preview.removed.kind)}
              </p>
            </div>
          </div>
          <h3>What moves to {preview.kept.name}</h3>
          <ul className="merge-moves">
            {MOVES.map(([key, one, many]) => (
              <li key={key}>
                <strong>{preview.moves[key]}</strong> {preview.moves[key] === 1 ? one : many}
              </li>
            ))}
          </ul>
          {(preview.moves.sponsorshipsAlreadyKept ?? 0) > 0 ? (
            <p className="muted">
              {preview.moves.sponsorshipsAlreadyKept === 1
                ? 'It also sponsors 1 case'
                : `It also sponsors ${preview.moves.sponsorshipsAlreadyKept} cases`}{' '}
              that {preview.kept.name} already sponsors: {preview.kept.name}’s own entry, with its
              date and note, stays, and this one is removed.
            </p>
          ) : null}
          {preview.movesNotShown ? (
            <p className="muted">
              It is also referenced in records you do not have access to: those references move to{' '}
              {preview.kept.name} too.
            </p>
          ) : null}
          <h3>Filled in from {preview.removed.name}</h3>
          {preview.fills.length === 0 ? (
            <p className="muted">Nothing: every field it has is already filled here.</p>
          ) : (
            <ul className="plain-list">
              {preview.fills.map((f) => (
                <li key={f.field}>
                  <strong>{f.label}:</strong> {show(f.field, f.value)}
                </li>
              ))}
            </ul>
          )}
          {preview.losses.length > 0 ? (
            <>
              <h3>Not kept (values differ; {preview.kept.name}’s stay)</h3>
              <ul className="plain-list">
                {preview.losses.map((l) => (
                  <li key={l.field}>
                    <strong>{l.label}:</strong> {show(l.field, l.removed)}{' '}
                    <span className="muted">(kept: {show(l.field, l.kept)})</span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Form method="post" className="confirm-box">
            <input type="hidden" name="duplicateId" value={preview.removed.id} />
            <input type="hidden" name="keptVersion" value={preview.kept.version} />
            <input type="hidden" name="duplicateVersion" value={preview.removed.version} />
            <p>
              {preview.removed.name} (#{preview.removed.id}) will be deleted. This cannot be undone
              from here.
            </p>
            <div className="confirm-box__buttons">
              <button
                type="submit"
                className="button button--danger"
                disabled={navigation.state === 'submitting'}
              >
                {navigation.state === 'submitting'
                  ? 'Merging…'
                  : `Merge ${preview.removed.name} into ${preview.kept.name}`}
              </button>
              <Link to={`/actors/${preview.removed.id}/merge?duplicate=${preview.kept.id}`}>
                Keep {preview.removed.name} instead
              </Link>
            </div>
          </Form>
        </section>
      ) : null}
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded ? `Merge into ${loaded.kept.name} · Case tracker` : 'Merge actors · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
