// Reading forms: FormData to a plain object (repeated names become arrays) and zod errors to the
// per-field messages the form components show.
import type { z } from 'zod'

/** Each field's messages, by the field's name, as the form components show them. */
export type FieldErrors = Partial<Record<string, string[] | undefined>>

export function formToObject(
  formData: FormData,
  arrayFields: readonly string[] = [],
): Record<string, unknown> {
  const result: Record<string, unknown> = {}
  for (const key of new Set(formData.keys())) {
    const values = formData.getAll(key).filter((v): v is string => typeof v === 'string')
    result[key] = arrayFields.includes(key) ? values : values[0]
  }
  for (const key of arrayFields) result[key] ??= []
  return result
}

/**
 * The messages of each field, as `z.flattenError(error).fieldErrors` gives them. Written out here so
 * that this module, which the pages import too, does not take zod to the browser.
 */
export function fieldErrorsOf(error: z.core.$ZodError): FieldErrors {
  const fieldErrors: Record<PropertyKey, string[]> = {}
  for (const issue of error.issues) {
    if (issue.path.length === 0) continue
    const key = issue.path[0]!
    ;(fieldErrors[key] ??= []).push(issue.message)
  }
  return fieldErrors as FieldErrors
}

/** What was typed, as strings, to put back into the form after an error. */
export function typedValues(raw: Record<string, unknown>): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {}
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value))
      values[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return values
}
