// The advocacy-action form, for recording and editing. Like the event form, finding sources submits
// the form with intent "find-sources": the server answers with matches and everything typed, so it
// works without JavaScript and loses nothing.
import { Form } from '@remix-run/react'
import { formatPartialDate } from '~/domain/dates'
import {
  ACTION_KINDS,
  ACTION_RESPONSES,
  DATE_PRECISIONS,
  labelOf,
  type DatePrecision,
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
import { ACTION_LIMITS } from '~/domain/field-limits'

export type { SourceOption } from './sources-fieldset'

export type ActionFormOptions = {
  actors: { id: number; name: string; kind: string }[]
  cases: { id: number; slug: string; fullName: string; country: string | null }[]
  documents: {
    id: number
    title: string
    kind: string
    documentDate: string | null
    datePrecision: DatePrecision | null
  }[]
}

export function ActionForm({
  defaults,
  errors,
  options,
  selectedSources,
  foundSources,
  sourceQuery,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: Record<string, string | string[] | undefined>
  errors?: FieldErrors
  options: ActionFormOptions
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
  const linked = new Set(Array.isArray(defaults.caseIds) ? defaults.caseIds : [])
  const actorOptions = options.actors.map((a) => ({
    value: String(a.id),
    label: `${a.name} (${labelOf(a.kind)})`,
  }))
  const formKey = JSON.stringify([defaults, version, selectedSources.map((s) => s.id)])
  return (
    <Form method="post" className="form form--wide" noValidate key={formKey}>
      <FormErrorSummary errors={errors} />
      {conflict ? <ConflictNotice conflict={conflict} what="action" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <fieldset className="form-section">
        <legend>What was done</legend>
        <div className="field-row">
          <SelectField
            name="kind"
            label="Kind of action"
            required
            options={ACTION_KINDS}
            emptyLabel="Choose…"
            errors={errors}
            defaultValue={text('kind')}
          />
          <SelectField
            name="actorId"
            label="Who acted"
            options={actorOptions}
            emptyLabel="Not recorded"
            errors={errors}
            defaultValue={text('actorId')}
          />
          <SelectField
            name="targetId"
            label="Addressed to"
            options={actorOptions}
            emptyLabel="Not recorded"
            errors={errors}
            defaultValue={text('targetId')}
          />
        </div>
        <div className="field-row">
          <TextField
            name="actionDate"
            label="Date"
            required
            errors={errors}
            defaultValue={text('actionDate')}
            hint="YYYY-MM-DD, YYYY-MM or YYYY"
          />
          <SelectField
            name="datePrecision"
            label="Precision"
            required
            options={DATE_PRECISIONS}
            errors={errors}
            defaultValue={text('datePrecision') || 'day'}
            hint="How exactly the date is known"
          />
        </div>
        <TextField
          name="title"
          label="Title"
          errors={errors}
          defaultValue={text('title')}
          maxLength={ACTION_LIMITS.title}
          hint="e.g. “Letter to the Chechen authorities calling for his release”"
        />
      </fieldset>
      <fieldset
        className="form-section"
        aria-describedby={errors?.caseIds ? 'caseIds-error' : 'caseIds-hint'}
      >
        <legend>For whom</legend>
        <p id="caseIds-hint" className="field__hint">
          One action can cover several cases, e.g. an urgency resolution on three prisoners.
        </p>
        {errors?.caseIds ? (
          <p id="caseIds-error" className="field__error">
            {errors.caseIds[0]}
          </p>
        ) : null}
        {options.cases.length === 0 ? (
          <p className="muted">No cases yet.</p>
        ) : (
          <div className="case-picker" role="group" aria-label="Linked cases">
            {options.cases.map((c) => (
              <label key={c.id} className="checkbox">
                <input
                  type="checkbox"
                  name="caseIds"
                  value={c.id}
                  defaultChecked={linked.has(String(c.id))}
                />{' '}
                {c.fullName}
                {c.country ? <span className="muted"> — {c.country}</span> : null}
              </label>
            ))}
          </div>
        )}
        <SelectField
          name="documentId"
          label="Linked document"
          options={options.documents.map((d) => ({
            value: String(d.id),
            label: `${d.title}${d.documentDate && d.datePrecision ? ` (${formatPartialDate({ date: d.documentDate, precision: d.datePrecision })})` : ''}`,
          }))}
          emptyLabel="None"
          errors={errors}
          defaultValue={text('documentId')}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Outcome</legend>
        <SelectField
          name="response"
          label="Response"
          required
          options={ACTION_RESPONSES}
          errors={errors}
          defaultValue={text('response') || 'none'}
        />
        <TextAreaField
          name="outcomeNotes"
          label="Outcome notes"
          errors={errors}
          defaultValue={text('outcomeNotes')}
          maxLength={ACTION_LIMITS.outcomeNotes}
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
