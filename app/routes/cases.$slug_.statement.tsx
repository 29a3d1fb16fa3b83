import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Link, useActionData, useLoaderData } from '@remix-run/react'
import { GeneralErrorBoundary } from '~/components/error-boundary'
import { FormErrorSummary } from '~/components/form-fields'
import { todayIso } from '~/domain/dates'
import { can } from '~/domain/permissions'
import {
  editedLimitProblem,
  extractUneditedQuotes,
  previewOf,
  renderEditedMarkdownHtml,
  runGenerator,
  splitEditedMarkdown,
} from '~/statements/statement-page.server'
import { getPublishableDraft, saveStatementDraft } from '~/models/statement.server'
import {
  actorChoiceLabel,
  getStatementSetup,
  resolveTypedActors,
} from '~/models/statement-setup.server'
import { ChoicesForm } from '~/components/statement-choices-form'
import { requirePermission } from '~/guards/auth.server'
import { getDb } from '~/utils/db.server'
import { auditActor } from '~/utils/request.server'
import { invariantResponse } from '~/utils/invariant'
import { isRecordId } from '~/utils/record-id'

async function loadSetup(
  request: Request,
  slug: string | undefined,
  choices: URLSearchParams,
  editing = false,
) {
  const user = await requirePermission(request, editing ? 'update:case' : 'generate:statement')
  const db = await getDb()
  const today = todayIso()
  // Words typed in the search boxes without JavaScript become ids (or matches to choose from).
  const typed = await resolveTypedActors(db, { viewer: user, params: choices })
  const setup = await getStatementSetup(db, {
    slug: slug ?? '',
    viewer: user,
    today,
    params: typed.params,
  })
  invariantResponse(setup)
  return { user, db, today, setup, typed }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url)
  const { user, db, today, setup, typed } = await loadSetup(request, params.slug, url.searchParams)
  const outcome = runGenerator({ ...setup, params: typed.params, today })
  const savedId = Number(typed.params.get('saved'))
  const saved = isRecordId(savedId)
    ? ((await getPublishableDraft(db, {
        caseId: setup.record.id,
        documentId: savedId,
        viewer: user,
      })) ?? null)
    : null
  const page = {
    slug: setup.record.slug,
    fullName: setup.record.fullName,
    caseVersion: setup.caseData.version,
    values: outcome.values,
    query: outcome.query,
    errors: outcome.errors,
    preview: previewOf(outcome.result),
    // Only the actors the choices and defaults name, and the press contacts: never every actor.
    actors: setup.actors.map((a) => ({
      id: String(a.id),
      name: a.name,
      kind: a.kind,
      label: actorChoiceLabel(a),
    })),
    searches: { typed: typed.typed, found: typed.found },
    canSave: can(user.role, 'update:case'),
    saved,
  }
  return data(page, { status: outcome.errors ? 400 : 200 })
}

export async function action({ request, params }: ActionFunctionArgs) {
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const text = String(form.get('text') ?? '').replace(/\r\n?/g, '\n')
  const choices = new URLSearchParams(String(form.get('choices') ?? ''))
  const { user, db, today, setup, typed } = await loadSetup(
    request,
    params.slug,
    choices,
    intent === 'save',
  )
  const fail = (status: number, formError: string) =>
    data({ text, formError, html: null }, { status })
  if (text.length > 200_000) return fail(400, 'The text can be at most 200,000 characters.')
  const outcome = runGenerator({ ...setup, params: typed.params, today })
  const language = outcome.result?.ok ? outcome.result.statement.language : 'en'
  if (intent === 'preview')
    return data({ text, formError: null, html: renderEditedMarkdownHtml(text, language) })
  if (intent !== 'save') return fail(400, 'Choose preview or save.')
  if (!outcome.result?.ok)
    return fail(400, outcome.result?.message ?? 'The choices are not valid: preview again.')
  if (Number(form.get('caseVersion')) !== setup.caseData.version)
    return fail(
      409,
      'The case changed after this preview. Preview again to see the new facts before saving; your edited text is kept below.',
    )
  const { statement } = outcome.result
  const problem = editedLimitProblem(statement.template, text)
  if (problem) return fail(400, problem)
  const extracted = extractUneditedQuotes(text, statement)
  const { title, body } = splitEditedMarkdown(extracted.markdown)
  if (body.trim() === '') return fail(400, 'The text is empty: nothing was saved.')
  const { values } = outcome
  const issuer = statement.template === 'mep_statement' ? values.meps[0] : values.issuer
  const saved = await saveStatementDraft(db, {
    actor: auditActor(request, user),
    input: {
      caseId: setup.record.id,
      caseVersion: setup.caseData.version,
      template: statement.template,
      language: statement.language,
      title: title || statement.headline,
      body,
      place: values.place,
      date: values.date,
      issuerId: issuer ? Number(issuer) : null,
      sourceIds: statement.footnotes.map((f) => f.sourceId),
      quotes: extracted.quotes,
    },
  })
  return redirect(`/cases/${setup.record.slug}/statement?${outcome.query}&saved=${saved.id}#saved`)
}

