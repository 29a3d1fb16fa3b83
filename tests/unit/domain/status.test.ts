import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareEvents,
  daysInDetention,
  deriveCaseState,
  describeDetention,
  type TimelineEvent,
} from '../../../app/domain/status'
import {
  CUSTODY_STATES,
  DATE_PRECISIONS,
  DEPRIVED_OF_LIBERTY,
  LEGAL_STAGES,
} from '../../../app/domain/vocabularies'

const TODAY = '2024-06-15'

function event(
  id: number,
  eventDate: string,
  custodyState: TimelineEvent['custodyState'],
  extra: Partial<TimelineEvent> = {},
): TimelineEvent {
  return {
    id,
    eventDate,
    datePrecision: 'day',
    createdAt: new Date(Date.UTC(2024, 0, 1, 0, 0, id)),
    custodyState,
    legalStage: null,
    ...extra,
  }
}

describe('deriveCaseState', () => {
  it('takes the latest past event, whatever order the events were recorded in', () => {
    const events = [
      event(3, '2023-05-01', 'released'),
      event(1, '2023-02-14', 'detained'),
      event(2, '2023-03-01', 'imprisoned'),
    ]
    expect(deriveCaseState(events, TODAY)).toMatchObject({
      currentCustodyState: 'released',
      detainedSince: null,
    })
  })

  it('ignores a scheduled future event until its day, and says when that is', () => {
    const events = [event(1, '2023-02-14', 'detained'), event(2, '2024-07-01', 'released')]
    expect(deriveCaseState(events, TODAY)).toMatchObject({
      currentCustodyState: 'detained',
      detainedSince: { date: '2023-02-14', precision: 'day' },
      nextEventDate: '2024-07-01',
    })
    expect(deriveCaseState(events, '2024-07-01').currentCustodyState).toBe('released')
  })

  it('keeps the start of an unbroken run of deprivation of liberty across its changes of state', () => {
    const events = [
      event(1, '2023-02-01', 'detained', { datePrecision: 'month' }),
      event(2, '2023-06-10', 'pretrial_detention'),
      event(3, '2024-01-05', 'imprisoned'),
    ]
    expect(deriveCaseState(events, TODAY).detainedSince).toEqual({
      date: '2023-02-01',
      precision: 'month',
    })
  })

  it('starts a new run after a release', () => {
    const events = [
      event(1, '2020-01-01', 'detained'),
      event(2, '2021-01-01', 'released'),
      event(3, '2023-03-03', 'house_arrest'),
    ]
    expect(deriveCaseState(events, TODAY).detainedSince).toEqual({
      date: '2023-03-03',
      precision: 'day',
    })
  })

  it('orders events of the same day by when they were recorded', () => {
    const later = event(2, '2023-02-14', 'released', {
      createdAt: new Date('2024-01-02T00:00:00Z'),
    })
    const earlier = event(1, '2023-02-14', 'detained', {
      createdAt: new Date('2024-01-01T00:00:00Z'),
    })
    expect(deriveCaseState([later, earlier], TODAY).currentCustodyState).toBe('released')
  })

  it('carries the legal stage and custody state forward through events that change only one of them', () => {
    const events = [
      event(1, '2023-02-14', 'detained'),
      event(2, '2023-03-01', null, { legalStage: 'charged' }),
    ]
    expect(deriveCaseState(events, TODAY)).toMatchObject({
      currentCustodyState: 'detained',
      currentLegalStage: 'charged',
    })
  })

  // The property the whole product leans on: whatever events exist, in whatever order they were recorded,
  // edited, back-dated or deleted, the derived state is that of the latest past event that states one.
  it('always equals the state of the latest past event (property)', () => {
    const arbitraryEvent = fc.record({
      day: fc.integer({ min: 0, max: 3000 }),
      precision: fc.constantFrom(...DATE_PRECISIONS),
      custodyState: fc.option(fc.constantFrom(...CUSTODY_STATES), { nil: null }),
      legalStage: fc.option(fc.constantFrom(...LEGAL_STAGES), { nil: null }),
      createdSecond: fc.integer({ min: 0, max: 1000 }),
    })
    const edit = fc.record({
      kind: fc.constantFrom('delete', 'backdate', 'restate'),
      index: fc.nat(),
      day: fc.integer({ min: 0, max: 3000 }),
      state: fc.constantFrom(...CUSTODY_STATES),
    })
    fc.assert(
      fc.property(
        fc.array(arbitraryEvent, { maxLength: 25 }),
        fc.array(edit, { maxLength: 10 }),
        (raw, edits) => {
          const toDate = (day: number) =>
            new Date(Date.UTC(2017, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)
          let events: TimelineEvent[] = raw.map((r, i) => ({
            id: i + 1,
            eventDate: toDate(r.day),
            datePrecision: r.precision,
            createdAt: new Date(Date.UTC(2024, 0, 1) + r.createdSecond * 1000),
            custodyState: r.custodyState,
            legalStage: r.legalStage,
          }))
          for (const e of edits) {
            if (events.length === 0) break
            const i = e.index % events.length
            if (e.kind === 'delete') events = events.filter((_, j) => j !== i)
            else if (e.kind === 'backdate')
              events = events.map((ev, j) => (j === i ? { ...ev, eventDate: toDate(e.day) } : ev))
            else events = events.map((ev, j) => (j === i ? { ...ev, custodyState: e.state } : ev))
          }
          const today = toDate(1500)
          const derived = deriveCaseState(events, today)
          // Brute force: the latest past event (by date, then creation time) stating each field.
          const past = events.filter((ev) => ev.eventDate <= today).sort(compareEvents)
          const lastWith = <K extends 'custodyState' | 'legalStage'>(key: K) =>
            [...past].reverse().find((ev) => ev[key] !== null)?.[key] ?? null
          expect(derived.currentCustodyState).toBe(lastWith('custodyState'))
          expect(derived.currentLegalStage).toBe(lastWith('legalStage'))
          const deprived = DEPRIVED_OF_LIBERTY.includes(derived.currentCustodyState as never)
          expect(derived.detainedSince !== null).toBe(deprived)
          const future = events
            .filter((ev) => ev.eventDate > today)
            .map((ev) => ev.eventDate)
            .sort()
          expect(derived.nextEventDate).toBe(future[0] ?? null)
        },
      ),
      { numRuns: 500 },
    )
  })
})

describe('days in detention', () => {
  it('counts from the exact day when it is known', () => {
    const summary = daysInDetention({ date: '2023-02-14', precision: 'day' }, '2023-03-16')
    expect(summary).toEqual({
      days: 30,
      atLeast: false,
      since: { date: '2023-02-14', precision: 'day' },
    })
    expect(describeDetention(summary!)).toBe('30 days (since 14 February 2023)')
  })

  it('never overstates: a month-precision start counts from the last day of that month', () => {
    const summary = daysInDetention({ date: '2023-02-01', precision: 'month' }, '2023-03-30')
    expect(summary?.days).toBe(30)
    expect(describeDetention(summary!)).toBe('at least 30 days (since February 2023)')
  })

  it('is zero, not negative, within the month of a month-precision start', () => {
    expect(daysInDetention({ date: '2023-02-01', precision: 'month' }, '2023-02-10')?.days).toBe(0)
  })

  it('is absent for someone not deprived of liberty', () => {
    expect(daysInDetention(null, TODAY)).toBeNull()
  })
})
