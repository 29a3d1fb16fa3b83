import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { DocumentSourcePicker, SourceDescription } from '~/components/document-source-picker'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import type { FieldErrors } from '~/utils/forms'
import { FormErrorSummary, SelectField, TextField } from '~/components/form-fields'
import { CitationFormSchema } from '~/domain/schemas.server'
import { getDocumentPage } from '~/models/document.server'
import { requireDocument } from '~/guards/document-access.server'
import { citeSources, removeCitation } from '~/models/document-parts.server'
import { getSourcesByIds, searchSources } from '~/models/source.server'
import { CITATION_LIMITS } from '~/domain/field-limits'
import { isSourceSearch, sourcePicks } from '~/domain/source-picker'
import { parseForm } from '~/utils/forms'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'
import { isRecordId } from '~/utils/record-id'

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const page = (await getDocumentPage(db, { id: record.id, viewer: user }))!
  const numberOf = new Map(page.footnotes.map((f) => [f.id, f.number]))
  const citations = page.citations.map((c) => ({ ...c, number: numberOf.get(c.id) ?? 0 }))
  const target = new URL(request.url).searchParams.get('target') ?? 'document'
  return {
    id: record.id,
    title: record.title,
    target,
    targets: [
      { value: 'document', label: 'The document itself' },
      ...page.quotes.map((q, i) => ({
        value: `quote-${q.id}`,
        label: `Quote ${i + 1}: ${q.speakerName ?? (q.speakerLabel || 'unattributed')}`,
      })),
    ],
    groups: [
      { key: 'document', label: 'Cited for the document', quoteId: null as number | null },
      ...page.quotes.map((q, i) => ({
        key: `quote-${q.id}`,
        label: `Cited for quote ${i + 1} (${q.speakerName ?? (q.speakerLabel || 'unattributed')})`,
        quoteId: q.id as number | null,
      })),
    ].map((g) => ({ ...g, citations: citations.filter((c) => c.documentQuoteId === g.quoteId) })),
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, db, record } = await requireDocument(request, params.documentId)
  const form = await parseForm(request, CitationFormSchema, { arrayFields: ['sourceIds'] })
  const raw = form.fields
  const actor = auditActor(request, user)
  const back = `/documents/${record.id}/citations`
  if (raw.intent === 'remove') {
    const citationId = Number(raw.citationId)
    invariantResponse(isRecordId(citationId))
    const removed = await removeCitation(db, { actor, documentId: record.id, citationId })
    invariantResponse(removed)
    return redirect(back)
  }
  const { pickedSourceIds, sourceQuery } = sourcePicks(raw, CITATION_LIMITS.sources)
  const selected = await getSourcesByIds(db, pickedSourceIds, user)
  const values = form.values
  if (isSourceSearch(raw)) {
    const found = sourceQuery ? await searchSources(db, { query: sourceQuery, viewer: user }) : []
    return data({ values, selected, found, sourceQuery, errors: {} as FieldErrors })
  }
  if (!form.success) {
    const errors = form.fieldErrors
    return data({ values, selected, found: null, sourceQuery, errors }, { status: 400 })
  }
  const result = await citeSources(db, {
    actor,
    documentId: record.id,
    quoteId: form.data.target.quoteId,
    sourceIds: form.data.sourceIds,
    locator: form.data.locator,
    viewer: user,
  })
  if (!result.ok) {
    const errors: FieldErrors = { target: ['Choose the document or one of its quotes'] }
    return data({ values, selected, found: null, sourceQuery, errors }, { status: 400 })
  }
  const target = typeof raw.target === 'string' ? raw.target : 'document'
  return redirect(`${back}?target=${encodeURIComponent(target)}`)
}

export default function DocumentCitationsPage() {
  const { id, title, target, targets, groups } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state !== 'idle'
  const values = actionData?.values ?? {}
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : '')
  return (
    <section aria-labelledby="citations-title" className="narrow">
      <p className="breadcrumb">
        <Link to={`/documents/${id}`}>← Back to “{title}”</Link>
      </p>
      <h1 id="citations-title">Sources cited</h1>
      <p className="muted">
        In a text, <code>[1]</code> is the first source cited for it, <code>[2]</code> the second.
        Removing a source renumbers the markers after it.
      </p>
      {groups.map((group) => (
        <section key={group.key} className="panel" aria-label={group.label}>
          <h2>{group.label}</h2>
          {group.citations.length === 0 ? (
            <p className="empty-state">No source cited.</p>
          ) : (
            <ol className="plain-list citation-list">
              {group.citations.map((c, index) => (
                <li key={c.citationId} className="link-row">
                  <span>
                    <span className="citation-list__marker">[{index + 1}]</span>{' '}
                    <SourceDescription source={c} />
                    {c.locator ? <span className="muted"> — {c.locator}</span> : null}
                  </span>
                  <Form method="post">
                    <input type="hidden" name="citationId" value={c.citationId} />
                    <button
                      type="submit"
                      name="intent"
                      value="remove"
                      className="button button--quiet"
                      disabled={busy}
                    >
                      Remove<span className="visually-hidden"> {c.title}</span>
                    </button>
                  </Form>
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      <Form
        method="post"
        className="form form--wide"
        noValidate
        key={JSON.stringify(actionData ?? null)}
      >
        <h2>Cite sources</h2>
        <FormErrorSummary errors={actionData?.errors} />
        <div className="field-row">
          <SelectField
            name="target"
            label="Cite for"
            options={targets}
            errors={actionData?.errors}
            defaultValue={text('target') || target}
          />
          <TextField
            name="locator"
            label="Locator (optional)"
            placeholder="p. 3, § 12 or 01:24"
            errors={actionData?.errors}
            defaultValue={text('locator')}
            maxLength={300}
          />
        </div>
        <DocumentSourcePicker
          selected={actionData?.selected ?? []}
          found={actionData?.found ?? null}
          query={actionData?.sourceQuery ?? ''}
          error={actionData?.errors?.sourceIds?.[0]}
        />
        <div className="form-actions">
          <button
            type="submit"
            name="intent"
            value="cite"
            className="button button--primary"
            disabled={busy}
          >
            Cite the sources picked
          </button>
          <Link to={`/documents/${id}`} className="button">
            Done
          </Link>
        </div>
      </Form>
    </section>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Sources · ${data.title} · Case tracker` : 'Sources · Case tracker' },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
