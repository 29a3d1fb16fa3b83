import { describe, expect, it } from 'vitest'
import {
  matchContactsHeading,
  parseContactLine,
  parseContacts,
} from '../../../app/document-import/contacts'

describe('matchContactsHeading', () => {
  it('recognises the headings in English and French', () => {
    expect(matchContactsHeading('Press contacts:')).toBe('')
    expect(matchContactsHeading('Media contacts')).toBe('')
    expect(matchContactsHeading('Contacts presse :')).toBe('')
    expect(matchContactsHeading('Press contact: Jane Roe, jane@example.org')).toBe(
      'Jane Roe, jane@example.org',
    )
    expect(matchContactsHeading('Contact: Jane Roe')).toBe('Jane Roe')
  })

  it('does not take body text or a lone "Contact" for a heading', () => {
    expect(matchContactsHeading('Contact')).toBeNull()
    expect(matchContactsHeading('Press contacts were arranged by the office.')).toBeNull()
  })
})

describe('parseContactLine', () => {
  it('reads the truncated lines of the fixture', () => {
    expect(parseContactLine('Office of Malin Björk– Charlotta Narvehed (')).toEqual({
      office: 'Office of Malin Björk',
      name: 'Charlotta Narvehed',
      email: null,
      phone: null,
      raw: 'Office of Malin Björk– Charlotta Narvehed (',
    })
  })

  it('reads an email and a phone number when they are there', () => {
    expect(
      parseContactLine(
        'Office of Jane Doe – Paul Martin (paul.martin@europarl.europa.eu, +32 2 284 12 34)',
      ),
    ).toMatchObject({
      office: 'Office of Jane Doe',
      name: 'Paul Martin',
      email: 'paul.martin@europarl.europa.eu',
      phone: '+32 2 284 12 34',
    })
  })

  it('puts the person first when the line is "Name – Office"', () => {
    expect(
      parseContactLine('Paul Martin – LGBTI Intergroup Secretariat, Tel: +32 470 12 34 56'),
    ).toMatchObject({
      office: 'LGBTI Intergroup Secretariat',
      name: 'Paul Martin',
      phone: '+32 470 12 34 56',
    })
  })

  it('reads "Name, office, email" without a dash', () => {
    expect(
      parseContactLine('Paul Martin, Office of Jane Doe, mailto:paul@example.org'),
    ).toMatchObject({
      name: 'Paul Martin',
      office: 'Office of Jane Doe',
      email: 'paul@example.org',
      phone: null,
    })
  })
})

describe('parseContacts', () => {
  it('adds an email or phone on its own line to the contact above', () => {
    expect(
      parseContacts([
        'Office of Jane Doe – Paul Martin',
        'E-mail: paul.martin@europarl.europa.eu',
        'Tel. : +32 2 284 12 34',
        '',
        'Office of John Roe – Anna Weber',
      ]),
    ).toEqual([
      {
        office: 'Office of Jane Doe',
        name: 'Paul Martin',
        email: 'paul.martin@europarl.europa.eu',
        phone: '+32 2 284 12 34',
        raw: 'Office of Jane Doe – Paul Martin\nE-mail: paul.martin@europarl.europa.eu\nTel. : +32 2 284 12 34',
      },
      {
        office: 'Office of John Roe',
        name: 'Anna Weber',
        email: null,
        phone: null,
        raw: 'Office of John Roe – Anna Weber',
      },
    ])
  })
})
