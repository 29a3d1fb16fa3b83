// Validating an import preview before anything is written: the confirmation's values (see
// document-import-values.ts) read into what the import transaction creates or reuses.
import { z } from 'zod'
import { parsePartialDate, type PartialDate } from '../domain/dates'
import {
  MAX_BODY_LENGTH,
  MAX_QUOTE_LENGTH,
  readHttpUrl,
  URL_MESSAGE,
} from '../domain/document-schema'
import { committeesOf } from './plan'
import {
  fieldName,
  type ActorRef,
  type ImportInput,
  type ImportValues,
  type NewActor,
} from './values'
import {
  ACTOR_KINDS,
  DATE_PRECISIONS,
  type ActorKind,
  type DatePrecision,
} from '../domain/vocabularies'
import { MAX_ID } from '~/utils/record-id'

export * from './values'

/** "2019-02-12", "2019-02" or "2019": the precision is the one written. */
export function readLooseDate(value: string): PartialDate | null | 'invalid' {
  const v = value.trim()
  if (v === '') return null
  const precision: DatePrecision = /^\d{4}$/.test(v)
    ? 'year'
    : /^\d{4}-\d{2}$/.test(v)
      ? 'month'
      : 'day'
  const parsed = parsePartialDate(v, precision)
  return parsed.ok ? parsed.value : 'invalid'
}

const ID = /^[1-9]\d{0,9}$/
const asId = (value: string) => (ID.test(value) && Number(value) <= MAX_ID ? Number(value) : null)
const lines = (value: string) => [
  ...new Set(
    value
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean),
  ),
]
const orNull = (value: string) => (value.trim() === '' ? null : value.trim())

