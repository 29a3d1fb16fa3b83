// The status-event form: a partial date, what changed, how sure we are, and the sources it rests on
// (picked from the library or one added inline).
import { z } from 'zod'
import { parsePartialDate } from './dates'
import {
  DATE_INPUT_LENGTH,
  EVENT_LIMITS as LIMITS,
  formatLimit,
  NEW_SOURCE_LIMITS,
} from './field-limits'
import {
  CERTAINTIES,
  CUSTODY_STATES,
  DATE_PRECISIONS,
  LEGAL_STAGES,
  RELEASE_REASONS,
} from './vocabularies'

const optionalChoice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z
    .string()
    .default('')
    .transform((value) => (value === '' ? null : value))
    .pipe(z.enum(values as [T, ...T[]], { message }).nullable())

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be at most ${max} characters`)
    .default('')
    .transform((value) => (value === '' ? null : value))

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:'
  } catch {
    return false
  }
}

export const EventFormSchema = z
  .object({
    eventDate: z.string().default(''),
    datePrecision: z.enum(DATE_PRECISIONS, { message: 'Choose day, month or year' }),
    custodyState: optionalChoice(CUSTODY_STATES, 'Choose a custody state from the list'),
    legalStage: optionalChoice(LEGAL_STAGES, 'Choose a legal stage from the list'),
    releaseReason: optionalChoice(RELEASE_REASONS, 'Choose a release reason from the list'),
    certainty: z.enum(CERTAINTIES, { message: 'Choose confirmed or alleged' }),
    location: optionalText(LIMITS.location, 'The location'),
    description: z
      .string()
      .trim()
      .max(
        LIMITS.description,
        `The description can be at most ${formatLimit(LIMITS.description)} characters`,
      )
      .default(''),
    sourceIds: z
      .array(z.coerce.number().int().positive())
      .max(LIMITS.sources, `At most ${LIMITS.sources} sources`)
      .default([]),
    newSourceTitle: optionalText(NEW_SOURCE_LIMITS.title, 'The title'),
    newSourcePublisher: optionalText(NEW_SOURCE_LIMITS.publisher, 'The publisher'),
    newSourceDate: optionalText(DATE_INPUT_LENGTH, 'The date'),
    newSourceUrl: optionalText(NEW_SOURCE_LIMITS.url, 'The URL'),
  })
  // Cross-field rules are checked together so the form shows every problem at once.
  .transform((form, ctx) => {
    const fail = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message })
    const date = parsePartialDate(form.eventDate, form.datePrecision)
    if (!date.ok) fail('eventDate', date.error)
    if (form.releaseReason && form.custodyState !== 'released') {
      fail('releaseReason', 'A release reason goes only with the custody state "Released"')
    }
    if (!form.custodyState && !form.legalStage && !form.description) {
      fail('description', 'Describe what happened, or choose a custody state or legal stage')
    }
    let newSourceDate: string | null = null
    if (form.newSourceDate) {
      const parsed = parsePartialDate(form.newSourceDate, 'day')
      if (parsed.ok) newSourceDate = parsed.value.date
      else fail('newSourceDate', parsed.error)
    }
    if (form.newSourceUrl && !isHttpUrl(form.newSourceUrl)) {
      fail('newSourceUrl', 'Enter a web address starting with http:// or https://')
    }
    const hasNewSource = Boolean(
      form.newSourceTitle || form.newSourceUrl || form.newSourcePublisher,
    )
    if (hasNewSource && !form.newSourceTitle) fail('newSourceTitle', 'Give the new source a title')
    if (form.certainty === 'confirmed' && form.sourceIds.length === 0 && !hasNewSource) {
      fail(
        'sourceIds',
        'A confirmed event needs at least one source. Pick or add one, or mark the event as alleged.',
      )
    }
    if (!date.ok || ctx.issues.length > 0) return z.NEVER
    return {
      fields: {
        eventDate: date.value.date,
        datePrecision: date.value.precision,
        custodyState: form.custodyState,
        legalStage: form.legalStage,
        releaseReason: form.releaseReason,
        certainty: form.certainty,
        location: form.location,
        description: form.description,
      },
      sourceIds: [...new Set(form.sourceIds)],
      newSource: hasNewSource
        ? {
            title: form.newSourceTitle!,
            publisher: form.newSourcePublisher,
            publishedOn: newSourceDate,
            url: form.newSourceUrl,
          }
        : null,
    }
  })

export type EventFormOutput = z.output<typeof EventFormSchema>
export type NewSourceInput = NonNullable<EventFormOutput['newSource']>
