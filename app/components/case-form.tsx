import { Form } from '@remix-run/react'
import { GENDER_LABELS, GENDERS } from '~/domain/person'
import {
  CONSENTS,
  DATE_PRECISIONS,
  GROUNDS,
  RISK_LEVELS,
  VISIBILITIES,
  labelOf,
} from '~/domain/vocabularies'
import type { Conflict } from '~/domain/conflict'
import { ConflictNotice } from './conflict-notice'
import type { FieldErrors } from '~/utils/forms'
import {
  CheckboxGroup,
  FormErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  SaveOrCancel,
} from './form-fields'
import { CASE_LIMITS } from '~/domain/field-limits'

export type CaseFormDefaults = Record<string, string | string[] | undefined>

/** A value shown but not sent: the server keeps what is saved whatever is posted. */
function ReadOnlyField({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <div className="field" role="group" aria-labelledby={`${id}-label`}>
      <strong id={`${id}-label`}>{label}</strong>
      <span>{value}</span>
    </div>
  )
}

/**
 * Every editable case field. Values are what was saved, or what the user typed before an error.
 * Visibility and consent are an access grant: only a user who may manage access changes them.
 */
export function CaseForm({
  defaults,
  errors,
  formError,
  owners,
  canManageAccess,
  version,
  conflict,
  submitLabel,
  cancelTo,
}: {
  defaults: CaseFormDefaults
  errors?: FieldErrors
  formError?: string | null
  owners: { id: number; name: string }[]
  canManageAccess: boolean
  version?: number
  conflict?: Conflict | null
  submitLabel: string
  cancelTo: string
}) {
  const text = (name: string) =>
    typeof defaults[name] === 'string' ? (defaults[name] as string) : ''
  const list = (name: string) => (Array.isArray(defaults[name]) ? (defaults[name] as string[]) : [])
  // A failed save re-renders the form with what was typed: the key makes React take the new defaults.
  const formKey = JSON.stringify([defaults, version])
  return (
    <Form method="post" className="form form--wide" noValidate key={formKey}>
      <FormErrorSummary errors={errors} formError={conflict ? null : formError} />
      {conflict ? <ConflictNotice conflict={conflict} /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      {errors?.version ? <p className="field__error">{errors.version[0]}</p> : null}
      <fieldset className="form-section">
        <legend>Who</legend>
        <TextField
          name="fullName"
          label="Full name"
          required
          errors={errors}
          defaultValue={text('fullName')}
          maxLength={CASE_LIMITS.fullName}
        />
        <TextAreaField
          name="aliases"
          label="Aliases and transliterations"
          hint="One per line, in any script (e.g. Cyrillic)."
          rows={3}
          errors={errors}
          defaultValue={text('aliases')}
        />
        <TextField
          name="displayName"
          label="Display name or pseudonym"
          hint="Used in public statements when the person must not be named."
          errors={errors}
          defaultValue={text('displayName')}
          maxLength={CASE_LIMITS.displayName}
        />
        <TextField
          name="nationality"
          label="Nationality"
          errors={errors}
          defaultValue={text('nationality')}
          maxLength={CASE_LIMITS.nationality}
        />
        <div className="field-row">
          <SelectField
            name="gender"
            label="Gender (sensitive)"
            hint="Unknown unless a source says."
            options={GENDERS.map((value) => ({ value, label: GENDER_LABELS[value] }))}
            errors={errors}
            defaultValue={text('gender') || 'unknown'}
          />
          <TextField
            name="dateOfBirth"
            label="Date of birth (sensitive)"
            hint="YYYY, YYYY-MM or YYYY-MM-DD."
            errors={errors}
            defaultValue={text('dateOfBirth')}
            maxLength={CASE_LIMITS.dateOfBirth}
            placeholder="e.g. 1985-03"
          />
          <SelectField
            name="dateOfBirthPrecision"
            label="Precision of the date of birth"
            hint="As typed: read from the date."
            options={DATE_PRECISIONS}
            emptyLabel="As typed"
            errors={errors}
            defaultValue={text('dateOfBirthPrecision')}
          />
        </div>
        <p className="field__hint">
          Give the date of birth as far as it is known (a year is enough), or leave it empty. Gender
          and date of birth are sensitive, like grounds: never in statements or other public
          outputs, and the History records that they changed, not their values.
        </p>
      </fieldset>
      <fieldset className="form-section">
        <legend>Where and why</legend>
        <div className="field-row">
          <TextField
            name="country"
            label="Country of detention or risk"
            errors={errors}
            defaultValue={text('country')}
            maxLength={CASE_LIMITS.country}
          />
          <TextField
            name="region"
            label="Region"
            errors={errors}
            defaultValue={text('region')}
            maxLength={CASE_LIMITS.region}
          />
        </div>
        <CheckboxGroup
          name="grounds"
          label="Grounds of persecution (sensitive)"
          hint="Never shown outside the signed-in app unless consent is given."
          options={GROUNDS}
          errors={errors}
          defaultValues={list('grounds')}
        />
        <TextAreaField
          name="summary"
          label="Summary"
          rows={5}
          errors={errors}
          defaultValue={text('summary')}
          maxLength={CASE_LIMITS.summary}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Handling</legend>
        <div className="field-row">
          <SelectField
            name="riskLevel"
            label="Risk level"
            required
            options={RISK_LEVELS}
            errors={errors}
            defaultValue={text('riskLevel') || 'medium'}
          />
          {canManageAccess ? (
            <>
              <SelectField
                name="visibility"
                label="Visibility"
                required
                options={VISIBILITIES}
                errors={errors}
                defaultValue={text('visibility') || 'internal'}
                hint="Restricted: only admins and people granted access."
              />
              <SelectField
                name="consent"
                label="Consent to publicity"
                required
                options={CONSENTS}
                errors={errors}
                defaultValue={text('consent') || 'unknown'}
              />
            </>
          ) : (
            <>
              <ReadOnlyField
                id="visibility"
                label="Visibility"
                value={labelOf(text('visibility') || 'internal')}
              />
              <ReadOnlyField
                id="consent"
                label="Consent to publicity"
                value={labelOf(text('consent') || 'unknown')}
              />
            </>
          )}
          <SelectField
            name="ownerId"
            label="Owner"
            options={owners.map((o) => ({ value: String(o.id), label: o.name }))}
            emptyLabel="Unassigned"
            errors={errors}
            defaultValue={text('ownerId')}
          />
        </div>
        <TextAreaField
          name="internalNotes"
          label="Internal notes (sensitive)"
          rows={3}
          errors={errors}
          defaultValue={text('internalNotes')}
          maxLength={CASE_LIMITS.internalNotes}
        />
        {canManageAccess ? null : (
          <p className="field__hint">
            Who may see the case and whether it may be made public are set by an administrator.
          </p>
        )}
      </fieldset>
      <SaveOrCancel submitLabel={submitLabel} cancelTo={cancelTo} />
    </Form>
  )
}
