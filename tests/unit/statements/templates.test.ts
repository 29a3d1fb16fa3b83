// Every template in every language: it generates, footnotes are numbered by first use, alleged
// facts are written as reported, and the same data gives the same text.
import { describe, expect, it } from 'vitest'
import { LANGUAGE_CODES } from '../../../app/statements/lang'
import { TEMPLATE_IDS, type Statement } from '../../../app/statements/types'
import {
  ACTORS,
  SOURCES,
  generate,
  generateOk,
  generatedSentences,
  seededCase,
} from './seeded-case'

/** The footnote numbers in reading order, each the first time it appears. */
function firstUses(statement: Statement): number[] {
  const seen: number[] = []
  for (const block of statement.blocks) {
    const sentences =
      block.type === 'paragraph' ? block.sentences : block.type === 'questions' ? block.items : []
    for (const s of sentences) for (const n of s.refs) if (!seen.includes(n)) seen.push(n)
  }
  return seen
}

const REPORTED = {
  en: /\b(reportedly|according to)\b/i,
  fr: /\bselon\b.*\b(aurait|auraient|serait)\b/i,
}

describe.each(TEMPLATE_IDS)('template %s', (template) => {
  describe.each(LANGUAGE_CODES)('in %s', (language) => {
    const choices = { template, language, link: 'https://example.org/idris' } as const
    const { statement, markdown } = generateOk({}, choices)

    it('numbers footnotes 1, 2, … by first use, and lists exactly those', () => {
      const uses = firstUses(statement)
      expect(uses).toEqual(uses.map((_, i) => i + 1))
      expect(statement.footnotes.map((f) => f.number)).toEqual(uses)
    })

    it('is deterministic for the same data', () => {
      expect(generateOk({}, choices).markdown).toBe(markdown)
    })

    it('writes every alleged fact as reported', () => {
      // Make every event alleged but cited: each sentence that cites one must be hedged.
      const alleged = generateOk(
        {
          events: seededCase().events.map((e) => ({
            ...e,
            certainty: 'alleged' as const,
            sourceIds: [SOURCES.moscowTimes],
          })),
        },
        choices,
      )
      const cited = alleged.statement.blocks.flatMap((b) =>
        b.type === 'paragraph' ? b.sentences.filter((s) => s.sourceIds.length > 0) : [],
      )
      expect(cited.length).toBeGreaterThan(0)
      for (const sentence of cited) expect(sentence.text).toMatch(REPORTED[language])
      if (language === 'en')
        expect(generatedSentences(alleged.statement).join(' ')).toMatch(
          /According to The Moscow Times/,
        )
    })
  })
})

