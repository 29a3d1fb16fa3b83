import { Form } from '@remix-run/react'
import {
  CERTAINTIES,
  CUSTODY_STATES,
  DATE_PRECISIONS,
  LEGAL_STAGES,
  RELEASE_REASONS,
} from '~/domain/vocabularies'
import type { Conflict } from '~/domain/conflict'
import { ConflictNotice } from './conflict-notice'
import { SourcesFieldset, type SourceOption } from './sources-fieldset'
import type { FieldErrors } from '~/utils/forms'
import {
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  SaveOrCancel,
} from './form-fields'
import { EVENT_LIMITS } from '~/domain/field-limits'

export type { SourceOption } from './sources-fieldset'

export type EventFormDefaults = Record<string, string | string[] | undefined>

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
  const text = (name: string) =>
    typeof defaults[name] === 'string' ? (defaults[name] as string) : ''
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
          maxLength={EVENT_LIMITS.location}
        />
        <TextAreaField
          name="description"
          label="Description"
          errors={errors}
          defaultValue={text('description')}
          maxLength={EVENT_LIMITS.description}
        />
      </fieldset>
      <SourcesFieldset
        selectedSources={selectedSources}
        foundSources={foundSources}
        sourceQuery={sourceQuery}
        errors={errors}
        text={text}
      />
      <SaveOrCancel submitLabel={submitLabel} cancelTo={cancelTo} intent="save" />
    </Form>
  )
}
