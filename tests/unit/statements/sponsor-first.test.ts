// The statement generator offers the sponsoring MEP first for the quote (issue 13 §4).
import { describe, expect, it } from 'vitest'
import { choiceDefaults } from '../../../app/statements/case-for-statement'
import type { StatementActor } from '../../../app/statements/types'

const actor = (id: number, kind: string, name: string): StatementActor => ({
  id,
  name,
  kind,
  politicalGroup: null,
  roles: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
})
const actors = [
  actor(1, 'mep', 'Anna Quoted'),
  actor(2, 'mep', 'Мария Спонсор'),
  actor(3, 'person', 'Pat'),
]
const base = { actors, latestIssuerId: null, latestTargetId: null, today: '2026-12-01' }

describe('choiceDefaults with sponsors', () => {
  it('puts the sponsoring MEP first, with their latest quote when there is one', () => {
    const quotes = [
      { actorId: 1, body: 'Free him now.' },
      { actorId: 2, body: 'I stand by him.' },
    ]
    const defaults = choiceDefaults({ ...base, quotes, sponsorIds: [2] })
    expect(defaults.quotedMeps).toEqual([
      { actorId: 2, quote: 'I stand by him.' },
      { actorId: 1, quote: 'Free him now.' },
    ])
  })

  it('offers a sponsoring MEP with no earlier quote, with an empty quote to write', () => {
    const defaults = choiceDefaults({
      ...base,
      quotes: [{ actorId: 1, body: 'Q' }],
      sponsorIds: [2],
    })
    expect(defaults.quotedMeps).toEqual([
      { actorId: 2, quote: '' },
      { actorId: 1, quote: 'Q' },
    ])
  })

  it('does not offer a sponsor who is not an MEP, and without sponsors keeps the old order', () => {
    const quotes = [{ actorId: 1, body: 'Q' }]
    expect(choiceDefaults({ ...base, quotes, sponsorIds: [3] }).quotedMeps).toEqual([
      { actorId: 1, quote: 'Q' },
    ])
    expect(choiceDefaults({ ...base, quotes }).quotedMeps).toEqual([{ actorId: 1, quote: 'Q' }])
  })
})
