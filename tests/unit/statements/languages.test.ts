// Each language's conventions: dates, numbers, quotation marks, punctuation spacing, and the
// phrasing of alleged facts.
import { describe, expect, it } from 'vitest'
import { en } from '../../../app/statements/lang/en'
import { fr } from '../../../app/statements/lang/fr'
import { de, que } from '../../../app/statements/lang/fr-phrases'
import type { FactEvent } from '../../../app/statements/types'

const event = (overrides: Partial<FactEvent> = {}): FactEvent => ({
  id: 1,
  date: { date: '2023-02-01', precision: 'month' },
  custodyState: 'detained',
  legalStage: null,
  releaseReason: null,
  location: 'Moscow',
  sentences: [],
  certainty: 'confirmed',
  sourceIds: [1],
  ...overrides,
})

describe('dates', () => {
  it.each([
    [{ date: '2023-02-22', precision: 'day' }, '22 February 2023', '22 février 2023'],
    [{ date: '2023-03-01', precision: 'day' }, '1 March 2023', '1er mars 2023'],
    [{ date: '2023-02-01', precision: 'month' }, 'February 2023', 'février 2023'],
    [{ date: '2018-01-01', precision: 'year' }, '2018', '2018'],
  ] as const)('%j → %s / %s', (date, english, french) => {
    expect(en.formatDate(date)).toBe(english)
    expect(fr.formatDate(date)).toBe(french)
  })

  it('writes the date line in each language’s way', () => {
    const day = { date: '2023-02-22', precision: 'day' } as const
    expect(en.dateline('Brussels', day)).toBe('Brussels, 22 February 2023')
    expect(fr.dateline('Bruxelles', day)).toBe('Bruxelles, le 22 février 2023')
  })
})

describe('numbers and quotation marks', () => {
  it('groups digits: 1,365 and 1 365 with a narrow no-break space', () => {
    expect(en.formatNumber(1365)).toBe('1,365')
    expect(fr.formatNumber(1365)).toBe('1\u202F365')
    expect(en.formatNumber(1234567)).toBe('1,234,567')
    expect(fr.formatNumber(999)).toBe('999')
  })

  it('quotes with “ ” and « »', () => {
    expect(en.quote('x')).toBe('“x”')
    expect(fr.quote('x')).toBe('«\u202Fx\u202F»')
    expect(en.polish('he "confesses" it\'s')).toBe('he “confesses” it’s')
    expect(fr.polish('il "avoue" : oui ? non !')).toBe(
      'il «\u202Favoue\u202F»\u00A0: oui\u202F? non\u202F!',
    )
  })

  it('elides French "de" and "que" before a vowel', () => {
    expect(de('Idris')).toBe('d’Idris')
    expect(de('Malin')).toBe('de Malin')
    expect(que('Idris')).toBe('qu’Idris')
  })
})

describe('events', () => {
  const confirmed = { reported: false, reportedBy: [] }
  const alleged = { reported: true, reportedBy: ['The Moscow Times'] }

  it('states a confirmed event plainly and an alleged one as reported (English)', () => {
    expect(en.eventSentence(event(), 'A. B.', confirmed)).toBe(
      'In February 2023, A. B. was detained (Moscow).',
    )
    expect(en.eventSentence(event(), 'A. B.', alleged)).toBe(
      'According to The Moscow Times, in February 2023, A. B. was detained (Moscow).',
    )
    expect(en.eventSentence(event(), 'A. B.', { reported: true, reportedBy: [] })).toMatch(
      /^Reportedly, in February 2023/,
    )
  })

  it('gives a recorded description its subject and date', () => {
    const arrested = event({ sentences: ['Arrested at the airport.'] })
    expect(en.eventSentence(arrested, 'A. B.', confirmed)).toBe(
      'In February 2023, A. B. was arrested at the airport.',
    )
    const fled = event({
      sentences: ['Fled to Vilnius.'],
      date: { date: '2018-01-01', precision: 'year' },
    })
    expect(en.eventSentence(fled, 'A. B.', confirmed)).toBe('In 2018, A. B. fled to Vilnius.')
    const already = event({ sentences: ['According to HRW, he was beaten.'] })
    expect(en.eventSentence(already, 'A. B.', alleged)).toBe(
      'In February 2023, according to HRW, he was beaten.',
    )
  })

  it('states a confirmed event and an alleged one with "selon" and the conditional (French)', () => {
    expect(fr.eventSentence(event(), 'Idris A.', confirmed)).toBe(
      'En février 2023 a eu lieu le début de la détention d’Idris A. (lieu : Moscow).',
    )
    expect(fr.eventSentence(event(), 'Idris A.', alleged)).toBe(
      'Selon The Moscow Times, en février 2023 aurait eu lieu le début de la détention d’Idris A. (lieu : Moscow).',
    )
  })

  it('leaves French silent on an event recorded only as an English description', () => {
    const described = event({ custodyState: null, sentences: ['His father died.'] })
    expect(fr.eventSentence(described, 'X', confirmed)).toBeNull()
  })

  it('counts days in French and English without overstating', () => {
    const args = {
      name: 'X',
      custodyState: 'detained' as const,
      country: 'Russia',
      detention: {
        days: 1365,
        atLeast: true,
        since: { date: '2023-02-01', precision: 'month' as const },
      },
      stateDate: null,
      ...confirmed,
    }
    expect(en.situation(args)).toBe(
      'X has been in detention in Russia for at least 1,365 days (since February 2023).',
    )
    expect(fr.situation(args)).toBe(
      'X est en détention depuis février 2023, soit depuis au moins 1\u202F365 jours.',
    )
    expect(fr.situation({ ...args, ...alleged })).toBe(
      'Selon The Moscow Times, X serait en détention depuis février 2023, soit depuis au moins 1\u202F365 jours.',
    )
  })
})
