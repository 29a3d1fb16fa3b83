// The statement form's light copy of the languages matches the language packs the generator uses.
import { describe, expect, it } from 'vitest'
import { LANGUAGE_OPTIONS } from '../../../app/statements/form-options'
import { LANGUAGES } from '../../../app/statements/lang'

describe('statement form options', () => {
  it('offer exactly the languages there are packs for, with their labels', () => {
    expect([...LANGUAGE_OPTIONS]).toEqual(
      Object.values(LANGUAGES).map((pack) => ({ value: pack.code, label: pack.label })),
    )
  })
})
