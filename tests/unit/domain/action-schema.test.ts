import { describe, expect, it } from 'vitest'
import {
  actionDifferences,
  actionListSearch,
  actionToFormValues,
  ActionFormSchema,
  parseActionListQuery,
  readActionFormData,
} from '../../../app/domain/action-schema'

const valid = {
  kind: 'letter_to_authorities',
  title: '  Letter to the Prosecutor General  ',
  actionDate: '2023-03',
  datePrecision: 'month',
  actorId: '3',
  targetId: '',
  documentId: '',
  caseIds: ['4', '2', '4'],
  response: 'acknowledged',
  outcomeNotes: 'Reply received.',
  sourceIds: [],
}

function errorsOf(input: Record<string, unknown>) {
  const result = ActionFormSchema.safeParse(input)
  if (result.success) throw new Error('expected the form to be refused')
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]))
}

describe('the action form', () => {
  it('reads a valid action: a partial date, ids and unique cases', () => {
    const result = ActionFormSchema.parse(valid)
    expect(result.fields).toEqual({
      kind: 'letter_to_authorities',
      title: 'Letter to the Prosecutor General',
      actionDate: '2023-03-01',
      datePrecision: 'month',
      actorId: 3,
      targetId: null,
      documentId: null,
      response: 'acknowledged',
      outcomeNotes: 'Reply received.',
    })
    expect(result.caseIds).toEqual([4, 2])
    expect(result.newSource).toBeNull()
  })

  it.each([
    [{ kind: 'astrology' }, 'kind', 'Choose what kind of action it was'],
    [{ actionDate: '2023-02-30', datePrecision: 'day' }, 'actionDate', 'is not a real date'],
    [{ actionDate: '' }, 'actionDate', 'Enter a date'],
    [{ actorId: 'abc' }, 'actorId', 'Choose who acted from the list'],
    [{ targetId: '-2' }, 'targetId', 'Choose who was addressed from the list'],
    [{ response: 'ignored_us' }, 'response', 'Choose a response from the list'],
    [{ title: 'x'.repeat(501) }, 'title', 'at most 500 characters'],
    [{ newSourceUrl: 'javascript:alert(1)', newSourceTitle: 'x' }, 'newSourceUrl', 'http://'],
    [{ newSourcePublisher: 'Example News' }, 'newSourceTitle', 'Give the new source a title'],
  ])('refuses %j with a message beside %s', (change, field, message) => {
    expect(errorsOf({ ...valid, ...change })[field]).toContain(message)
  })

  it('reads a submitted form: a source search saves nothing and keeps what was typed', async () => {
    const form = new FormData()
    for (const [key, value] of Object.entries({
      ...valid,
      intent: 'find-sources',
      sourceQuery: ' moscow ',
    }))
      for (const v of Array.isArray(value) ? value : [value]) form.append(key, v)
    const read = await readActionFormData(form)
    expect(read.kind).toBe('search')
    expect(read.sourceQuery).toBe('moscow')
    expect(read.values.caseIds).toEqual(['4', '2', '4'])
    form.set('intent', 'save')
    form.set('kind', 'nonsense')
    const invalid = await readActionFormData(form)
    expect(invalid.kind === 'invalid' && invalid.errors.kind).toBeTruthy()
    form.set('kind', 'meeting')
    form.append('sourceIds', '9')
    form.append('sourceIds', '9')
    const ok = await readActionFormData(form)
    expect(ok.kind === 'valid' && ok.input.sourceIds).toEqual([9])
    form.append('sourceIds', 'x')
    const tampered = await readActionFormData(form)
    expect(tampered.kind).toBe('invalid')
    expect(tampered.pickedSourceIds).toEqual([9])
  })

  it('turns a saved action into form values, and lists where a stale save differs', () => {
    const saved = actionToFormValues({
      ...ActionFormSchema.parse(valid).fields,
      caseIds: [2, 4],
    })
    expect(saved).toMatchObject({ actionDate: '2023-03', actorId: '3', caseIds: ['2', '4'] })
    const typed = { ...saved, response: 'denied', caseIds: ['2'] }
    const names = {
      actors: new Map([['3', 'LGBTI Intergroup']]),
      cases: new Map([
        ['2', 'Ana Testova'],
        ['4', 'Idris Arsamikov'],
      ]),
      documents: new Map<string, string>(),
    }
    expect(actionDifferences(saved, typed, names)).toEqual([
      { field: 'response', label: 'Response', saved: 'Acknowledged', typed: 'Denied' },
      {
        field: 'caseIds',
        label: 'Cases',
        saved: 'Ana Testova, Idris Arsamikov',
        typed: 'Ana Testova',
      },
    ])
  })
})

describe('the actions list URL', () => {
  it('reads each filter on its own, naming what it ignored', () => {
    const query = parseActionListQuery(
      new URLSearchParams(
        'q= letter &kind=astrology&response=denied&actor=2&case=x&from=2023-02-30&page=3',
      ),
    )
    expect(query.filters).toEqual({ q: 'letter', response: 'denied', actor: 2 })
    expect(query.page).toBe(3)
    expect(query.ignored).toEqual([
      'The kind “astrology” was not understood and was ignored.',
      'The case “x” was not understood and was ignored.',
      'The start date “2023-02-30” was not understood and was ignored.',
    ])
  })

  it('drops both dates when the end is before the start', () => {
    const query = parseActionListQuery(new URLSearchParams('from=2024-01-01&to=2023-01-01'))
    expect(query.filters).toEqual({ q: '' })
    expect(query.ignored).toEqual([
      'The end date is before the start date, so the dates were ignored.',
    ])
  })

  it('treats a nonsense page as the first and keeps filters in links', () => {
    expect(parseActionListQuery(new URLSearchParams('page=-4')).page).toBe(1)
    expect(actionListSearch({ q: 'x', kind: 'meeting' }, { page: 2 })).toBe(
      '?q=x&kind=meeting&page=2',
    )
    expect(actionListSearch({ q: '' })).toBe('')
  })
})