export const ImportConfirmSchema = z.custom<ImportValues>().transform((v, ctx): ImportInput => {
  const fail = (path: string, message: string) =>
    ctx.addIssue({ code: 'custom', path: [path], message })
  const tooLong = (path: string, value: string, max: number, label: string) => {
    if (value.length > max)
      fail(path, `${label} can be at most ${max.toLocaleString('en')} characters`)
  }
  if (!/^[0-9a-f]{64}$/.test(v.contentHash))
    fail('contentHash', 'This preview lost its fingerprint: paste the press release again.')
  const title = v.title.trim()
  if (title === '') fail('title', 'Enter the title')
  tooLong('title', title, 500, 'The title')
  tooLong('place', v.place.trim(), 200, 'The place')
  const precision = (DATE_PRECISIONS as readonly string[]).includes(v.datePrecision)
    ? (v.datePrecision as DatePrecision)
    : 'day'
  const date = v.documentDate.trim()
    ? parsePartialDate(v.documentDate, precision)
    : ({
        ok: false,
        error: 'Enter the date of the press release (no date line was found in the text)',
      } as const)
  if (!date.ok) fail('documentDate', date.error)
  const language = v.language.trim().toLowerCase()
  if (!/^[a-z]{2,3}$/.test(language)) fail('language', 'Choose a language')
  const body = v.body.replace(/\r\n?/g, '\n').trim()
  tooLong('body', body, MAX_BODY_LENGTH, 'The text')

  const actorRef = (
    prefix: string,
    choice: string,
    fields: Omit<NewActor, 'kind' | 'committees'> & { kind: string },
    required: string | null,
  ): ActorRef => {
    if (choice === '') return null
    if (choice !== 'new') {
      const id = asId(choice)
      if (id === null) fail(prefix, 'Choose an actor from the list')
      return id === null ? null : { id }
    }
    const name = fields.name.trim()
    if (name === '') fail(required ?? prefix, 'Enter the name of the new actor')
    tooLong(required ?? prefix, name, 300, 'The name')
    if (!(ACTOR_KINDS as readonly string[]).includes(fields.kind))
      fail(prefix, 'Choose a kind of actor')
    return {
      create: {
        ...fields,
        name,
        kind: fields.kind as ActorKind,
        committees: committeesOf(fields.roles),
      },
    }
  }
  const plainActor = { politicalGroup: null, roles: [], office: null, email: null, phone: null }
  const issuer = actorRef(
    'issuer',
    v.issuer,
    { ...plainActor, name: v.issuerName, kind: v.issuerKind },
    'issuerName',
  )
  const target = actorRef(
    'target',
    v.target,
    { ...plainActor, name: v.targetName, kind: v.targetKind },
    'targetName',
  )

  const quotes = v.quotes.map((q, i) => {
    const name = (key: string) => fieldName('quote', i, key)
    const quoteBody = q.body.replace(/\r\n?/g, '\n').trim()
    if (quoteBody === '')
      fail(name('body'), 'Enter the words quoted, or remove the quote from the text')
    tooLong(name('body'), quoteBody, MAX_QUOTE_LENGTH, 'A quotation')
    tooLong(name('speakerLabel'), q.speakerLabel, 1000, 'The attribution')
    tooLong(name('politicalGroup'), q.politicalGroup, 200, 'The political group')
    const roles = lines(q.roles).slice(0, 20)
    const speaker = actorRef(
      name('actor'),
      q.actor,
      {
        name: q.name,
        kind: q.kind,
        politicalGroup: orNull(q.politicalGroup),
        roles,
        office: null,
        email: null,
        phone: null,
      },
      name('name'),
    )
    if (speaker === null && q.speakerLabel.trim() === '')
      fail(name('actor'), 'Choose who is quoted')
    return { speaker, speakerLabel: q.speakerLabel.trim(), body: quoteBody }
  })

  const footnotes = v.footnotes.map((f, i) => {
    const name = (key: string) => fieldName('footnote', i, key)
    const number = asId(f.number) ?? 0
    if (number < 1 || number > 999)
      fail(name('number'), 'This footnote lost its number: paste the text again.')
    if (f.source !== 'new') {
      const id = asId(f.source)
      if (id === null) fail(name('source'), 'Choose the source from the list, or add it as new')
      return { number, source: { id: id ?? 0 } }
    }
    const sourceTitle = f.title.trim()
    if (sourceTitle === '') fail(name('title'), 'Enter the title of the source')
    tooLong(name('title'), sourceTitle, 1000, 'The title')
    tooLong(name('publisher'), f.publisher.trim(), 300, 'The publisher')
    const published = readLooseDate(f.date)
    if (published === 'invalid') fail(name('date'), 'Enter the date as YYYY-MM-DD, YYYY-MM or YYYY')
    const url = readHttpUrl(orNull(f.url))
    if (!url.ok) fail(name('url'), URL_MESSAGE)
    const urlValue = url.ok ? url.url : null
    return {
      number,
      source: {
        create: {
          title: sourceTitle,
          publisher: orNull(f.publisher),
          published: published === 'invalid' ? null : published,
          url: urlValue,
          urlMissing: urlValue === null && f.urlMissing === 'true',
        },
      },
    }
  })
  const numbers = footnotes.map((f) => f.number)
  numbers.forEach((n, i) => {
    if (numbers.indexOf(n) !== i)
      fail(fieldName('footnote', i, 'number'), `There are two footnotes [${n}]`)
  })

  const contacts = v.contacts.map((c, i) => {
    const name = (key: string) => fieldName('contact', i, key)
    tooLong(name('office'), c.office.trim(), 300, 'The office')
    tooLong(name('email'), c.email.trim(), 320, 'The email address')
    tooLong(name('phone'), c.phone.trim(), 50, 'The phone number')
    if (c.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.email.trim()))
      fail(name('email'), 'Enter an email address such as name@example.org')
    return actorRef(
      name('actor'),
      c.actor,
      {
        name: c.name,
        kind: 'press_contact',
        politicalGroup: null,
        roles: [],
        office: orNull(c.office),
        email: orNull(c.email),
        phone: orNull(c.phone),
      },
      name('name'),
    )
  })

  const caseIds = [...new Set(v.caseIds.map(asId))]
  if (caseIds.includes(null)) fail('caseIds', 'Choose cases from the list')
  if (ctx.issues.length > 0 || !date.ok) return z.NEVER
  return {
    contentHash: v.contentHash,
    document: { title, place: orNull(v.place), date: date.value, language, body },
    issuer,
    target,
    quotes,
    footnotes,
    contacts: contacts.filter((c) => c !== null),
    caseIds: caseIds.filter((id): id is number => id !== null),
  }
})
