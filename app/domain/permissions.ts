// Who may do what (DESIGN.md, "Who may do what"). Pure, so pages can hide controls with the same rule
// the server enforces.
import type { Role } from './vocabularies'

export const PERMISSIONS = {
  'read:case': ['admin', 'editor', 'viewer'],
  'generate:statement': ['admin', 'editor', 'viewer'],
  'update:case': ['admin', 'editor'],
  'manage:users': ['admin'],
  'manage:access': ['admin'],
  'read:audit': ['admin'],
  'read:history': ['admin', 'editor'],
} as const satisfies Record<string, readonly Role[]>

export type Permission = keyof typeof PERMISSIONS

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role)
}
