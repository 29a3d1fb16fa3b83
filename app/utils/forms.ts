// Reading forms, one way in every route: `parseForm` turns the posted form into a plain object
// (repeated names become arrays), validates it with the form's zod schema, and answers either the
// schema's output or each field's messages — with what was typed, so the form keeps it.
import type { z } from 'zod'

/** Each field's messages, by the field's name, as the form components show them. */
export type FieldErrors = Partial<Record<string, string[] | undefined>>

/** What was typed, as strings, by field name: what a form is filled with again after an error. */
export type FormValues = Record<string, string | string[]>

/** A read form: the schema's output, or each field's messages; either way what was typed. */
export type FormSubmission<Output> =
  | {
      success: true
      data: Output
      /** The fields the schema read (after `prepare`), for a reader that needs another one. */
      fields: Record<string, unknown>
      values: FormValues
      fieldErrors?: undefined
    }
  | {
      success: false
      data?: undefined
      fields: Record<string, unknown>
      values: FormValues
      fieldErrors: FieldErrors
    }

export type ParseFormOptions = {
  /** Names the form repeats (checkboxes, multi-selects): read as lists, empty when absent. */
  arrayFields?: readonly string[]
  /** Changes what the schema reads, e.g. fields the user may not set replaced by saved ones. */
  prepare?: (fields: Record<string, unknown>) => Record<string, unknown>
}

/**
 * Reads a form and validates it with `schema`. `form` is the request (its body is read), its
 * FormData, or fields already read (a reader that looked at them first, such as a source search).
 */
export async function parseForm<Schema extends z.ZodType>(
  form: Request | FormData | Record<string, unknown>,
  schema: Schema,
  { arrayFields = [], prepare }: ParseFormOptions = {},
): Promise<FormSubmission<z.output<Schema>>> {
  const read = isRequest(form)
    ? formToObject(await form.formData(), arrayFields)
    : isFormData(form)
      ? formToObject(form, arrayFields)
      : form
  const fields = prepare ? prepare(read) : read
  const values = typedValues(fields)
  const parsed = schema.safeParse(fields)
  if (parsed.success) return { success: true, data: parsed.data, fields, values }
  return { success: false, fields, values, fieldErrors: fieldErrorsOf(parsed.error) }
}

function isRequest(value: unknown): value is Request {
  return typeof (value as Request).formData === 'function' && 'headers' in (value as Request)
}

function isFormData(value: unknown): value is FormData {
  return typeof (value as FormData).getAll === 'function'
}

/** A form's fields as a plain object: the first value of each name, a list for `arrayFields`. */
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
export function typedValues(raw: Record<string, unknown>): FormValues {
  const values: FormValues = {}
  for (const [key, value] of Object.entries(raw)) {
    if (typeof value === 'string') values[key] = value
    else if (Array.isArray(value))
      values[key] = value.filter((v): v is string => typeof v === 'string')
  }
  return values
}
