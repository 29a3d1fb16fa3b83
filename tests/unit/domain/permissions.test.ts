import { describe, expect, it } from 'vitest'
import { can } from '../../../app/domain/permissions'

describe('permissions follow the role table', () => {
  it.each([
    ['viewer', 'read:case', true],
    ['viewer', 'generate:statement', true],
    ['viewer', 'update:case', false],
    ['editor', 'update:case', true],
    ['editor', 'manage:access', false],
    ['editor', 'read:audit', false],
    ['admin', 'manage:access', true],
    ['admin', 'manage:users', true],
  ] as const)('%s may %s: %s', (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected)
  })
})
