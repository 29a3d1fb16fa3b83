// How a saved draft describes the case changes made after it.
import { describe, expect, it } from 'vitest'
import { describeStaleness } from '../../../app/statements/staleness'

describe('staleness', () => {
  it('is not stale while the case is at the version the draft came from', () => {
    expect(describeStaleness({ generatedFromVersion: 6, caseVersion: 6, changes: [] })).toEqual({
      stale: false,
      message: null,
      changes: [],
    })
  })

  it('says what changed: a release on a day, a new event in a month, an edit, a removal', () => {
    const result = describeStaleness({
      generatedFromVersion: 6,
      caseVersion: 10,
      changes: [
        {
          kind: 'added',
          date: { date: '2024-03-03', precision: 'day' },
          custodyState: 'released',
          legalStage: null,
        },
        {
          kind: 'added',
          date: { date: '2024-04-01', precision: 'month' },
          custodyState: null,
          legalStage: null,
        },
        {
          kind: 'edited',
          date: { date: '2023-02-01', precision: 'month' },
          custodyState: 'detained',
          legalStage: null,
        },
        { kind: 'removed' },
      ],
    })
    expect(result.stale).toBe(true)
    expect(result.message).toBe(
      'The case changed after this draft: released on 3 March 2024; a new event in April 2024; the event of February 2023 was edited; an event was removed from the timeline.',
    )
  })

  it('still says the case changed when the change is not in the timeline', () => {
    expect(
      describeStaleness({ generatedFromVersion: 1, caseVersion: 2, changes: [] }).message,
    ).toBe('The case changed after this draft was generated.')
  })
})
