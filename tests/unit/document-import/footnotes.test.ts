import { describe, expect, it } from 'vitest'
import {
  matchFootnoteLine,
  paragraphOf,
  parseFootnote,
} from '../../../app/document-import/release-footnotes'

function footnote(line: string) {
  const m = matchFootnoteLine(line)
  if (!m) throw new Error(`not a footnote line: ${line}`)
  return parseFootnote(m.number, m.content, line)
}

describe('paragraphOf', () => {
  it('takes footnote markers out of the text and lists them', () => {
    expect(paragraphOf('First.[1] Second [2]. Third.[1]')).toEqual({
      text: 'First. Second. Third.',
      footnotes: [1, 2],
      raw: 'First.[1] Second [2]. Third.[1]',
    })
  })

  it('reads lists and ranges of markers', () => {
    expect(paragraphOf('Claims.[1, 3]').footnotes).toEqual([1, 3])
    expect(paragraphOf('Claims.[4–6][2]').footnotes).toEqual([4, 5, 6, 2])
  })

  it('leaves brackets that are not markers', () => {
    expect(paragraphOf('In [2019] he [sic] left.')).toEqual({
      text: 'In [2019] he [sic] left.',
      footnotes: [],
      raw: 'In [2019] he [sic] left.',
    })
  })
})

describe('matchFootnoteLine', () => {
  it('reads the number and the rest', () => {
    expect(matchFootnoteLine('[12]  Source text')).toEqual({ number: 12, content: 'Source text' })
    expect(matchFootnoteLine('Text [1]')).toBeNull()
  })
})

describe('parseFootnote', () => {
  it('reads a resolution: the title is the text, the publisher its first words', () => {
    expect(
      footnote(
        '[1] European Parliament resolution on the situation in Chechnya (12 February 2019), accessible at',
      ),
    ).toMatchObject({
      number: 1,
      publisher: 'European Parliament',
      title: 'European Parliament resolution on the situation in Chechnya',
      date: { date: '2019-02-12', precision: 'day' },
      url: null,
      urlMissing: true,
    })
  })

  it('reads a newspaper article with a quoted title', () => {
    expect(
      footnote(
        '[2] The Moscow Times (16 February 2023), “Russia detains Gay Chechen Refugee at Moscow Airport”, accessible at',
      ),
    ).toMatchObject({
      publisher: 'The Moscow Times',
      title: 'Russia detains Gay Chechen Refugee at Moscow Airport',
      date: { date: '2023-02-16', precision: 'day' },
      urlMissing: true,
    })
  })

  it('reads the publisher after a quoted title, and a link at the end', () => {
    expect(
      footnote(
        '[3] "Chechnya: new purge", The Guardian, 3 March 2024, https://theguardian.com/a?b=1.',
      ),
    ).toMatchObject({
      publisher: 'The Guardian',
      title: 'Chechnya: new purge',
      date: { date: '2024-03-03', precision: 'day' },
      url: 'https://theguardian.com/a?b=1',
      urlMissing: false,
    })
  })

  it('keeps balanced parentheses in a link and drops an unbalanced one', () => {
    expect(footnote('[4] See https://en.wikipedia.org/wiki/Chechnya_(region)').url).toBe(
      'https://en.wikipedia.org/wiki/Chechnya_(region)',
    )
    expect(footnote('[4] (online: https://example.org/page)').url).toBe('https://example.org/page')
  })

  it('does not take a link that is not http(s), and does not call it missing without cue', () => {
    expect(
      footnote('[5] Interview with the family, 2 May 2023, ftp://example.org/x'),
    ).toMatchObject({
      url: null,
      urlMissing: false,
      date: { date: '2023-05-02', precision: 'day' },
    })
  })

  it('reads a footnote that is only a link', () => {
    expect(footnote('[6] https://example.org/report')).toMatchObject({
      publisher: null,
      title: null,
      date: null,
      url: 'https://example.org/report',
      urlMissing: false,
    })
  })

  it('reads a French footnote with « » and "disponible à l’adresse"', () => {
    expect(
      footnote(
        '[7] Le Monde (3 mars 2024), « Tchétchénie : la répression continue », disponible à l’adresse',
      ),
    ).toMatchObject({
      publisher: 'Le Monde',
      title: 'Tchétchénie : la répression continue',
      date: { date: '2024-03-03', precision: 'day' },
      urlMissing: true,
    })
  })
})
