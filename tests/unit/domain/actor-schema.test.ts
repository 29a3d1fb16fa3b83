import { describe, expect, it } from 'vitest'
import {
  ActorFormSchema,
  MergeFormSchema,
  actorToFormValues,
  mergeFills,
  mergeLosses,
  parseActorListQuery,
  type ActorFields,
} from '../../../app/domain/actor-schema'

const actor = (overrides: Partial<ActorFields> = {}): ActorFields => ({
  kind: 'mep',
  name: 'Malin Björk',
  politicalGroup: null,
  roles: [],
  committees: [],
  organisation: null,
  office: null,
  email: null,
  phone: null,
  country: null,
  notes: '',
  ...overrides,
})

describe('ActorFormSchema', () => {
  it('reads roles and committees one per line, without blanks or repeats', () => {
    const parsed = ActorFormSchema.parse({
      kind: 'mep',
      name: ' Malin Björk ',
      roles:
        'Vice-President of the LGBTI Intergroup\r\n\r\n  Substitute in AFET \nVice-President of the LGBTI Intergroup',
      committees: 'AFET\nLIBE\n',
      email: 'malin@example.org',
      phone: '+32 2 284 00 00',
    })
    expect(parsed).toEqual(
      actor({
        roles: ['Vice-President of the LGBTI Intergroup', 'Substitute in AFET'],
        committees: ['AFET', 'LIBE'],
        email: 'malin@example.org',
        phone: '+32 2 284 00 00',
      }),
    )
  })

  it.each([
    ['name', { name: '' }, 'Enter the name'],
    ['email', { email: 'malin@' }, 'Enter an email address'],
    ['phone', { phone: '<script>' }, 'Enter a phone number'],
    ['roles', { roles: 'x'.repeat(301) }, 'at most 300 characters'],
    ['kind', { kind: 'wizard' }, 'Choose a kind from the list'],
  ])('refuses a bad %s', (field, change, message) => {
    const result = ActorFormSchema.safeParse({ kind: 'mep', name: 'A', ...change })
    expect(result.error?.issues[0]?.path[0]).toBe(field)
    expect(result.error?.issues[0]?.message).toContain(message)
  })

  it('round-trips a saved actor through the form', () => {
    const saved = actor({ roles: ['A', 'B'], committees: ['AFET'], notes: 'n' })
    expect(ActorFormSchema.parse(actorToFormValues(saved))).toEqual(saved)
  })
})

describe('merging', () => {
  it('fills only the kept actor’s empty fields, never its name or kind', () => {
    const kept = actor({ politicalGroup: 'The Left', roles: ['Vice-President'] })
    const removed = actor({
      kind: 'person',
      name: 'Malin Bjork',
      politicalGroup: 'GUE/NGL',
      committees: ['AFET'],
      email: 'm@example.org',
      notes: 'Press contact via office.',
    })
    expect(mergeFills(kept, removed)).toEqual([
      { field: 'committees', label: 'Committees', value: ['AFET'] },
      { field: 'email', label: 'Email', value: 'm@example.org' },
      { field: 'notes', label: 'Notes', value: 'Press contact via office.' },
    ])
    expect(mergeLosses(kept, removed).map((l) => [l.field, l.removed, l.kept])).toEqual([
      ['name', 'Malin Bjork', 'Malin Björk'],
      ['kind', 'person', 'mep'],
      ['politicalGroup', 'GUE/NGL', 'The Left'],
    ])
  })

  it('needs a chosen duplicate and both versions', () => {
    expect(
      MergeFormSchema.safeParse({ duplicateId: '', keptVersion: '1', duplicateVersion: '1' })
        .success,
    ).toBe(false)
    expect(
      MergeFormSchema.parse({ duplicateId: '7', keptVersion: '2', duplicateVersion: '1' }),
    ).toEqual({
      duplicateId: 7,
      keptVersion: 2,
      duplicateVersion: 1,
    })
  })
})

describe('the actor list query', () => {
  it('reads the name search, a known kind and the page', () => {
    expect(parseActorListQuery(new URLSearchParams('q=bjork&kind=mep&page=2'))).toEqual({
      q: 'bjork',
      kind: 'mep',
      page: 2,
    })
    expect(parseActorListQuery(new URLSearchParams('kind=wizard&page=abc'))).toEqual({
      q: '',
      page: 1,
    })
  })
})
