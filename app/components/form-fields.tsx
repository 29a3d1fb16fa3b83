// Form fields with their label, hint and error wired together for screen readers: the error sits
// beside its field, and the field keeps what was typed.
import { Link, useNavigation } from '@remix-run/react'
import type { ReactNode } from 'react'
import { labelOf } from '~/domain/vocabularies'
import type { FieldErrors } from '~/utils/forms'

type Common = {
  name: string
  label: string
  errors?: FieldErrors
  hint?: ReactNode
  required?: boolean
  id?: string
}

function describedBy(id: string, hasHint: boolean, error: string | undefined) {
  return (
    [hasHint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined
  )
}

function FieldShell({
  id,
  label,
  hint,
  error,
  required,
  children,
}: {
  id: string
  label: string
  hint?: ReactNode
  error?: string
  required?: boolean
  children: ReactNode
}) {
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {required ? <span className="field__required"> (required)</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  )
}

export function TextField({
  name,
  label,
  errors,
  hint,
  required,
  id = name,
  defaultValue,
  type = 'text',
  ...rest
}: Common & {
  defaultValue?: string | null
  type?: string
  maxLength?: number
  placeholder?: string
  autoComplete?: string
}) {
  const error = errors?.[name]?.[0]
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
        {...rest}
      />
    </FieldShell>
  )
}

export function TextAreaField({
  name,
  label,
  errors,
  hint,
  required,
  id = name,
  defaultValue,
  rows = 4,
  maxLength,
}: Common & { defaultValue?: string | null; rows?: number; maxLength?: number }) {
  const error = errors?.[name]?.[0]
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      />
    </FieldShell>
  )
}

export function SelectField({
  name,
  label,
  errors,
  hint,
  required,
  id = name,
  defaultValue,
  options,
  emptyLabel,
}: Common & {
  defaultValue?: string | null
  options: readonly (string | { value: string; label: string })[]
  emptyLabel?: string
}) {
  const error = errors?.[name]?.[0]
  return (
    <FieldShell id={id} label={label} hint={hint} error={error} required={required}>
      <select
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, Boolean(hint), error)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => {
          const { value, label: text } =
            typeof option === 'string' ? { value: option, label: labelOf(option) } : option
          return (
            <option key={value} value={value}>
              {text}
            </option>
          )
        })}
      </select>
    </FieldShell>
  )
}

export function CheckboxGroup({
  name,
  label,
  errors,
  hint,
  defaultValues = [],
  options,
}: Common & { defaultValues?: readonly string[]; options: readonly string[] }) {
  const error = errors?.[name]?.[0]
  return (
    <fieldset
      className="field checkbox-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${name}-error` : undefined}
    >
      <legend>{label}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="checkbox-group__options">
        {options.map((option) => (
          <label key={option} className="checkbox">
            <input
              type="checkbox"
              name={name}
              value={option}
              defaultChecked={defaultValues.includes(option)}
            />{' '}
            {labelOf(option)}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${name}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  )
}

/** The banner at the top of a form that failed: says how many fields need attention. */
export function FormErrorSummary({
  errors,
  formError,
}: {
  errors?: FieldErrors
  formError?: string | null
}) {
  const count = Object.values(errors ?? {}).filter((list) => list && list.length > 0).length
  if (!formError && count === 0) return null
  return (
    <div className="alert alert--error" role="alert">
      {formError ??
        `Nothing was saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`}
    </div>
  )
}

/**
 * Save and Cancel at the foot of an edit form. The save button names its intent ("save") where the
 * form also has other submit buttons, such as the library search.
 */
export function SaveOrCancel({
  submitLabel,
  cancelTo,
  intent,
}: {
  submitLabel: string
  cancelTo: string
  intent?: string
}) {
  const navigation = useNavigation()
  const saving = navigation.state === 'submitting'
  return (
    <div className="form-actions">
      <button
        type="submit"
        {...(intent ? { name: 'intent', value: intent } : {})}
        className="button button--primary"
        disabled={saving}
      >
        {saving ? 'Saving…' : submitLabel}
      </button>
      <Link to={cancelTo} className="button">
        Cancel
      </Link>
    </div>
  )
}
