import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { parseForm } from '../../../app/utils/forms'

const Schema = z.object({
  name: z.string().trim().min(1, 'Enter the name').max(5, 'At most 5 characters'),
  tags: z.array(z.enum(['a', 'b'], { message: 'Choose tags from the list' })).default([]),
  count: z.coerce.number().int().min(1, 'At least one'),
})

function post(entries: [string, string | Blob][]): Request {
  const body = new FormData()
  for (const [name, value] of entries) body.append(name, value)
  return new Request('http://localhost/form', { method: 'POST', body })
}

describe('parseForm', () => {
  it('reads the request, validates it and gives the schema’s output', async () => {
    const form = await parseForm(
      post([
        ['name', ' Ann '],
        ['tags', 'a'],
        ['tags', 'b'],
        ['count', '3'],
      ]),
      Schema,
      { arrayFields: ['tags'] },
    )
    expect(form.success).toBe(true)
    expect(form.data).toEqual({ name: 'Ann', tags: ['a', 'b'], count: 3 })
    expect(form.fieldErrors).toBeUndefined()
    expect(form.values).toEqual({ name: ' Ann ', tags: ['a', 'b'], count: '3' })
  })

  it('answers each field’s messages with what was typed, so the form keeps it', async () => {
    const form = await parseForm(
      post([
        ['name', 'Too long a name'],
        ['tags', 'c'],
        ['count', '0'],
        ['note', 'kept'],
      ]),
      Schema,
      { arrayFields: ['tags'] },
    )
    expect(form.success).toBe(false)
    expect(form.data).toBeUndefined()
    expect(form.fieldErrors).toEqual({
      name: ['At most 5 characters'],
      tags: ['Choose tags from the list'],
      count: ['At least one'],
    })
    expect(form.values).toEqual({
      name: 'Too long a name',
      tags: ['c'],
      count: '0',
      note: 'kept',
    })
  })

  it('reads a repeated single field as its first value, a missing list as empty, and drops files', async () => {
    const form = await parseForm(
      post([
        ['name', 'One'],
        ['name', 'Two'],
        ['count', '1'],
        ['upload', new Blob(['x'])],
      ]),
      Schema,
      { arrayFields: ['tags'] },
    )
    expect(form.data).toEqual({ name: 'One', tags: [], count: 1 })
    expect(form.values).toEqual({ name: 'One', tags: [], count: '1' })
  })

  it('reads FormData or fields already read, and lets the route prepare what the schema reads', async () => {
    const body = new FormData()
    body.append('name', 'Ann')
    const fromFormData = await parseForm(body, Schema, {
      prepare: (fields) => ({ ...fields, count: '2' }),
    })
    expect(fromFormData.data).toEqual({ name: 'Ann', tags: [], count: 2 })
    expect(fromFormData.values).toEqual({ name: 'Ann', count: '2' })

    const fromFields = await parseForm({ name: '', count: 'x' }, Schema)
    expect(fromFields.success).toBe(false)
    expect(Object.keys(fromFields.fieldErrors ?? {}).sort()).toEqual(['count', 'name'])
    expect(fromFields.fields).toEqual({ name: '', count: 'x' })
  })

  it('collects the messages of every schema of an intersection at once', async () => {
    const Version = z.object({
      version: z.coerce.number({ message: 'Reload the page' }).int().min(1, 'Reload the page'),
    })
    const form = await parseForm({ name: '', count: '1' }, Schema.and(Version))
    expect(form.fieldErrors).toEqual({ name: ['Enter the name'], version: ['Reload the page'] })
    const saved = await parseForm({ name: 'Ann', count: '1', version: '4' }, Schema.and(Version))
    expect(saved.data).toEqual({ name: 'Ann', tags: [], count: 1, version: 4 })
  })
})
