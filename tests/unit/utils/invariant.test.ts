import { describe, expect, it } from 'vitest'
import { invariantResponse } from '../../../app/utils/invariant'
import { isRecordId, MAX_ID } from '../../../app/utils/record-id'
import { idParam } from '../../../app/utils/route-params'

function thrown(run: () => unknown): unknown {
  try {
    run()
  } catch (error) {
    return error
  }
  return undefined
}

describe('invariantResponse', () => {
  it('throws a 404 Response unless the condition holds', async () => {
    expect(thrown(() => invariantResponse({ id: 1 }))).toBeUndefined()
    const error = thrown(() => invariantResponse(null))
    expect(error).toBeInstanceOf(Response)
    expect((error as Response).status).toBe(404)
    expect(await (error as Response).text()).toBe('Not found')
  })

  it('takes another message and status', () => {
    const error = thrown(() => invariantResponse(false, 'Gone', { status: 410 })) as Response
    expect(error.status).toBe(410)
  })
})

describe('record ids', () => {
  it('are whole numbers from 1 to the PostgreSQL integer limit', () => {
    expect(MAX_ID).toBe(2 ** 31 - 1)
    expect([1, 42, MAX_ID].every(isRecordId)).toBe(true)
    expect([0, -1, 1.5, MAX_ID + 1, Number.NaN, '7', null].some(isRecordId)).toBe(false)
  })

  it('answer 404 for a route parameter that cannot be one', () => {
    expect(idParam('12')).toBe(12)
    for (const bad of [undefined, '', '0', '-3', '1.5', 'abc', String(MAX_ID + 1)])
      expect((thrown(() => idParam(bad)) as Response).status).toBe(404)
  })
})
