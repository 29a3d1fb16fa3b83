// The generator's choices as the URL holds them (a GET form, so a preview is a link and works
// without JavaScript): reading them, filling defaults, checking them against the actors that exist,
// and writing them back as a query string. Pure: the actors and defaults are passed in.
import { z } from 'zod'
import { isValidIsoDay } from '~/domain/dates'
import type { StatementChoices } from './facts'
import { MAX_QUOTE_LENGTH } from './facts'
import { LANGUAGE_CODES, isLanguageCode, type LanguageCode } from './lang'
import {
  QUESTION_ADDRESSEES,
  TEMPLATE_IDS,
  type QuestionAddressee,
  type StatementActor,
  type TemplateId,
} from './types'

export type ChoiceValues = {
  template: string
  lang: string
  issuer: string
  target: string
  meps: string[]
  quotes: Record<string, string>
  contacts: string[]
  place: string
  date: string
  addressee: string
  link: string
}

export type ChoiceErrors = Partial<Record<string, string[]>>

export type ChoiceDefaults = {
  issuerId: number | null
  targetId: number | null
  /** The MEPs quoted in earlier documents of the case, with what they said last. */
  quotedMeps: { actorId: number; quote: string }[]
  contactIds: number[]
  today: string
}

const quoteKey = (actorId: string | number) => `quote-${actorId}`

/** What the URL says, with defaults where it says nothing; the MEPs and contacts lists are the
 * user's own once the form was sent (`chosen`), so unticking every box is respected. */
export function readChoiceValues(params: URLSearchParams, defaults: ChoiceDefaults): ChoiceValues {
  const chosen = params.has('chosen')
  const get = (key: string) => params.get(key) ?? ''
  const lang = params.get('lang') ?? 'en'
  const meps = chosen ? params.getAll('mep') : defaults.quotedMeps.map((q) => String(q.actorId))
  const quotes: Record<string, string> = {}
  for (const id of meps) {
    const typed = params.get(quoteKey(id))
    quotes[id] = typed ?? defaults.quotedMeps.find((q) => String(q.actorId) === id)?.quote ?? ''
  }
  return {
    template: params.get('template') ?? 'press_release',
    lang,
    issuer: params.has('issuer') ? get('issuer') : String(defaults.issuerId ?? ''),
    target: params.has('target') ? get('target') : String(defaults.targetId ?? ''),
    meps,
    quotes,
    contacts: chosen ? params.getAll('contact') : defaults.contactIds.map(String),
    place: params.get('place') ?? (lang === 'fr' ? 'Bruxelles' : 'Brussels'),
    date: params.get('date') ?? defaults.today,
    addressee: params.get('addressee') ?? 'vp_hr',
    link: get('link'),
  }
}

/** The choices as a query string: for links, hidden fields and the downloads. */
export function choiceQuery(values: ChoiceValues): string {
  const params = new URLSearchParams()
  params.set('chosen', '1')
  for (const key of [
    'template',
    'lang',
    'issuer',
    'target',
    'place',
    'date',
    'addressee',
    'link',
  ] as const)
    params.set(key, values[key])
  for (const id of values.meps) {
    params.append('mep', id)
    params.set(quoteKey(id), values.quotes[id] ?? '')
  }
  for (const id of values.contacts) params.append('contact', id)
  return params.toString()
}

const Scalars = z.object({
  template: z.enum(TEMPLATE_IDS, { message: 'Choose one of the templates offered.' }),
  lang: z.enum(LANGUAGE_CODES as [LanguageCode, ...LanguageCode[]], {
    message: `Choose one of the languages offered (${LANGUAGE_CODES.join(', ')}).`,
  }),
  addressee: z.enum(QUESTION_ADDRESSEES, { message: 'Choose the Commission or the VP/HR.' }),
  place: z
    .string()
    .trim()
    .min(1, 'Enter the place of the date line.')
    .max(200, 'The place can be at most 200 characters.'),
  date: z.string().trim().refine(isValidIsoDay, 'Enter the date as YYYY-MM-DD, e.g. 2023-02-22.'),
  link: z
    .string()
    .trim()
    .max(500, 'The link can be at most 500 characters.')
    .refine(
      (v) => v === '' || /^https?:\/\/\S+$/i.test(v),
      'Enter a link starting with http:// or https://.',
    ),
})

type Check = { ok: true; choices: StatementChoices } | { ok: false; errors: ChoiceErrors }

export function validateChoices(values: ChoiceValues, actors: readonly StatementActor[]): Check {
  const errors: ChoiceErrors = {}
  const fail = (field: string, message: string) => (errors[field] ??= []).push(message)
  const scalars = Scalars.safeParse(values)
  if (!scalars.success)
    for (const issue of scalars.error.issues) fail(String(issue.path[0]), issue.message)
  const byId = new Map(actors.map((a) => [String(a.id), a]))
  const actorFor = (field: 'issuer' | 'target') => {
    const id = values[field].trim()
    if (id === '') return null
    const actor = byId.get(id)
    if (!actor)
      fail(field, `Choose the ${field} from the list: actor “${id.slice(0, 40)}” does not exist.`)
    return actor ?? null
  }
  const issuer = actorFor('issuer')
  const target = actorFor('target')
  const meps = values.meps.flatMap((id) => {
    const actor = byId.get(id)
    if (!actor) fail('mep', `“${id.slice(0, 40)}” is not an actor: choose MEPs from the list.`)
    else if (actor.kind !== 'mep')
      fail('mep', `${actor.name} is not an MEP: choose MEPs from the list.`)
    const quote = (values.quotes[id] ?? '').replace(/\r\n?/g, '\n').trim()
    if ([...quote].length > MAX_QUOTE_LENGTH)
      fail(
        quoteKey(id),
        `A quote can be at most ${MAX_QUOTE_LENGTH.toLocaleString('en')} characters; this one has ${[...quote].length.toLocaleString('en')}. Shorten it.`,
      )
    return actor && actor.kind === 'mep' ? [{ actor, quote }] : []
  })
  if (meps.length > 10) fail('mep', 'Choose at most 10 MEPs.')
  const contacts = values.contacts.flatMap((id) => {
    const actor = byId.get(id)
    if (!actor || actor.kind !== 'press_contact') {
      fail('contact', 'Choose press contacts from the list.')
      return []
    }
    return [actor]
  })
  if (!scalars.success || Object.keys(errors).length > 0) return { ok: false, errors }
  const { template, lang, addressee, place, date, link } = scalars.data
  return {
    ok: true,
    choices: {
      template: template as TemplateId,
      language: isLanguageCode(lang) ? lang : 'en',
      issuer,
      target,
      meps,
      contacts,
      place,
      date,
      questionAddressee: addressee as QuestionAddressee,
      link: link === '' ? null : link,
    },
  }
}
