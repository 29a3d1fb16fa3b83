import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  findMentionedCases,
  matchActor,
  MAX_IMPORT_BYTES,
  parsePressRelease,
  type ParsedPressRelease,
} from '../../../app/document-import/press-release'

const FIXTURE = readFileSync(
  path.resolve(import.meta.dirname, '../../fixtures/press-release-idris-arsamikov.txt'),
  'utf8',
)

function parsed(text: string): ParsedPressRelease {
  const result = parsePressRelease(text)
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`)
  return result.value
}

const codes = (value: ParsedPressRelease) => value.warnings.map((w) => w.code)

describe('parsePressRelease on the Idris Arsamikov press release', () => {
  const value = parsed(FIXTURE)

  it('reads the title without its "Press release:" prefix', () => {
    expect(value.title).toBe(
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
  })

  it('reads the place and date line', () => {
    expect(value.dateLine).toEqual({
      place: 'Brussels',
      date: '2023-02-22',
      precision: 'day',
      raw: 'Brussels, 22 February 2023',
    })
    expect(value.language).toBe('en')
  })

  it('keeps the three body paragraphs in order, with their footnote markers listed', () => {
    expect(value.body.map((p) => p.footnotes)).toEqual([[1], [2], []])
    const [first, second, third] = value.body
    expect(first?.text).toMatch(/^Idris Arsamikov is a gay Chechen refugee/)
    expect(first?.text.endsWith('which the European Parliament highlighted in 2019.')).toBe(true)
    expect(first?.raw.endsWith('highlighted in 2019.[1]')).toBe(true)
    // The non-breaking space after [2] becomes one ordinary space; the marker goes.
    expect(second?.text).toContain(
      'arrested at Moscow airport. Civil society organisations have relayed',
    )
    expect(second?.raw).toContain('arrested at Moscow airport.[2] Civil society')
    // Curly quotation marks and apostrophes are kept as written.
    expect(second?.text).toContain('Because Idris’ father passed away')
    expect(third?.text).toBe(
      'He is currently facing a risk of death, aggravated further by a video which surfaced where he ‘confesses’ to crimes under pressure.',
    )
    for (const paragraph of value.body) expect(paragraph.text).not.toMatch(/\[\d+\]|\u00a0| {2}/)
  })

  it('does not put the speaker lines, quotations, footnotes or contacts in the body', () => {
    const body = value.body.map((p) => p.text).join('\n')
    expect(body).not.toMatch(/comments:|concludes:|accessible at|Press contacts|Narvehed/)
    expect(body).not.toContain('We call on the immediate and unconditional release')
  })

  it('reads both speakers with their group and roles', () => {
    expect(value.quotes.map((q) => q.speaker)).toEqual([
      {
        name: 'Malin Bjork',
        isMep: true,
        politicalGroup: 'Left',
        roles: [
          'Vice-President of the LGBTI Intergroup',
          'Substitute in the Foreign Affairs Committee (AFET)',
        ],
        rawLine:
          'Malin Bjork MEP (Left), Vice-President of the LGBTI Intergroup and Substitute in the Foreign Affairs Committee (AFET), comments:',
      },
      {
        name: 'Fabio Massimo Castaldo',
        isMep: true,
        politicalGroup: 'Non-attached Member',
        roles: [
          'Vice-President of the LGBTI Intergroup',
          'Member in the Foreign Affairs Committee (AFET)',
        ],
        rawLine:
          'Fabio Massimo Castaldo MEP (Non-attached Member), Vice-President of the LGBTI Intergroup and Member in the Foreign Affairs Committee (AFET), concludes:',
      },
    ])
  })

  it('gives each speaker the paragraph that follows, up to the next speaker or the footnotes', () => {
    const [bjork, castaldo] = value.quotes
    expect(bjork?.paragraphs).toHaveLength(1)
    expect(bjork?.paragraphs[0]?.text).toMatch(
      /^The prosecution of gay men in Chechnya is not new – it has been a policy/,
    )
    expect(bjork?.paragraphs[0]?.text).toMatch(/so that he can return to safety\.$/)
    expect(castaldo?.paragraphs).toHaveLength(1)
    expect(castaldo?.paragraphs[0]?.text).toMatch(/^We must, as representatives/)
    expect(castaldo?.paragraphs[0]?.text).toMatch(/because of their sexual orientation\.$/)
  })

  it('reads the two footnotes, noting that their links were lost', () => {
    expect(value.footnotes).toEqual([
      {
        number: 1,
        publisher: 'European Parliament',
        title: 'European Parliament resolution on the situation in Chechnya',
        date: { date: '2019-02-12', precision: 'day' },
        url: null,
        urlMissing: true,
        raw: '[1] European Parliament resolution on the situation in Chechnya (12 February 2019), accessible at',
      },
      {
        number: 2,
        publisher: 'The Moscow Times',
        title: 'Russia detains Gay Chechen Refugee at Moscow Airport',
        date: { date: '2023-02-16', precision: 'day' },
        url: null,
        urlMissing: true,
        raw: '[2] The Moscow Times (16 February 2023), “Russia detains Gay Chechen Refugee at Moscow Airport”, accessible at',
      },
    ])
  })

  it('reads the truncated press contacts', () => {
    expect(value.pressContacts).toEqual([
      {
        office: 'Office of Malin Björk',
        name: 'Charlotta Narvehed',
        email: null,
        phone: null,
        raw: 'Office of Malin Björk– Charlotta Narvehed (',
      },
      {
        office: 'Office of Fabio Massimo Castaldo',
        name: 'Francesca Acampora',
        email: null,
        phone: null,
        raw: 'Office of Fabio Massimo Castaldo – Francesca Acampora (',
      },
    ])
  })

  it('warns about the lost links and emails only: every marker has its footnote', () => {
    expect(codes(value)).toEqual([
      'footnote_url_missing',
      'footnote_url_missing',
      'contact_incomplete',
      'contact_incomplete',
    ])
    expect(value.warnings[2]?.message).toContain('Office of Malin Björk – Charlotta Narvehed')
  })

  it('links the speakers and contacts to the actors already recorded', () => {
    const actors = [
      { id: 1, name: 'LGBTI Intergroup' },
      { id: 2, name: 'Malin Björk' },
      { id: 3, name: 'Fabio Massimo Castaldo' },
      { id: 4, name: 'Charlotta Narvehed' },
      { id: 5, name: 'Francesca Acampora' },
    ]
    expect(value.quotes.map((q) => matchActor(q.speaker.name, actors))).toEqual([2, 3])
    expect(value.pressContacts.map((c) => matchActor(c.name ?? '', actors))).toEqual([4, 5])
  })

  it('names the case of Idris Arsamikov, and which paragraphs speak of him', () => {
    const cases = [
      { id: 7, fullName: 'Zelimkhan Bakaev', aliases: [] },
      { id: 8, fullName: 'Idris Arsamikov', aliases: ['Идрис Арсамиков'], displayName: null },
    ]
    expect(findMentionedCases(FIXTURE, cases)).toEqual([8])
    // Later paragraphs say only "Idris": they count because the release names him in full.
    const paragraphs = [...value.body, ...value.quotes.flatMap((q) => q.paragraphs)]
    const mentions = paragraphs.map((p) => findMentionedCases(p.text, cases, { context: FIXTURE }))
    expect(mentions).toEqual([[8], [8], [], [8], [8]])
  })

  it('hashes the content the same whatever the line endings', () => {
    expect(value.contentHash).toMatch(/^[0-9a-f]{64}$/)
    expect(parsed(FIXTURE.replace(/\n/g, '\r\n')).contentHash).toBe(value.contentHash)
    expect(parsed(`\ufeff${FIXTURE}\n\n\n`).contentHash).toBe(value.contentHash)
    expect(parsed(FIXTURE.replace('Brussels', 'Strasbourg')).contentHash).not.toBe(
      value.contentHash,
    )
  })

  it('parses the fixture with Windows line endings to the same result', () => {
    expect(parsed(FIXTURE.replace(/\n/g, '\r\n'))).toEqual(value)
    expect(parsed(FIXTURE.replace(/\n/g, '\r'))).toEqual(value)
  })
})

describe('parsePressRelease refusals', () => {
  it('refuses an empty or blank paste', () => {
    for (const text of ['', '   ', '\n\r\n\t', '\u00a0\ufeff', '\u200b']) {
      const result = parsePressRelease(text)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.code).toBe('empty')
        expect(result.error).toMatch(/nothing was pasted/)
      }
    }
  })

  it('refuses a paste over the size limit, counting bytes rather than characters', () => {
    expect(MAX_IMPORT_BYTES).toBe(1_000_000)
    const tooLong = parsePressRelease('a'.repeat(MAX_IMPORT_BYTES + 1))
    expect(tooLong).toMatchObject({ ok: false, code: 'too_large' })
    // 400 000 Cyrillic letters are 800 000 bytes: under the limit; 600 000 are over it.
    expect(parsePressRelease('ж'.repeat(400_000)).ok).toBe(true)
    expect(parsePressRelease('ж'.repeat(600_000))).toMatchObject({ ok: false, code: 'too_large' })
    expect(parsePressRelease('a'.repeat(MAX_IMPORT_BYTES)).ok).toBe(true)
  })
})
