// Other shapes of press release than the fixture: each written out here as a user would paste it.
import { describe, expect, it } from 'vitest'
import {
  findMentionedCases,
  parsePressRelease,
  type ParsedPressRelease,
} from '../../../app/document-import/press-release'

function parsed(text: string): ParsedPressRelease {
  const result = parsePressRelease(text)
  if (!result.ok) throw new Error(`expected a parse, got: ${result.error}`)
  return result.value
}

const NO_FOOTNOTES = `Press Release – MEPs alarmed by the sentencing of a Belarusian journalist

Strasbourg, 3 March 2024

A court in Minsk sentenced the journalist Katsiaryna Andreyeva to eight years in prison.

Her family has not been allowed to see her since November.
`

const WITH_URLS = `Press release: Journalists detained in Moscow

Brussels, 5 April 2024

Anna Petrova and Ivan Sidorov were detained on 1 March 2024.[1] Their lawyers were refused access.[2]

[1] Reuters, “Russian court detains two journalists”, 2 March 2024, https://www.reuters.com/world/europe/russia-journalists-2024-03-02/.

[2] Human Rights Watch report (2023), available at: https://www.hrw.org/report/2023/03/01/russia
`

const INLINE_QUOTES = `Press release: Three journalists must be freed

Brussels, 5 April 2024

Anna Petrova, Ivan Sidorov and Maria Kuznetsova have been held since March.

“We will not stay silent,” said Jane Doe MEP (Renew). “Every day in detention is a day too many.”

“This is a test for the Union,” she added.

John Smith, director of Press Freedom Now, added: “The world is watching.”

Marc Angel MEP (S&D), Co-President of the LGBTI Intergroup, said:

“The charges are fabricated.

“They must be dropped today.”

The Intergroup will follow the trial.
`

const FRENCH = `Communiqué de presse : Les eurodéputés demandent la libération d’Idris Arsamikov

Bruxelles, le 22 février 2023

Idris Arsamikov est un réfugié tchétchène arrêté à l’aéroport de Moscou.[1]

Malin Björk, eurodéputée (La Gauche), vice-présidente de l’Intergroupe LGBTI, a déclaré :

« Nous appelons à sa libération immédiate et inconditionnelle. »

[1] The Moscow Times (16 février 2023), « Russia detains Gay Chechen Refugee at Moscow Airport », disponible à l’adresse https://www.themoscowtimes.com/2023/02/16/a80250

Contacts presse :

Bureau de Malin Björk – Charlotta Narvehed (charlotta.narvehed@europarl.europa.eu)
`

