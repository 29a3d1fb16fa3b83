import { Form, Link, useNavigation } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import {
  CERTAINTIES,
  CUSTODY_STATES,
  DATE_PRECISIONS,
  LEGAL_STAGES,
  RELEASE_REASONS,
} from '~/domain/vocabularies'
import { ConflictNotice, type Conflict } from './conflict-notice'
import {
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  type FieldErrors,
} from './form-fields'

export type SourceOption = {
  id: number
  title: string
  publisher: string | null
  publishedOn: string | null
  publishedPrecision: 'day' | 'month' | 'year' | null
  url: string | null
}

export type EventFormDefaults = Record<string, string | string[] | undefined>

function SourceCheckbox({ source, checked }: { source: SourceOption; checked: boolean }) {
  return (
    <label className="source-option">
      <input type="checkbox" name="sourceIds" value={source.id} defaultChecked={checked} />
      <span>
        <strong>{source.publisher ?? 'Unknown publisher'}</strong>, “{source.title}”
        {source.publishedOn && source.publishedPrecision
          ? `, ${formatPartialDate({ date: source.publishedOn, precision: source.publishedPrecision })}`
          : null}
        {source.url ? <span className="muted source-option__url"> {source.url}</span> : null}
      </span>
    </label>
  )
}

/**
 * The status-event form. Finding sources submits the form with intent "find-sources": the server
 * answers with matches and everything typed, so it works without JavaScript and loses nothing.
 */
export function EventForm({
  defaults,
  errors,
  selectedSources,
  foundSources,
  sourceQuery,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: EventFormDefaults
  errors?: FieldErrors
  selectedSources: SourceOption[]
  foundSources?: SourceOption[] | null
  sourceQuery?: string
  version?: number
  conflict?: Conflict | null
  submitLabel: string
  cancelTo: string
}) {
  const navigation = useNavigation()
  const text = (name: string) =>
    typeof defaults[name] === 'string' ? (defaults[name] as string) : ''
  const selectedIds = new Set(selectedSources.map((s) => s.id))
  const formKey = JSON.stringify([defaults, version, selectedSources.map((s) => s.id)])
  return (
    <Form method="post" className="form form--wide" noValidate key={formKey}>
      <FormErrorSummary errors={errors} />
      {conflict ? <ConflictNotice conflict={conflict} what="event" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <fieldset className="form-section">
        <legend>When</legend>
        <div className="field-row">
          <TextField
            name="eventDate"
            label="Date"
            required
            errors={errors}
            defaultValue={text('eventDate')}
            hint="YYYY-MM-DD, YYYY-MM or YYYY to match the precision. A future date is an upcoming event (e.g. a hearing)."
          />
          <SelectField
            name="datePrecision"
            label="Precision"
            required
            options={DATE_PRECISIONS}
            errors={errors}
            defaultValue={text('datePrecision') || 'day'}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>What happened</legend>
        <div className="field-row">
          <SelectField
            name="custodyState"
            label="Custody state"
            options={CUSTODY_STATES}
            emptyLabel="No change"
            errors={errors}
            defaultValue={text('custodyState')}
          />
          <SelectField
            name="legalStage"
            label="Legal stage"
            options={LEGAL_STAGES}
            emptyLabel="No change"
            errors={errors}
            defaultValue={text('legalStage')}
          />
          <SelectField
            name="releaseReason"
            label="Release reason"
            options={RELEASE_REASONS}
            emptyLabel="Not released / unknown"
            errors={errors}
            defaultValue={text('releaseReason')}
            hint="Only with “Released”."
          />
          <SelectField
            name="certainty"
            label="Certainty"
            required
            options={CERTAINTIES}
            errors={errors}
            defaultValue={text('certainty') || 'confirmed'}
            hint="Alleged facts are always shown and written as reported."
          />
        </div>
        <TextField
          name="location"
          label="Location"
          errors={errors}
          defaultValue={text('location')}
          maxLength={300}
        />
        <TextAreaField
          name="description"
          label="Description"
          errors={errors}
          defaultValue={text('description')}
          maxLength={10000}
        />
      </fieldset>
      <fieldset
        className="form-section"
        aria-describedby={errors?.sourceIds ? 'sourceIds-error' : undefined}
      >
        <legend>Sources</legend>
        {errors?.sourceIds ? (
          <p id="sourceIds-error" className="field__error">
            {errors.sourceIds[0]}
          </p>
        ) : null}
        {selectedSources.length > 0 ? (
          <div className="source-options" role="group" aria-label="Cited sources">
            {selectedSources.map((source) => (
              <SourceCheckbox key={source.id} source={source} checked />
            ))}
          </div>
        ) : (
          <p className="muted">No source picked yet.</p>
        )}
        <div className="source-search">
          <div className="field">
            <label htmlFor="sourceQuery">Find a source in the library</label>
            <input
              id="sourceQuery"
              name="sourceQuery"
              type="search"
              defaultValue={sourceQuery ?? ''}
              placeholder="Title, publisher or URL"
            />
          </div>
          <button type="submit" name="intent" value="find-sources" className="button">
            Find sources
          </button>
        </div>
        {foundSources ? (
          foundSources.length === 0 ? (
            <p className="muted">No source matches “{sourceQuery}”. Add it below.</p>
          ) : (
            <div className="source-options" role="group" aria-label="Sources found">
              {foundSources
                .filter((s) => !selectedIds.has(s.id))
                .map((source) => (
                  <SourceCheckbox key={source.id} source={source} checked={false} />
                ))}
            </div>
          )
        ) : null}
        <details
          className="new-source"
          open={Boolean(
            text('newSourceTitle') ||
            text('newSourceUrl') ||
            errors?.newSourceTitle ||
            errors?.newSourceUrl ||
            errors?.newSourceDate,
          )}
        >
          <summary>Add a new source</summary>
          <p className="field__hint">A URL already in the library is reused, not duplicated.</p>
          <TextField
            name="newSourceTitle"
            label="Title"
            errors={errors}
            defaultValue={text('newSourceTitle')}
            maxLength={1000}
          />
          <div className="field-row">
            <TextField
              name="newSourcePublisher"
              label="Publisher"
              errors={errors}
              defaultValue={text('newSourcePublisher')}
              maxLength={300}
            />
            <TextField
              name="newSourceDate"
              label="Published on"
              hint="YYYY-MM-DD"
              errors={errors}
              defaultValue={text('newSourceDate')}
            />
          </div>
          <TextField
            name="newSourceUrl"
            label="URL"
            type="url"
            errors={errors}
            defaultValue={text('newSourceUrl')}
          />
        </details>
      </fieldset>
      <div className="form-actions">
        <button
          type="submit"
          name="intent"
          value="save"
          className="button button--primary"
          disabled={navigation.state === 'submitting'}
        >
          {navigation.state === 'submitting' ? 'Saving…' : submitLabel}
        </button>
        <Link to={cancelTo} className="button">
          Cancel
        </Link>
      </div>
    </Form>
  )
}
