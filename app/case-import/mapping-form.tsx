// The mapping screen: what each column of the file becomes, a value for every row, and the rule for
// values that are not dates in a date column. A plain form: it works without JavaScript.
import { Form } from '@remix-run/react'
import { GENDER_LABELS, GENDERS } from '~/domain/person'
import { CUSTODY_STATES, GROUNDS, labelOf, RISK_LEVELS } from '~/domain/vocabularies'
import {
  CASE_IMPORT_FIELDS,
  CONSTANT_FIELDS,
  FIELD_LABELS,
  type ConstantField,
  type ImportMapping,
} from './fields'
import { targetValue } from './mapping'

type Errors = Record<string, string>

const CONSTANT_CHOICES: Partial<Record<ConstantField, { value: string; label: string }[]>> = {
  custodyState: CUSTODY_STATES.map((v) => ({ value: v, label: labelOf(v) })),
  grounds: GROUNDS.map((v) => ({ value: v, label: labelOf(v) })),
  riskLevel: RISK_LEVELS.map((v) => ({ value: v, label: labelOf(v) })),
  gender: GENDERS.map((v) => ({ value: v, label: GENDER_LABELS[v] })),
}

const describedBy = (...ids: (string | false)[]) => ids.filter(Boolean).join(' ') || undefined

export function MappingForm({
  labels,
  examples,
  mapping,
  errors,
}: {
  labels: string[]
  examples: string[][]
  mapping: ImportMapping
  errors: Errors
}) {
  return (
    <Form method="post" className="form form--wide" noValidate>
      {errors.mapping ? (
        <p className="alert alert--error" role="alert" id="mapping-error">
          {errors.mapping}
        </p>
      ) : null}
      <fieldset className="form-section">
        <legend>
          <h2>Columns of the file</h2>
        </legend>
        <p className="field__hint">
          Each column becomes a case field, events from its dates, or lines “Column: value” in the
          case’s internal notes — so nothing in the file is lost unless you choose “Leave out”.
          Values that are not dates (“life”, “unknown”) in a date column are never turned into a
          date: they go to the notes or are left out, as you choose.
        </p>
        <div className="table-wrap">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">First values</th>
                <th scope="col">Becomes</th>
                <th scope="col">For events from dates</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((label, i) => {
                const target = mapping.columns[i] ?? { kind: 'notes' as const }
                const error = errors[`column-${i}`]
                const stateError = errors[`state-${i}`]
                return (
                  <tr key={i}>
                    <th scope="row">{label}</th>
                    <td className="muted">{(examples[i] ?? []).join(' · ') || '(empty)'}</td>
                    <td>
                      <label htmlFor={`column-${i}`} className="visually-hidden">
                        What the column “{label}” becomes
                      </label>
                      <select
                        id={`column-${i}`}
                        name={`column-${i}`}
                        defaultValue={targetValue(target)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={describedBy(Boolean(error) && `column-${i}-error`)}
                      >
                        <optgroup label="Case field">
                          {CASE_IMPORT_FIELDS.map((f) => (
                            <option key={f} value={f}>
                              {FIELD_LABELS[f]}
                            </option>
                          ))}
                        </optgroup>
                        <option value="event">Events from the dates in this column</option>
                        <option value="notes">Internal notes (“{label}: value”)</option>
                        <option value="ignore">Leave out</option>
                      </select>
                      {error ? (
                        <p id={`column-${i}-error`} className="field__error">
                          {error}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <label htmlFor={`state-${i}`}>Custody state of the events</label>
                      <select
                        id={`state-${i}`}
                        name={`state-${i}`}
                        defaultValue={target.kind === 'event' ? target.state : 'detained'}
                        aria-invalid={stateError ? true : undefined}
                        aria-describedby={describedBy(Boolean(stateError) && `state-${i}-error`)}
                      >
                        {CUSTODY_STATES.map((s) => (
                          <option key={s} value={s}>
                            {labelOf(s)}
                          </option>
                        ))}
                        <option value="from_column">The row’s custody state column</option>
                      </select>
                      {stateError ? (
                        <p id={`state-${i}-error`} className="field__error">
                          {stateError}
                        </p>
                      ) : null}
                      <label htmlFor={`nonDate-${i}`}>Values that are not dates</label>
                      <select
                        id={`nonDate-${i}`}
                        name={`nonDate-${i}`}
                        defaultValue={target.kind === 'event' ? target.nonDate : 'note'}
                      >
                        <option value="note">Go to the notes</option>
                        <option value="ignore">Are left out</option>
                      </select>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>
          <h2>A value for every row</h2>
        </legend>
        <p className="field__hint" id="constants-hint">
          For a file without such a column (a national list with no country column): the value is
          used for every row whose own cell is empty or missing.
        </p>
        <div className="field-row">
          {CONSTANT_FIELDS.map((field) => {
            const id = `constant-${field}`
            const error = errors[id]
            const choices = CONSTANT_CHOICES[field]
            const common = {
              id,
              name: id,
              defaultValue: mapping.constants[field] ?? '',
              'aria-invalid': error ? true : undefined,
              'aria-describedby': describedBy('constants-hint', Boolean(error) && `${id}-error`),
            }
            return (
              <div className="field" key={field}>
                <label htmlFor={id}>{FIELD_LABELS[field]}</label>
                {choices ? (
                  <select {...common}>
                    <option value="">(none)</option>
                    {choices.map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input type="text" maxLength={100} {...common} />
                )}
                {error ? (
                  <p id={`${id}-error`} className="field__error">
                    {error}
                  </p>
                ) : null}
              </div>
            )
          })}
        </div>
      </fieldset>
      <div className="form-actions">
        <button type="submit" name="intent" value="dry-run" className="button button--primary">
          Run the dry run
        </button>
        <span className="muted">
          The dry run changes nothing: it shows what the import would do.
        </span>
      </div>
    </Form>
  )
}
