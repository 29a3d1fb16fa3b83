// Bad input, each with a clear outcome: a case with no events, no sources or only alleged events;
// a 50,000-character quote; an MEP who is not an actor or not an MEP; a template or language not
// offered. Never an exception.
import { describe, expect, it } from 'vitest'
import {
  readChoiceValues,
  validateChoices,
  type ChoiceDefaults,
} from '../../../app/statements/url-choices'
import { ACTORS, generate, generateOk, generatedSentences, seededCase } from './seeded-case'

const ACTOR_LIST = Object.values(ACTORS)
const DEFAULTS: ChoiceDefaults = {
  issuerId: ACTORS.intergroup.id,
  targetId: ACTORS.chechenAuthorities.id,
  quotedMeps: [{ actorId: ACTORS.bjork.id, quote: 'Quoted before.' }],
  contactIds: [ACTORS.narvehed.id],
  today: '2025-01-15',
}

function check(query: Record<string, string | string[]>) {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query))
    for (const v of Array.isArray(value) ? value : [value]) params.append(key, v)
  return validateChoices(readChoiceValues(params, DEFAULTS), ACTOR_LIST)
}

describe('cases with little data', () => {
  it('refuses a case with no events, saying what to do', () => {
    const result = generate({ events: [] })
    expect(result).toEqual({
      ok: false,
      message: expect.stringMatching(/no events in its timeline yet.*Record at least one/),
    })
  })

  it('writes a case with no sources as reported, with no footnotes, and says so', () => {
    const events = seededCase().events.map((e) => ({ ...e, sourceIds: [] }))
    const { statement } = generateOk({ events })
    expect(statement.footnotes).toEqual([])
    const cited = statement.blocks.flatMap((b) => (b.type === 'paragraph' ? b.sentences : []))
    expect(cited.every((s) => s.refs.length === 0)).toBe(true)
    expect(generatedSentences(statement).join(' ')).toMatch(
      /Reportedly, in 2018, Idris Arsamikov fled/,
    )
    expect(statement.notices.join(' ')).toMatch(/No event cites a source/)
  })

  it('writes a case with only alleged events entirely as reported', () => {
    const events = seededCase().events.map((e) => ({ ...e, certainty: 'alleged' as const }))
    const { statement } = generateOk({ events }, { date: '2025-01-15' })
    const facts = statement.blocks
      .flatMap((b) => (b.type === 'paragraph' ? b.sentences : []))
      .filter((s) => s.sourceIds.length > 0)
    for (const s of facts) expect(s.text).toMatch(/^(According to|Reportedly)/)
    expect(statement.notices.join(' ')).toMatch(/Every event of this case is alleged/)
    const fr = generateOk({ events }, { language: 'fr', date: '2025-01-15' }).statement
    const frFacts = fr.blocks
      .flatMap((b) => (b.type === 'paragraph' ? b.sentences : []))
      .filter((s) => s.sourceIds.length > 0)
    expect(frFacts.length).toBeGreaterThan(0)
    for (const s of frFacts) expect(s.text).toMatch(/^Selon .*(aurait|serait)/)
  })
})

describe('choices that are not offered', () => {
  it('accepts the defaults', () => {
    const result = check({})
    expect(result.ok).toBe(true)
    expect(result.ok && result.choices.meps[0]).toEqual({
      actor: ACTORS.bjork,
      quote: 'Quoted before.',
    })
  })

  it('refuses a 50,000-character quote with a message beside it', () => {
    const result = check({
      chosen: '1',
      mep: String(ACTORS.bjork.id),
      [`quote-${ACTORS.bjork.id}`]: 'x'.repeat(50_000),
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        [`quote-${ACTORS.bjork.id}`]: [
          expect.stringMatching(/at most 2,000 characters; this one has 50,000/),
        ],
      },
    })
  })

  it('leaves a too-long quote out of the facts with a notice if one gets that far', () => {
    const { statement } = generateOk(
      {},
      { meps: [{ actor: ACTORS.bjork, quote: 'y'.repeat(50_000) }] },
    )
    expect(statement.blocks.some((b) => b.type === 'quote')).toBe(false)
    expect(statement.notices.join(' ')).toMatch(
      /quote of Malin Björk is left out: it is longer than 2,000/,
    )
  })

  it.each([
    ['an id that is no actor', '999', /“999” is not an actor/],
    [
      'an actor who is not an MEP',
      String(ACTORS.chechenAuthorities.id),
      /Chechen authorities is not an MEP/,
    ],
    ['not a number', '<script>', /is not an actor/],
  ])('refuses %s as an MEP', (_label, id, message) => {
    expect(check({ chosen: '1', mep: id })).toEqual({
      ok: false,
      errors: { mep: [expect.stringMatching(message)] },
    })
  })

  it.each([
    ['template', { template: 'poem' }, /Choose one of the templates offered/],
    ['lang', { lang: 'de' }, /Choose one of the languages offered \(en, fr\)/],
    ['date', { date: '2023-02-30' }, /YYYY-MM-DD/],
    ['link', { link: 'javascript:alert(1)' }, /starting with http/],
    ['issuer', { issuer: '424242' }, /does not exist/],
    ['addressee', { addressee: 'council' }, /Commission or the VP\/HR/],
  ])('refuses a %s not offered, with a message', (field, query, message) => {
    const result = check(query)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.errors[field]?.[0]).toMatch(message)
  })
})
