// The import preview: everything read from the pasted text as form fields the user corrects before
// "Confirm import". Nothing has been saved while this form is shown.
import { Form, Link, useNavigation } from '@remix-run/react'
import type { ImportValues } from '~/document-import/values'
import { DOCUMENT_LANGUAGES } from '~/domain/document-languages'
import { DATE_PRECISIONS } from '~/domain/vocabularies'
import { ContactFields, PartyFields, QuoteFields } from './actor-fields'
import { FootnoteFields } from './source-fields'
import type { ActorChoice } from '../document-form'
import type { FieldErrors } from '~/utils/forms'
import { FormErrorSummary, SelectField, TextAreaField, TextField } from '../form-fields'

export type ImportPreviewOptions = {
  actors: ActorChoice[]
  cases: { id: number; slug: string; fullName: string }[]
  sources: { id: number; title: string; publisher: string | null; url: string | null }[]
}

function CaseChoices({
  values,
  cases,
  errors,
}: {
  values: ImportValues
  cases: ImportPreviewOptions['cases']
  errors?: FieldErrors
}) {
  const order = (id: number) => values.caseOptions.indexOf(String(id))
  const sorted = [...cases].sort((a, b) => order(a.id) - order(b.id))
  return (
    <fieldset className="form-section">
      <legend>Cases</legend>
      {values.caseOptions.map((id) => (
        <input key={id} type="hidden" name="caseOptions" value={id} />
      ))}
      {sorted.length === 0 ? (
        <p className="muted">
          The text names none of the cases you can see. Link cases from the document page after the
          import.
        </p>
      ) : (
        <div className="checkbox-group__options" role="group" aria-label="Cases to link">
          {sorted.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                name="caseIds"
                value={c.id}
                defaultChecked={values.caseIds.includes(String(c.id))}
              />{' '}
              {c.fullName}
            </label>
          ))}
        </div>
      )}
      {errors?.caseIds ? <p className="field__error">{errors.caseIds[0]}</p> : null}
      <p className="field__hint">
        The document and its advocacy action are linked to the cases checked.
      </p>
    </fieldset>
  )
}

export function ImportPreview({
  values,
  options,
  errors,
}: {
  values: ImportValues
  options: ImportPreviewOptions
  errors?: FieldErrors
}) {
  const busy = useNavigation().state !== 'idle'
  const extraErrors = ['actors', 'sources', 'contentHash'].flatMap((k) => errors?.[k] ?? [])
  return (
    <Form
      method="post"
      className="form form--wide import-preview"
      noValidate
      key={JSON.stringify(values)}
    >
      <FormErrorSummary errors={errors} />
      {extraErrors.map((message) => (
        <p key={message} className="field__error">
          {message}
        </p>
      ))}
      <input type="hidden" name="contentHash" value={values.contentHash} />
      {values.warnings.map((warning) => (
        <input key={warning} type="hidden" name="warnings" value={warning} />
      ))}
      {values.warnings.length > 0 ? (
        <section className="alert alert--warn import-warnings" aria-labelledby="warnings-title">
          <h2 id="warnings-title">Check before importing</h2>
          <ul>
            {values.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <fieldset className="form-section">
        <legend>The press release</legend>
        <TextField
          name="title"
          label="Title"
          required
          errors={errors}
          defaultValue={values.title}
          maxLength={500}
        />
        <div className="field-row">
          <TextField
            name="place"
            label="Place"
            errors={errors}
            defaultValue={values.place}
            maxLength={200}
          />
          <TextField
            name="documentDate"
            label="Date"
            required
            errors={errors}
            defaultValue={values.documentDate}
            placeholder="YYYY-MM-DD"
          />
          <SelectField
            name="datePrecision"
            label="Precision"
            options={DATE_PRECISIONS}
            errors={errors}
            defaultValue={values.datePrecision || 'day'}
          />
          <SelectField
            name="language"
            label="Language"
            options={DOCUMENT_LANGUAGES}
            errors={errors}
            defaultValue={values.language || 'en'}
          />
        </div>
        <p className="field__hint document-date-hint">
          The date of the press release: YYYY-MM-DD, or YYYY-MM or YYYY with the precision month or
          year. The advocacy action is dated the same.
        </p>
        <TextAreaField
          name="body"
          label="Text (Markdown)"
          rows={12}
          errors={errors}
          defaultValue={values.body}
          hint="Footnote markers such as [1] become citations of the footnotes below."
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Issuer and addressee</legend>
        <p className="field__hint">
          The advocacy action recorded with the press release is by the issuer, addressed to the
          addressee.
        </p>
        <PartyFields role="issuer" values={values} actors={options.actors} errors={errors} />
        <PartyFields role="target" values={values} actors={options.actors} errors={errors} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Quotes</legend>
        <QuoteFields values={values} actors={options.actors} errors={errors} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Footnotes → sources</legend>
        <FootnoteFields values={values} sources={options.sources} errors={errors} />
      </fieldset>
      <fieldset className="form-section">
        <legend>Press contacts → actors</legend>
        <ContactFields values={values} actors={options.actors} errors={errors} />
      </fieldset>
      <CaseChoices values={values} cases={options.cases} errors={errors} />
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="confirm"
          className="button button--primary"
          disabled={busy}
        >
          {busy ? 'Importing…' : 'Confirm import'}
        </button>
        <Link to="/documents/import" className="button" reloadDocument>
          Start again
        </Link>
        <span className="muted">
          Creates the press release (published), its quotes and citations, and an advocacy action.
        </span>
      </div>
    </Form>
  )
}
