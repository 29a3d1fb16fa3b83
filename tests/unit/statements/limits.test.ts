// The two length limits: a written question of at most 200 words, a post of at most 280 characters
// (the link included). Too long, the text is shortened and says so, or refused; never silently over.
import { describe, expect, it } from 'vitest'
import { editedLimitProblem } from '../../../app/statements/limits'
import { countCharacters, countWords } from '../../../app/statements/text-checks'
import type { Statement } from '../../../app/statements/types'
import { ACTORS, SOURCES, generate, generateOk, seededCase } from './seeded-case'

const LONG = 'The authorities moved the detainee between several remote facilities without notice.'

/** The seeded case with many long, cited events: far more than 200 words of facts. */
function wordyCase() {
  const base = seededCase()
  const extra = Array.from({ length: 8 }, (_, i) => ({
    ...base.events[2]!,
    id: 100 + i,
    eventDate: `2024-0${i + 1}-10`,
    datePrecision: 'day' as const,
    custodyState: 'detained' as const,
    description: `${LONG} ${LONG} ${LONG} ${LONG} ${LONG} Event number ${i + 1}.`,
    location: `${LONG} ${LONG} ${LONG}`,
    sourceIds: [SOURCES.moscowTimes],
  }))
  return { events: [...base.events, ...extra] }
}

function questionWords(statement: Statement): number {
  const parts = [statement.headline]
  for (const block of statement.blocks) {
    if (block.type === 'paragraph') parts.push(...block.sentences.map((s) => s.text))
    if (block.type === 'questions') parts.push(...block.items.map((s) => s.text))
  }
  return countWords(parts.join(' '))
}

describe('written question: at most 200 words', () => {
  it.each(['en', 'fr'] as const)('shortens deterministically and says so (%s)', (language) => {
    const { statement } = generateOk(wordyCase(), {
      template: 'written_question',
      language,
      date: '2025-01-15',
    })
    const words = questionWords(statement)
    expect(words).toBeLessThanOrEqual(200)
    expect(statement.limit).toMatchObject({ unit: 'words', max: 200, count: words })
    expect(statement.limit!.dropped.length).toBeGreaterThan(0)
    expect(statement.notices.join(' ')).toMatch(
      /Shortened to fit the 200-word limit: \d+ sentences? left out/,
    )
    // Deterministic: the same data leaves out the same sentences.
    const again = generateOk(wordyCase(), {
      template: 'written_question',
      language,
      date: '2025-01-15',
    }).statement
    expect(again.limit!.dropped).toEqual(statement.limit!.dropped)
  })

  it('keeps the questions and the current situation, dropping older events first', () => {
    const { statement } = generateOk(wordyCase(), {
      template: 'written_question',
      date: '2025-01-15',
    })
    const text = statement.blocks
      .flatMap((b) =>
        b.type === 'paragraph' ? b.sentences : b.type === 'questions' ? b.items : [],
      )
      .map((s) => s.text)
      .join(' ')
    expect(text).toMatch(/has been in detention/)
    expect(text).toMatch(/What steps will the VP\/HR take/)
    expect(text).toMatch(/On 10 August 2024/)
    expect(text).not.toMatch(/In 2018/)
  })

  it('says how many words it has when it fits', () => {
    const { statement } = generateOk({}, { template: 'written_question' })
    expect(statement.limit!.dropped).toEqual([])
    expect(statement.notices.join(' ')).toMatch(/\d+ of 200 words/)
  })

  it('refuses with a clear message when even the essential part is over 200 words', () => {
    const longName = Array.from({ length: 45 }, (_, i) => `Name${i}`).join(' ')
    const result = generate(
      { fullName: longName },
      { template: 'written_question', target: { ...ACTORS.chechenAuthorities, name: longName } },
    )
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/would have \d+ words .* at most 200/)
  })

  it('flags an edited question over 200 words instead of passing it on', () => {
    const { markdown } = generateOk({}, { template: 'written_question' })
    expect(editedLimitProblem('written_question', markdown)).toBeNull()
    const padded = markdown.replace('1. What', `${'word '.repeat(150)}\n\n1. What`)
    expect(editedLimitProblem('written_question', padded)).toMatch(
      /has \d+ words; the European Parliament accepts at most 200/,
    )
  })
})

describe('social media post: at most 280 characters, the link included', () => {
  const link = 'https://example.org/campaigns/free-idris-arsamikov'

  it.each(['en', 'fr'] as const)('fits and counts the link (%s)', (language) => {
    const { statement, markdown } = generateOk({}, { template: 'social_post', language, link })
    const post = markdown.split('\n\n---')[0]!.split('\n\n').slice(1).join(' ')
    expect(post).toContain(link)
    expect(countCharacters(post)).toBe(statement.limit!.count)
    expect(statement.limit!.count).toBeLessThanOrEqual(280)
  })

  it('drops the less important sentence to fit, and says so', () => {
    const events = seededCase().events.map((e) =>
      e.id === 13 ? { ...e, legalStage: 'charged' as const } : e,
    )
    const roomy = generateOk({ events }, { template: 'social_post', link }).statement
    expect(roomy.limit!.dropped).toEqual([])
    const tight = generateOk(
      { events },
      { template: 'social_post', link: `${link}?${'x'.repeat(95)}` },
    ).statement
    expect(tight.limit!.dropped).toEqual(['Idris Arsamikov has been charged.'])
    expect(tight.notices.join(' ')).toMatch(/Shortened to fit 280 characters: 1 sentence left out/)
  })

  it('refuses when the essential sentences and the link cannot fit', () => {
    const result = generate({}, { template: 'social_post', link: `${link}?${'x'.repeat(200)}` })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/characters .* over the limit of 280/)
  })

  it('flags an edited post over 280 characters', () => {
    const { markdown } = generateOk({}, { template: 'social_post', link })
    expect(editedLimitProblem('social_post', markdown)).toBeNull()
    const longer = markdown.replace('We call on', `${'very '.repeat(40)}We call on`)
    expect(editedLimitProblem('social_post', longer)).toMatch(
      /has \d+ characters, the link included/,
    )
  })
})
