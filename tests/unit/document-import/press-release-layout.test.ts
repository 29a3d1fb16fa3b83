// Layouts and gaps: where the date line sits, how lines make paragraphs, what is warned about.
import { describe, expect, it } from 'vitest'
import {
  parsePressRelease,
  type ParsedPressRelease,
} from '../../../app/document-import/press-release'

function parsed(text: string): ParsedPressRelease {
  const result = parsePressRelease(text)
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`)
  return result.value
}

const codes = (value: ParsedPressRelease) => value.warnings.map((w) => w.code)

describe('parsePressRelease layouts and warnings', () => {
  it('warns about a marker with no footnote and a footnote never cited', () => {
    const text = `Press release: Test

Brussels, 1 March 2024

The first claim.[1] The second claim.[3]

[1] Reuters, “One”, 1 March 2024, https://example.org/1

[2] Reuters, “Two”, 2 March 2024, https://example.org/2
`
    const value = parsed(text)
    expect(value.body[0]?.footnotes).toEqual([1, 3])
    expect(value.warnings).toEqual([
      { code: 'missing_footnote', message: '[3] is cited but there is no footnote 3.' },
      { code: 'unreferenced_footnote', message: 'Footnote [2] is never cited in the text.' },
    ])
  })

  it('warns when there is no date line, and leaves the date to the user', () => {
    const value = parsed('Press release: No date here\n\nSomething happened.\n')
    expect(value.title).toBe('No date here')
    expect(value.dateLine).toBeNull()
    expect(codes(value)).toEqual(['no_date_line'])
    expect(value.warnings[0]?.message).toMatch(/enter the date/)
  })

  it('warns when there is no title: the paste starts with a long paragraph', () => {
    const paragraph = `Idris Arsamikov ${'is still detained and nobody knows where he is held. '.repeat(6)}`
    const value = parsed(`${paragraph}\n\nA second paragraph.`)
    expect(value.title).toBeNull()
    expect(value.body).toHaveLength(2)
    expect(codes(value)).toEqual(['no_title', 'no_date_line'])
  })

  it('reads a month-precision date line, an ISO one and one written above the title', () => {
    expect(parsed('Press release: A\n\nFebruary 2023\n\nText.').dateLine).toMatchObject({
      place: null,
      date: '2023-02-01',
      precision: 'month',
    })
    expect(parsed('Statement on B\n\nBrussels, 2023-02-22\n\nText.').dateLine).toMatchObject({
      place: 'Brussels',
      date: '2023-02-22',
      precision: 'day',
    })
    const above = parsed('PRESS RELEASE\n\nBrussels, 22 February 2023\n\nThe title\n\nText.')
    expect(above.title).toBe('The title')
    expect(above.dateLine?.date).toBe('2023-02-22')
    expect(above.body.map((p) => p.text)).toEqual(['Text.'])
  })

  it('reads a date line that opens the first paragraph', () => {
    const value = parsed(
      'Press release: C\n\nBrussels, 22 February 2023 – Idris Arsamikov was arrested.[1]\n\n[1] Source',
    )
    expect(value.dateLine).toMatchObject({ place: 'Brussels', date: '2023-02-22' })
    expect(value.body).toEqual([
      {
        text: 'Idris Arsamikov was arrested.',
        footnotes: [1],
        raw: 'Idris Arsamikov was arrested.[1]',
      },
    ])
  })

  it('treats every line as a paragraph when the paste has no blank lines', () => {
    const value = parsed(
      [
        'Press release: D',
        'Brussels, 22 February 2023',
        'First paragraph.[1]',
        'Second paragraph.',
        '[1] Reuters, “One”, 1 March 2024, https://example.org/1',
        'Press contacts:',
        'Office of Jane Doe – Paul Martin (paul.martin@europarl.europa.eu)',
      ].join('\n'),
    )
    expect(value.body.map((p) => p.text)).toEqual(['First paragraph.', 'Second paragraph.'])
    expect(value.footnotes.map((f) => f.url)).toEqual(['https://example.org/1'])
    expect(value.pressContacts[0]?.name).toBe('Paul Martin')
  })

  it('joins the lines of one block when the paste uses blank lines between paragraphs', () => {
    const value = parsed('Press release: E\n\nBrussels, 1 March 2024\n\nA sentence that\nwraps.\n')
    expect(value.body.map((p) => p.text)).toEqual(['A sentence that wraps.'])
  })

  it('warns about a speaker line with no quotation after it', () => {
    const value = parsed('Press release: F\n\nMay 2023\n\nJane Doe MEP (EPP) said:\n\n[1] X')
    expect(value.quotes).toHaveLength(1)
    expect(codes(value)).toContain('quote_without_text')
  })
})
