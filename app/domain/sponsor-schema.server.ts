// The sponsorship forms (issue 13 §4): add a sponsor (an actor picked by the search box, or the words
// typed without JavaScript), since a partial date, with a note; remove one. Server-only, so zod stays
// out of the browser build.
import { z } from 'zod'
import { parsePartialDate, type PartialDate } from './dates'
import { DATE_PRECISIONS } from './vocabularies'
import { MAX_ID } from '~/utils/record-id'

/** Actors who can sponsor a case: people. MEPs are offered first. */
export const SPONSOR_ACTOR_KINDS = ['mep', 'person'] as const

const actorId = z
  .string()
  .trim()
  .default('')
  .transform((value) => (value === '' ? null : Number(value)))
  .pipe(z.number().int().positive().max(MAX_ID).nullable())

export const AddSponsorSchema = z
  .object({
    intent: z.literal('add'),
    actorId,
    actorQ: z.string().trim().max(200, 'Type at most 200 characters').default(''),
    since: z.string().trim().max(10).default(''),
    sincePrecision: z.enum(DATE_PRECISIONS).default('day'),
    note: z.string().trim().max(2000, 'The note can be at most 2,000 characters').default(''),
  })
  .transform((form, ctx) => {
    let since: PartialDate | null = null
    if (form.since) {
      const parsed = parsePartialDate(form.since, form.sincePrecision)
      if (parsed.ok) since = parsed.value
      else ctx.addIssue({ code: 'custom', path: ['since'], message: parsed.error })
    }
    if (form.actorId === null && !form.actorQ)
      ctx.addIssue({
        code: 'custom',
        path: ['actorQ'],
        message: 'Type part of a name to find them',
      })
    return { actorId: form.actorId, actorQ: form.actorQ, since, note: form.note }
  })

export type AddSponsorInput = z.infer<typeof AddSponsorSchema>

export const RemoveSponsorSchema = z.object({
  intent: z.literal('remove'),
  actorId: actorId.pipe(z.number({ message: 'Choose a sponsor to remove' })),
  confirm: z.literal('yes', { message: 'Tick the box to confirm the removal' }),
})