export default function StatementPage() {
  const page = useLoaderData<typeof loader>()
  const edited = useActionData<typeof action>()
  const { preview, slug, query } = page
  const downloadBase = `/cases/${slug}/statement/download`
  return (
    <article className="statement-page" aria-labelledby="statement-title">
      <p className="breadcrumb">
        <Link to={`/cases/${slug}`}>← Back to {page.fullName}</Link>
      </p>
      <h1 id="statement-title">Generate a statement</h1>
      <p className="muted statement-page__intro">
        A first draft from the case of {page.fullName}: every fact comes from the timeline, cited as
        a footnote. Read it before it leaves the office.
      </p>
      <div className="statement-page__layout">
        <ChoicesForm
          values={page.values}
          errors={page.errors ?? undefined}
          actors={page.actors}
          searches={page.searches}
          endpoint={`/cases/${slug}/statement/actors.json`}
          query={query}
        />
        <section className="statement-page__result" aria-label="Preview">
          <FormErrorSummary
            errors={page.errors ?? undefined}
            formError={
              page.errors
                ? 'These choices cannot be used: see the messages beside the fields.'
                : null
            }
          />
          {preview && !preview.ok ? (
            <div className="alert alert--error" role="alert">
              {preview.message}
            </div>
          ) : null}
          {preview?.ok && preview.notices.length > 0 ? (
            <div className="alert alert--info statement-notices">
              <ul>
                {preview.notices.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {edited?.formError ? (
            <div className="alert alert--error" role="alert">
              {edited.formError}
            </div>
          ) : null}
          {preview?.ok ? (
            <>
              <div
                className="statement-sheet"
                dangerouslySetInnerHTML={{ __html: edited?.html ?? preview.html }}
              />
              <p className="statement-tools">
                <a className="button" href={`${downloadBase}?format=md&${query}`} download>
                  Download .md
                </a>
                <a className="button" href={`${downloadBase}?format=docx&${query}`} download>
                  Download .docx
                </a>
                <button type="button" className="button" onClick={() => window.print()}>
                  Print
                </button>
                <span className="muted">Printing without JavaScript: use the browser’s Print.</span>
              </p>
              <form method="post" className="form statement-edit">
                <input type="hidden" name="choices" value={query} />
                <input type="hidden" name="caseVersion" value={page.caseVersion} />
                <div className="field">
                  <label htmlFor="statement-text">Edit the text (Markdown)</label>
                  <p id="statement-text-hint" className="field__hint">
                    Downloads, the edited preview and saving use this text. Footnotes are saved as
                    citations of their sources.
                  </p>
                  <textarea
                    id="statement-text"
                    name="text"
                    rows={18}
                    aria-describedby="statement-text-hint"
                    defaultValue={edited?.text ?? preview.markdown}
                  />
                </div>
                <div className="form-actions">
                  <button type="submit" name="intent" value="preview" className="button">
                    Preview the edited text
                  </button>
                  <button type="submit" formAction={`${downloadBase}?format=md`} className="button">
                    Download edited .md
                  </button>
                  <button
                    type="submit"
                    formAction={`${downloadBase}?format=docx`}
                    className="button"
                  >
                    Download edited .docx
                  </button>
                  {page.canSave ? (
                    <button
                      type="submit"
                      name="intent"
                      value="save"
                      className="button button--primary"
                    >
                      Save as draft document
                    </button>
                  ) : null}
                </div>
              </form>
            </>
          ) : null}
          {page.saved ? (
            <div id="saved" className="alert alert--success statement-saved" role="status">
              <p>
                {page.saved.status === 'draft' ? 'Saved as a draft document' : 'Published'}: “
                {page.saved.title}”. <a href={`/documents/${page.saved.id}`}>Open the document</a>
              </p>
              {page.saved.status === 'draft' ? (
                <p>
                  <Link
                    className="button button--primary"
                    to={`/cases/${slug}/statement/publish?document=${page.saved.id}&target=${page.values.target}`}
                  >
                    Publish…
                  </Link>
                </p>
              ) : null}
            </div>
          ) : null}
        </section>
      </div>
    </article>
  )
}

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  {
    title: loaded
      ? `Generate a statement · ${loaded.fullName} · Case tracker`
      : 'Generate a statement · Case tracker',
  },
]

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
