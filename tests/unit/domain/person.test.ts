import { describe, expect, it } from 'vitest'
import { CaseFormSchema } from '../../../app/domain/case-schema'
import { parseDateOfBirth, parseGender } from '../../../app/domain/person'

describe('gender', () => {
  it('reads the vocabulary and the usual spellings of a spreadsheet', () => {
    expect(parseGender('female')).toEqual({ ok: true, value: 'female' })
    expect(parseGender(' F ')).toEqual({ ok: true, value: 'female' })
    expect(parseGender('Man')).toEqual({ ok: true, value: 'male' })
    expect(parseGender('Non-binary')).toEqual({ ok: true, value: 'non_binary_or_other' })
    expect(parseGender('')).toEqual({ ok: true, value: 'unknown' })
    expect(parseGender('Unknown')).toEqual({ ok: true, value: 'unknown' })
  })
  it('refuses anything else with the accepted values named', () => {
    const result = parseGender('yes')
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toMatch(/"yes".*female, male/)
  })
})

describe('date of birth', () => {
  const today = '2026-11-30'
  it('takes the precision it is written in when none is chosen', () => {
    expect(parseDateOfBirth('1985', '', today)).toEqual({
      ok: true,
      value: { date: '1985-01-01', precision: 'year' },
    })
    expect(parseDateOfBirth('1985-03', undefined, today)).toEqual({
      ok: true,
      value: { date: '1985-03-01', precision: 'month' },
    })
    expect(parseDateOfBirth('1985-03-14', null, today)).toEqual({
      ok: true,
      value: { date: '1985-03-14', precision: 'day' },
    })
  })
  it('is empty when unknown', () => {
    expect(parseDateOfBirth('', '', today)).toEqual({ ok: true, value: null })
    expect(parseDateOfBirth('unknown', 'day', today)).toEqual({ ok: true, value: null })
  })
  it('refuses impossible, future, too old and badly written dates', () => {
    for (const raw of ['2019-13-40', '20191', 'life', '2027', '2026-12', '1850', '1985-02-30'])
      expect(parseDateOfBirth(raw, '', today).ok, raw).toBe(false)
    expect(parseDateOfBirth('1985-03', 'year', today).ok).toBe(false)
    expect(parseDateOfBirth('1985', 'week', today).ok).toBe(false)
  })
})

describe('the case form with gender and date of birth', () => {
  const base = { fullName: 'A', riskLevel: 'low', visibility: 'internal', consent: 'unknown' }
  it('stores the first day and the precision', () => {
    const parsed = CaseFormSchema.parse({ ...base, gender: 'male', dateOfBirth: '1990-07' })
    expect(parsed).toMatchObject({
      gender: 'male',
      dateOfBirth: '1990-07-01',
      dateOfBirthPrecision: 'month',
    })
  })
  it('puts each message next to its field, with the other fields’ messages', () => {
    const result = CaseFormSchema.safeParse({
      ...base,
      fullName: '',
      gender: 'robot',
      dateOfBirth: '1990-13',
    })
    expect(result.success).toBe(false)
    const byField = Object.fromEntries(result.error!.issues.map((i) => [i.path[0], i.message]))
    expect(byField.fullName).toBe('Enter the full name')
    expect(byField.gender).toBe('Choose a gender from the list')
    expect(byField.dateOfBirth).toBe('1990-13 is not a real month')
  })
})