describe('parsePressRelease on other shapes', () => {
  it('reads a release with no footnotes and warns about nothing', () => {
    const value = parsed(NO_FOOTNOTES)
    expect(value.title).toBe('MEPs alarmed by the sentencing of a Belarusian journalist')
    expect(value.dateLine).toMatchObject({ place: 'Strasbourg', date: '2024-03-03' })
    expect(value.body.map((p) => p.text)).toEqual([
      'A court in Minsk sentenced the journalist Katsiaryna Andreyeva to eight years in prison.',
      'Her family has not been allowed to see her since November.',
    ])
    expect(value.footnotes).toEqual([])
    expect(value.quotes).toEqual([])
    expect(value.pressContacts).toEqual([])
    expect(value.warnings).toEqual([])
  })

  it('reads footnotes with links, dropping the full stop after a link', () => {
    const value = parsed(WITH_URLS)
    expect(value.body[0]?.footnotes).toEqual([1, 2])
    expect(value.footnotes).toEqual([
      {
        number: 1,
        publisher: 'Reuters',
        title: 'Russian court detains two journalists',
        date: { date: '2024-03-02', precision: 'day' },
        url: 'https://www.reuters.com/world/europe/russia-journalists-2024-03-02/',
        urlMissing: false,
        raw: expect.stringMatching(/^\[1\] Reuters/),
      },
      {
        number: 2,
        publisher: 'Human Rights Watch',
        title: 'Human Rights Watch report',
        date: { date: '2023-01-01', precision: 'year' },
        url: 'https://www.hrw.org/report/2023/03/01/russia',
        urlMissing: false,
        raw: expect.stringMatching(/^\[2\] Human Rights Watch/),
      },
    ])
    expect(value.warnings).toEqual([])
  })

  it('reads a link that sits on the line below its footnote', () => {
    const text = WITH_URLS.replace(
      ', https://www.reuters',
      ', accessible at\n\nhttps://www.reuters',
    )
    const [first] = parsed(text).footnotes
    expect(first?.url).toBe('https://www.reuters.com/world/europe/russia-journalists-2024-03-02/')
    expect(first?.urlMissing).toBe(false)
  })

  it('reads quotes introduced by "said", "added" and a speaker line', () => {
    const value = parsed(INLINE_QUOTES)
    expect(value.quotes.map((q) => [q.speaker.name, q.paragraphs.map((p) => p.text)])).toEqual([
      [
        'Jane Doe',
        [
          'We will not stay silent. Every day in detention is a day too many.',
          'This is a test for the Union',
        ],
      ],
      ['John Smith', ['The world is watching.']],
      ['Marc Angel', ['The charges are fabricated.', 'They must be dropped today.']],
    ])
    const [doe, smith, angel] = value.quotes.map((q) => q.speaker)
    expect(doe).toMatchObject({ isMep: true, politicalGroup: 'Renew', roles: [] })
    expect(smith).toMatchObject({
      isMep: false,
      politicalGroup: null,
      roles: ['director of Press Freedom Now'],
    })
    expect(angel).toMatchObject({
      isMep: true,
      politicalGroup: 'S&D',
      roles: ['Co-President of the LGBTI Intergroup'],
    })
    // After a quotation whose marks close, an ordinary paragraph is body again.
    expect(value.body.map((p) => p.text)).toEqual([
      'Anna Petrova, Ivan Sidorov and Maria Kuznetsova have been held since March.',
      'The Intergroup will follow the trial.',
    ])
  })

  it('finds the several cases a release names', () => {
    const value = parsed(INLINE_QUOTES)
    const cases = [
      { id: 1, fullName: 'Idris Arsamikov', aliases: ['Идрис Арсамиков'] },
      { id: 2, fullName: 'Maria Kuznetsova', aliases: [] },
      { id: 3, fullName: 'Ivan Sidorov', aliases: ['Иван Сидоров'] },
      { id: 4, fullName: 'Anna Petrova', aliases: [], displayName: null },
    ]
    const text = [value.title ?? '', ...value.body.map((p) => p.text)].join('\n')
    expect(findMentionedCases(text, cases)).toEqual([4, 3, 2])
  })

  it('reads a French release: French month names, « » quotation marks, contacts presse', () => {
    const value = parsed(FRENCH)
    expect(value.title).toBe('Les eurodéputés demandent la libération d’Idris Arsamikov')
    expect(value.language).toBe('fr')
    expect(value.dateLine).toEqual({
      place: 'Bruxelles',
      date: '2023-02-22',
      precision: 'day',
      raw: 'Bruxelles, le 22 février 2023',
    })
    expect(value.body).toHaveLength(1)
    expect(value.body[0]?.footnotes).toEqual([1])
    expect(value.quotes).toEqual([
      {
        speaker: {
          name: 'Malin Björk',
          isMep: true,
          politicalGroup: 'La Gauche',
          roles: ['vice-présidente de l’Intergroupe LGBTI'],
          rawLine:
            'Malin Björk, eurodéputée (La Gauche), vice-présidente de l’Intergroupe LGBTI, a déclaré :',
        },
        paragraphs: [
          {
            text: 'Nous appelons à sa libération immédiate et inconditionnelle.',
            footnotes: [],
            raw: 'Nous appelons à sa libération immédiate et inconditionnelle.',
          },
        ],
      },
    ])
    expect(value.footnotes[0]).toMatchObject({
      publisher: 'The Moscow Times',
      title: 'Russia detains Gay Chechen Refugee at Moscow Airport',
      date: { date: '2023-02-16', precision: 'day' },
      url: 'https://www.themoscowtimes.com/2023/02/16/a80250',
    })
    expect(value.pressContacts).toEqual([
      {
        office: 'Bureau de Malin Björk',
        name: 'Charlotta Narvehed',
        email: 'charlotta.narvehed@europarl.europa.eu',
        phone: null,
        raw: 'Bureau de Malin Björk – Charlotta Narvehed (charlotta.narvehed@europarl.europa.eu)',
      },
    ])
    expect(value.warnings).toEqual([])
  })

  it('reads a release with Windows line endings and non-breaking spaces like any other', () => {
    const windows = FRENCH.replace(/\n/g, '\r\n').replace(/ :/g, '\u00a0:')
    const value = parsed(windows)
    expect(value.dateLine?.date).toBe('2023-02-22')
    expect(value.quotes[0]?.speaker.name).toBe('Malin Björk')
    expect(value.pressContacts[0]?.email).toBe('charlotta.narvehed@europarl.europa.eu')
    expect(value.body.map((p) => p.text)).toEqual(parsed(FRENCH).body.map((p) => p.text))
    expect(value.contentHash).toBe(parsed(FRENCH).contentHash)
    expect(JSON.stringify(value)).not.toMatch(/\r|\u00a0/)
  })
})