describe('template specifics', () => {
  it('MEP statement: first person, one or two paragraphs, signed by the MEP', () => {
    const { statement } = generateOk({}, { template: 'mep_statement' })
    const paragraphs = statement.blocks.filter((b) => b.type === 'paragraph')
    expect(paragraphs.length).toBeGreaterThanOrEqual(1)
    expect(paragraphs.length).toBeLessThanOrEqual(2)
    expect(generatedSentences(statement).join(' ')).toMatch(/\bI call on Chechen authorities\b/)
    expect(statement.signature?.[0]).toMatch(/^Malin Björk MEP \(The Left\)/)
    expect(statement.headline).toBe('Statement by Malin Björk MEP on Idris Arsamikov')
  })

  it('MEP statement without an MEP is refused with a message', () => {
    const result = generate({}, { template: 'mep_statement', meps: [] })
    expect(result).toEqual({ ok: false, message: expect.stringMatching(/Choose the MEP/) })
  })

  it('letter: addressed to the target, asks for release and access to lawyers, family, care', () => {
    const { statement } = generateOk({}, { template: 'letter' })
    expect(statement.before.slice(0, 2)).toEqual(['Chechen authorities', 'Russia'])
    const text = generatedSentences(statement).join(' ')
    expect(text).toMatch(/release Idris Arsamikov immediately and unconditionally/)
    expect(text).toMatch(/lawyers .* family .* medical care/)
    expect(statement.signature).toEqual(['LGBTI Intergroup', 'European Parliament'])
    const fr = generateOk({}, { template: 'letter', language: 'fr' }).statement
    expect(generatedSentences(fr).join(' ')).toMatch(/immédiatement et sans condition .* avocats/)
  })

  it('letter without a target is refused with a message', () => {
    expect(generate({}, { template: 'letter', target: null })).toEqual({
      ok: false,
      message: expect.stringMatching(/addressed to/),
    })
  })

  it('written question: to the VP/HR or the Commission, with numbered questions', () => {
    const vp = generateOk({}, { template: 'written_question' }).statement
    expect(vp.before[0]).toMatch(/High Representative/)
    expect(vp.headline).toBe('Subject: Detention of Idris Arsamikov')
    const commission = generateOk(
      {},
      { template: 'written_question', questionAddressee: 'commission' },
    ).statement
    expect(commission.before[0]).toBe('Question for written answer to the Commission')
    const questions = commission.blocks.find((b) => b.type === 'questions')
    expect(questions?.type === 'questions' && questions.items[0]!.text).toMatch(/the Commission/)
  })

  it('social post: no footnote markers in the post, its sources listed apart', () => {
    const { statement, markdown } = generateOk(
      {},
      { template: 'social_post', link: 'https://example.org/idris' },
    )
    expect(statement.markers).toBe(false)
    expect(markdown.split('---')[0]).not.toMatch(/\[\d\]/)
    expect(markdown).toMatch(/\*Sources \(not part of the post\)\*/)
  })

  it('uses the days in detention without overstating them (month precision counts from its end)', () => {
    // Detained "February 2023": counted from 28 February 2023 to 15 January 2025 = 687 days.
    const { statement } = generateOk({}, { template: 'social_post', date: '2025-01-15' })
    expect(generatedSentences(statement)[0]).toBe(
      'Idris Arsamikov has been in detention in Russia for at least 687 days (since February 2023).',
    )
    const fr = generateOk({}, { template: 'social_post', language: 'fr', date: '2025-01-15' })
    expect(generatedSentences(fr.statement)[0]).toBe(
      'Idris Arsamikov est en détention depuis février 2023, soit depuis au moins 687 jours.',
    )
  })

  it('never counts days past today, even for a statement dated later', () => {
    const { statement } = generateOk(
      {},
      { template: 'social_post', date: '2030-01-01' },
      '2025-01-15',
    )
    expect(generatedSentences(statement)[0]).toMatch(/at least 687 days/)
  })

  it('states an upcoming event as scheduled, and only from its day on as a fact', () => {
    const events = [
      ...seededCase().events,
      {
        id: 16,
        eventDate: '2025-03-03',
        datePrecision: 'day' as const,
        createdAt: '2024-12-01T00:00:00Z',
        custodyState: 'released' as const,
        legalStage: null,
        releaseReason: null,
        location: null,
        certainty: 'confirmed' as const,
        description: 'Hearing on release.',
        sourceIds: [SOURCES.moscowTimes],
      },
    ]
    const before = generateOk({ events }, { date: '2025-01-15' }).statement
    expect(before.headline).toMatch(/to release/)
    expect(generatedSentences(before).join(' ')).toMatch(
      /next scheduled date in the case is 3 March 2025/,
    )
    const after = generateOk({ events }, { date: '2025-03-10' }, '2025-03-10').statement
    expect(after.headline).toBe('LGBTI Intergroup welcomes the release of Idris Arsamikov')
  })

  it('a statement dated in the past leaves out later events and never calls them scheduled', () => {
    const events = [
      ...seededCase().events,
      {
        id: 17,
        eventDate: '2023-03-01',
        datePrecision: 'month' as const,
        createdAt: '2024-12-01T00:00:00Z',
        custodyState: null,
        legalStage: null,
        releaseReason: null,
        location: null,
        certainty: 'confirmed' as const,
        description: 'Moved to another facility.',
        sourceIds: [SOURCES.moscowTimes],
      },
    ]
    const text = generatedSentences(
      generateOk({ events }, { date: '2023-02-22' }, '2025-01-15').statement,
    ).join(' ')
    expect(text).not.toMatch(/scheduled/)
    expect(text).not.toMatch(/Moved to another facility/)
  })

  it('press release without issuer or target still has a headline built from the data', () => {
    const { statement } = generateOk({}, { issuer: null, target: null })
    expect(statement.headline).toBe('Call for the release of Idris Arsamikov')
    expect(ACTORS.intergroup.name).toBe('LGBTI Intergroup')
  })
})
