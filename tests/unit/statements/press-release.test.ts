// The golden test: the press release generated from the seeded case has the structure and the
// facts of the fixture (tests/fixtures/press-release-idris-arsamikov.txt) — not its wording.
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateOk, generatedSentences } from './seeded-case'

const fixture = fs.readFileSync(
  path.resolve(import.meta.dirname, '../../fixtures/press-release-idris-arsamikov.txt'),
  'utf8',
)

describe('press release for the seeded case (golden structure)', () => {
  const { statement, markdown } = generateOk()
  const paragraphs = statement.blocks.filter((b) => b.type === 'paragraph')
  const quotes = statement.blocks.filter((b) => b.type === 'quote')
  const text = generatedSentences(statement).join(' ')

  it('has the fixture’s headline and Brussels date line', () => {
    expect(fixture).toContain(
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
    expect(statement.before).toEqual(['Press release'])
    expect(statement.headline).toBe(
      'LGBTI Intergroup calls on Chechen authorities to release Idris Arsamikov',
    )
    expect(statement.dateline).toBe('Brussels, 22 February 2023')
  })

  it('states his flight in 2018 to the Netherlands and his refugee status, cited [1]', () => {
    const first = paragraphs[0]!.sentences[0]!
    expect(first.text).toMatch(/^In 2018, Idris Arsamikov fled Chechnya to the Netherlands/)
    expect(first.text).toContain('refugee status')
    expect(first.refs).toEqual([1])
  })

  it('states the arrest at Moscow airport, cited [2], and the risk', () => {
    const arrest = generatedSentences(statement).find((s) =>
      s.includes('arrested at Moscow airport'),
    )
    expect(arrest).toBeDefined()
    const sentence = paragraphs.flatMap((p) => p.sentences).find((s) => s.text === arrest)!
    expect(sentence.refs).toEqual([2])
    expect(text).toMatch(/risk of death/)
    expect(text).toMatch(/risk to Idris Arsamikov as critical/)
  })

  it('writes the alleged facts as reported', () => {
    expect(text).toMatch(/Reportedly, in February 2023, a video surfaced/)
    expect(text).toMatch(/according to the LGBTI Intergroup, he faces a risk of death/)
  })

  it('quotes the two MEPs with their groups and roles, Björk commenting, Castaldo concluding', () => {
    expect(quotes.map((q) => q.type === 'quote' && q.speaker)).toEqual([
      'Malin Björk MEP (The Left), Vice-President of the LGBTI Intergroup and Substitute in the Foreign Affairs Committee (AFET), comments:',
      'Fabio Massimo Castaldo MEP (Non-attached), Vice-President of the LGBTI Intergroup and Member in the Foreign Affairs Committee (AFET), concludes:',
    ])
  })

  it('has two footnotes: the European Parliament resolution, then The Moscow Times', () => {
    expect(statement.footnotes.map((f) => f.number)).toEqual([1, 2])
    expect(statement.footnotes[0]!.text).toMatch(
      /^European Parliament, “European Parliament resolution on the situation in Chechnya” \(12 February 2019\)/,
    )
    expect(statement.footnotes[1]!.text).toMatch(/^The Moscow Times, “Russia detains/)
    expect(markdown).toMatch(/\n\[1\] European Parliament, /)
    expect(markdown).toMatch(/\n\[2\] The Moscow Times, /)
  })

  it('ends with the two press contacts, as in the fixture', () => {
    expect(statement.contacts).toEqual({
      heading: 'Press contacts:',
      lines: [
        'Office of Malin Björk – Charlotta Narvehed',
        'Office of Fabio Massimo Castaldo – Francesca Acampora',
      ],
    })
    expect(markdown.trimEnd().split('\n\n').slice(-3)).toEqual([
      '**Press contacts:**',
      'Office of Malin Björk – Charlotta Narvehed',
      'Office of Fabio Massimo Castaldo – Francesca Acampora',
    ])
  })

  it('keeps the fixture’s order: headline, date line, facts, quotes, footnotes, contacts', () => {
    const at = (needle: string) => markdown.indexOf(needle)
    const order = [
      '# LGBTI Intergroup',
      'Brussels, 22 February 2023',
      'In 2018',
      'arrested at Moscow airport',
      '**Malin Björk MEP',
      '**Fabio Massimo Castaldo MEP',
      '[1] European Parliament',
      '**Press contacts:**',
    ].map(at)
    expect(order.every((index) => index >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })

  it('does not state his sexual orientation: consent is unknown', () => {
    expect(text).not.toMatch(/\bgay\b|sexual orientation/i)
    expect(statement.notices.join(' ')).toMatch(/left out: it mentions sexual orientation/)
  })
})

describe('press release in French for the seeded case', () => {
  const { statement } = generateOk({}, { language: 'fr', place: 'Bruxelles' })

  it('has the French headline, date line and footnotes with guillemets', () => {
    expect(statement.headline).toBe(
      'LGBTI Intergroup appelle Chechen authorities à libérer Idris Arsamikov',
    )
    expect(statement.dateline).toBe('Bruxelles, le 22 février 2023')
    expect(statement.footnotes[0]!.text).toContain('«\u202FEuropean Parliament resolution')
    expect(statement.footnotes[0]!.text).toContain('(12 février 2019)')
  })

  it('quotes the MEPs with “déclare” and “conclut” and a no-break space before the colon', () => {
    const speakers = statement.blocks.flatMap((b) => (b.type === 'quote' ? [b.speaker] : []))
    expect(speakers[0]).toMatch(
      /^Malin Björk, membre du Parlement européen \(The Left\), .*, déclare\u00A0:$/,
    )
    expect(speakers[1]).toMatch(/conclut\u00A0:$/)
  })
})
