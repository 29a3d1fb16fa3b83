import { Form, Link } from '@remix-run/react'
import {
  DATE_PRECISIONS,
  RELIABILITIES,
  SOURCE_KINDS,
  labelOf,
  type Reliability,
} from '~/domain/vocabularies'
import type { Conflict } from '~/domain/conflict'
import { ConflictNotice } from './conflict-notice'
import type { FieldErrors } from '~/utils/forms'
import { FormErrorSummary, SelectField, TextField, SaveOrCancel } from './form-fields'

export type FormDefaults = Record<string, string | string[] | undefined>

const RELIABILITY_TONE: Record<Reliability, string> = {
  high: 'badge--ok',
  medium: 'badge--neutral',
  low: 'badge--warn',
  unverified: 'badge--outline',
}

export function ReliabilityBadge({
  reliability,
  named = false,
}: {
  reliability: Reliability
  named?: boolean
}) {
  return (
    <span className={`badge ${RELIABILITY_TONE[reliability]}`}>
      {named ? 'Reliability: ' : null}
      {labelOf(reliability)}
    </span>
  )
}

/** The source holding the URL typed; only `hidden` when the user may not see that source. */
export type DuplicateUrl = { id: number; title: string } | { hidden: true }

/** Every field of a source. Values are what was saved, or what was typed before an error. */
export function SourceForm({
  defaults,
  errors,
  duplicate,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: FormDefaults
  errors?: FieldErrors
  duplicate?: DuplicateUrl | null
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
      {duplicate && 'hidden' in duplicate ? (
        <div className="alert alert--error" role="alert">
          A source with this URL is already in the library, linked to a record you cannot open.
          Nothing was saved: ask an admin, or correct the URL.
        </div>
      ) : duplicate ? (
        <div className="alert alert--error" role="alert">
          This URL is already in the library as{' '}
          <Link to={`/sources/${duplicate.id}`}>“{duplicate.title}”</Link>. Nothing was saved: cite
          that source instead, or correct the URL.
        </div>
      ) : null}
      {conflict ? <ConflictNotice conflict={conflict} what="source" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <fieldset className="form-section">
        <legend>What it is</legend>
        <TextField
          name="title"
          label="Title"
          required
          errors={errors}
          defaultValue={text('title')}
          maxLength={1000}
        />
        <TextField
          name="publisher"
          label="Publisher"
          errors={errors}
          defaultValue={text('publisher')}
          maxLength={300}
        />
        <div className="field-row">
          <TextField
            name="publishedOn"
            label="Published"
            hint="YYYY-MM-DD, YYYY-MM or YYYY."
            errors={errors}
            defaultValue={text('publishedOn')}
            maxLength={10}
            placeholder="2023-02-16"
          />
          <SelectField
            name="publishedPrecision"
            label="Precision"
            hint="How much of the date is known."
            options={DATE_PRECISIONS}
            errors={errors}
            defaultValue={text('publishedPrecision') || 'day'}
          />
        </div>
        <div className="field-row">
          <SelectField
            name="kind"
            label="Kind"
            required
            options={SOURCE_KINDS}
            errors={errors}
            defaultValue={text('kind') || 'news'}
          />
          <SelectField
            name="reliability"
            label="Reliability"
            required
            options={RELIABILITIES}
            errors={errors}
            defaultValue={text('reliability') || 'unverified'}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>Where to find it</legend>
        <TextField
          name="url"
          label="URL"
          type="url"
          hint="Starting with http:// or https://. Leave empty if the link is lost: the source shows “link missing”."
          errors={errors}
          defaultValue={text('url')}
          maxLength={2000}
        />
        <TextField
          name="archivedUrl"
          label="Archived URL"
          type="url"
          hint="A copy in a web archive, e.g. https://web.archive.org/…"
          errors={errors}
          defaultValue={text('archivedUrl')}
          maxLength={2000}
        />
        <TextField
          name="accessedOn"
          label="Accessed on"
          hint="YYYY-MM-DD: the day someone last checked the page."
          errors={errors}
          defaultValue={text('accessedOn')}
          maxLength={10}
        />
      </fieldset>
      <SaveOrCancel submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  )
}
