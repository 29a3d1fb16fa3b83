import { describe, expect, it } from 'vitest'
import {
  describeChange,
  describeHistoryRow,
  fieldLabel,
  formatValue,
  historySentence,
  type HistoryReferences,
  type HistoryRow,
} from '../../../app/domain/history'

const AT = '2024-03-03T14:05:09.123Z'

function row(overrides: Partial<HistoryRow>): HistoryRow {
  return {
    id: '1',
    occurredAt: AT,
    userName: 'Demo Editor',
    entity: 'case',
    entityId: '7',
    action: 'update',
    changes: [],
    ...overrides,
  }
}

const refs: HistoryReferences = {
  users: { '3': 'Demo Editor', '4': 'Demo Admin' },
  sources: { '11': 'Russia detains Gay Chechen Refugee at Moscow Airport' },
  events: {
    '21': { date: '2023-02-01', precision: 'month' },
    '22': { date: '2023-02-14', precision: 'day' },
  },
}

const sentence = (r: HistoryRow, references?: HistoryReferences) =>
  historySentence(describeHistoryRow(r, references))

describe('field labels', () => {
  it.each([
    ['custodyState', 'custody state'],
    ['fullName', 'full name'],
    ['ownerId', 'owner'],
    ['eventDate', 'date'],
    ['grounds', 'grounds'],
    ['someNewField', 'some new field'],
    ['field2Name', 'field2 name'],
  ])('%s reads as "%s"', (field, label) => {
    expect(fieldLabel(field)).toBe(label)
  })
})

describe('values', () => {
  it('labels vocabulary values, names referenced users and quotes free text', () => {
    expect(formatValue('custodyState', 'pretrial_detention')).toBe('Pre-trial detention')
    expect(formatValue('grounds', ['sexual_orientation', 'journalism'])).toBe(
      'Sexual orientation, Journalism',
    )
    expect(formatValue('ownerId', 4, refs)).toBe('Demo Admin')
    expect(formatValue('ownerId', 99, refs)).toBe('user #99')
    expect(formatValue('country', 'Russia')).toBe('“Russia”')
    expect(formatValue('eventDate', '2023-02-14')).toBe('2023-02-14')
    expect(formatValue('country', null)).toBe('nothing')
  })

  it('shortens long text to 80 characters', () => {
    const text = formatValue('summary', 'x'.repeat(500))
    expect(text).toBe(`“${'x'.repeat(79)}…”`)
  })
})

describe('changes', () => {
  it('says from what to what, with vocabulary labels', () => {
    expect(describeChange({ field: 'custodyState', old: 'detained', new: 'released' })).toBe(
      'changed custody state from Detained to Released',
    )
  })

  it('says "set" for a first value and "cleared" for a removed one', () => {
    expect(describeChange({ field: 'region', old: null, new: 'Chechnya' })).toBe(
      'set region to “Chechnya”',
    )
    expect(describeChange({ field: 'region', old: 'Chechnya', new: null })).toBe(
      'cleared region (was “Chechnya”)',
    )
  })

  it('never shows values of a sensitive field, even if a row carried them', () => {
    const text = describeChange({
      field: 'grounds',
      sensitive: true,
      old: ['sexual_orientation'],
      new: ['activism'],
    })
    expect(text).toBe('changed grounds (sensitive — values not recorded)')
    expect(text).not.toMatch(/orientation|activism/i)
  })
})

describe('case rows', () => {
  it('one changed field is one sentence with the UTC time', () => {
    const r = row({ changes: [{ field: 'riskLevel', old: 'high', new: 'critical' }] })
    expect(sentence(r)).toBe(
      'Demo Editor changed risk level from High to Critical — 3 March 2024, 14:05 UTC',
    )
  })

  it('several changed fields are a headline with a line each', () => {
    const entry = describeHistoryRow(
      row({
        changes: [
          { field: 'ownerId', old: 3, new: 4 },
          { field: 'grounds', sensitive: true },
        ],
      }),
      refs,
    )
    expect(entry.summary).toBe('updated the case (2 fields)')
    expect(entry.details).toEqual([
      'changed owner from Demo Editor to Demo Admin',
      'changed grounds (sensitive — values not recorded)',
    ])
  })

  it('a save that changed nothing says so', () => {
    expect(describeHistoryRow(row({ changes: [] })).summary).toBe('saved the case without changes')
  })

  it('creation lists the first values; a null user is the System (the seed)', () => {
    const entry = describeHistoryRow(
      row({
        userName: null,
        action: 'create',
        changes: [
          { field: 'fullName', new: 'Idris Arsamikov' },
          { field: 'visibility', new: 'public' },
          { field: 'consent', sensitive: true },
        ],
      }),
    )
    expect(historySentence(entry)).toBe('System created the case — 3 March 2024, 14:05 UTC')
    expect(entry.details).toEqual([
      'full name: “Idris Arsamikov”',
      'visibility: Public',
      'consent (sensitive — value not recorded)',
    ])
  })

  it('deletion, grant and revoke', () => {
    expect(describeHistoryRow(row({ action: 'delete' })).summary).toBe('deleted the case')
    expect(
      sentence(
        row({
          userName: 'Demo Admin',
          action: 'grant',
          changes: [{ field: 'access', new: 'Jane Doe' }],
        }),
      ),
    ).toBe('Demo Admin granted access to Jane Doe — 3 March 2024, 14:05 UTC')
    expect(
      describeHistoryRow(row({ action: 'revoke', changes: [{ field: 'access', old: 'Jane Doe' }] }))
        .summary,
    ).toBe('revoked access for Jane Doe')
    // Written with `new` by an older writer: still read.
    expect(
      describeHistoryRow(row({ action: 'revoke', changes: [{ field: 'access', new: 'Jane Doe' }] }))
        .summary,
    ).toBe('revoked access for Jane Doe')
  })
})

