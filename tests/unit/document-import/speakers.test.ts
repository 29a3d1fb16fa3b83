import { describe, expect, it } from 'vitest'
import {
  matchAttributedQuote,
  matchSpeakerLine,
  parseSpeaker,
  unquote,
} from '../../../app/document-import/speakers'

describe('matchSpeakerLine', () => {
  it.each([
    'comments',
    'concludes',
    'said',
    'added',
    'stated',
    'declared',
    'adds',
    'says',
    'has also said',
  ])('recognises a line ending in "%s:"', (verb) => {
    const line = `Jane Doe MEP (Renew), Member of the Subcommittee on Human Rights (DROI), ${verb}:`
    expect(matchSpeakerLine(line)?.speaker).toEqual({
      name: 'Jane Doe',
      isMep: true,
      politicalGroup: 'Renew',
      roles: ['Member of the Subcommittee on Human Rights (DROI)'],
      rawLine: line,
    })
  })

  it('reads a quotation that opens on the speaker line', () => {
    expect(
      matchSpeakerLine(
        'John Smith, director of Press Freedom Now, added: “The world is watching.”',
      ),
    ).toMatchObject({
      speaker: { name: 'John Smith', isMep: false, roles: ['director of Press Freedom Now'] },
      text: 'The world is watching.',
      closed: true,
    })
    expect(matchSpeakerLine('Jane Doe said: “It starts here')).toMatchObject({
      text: 'It starts here',
      closed: false,
    })
  })

  it('does not take ordinary sentences for speaker lines', () => {
    expect(matchSpeakerLine('The Commission said: nothing will change.')).toBeNull()
    expect(matchSpeakerLine('He was arrested. His lawyer said:')).toBeNull()
    expect(matchSpeakerLine('said:')).toBeNull()
    expect(matchSpeakerLine('Idris Arsamikov is a gay Chechen refugee.')).toBeNull()
  })
})

describe('parseSpeaker', () => {
  it('reads the non-attached MEP of the fixture', () => {
    expect(
      parseSpeaker(
        'Fabio Massimo Castaldo MEP (Non-attached Member), Vice-President of the LGBTI Intergroup and Member in the Foreign Affairs Committee (AFET)',
      ),
    ).toMatchObject({
      name: 'Fabio Massimo Castaldo',
      isMep: true,
      politicalGroup: 'Non-attached Member',
      roles: [
        'Vice-President of the LGBTI Intergroup',
        'Member in the Foreign Affairs Committee (AFET)',
      ],
    })
  })

  it('keeps a committee name with a comma and an "and" in it whole', () => {
    expect(
      parseSpeaker(
        'Jane Doe MEP (Greens/EFA), Member of the Committee on Civil Liberties, Justice and Home Affairs (LIBE) and Rapporteur for Russia',
      ).roles,
    ).toEqual([
      'Member of the Committee on Civil Liberties, Justice and Home Affairs (LIBE)',
      'Rapporteur for Russia',
    ])
  })

  it('splits roles at "and", "&" or a comma only before a word naming a role', () => {
    expect(
      parseSpeaker('Anna Smith, Director of Human Rights and Democracy & Co-Chair of the Network')
        .roles,
    ).toEqual(['Director of Human Rights and Democracy', 'Co-Chair of the Network'])
  })

  it('finds the MEP and group in a later part', () => {
    expect(parseSpeaker('Jane Doe, Renew Europe MEP, Chair of DROI')).toMatchObject({
      name: 'Jane Doe',
      isMep: true,
      politicalGroup: 'Renew Europe',
      roles: ['Chair of DROI'],
    })
    expect(parseSpeaker('Malin Björk, eurodéputée (La Gauche)')).toMatchObject({
      name: 'Malin Björk',
      isMep: true,
      politicalGroup: 'La Gauche',
      roles: [],
    })
  })

  it('reads a person who is not an MEP', () => {
    expect(parseSpeaker('Anna Smith, Executive Director of ILGA-Europe')).toEqual({
      name: 'Anna Smith',
      isMep: false,
      politicalGroup: null,
      roles: ['Executive Director of ILGA-Europe'],
      rawLine: 'Anna Smith, Executive Director of ILGA-Europe',
    })
  })
})

describe('matchAttributedQuote', () => {
  it('reads "“…,” said Name MEP (Group)."', () => {
    expect(matchAttributedQuote('“Quote text,” said Jane Doe MEP (Renew).')).toMatchObject({
      speaker: { name: 'Jane Doe', isMep: true, politicalGroup: 'Renew' },
      text: 'Quote text',
      closed: true,
    })
    expect(matchAttributedQuote('"Quote text," said Jane Doe MEP (Renew).')?.text).toBe(
      'Quote text',
    )
  })

  it('reads "“…,” Name added." and a continuation after the attribution', () => {
    expect(matchAttributedQuote('“We act,” Jane Doe added. “Now.”')).toMatchObject({
      speaker: { name: 'Jane Doe' },
      text: 'We act. Now.',
      closed: true,
    })
    expect(matchAttributedQuote('“We act,” said Jane Doe, “and we act now.”')?.text).toBe(
      'We act, and we act now.',
    )
  })

  it('gives no speaker for "she said": the previous speaker goes on', () => {
    expect(matchAttributedQuote('“More,” she added.')).toEqual({
      speaker: null,
      text: 'More',
      closed: true,
    })
  })

  it('leaves paragraphs that are not attributed quotations', () => {
    expect(matchAttributedQuote('He said it was “a disgrace”.')).toBeNull()
    expect(matchAttributedQuote('“A disgrace” is how the report describes it.')).toBeNull()
  })
})

describe('unquote', () => {
  it('drops the opening and closing marks, keeping markers after the close', () => {
    expect(unquote('“All of it.”[2]')).toEqual({ text: 'All of it.[2]', closed: true })
    expect(unquote('« Tout. »')).toEqual({ text: 'Tout.', closed: true })
    expect(unquote('“Part one')).toEqual({ text: 'Part one', closed: false })
  })
})
