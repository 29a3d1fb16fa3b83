import { describe, expect, it } from 'vitest'
import { findMentionedCases, foldName, matchActor } from '../../../app/document-import/names'

describe('foldName', () => {
  it('drops diacritics and case, unifies apostrophes and dashes, collapses whitespace', () => {
    expect(foldName('Malin Björk')).toBe('malin bjork')
    expect(foldName('  MALIN\u00a0\n BJORK ')).toBe('malin bjork')
    expect(foldName('Seán O’Brien')).toBe("sean o'brien")
    expect(foldName('Jean‐Pierre')).toBe('jean-pierre')
    expect(foldName('Bjørn Łukasz Straße')).toBe('bjorn lukasz strasse')
    expect(foldName('Идрис Арсамиков')).toBe('идрис арсамиков')
    expect(foldName('Йошкар-Ола')).toBe('иошкар-ола') // й folds to и, on both sides of a comparison
  })
})

describe('matchActor', () => {
  const actors = [
    { id: 1, name: 'Malin Björk' },
    { id: 2, name: 'Fabio Massimo Castaldo' },
    { id: 3, name: 'Charlotta Narvehed' },
    { id: 4, name: 'Marc Angel' },
  ]

  it('matches a name written without its diacritics', () => {
    expect(matchActor('Malin Bjork', actors)).toBe(1)
    expect(matchActor('MALIN BJÖRK', actors)).toBe(1)
  })

  it('ignores titles and asides such as MEP and the political group', () => {
    expect(matchActor('Malin Bjork MEP (Left)', actors)).toBe(1)
    expect(matchActor('Dr. Marc Angel', actors)).toBe(4)
  })

  it('matches the words in another order, and a name without its middle names', () => {
    expect(matchActor('Björk Malin', actors)).toBe(1)
    expect(matchActor('Fabio Castaldo', actors)).toBe(2)
  })

  it('returns null for no match, for a lone surname, and when two actors match equally', () => {
    expect(matchActor('Francesca Acampora', actors)).toBeNull()
    expect(matchActor('Björk', actors)).toBeNull()
    expect(matchActor('', actors)).toBeNull()
    const twins = [...actors, { id: 9, name: 'Malin Bjork' }]
    expect(matchActor('Malin Björk', twins)).toBe(1) // identical beats folded-equal
    expect(matchActor('Malin BJORK', twins)).toBeNull() // equally close to both: the user picks
  })
})

describe('findMentionedCases', () => {
  const cases = [
    { id: 10, fullName: 'Idris Arsamikov', aliases: ['Идрис Арсамиков'], displayName: null },
    { id: 11, fullName: 'Ruslan Khan', aliases: [] },
    { id: 12, fullName: 'Zelimkhan Bakaev', aliases: ['Зелимхан Бакаев'], displayName: 'Zelim' },
    { id: 13, fullName: 'Salman Tepsurkaev', aliases: [] },
  ]

  it('finds a case by its full name, ignoring case and diacritics, in order of mention', () => {
    expect(
      findMentionedCases('We call for the release of ZELIMKHAN BAKAEV and idris arsamikov.', cases),
    ).toEqual([12, 10])
    expect(findMentionedCases('Idrís Arsamíkov', cases)).toEqual([10])
  })

  it('finds a case by an alias in another script', () => {
    expect(findMentionedCases('Задержан Идрис Арсамиков', cases)).toEqual([10])
  })

  it('finds a name written surname first, and across a line break', () => {
    expect(findMentionedCases('ARSAMIKOV Idris (born 1990)', cases)).toEqual([10])
    expect(findMentionedCases('Arsamikov, Idris', cases)).toEqual([10])
    expect(findMentionedCases('the case of Idris\nArsamikov', cases)).toEqual([10])
  })

  it('matches whole words only', () => {
    expect(findMentionedCases('Idris Arsamikovich', cases)).toEqual([])
    expect(findMentionedCases('Ruslan Khanov', cases)).toEqual([])
  })

  it('does not take a surname, first name or one-word alias alone as a mention', () => {
    expect(findMentionedCases('Mr Khan was seen.', cases)).toEqual([])
    expect(findMentionedCases('Idris is detained.', cases)).toEqual([])
    expect(findMentionedCases('Zelim is missing.', cases)).toEqual([])
  })

  it('takes a surname or first name when the full name appears in the context', () => {
    const release = 'Idris Arsamikov was arrested.\n\nWe call for the release of Idris.'
    const lastParagraph = 'We call for the release of Idris.'
    expect(findMentionedCases(lastParagraph, cases)).toEqual([])
    expect(findMentionedCases(lastParagraph, cases, { context: release })).toEqual([10])
    // The short name counts towards the order of mention.
    expect(
      findMentionedCases('Bakaev, then Idris Arsamikov, then Zelimkhan Bakaev', cases),
    ).toEqual([12, 10])
  })

  it('returns nothing for no cases or no text', () => {
    expect(findMentionedCases('Idris Arsamikov', [])).toEqual([])
    expect(findMentionedCases('', cases)).toEqual([])
  })
})
