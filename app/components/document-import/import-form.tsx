import { Form, Link, useNavigation } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import { FormErrorSummary } from '../form-fields'

/** Step one: paste the text or choose a file. Sent as multipart so a file can come along. */
export function ImportTextForm({
  formError,
  text,
  maxMegabytes,
}: {
  formError?: string | null
  text?: string
  maxMegabytes: number
}) {
  const busy = useNavigation().state !== 'idle'
  return (
    <Form method="post" encType="multipart/form-data" className="form form--wide" noValidate>
      <FormErrorSummary formError={formError} />
      <div className="form-section">
        <div className="field">
          <label htmlFor="import-text">Text of the press release</label>
          <p id="import-text-hint" className="field__hint">
            Paste it whole: title, place and date line, text, quotes, footnotes and press contacts.
          </p>
          <textarea
            id="import-text"
            name="text"
            rows={16}
            defaultValue={text ?? ''}
            aria-describedby="import-text-hint"
            aria-invalid={formError ? true : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor="import-file">Or upload a text file</label>
          <p id="import-file-hint" className="field__hint">
            A .txt or .md file in UTF-8, at most {maxMegabytes} MB. A file is used instead of the
            pasted text.
          </p>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,text/plain,text/markdown"
            aria-describedby="import-file-hint"
          />
        </div>
      </div>
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="preview"
          className="button button--primary"
          disabled={busy}
        >
          {busy ? 'Reading…' : 'Preview import'}
        </button>
        <span className="muted">Nothing is saved until you confirm the preview.</span>
      </div>
    </Form>
  )
}

/** A document hidden from the user is only acknowledged: no id, title nor date. */
export type AlreadyImportedDocument =
  | {
      visible: true
      id: number
      title: string
      documentDate: string | null
      datePrecision: 'day' | 'month' | 'year' | null
    }
  | { visible: false }

/** The same press release is already in the tracker: say where, import nothing. */
export function AlreadyImportedNotice({ existing }: { existing: AlreadyImportedDocument }) {
  const date =
    existing.visible && existing.documentDate && existing.datePrecision
      ? formatPartialDate({ date: existing.documentDate, precision: existing.datePrecision })
      : null
  return (
    <section
      className="alert alert--info import-duplicate"
      role="status"
      aria-labelledby="duplicate-title"
    >
      <h2 id="duplicate-title">Already imported</h2>
      {existing.visible ? (
        <p>
          This press release is already in the tracker:{' '}
          <Link to={`/documents/${existing.id}`}>{existing.title}</Link>
          {date ? ` (${date})` : null}. Nothing was imported, so nothing is duplicated.
        </p>
      ) : (
        <p>
          This press release is already in the tracker, linked to a case you do not have access to.
          Nothing was imported. Ask an administrator if you need it.
        </p>
      )}
      <p>
        <Link to="/documents/import" reloadDocument>
          Import another press release
        </Link>
      </p>
    </section>
  )
}