describe('event rows', () => {
  it('a recorded event shows its date in its own precision and its states', () => {
    const r = row({
      entity: 'status_event',
      action: 'create',
      changes: [
        { field: 'eventDate', new: '2023-02-14' },
        { field: 'datePrecision', new: 'day' },
        { field: 'custodyState', new: 'detained' },
      ],
    })
    expect(sentence(r)).toBe(
      'Demo Editor recorded an event (14 February 2023: Detained) — 3 March 2024, 14:05 UTC',
    )
  })

  it('an event without a state is named by its description; alleged is said', () => {
    const summary = describeHistoryRow(
      row({
        entity: 'status_event',
        action: 'create',
        changes: [
          { field: 'eventDate', new: '2023-02-01' },
          { field: 'datePrecision', new: 'month' },
          { field: 'description', new: 'A video surfaced.' },
        ],
      }),
    ).summary
    expect(summary).toBe('recorded an event (February 2023: A video surfaced.)')
    const alleged = describeHistoryRow(
      row({
        entity: 'status_event',
        action: 'create',
        changes: [
          { field: 'eventDate', new: '2018-01-01' },
          { field: 'datePrecision', new: 'year' },
          { field: 'custodyState', new: 'in_exile' },
          { field: 'certainty', new: 'alleged' },
        ],
      }),
    ).summary
    expect(alleged).toBe('recorded an alleged event (2018: In exile)')
  })

  it('an edit names the event; a deletion uses the values it had', () => {
    const edited = describeHistoryRow(
      row({
        entity: 'status_event',
        entityId: '22',
        changes: [{ field: 'custodyState', old: 'detained', new: 'released' }],
      }),
      refs,
    )
    expect(edited.summary).toBe(
      'changed custody state from Detained to Released in the event of 14 February 2023',
    )
    const deleted = describeHistoryRow(
      row({
        entity: 'status_event',
        entityId: '99',
        action: 'delete',
        changes: [
          { field: 'eventDate', old: '2023-02-01' },
          { field: 'datePrecision', old: 'month' },
          { field: 'legalStage', old: 'charged' },
        ],
      }),
      refs,
    )
    expect(deleted.summary).toBe('deleted an event (February 2023: Charged)')
  })
})

describe('citation rows', () => {
  it('names the source and the event it was cited for', () => {
    const summary = describeHistoryRow(
      row({
        entity: 'citation',
        action: 'create',
        changes: [
          { field: 'sourceId', new: 11 },
          { field: 'statusEventId', new: 21 },
        ],
      }),
      refs,
    ).summary
    expect(summary).toBe(
      'cited “Russia detains Gay Chechen Refugee at Moscow Airport” for the event of February 2023',
    )
  })

  it('falls back when the source or event is gone', () => {
    const summary = describeHistoryRow(
      row({
        entity: 'citation',
        action: 'delete',
        changes: [
          { field: 'sourceId', old: 12 },
          { field: 'statusEventId', old: 98 },
        ],
      }),
      refs,
    ).summary
    expect(summary).toBe('removed the citation of source #12 from an event since deleted')
  })
})

describe('unknown rows', () => {
  it('an unknown entity, action or field still reads as something', () => {
    const entry = describeHistoryRow(
      row({
        entity: 'advocacy_action',
        entityId: '5',
        action: 'merge',
        changes: [{ field: 'outcomeNotes', old: 'a', new: 'b' }],
      }),
    )
    expect(entry.summary).toBe('merged advocacy action #5')
    expect(entry.details).toEqual(['changed outcome notes from “a” to “b”'])
    expect(describeHistoryRow(row({ action: 'sign_in' })).summary).toBe('did “sign_in” to case #7')
  })

  it('keeps the id as a string and the time as ISO for <time>', () => {
    const entry = describeHistoryRow(row({ id: 42 }))
    expect(entry.id).toBe('42')
    expect(entry.occurredAt).toBe(AT)
  })
})
