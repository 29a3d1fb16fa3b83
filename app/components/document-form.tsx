import { Form } from '@remix-run/react'
import { DOCUMENT_LANGUAGES } from '~/domain/document-languages'
import { DATE_PRECISIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES, labelOf } from '~/domain/vocabularies'
import type { Conflict } from '~/domain/conflict'
import { ConflictNotice } from './conflict-notice'
import type { FieldErrors } from '~/utils/forms'
import {
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  SaveOrCancel,
} from './form-fields'

export type ActorChoice = { id: number; name: string; kind: string }

/** Actors as select options: "Malin Björk (MEP)". */
export function actorOptions(actors: readonly ActorChoice[]) {
  return actors.map((a) => ({ value: String(a.id), label: `${a.name} (${labelOf(a.kind)})` }))
}

/** The language select: the common languages, plus the saved one if it is not among them. */
function languageOptions(current: string) {
  const known = DOCUMENT_LANGUAGES.some((l) => l.value === current)
  return known || !current
    ? DOCUMENT_LANGUAGES
    : [...DOCUMENT_LANGUAGES, { value: current, label: current.toUpperCase() }]
}

/** The document form (create and edit). Works without JavaScript; errors sit beside their field. */
export function DocumentForm({
  defaults,
  errors,
  actors,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: Record<string, string | string[] | undefined>
  errors?: FieldErrors
  actors: readonly ActorChoice[]
  version?: number
  conflict?: Conflict | null
  submitLabel: string
  cancelTo: string
}) {
  const text = (name: string) =>
    typeof defaults[name] === 'string' ? (defaults[name] as string) : ''
  return (
    <Form
      method="post"
      className="form form--wide"
      noValidate
      key={JSON.stringify([defaults, version])}
    >
      <FormErrorSummary errors={errors} />
      {conflict ? <ConflictNotice conflict={conflict} what="document" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <fieldset className="form-section">
        <legend>Document</legend>
        <div className="field-row">
          <SelectField
            name="kind"
            label="Kind"
            required
            options={DOCUMENT_KINDS}
            errors={errors}
            defaultValue={text('kind') || 'press_release'}
          />
          <SelectField
            name="status"
            label="Status"
            required
            options={DOCUMENT_STATUSES}
            errors={errors}
            defaultValue={text('status') || 'draft'}
          />
          <SelectField
            name="language"
            label="Language"
            required
            options={languageOptions(text('language'))}
            errors={errors}
            defaultValue={text('language') || 'en'}
          />
        </div>
        <TextField
          name="title"
          label="Title"
          required
          errors={errors}
          defaultValue={text('title')}
          maxLength={500}
        />
        <SelectField
          name="issuerId"
          label="Issuer"
          options={actorOptions(actors)}
          emptyLabel="Not recorded"
          errors={errors}
          defaultValue={text('issuerId')}
          hint="Who issued it. Add a missing actor on the Actors page first."
        />
        <div className="field-row">
          <TextField
            name="place"
            label="Place"
            errors={errors}
            defaultValue={text('place')}
            maxLength={200}
            placeholder="e.g. Brussels"
          />
          <TextField
            name="documentDate"
            label="Date"
            errors={errors}
            defaultValue={text('documentDate')}
            placeholder="YYYY-MM-DD"
          />
          <SelectField
            name="datePrecision"
            label="Precision"
            options={DATE_PRECISIONS}
            errors={errors}
            defaultValue={text('datePrecision') || 'day'}
          />
        </div>
        <p className="field__hint document-date-hint">
          Dates: YYYY-MM-DD, or YYYY-MM or YYYY with the precision month or year. Leave empty if
          unknown.
        </p>
        <TextField
          name="url"
          label="Web address"
          type="url"
          errors={errors}
          defaultValue={text('url')}
          hint="Where the document is published (http:// or https://)."
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Text</legend>
        <TextAreaField
          name="body"
          label="Text (Markdown)"
          rows={16}
          errors={errors}
          defaultValue={text('body')}
          maxLength={200_000}
          hint={
            <>
              Markdown: a blank line between paragraphs, *italic*, **bold**, [link](https://…).
              Write <code>[1]</code> where the first source cited for the document applies,{' '}
              <code>[2]</code> for the second, and so on; cite the sources from the document page.
            </>
          }
        />
      </fieldset>
      <SaveOrCancel submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  )
}
