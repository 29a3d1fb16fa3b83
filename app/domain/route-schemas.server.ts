// Schemas of forms that a single route reads in its action. They live in a `.server` module, which
// Remix leaves out of the browser build: defined in the route module, they (and all of zod) would be
// sent to the browser with the page.
import { z } from 'zod'
import { isValidIsoDay } from './dates'
import { ROLES } from './vocabularies'

/** The login page's form. */
export const LoginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(320).email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password').max(1000),
  redirectTo: z.string().optional(),
})

/** The admin.users.$userId page's form. */
export const IntentSchema = z.discriminatedUnion('intent', [
  z.object({
    intent: z.literal('role'),
    role: z.enum(ROLES, { error: 'Choose a role' }),
    version: z.coerce.number().int().positive(),
  }),
  z.object({ intent: z.enum(['disable', 'enable', 'reset']) }),
])

/** The admin.users.new page's form. */
export const NewUserSchema = z.object({
  name: z
    .string({ error: 'Enter a name' })
    .trim()
    .min(1, 'Enter a name')
    .max(200, 'The name can be at most 200 characters'),
  email: z
    .string({ error: 'Enter an email address' })
    .trim()
    .min(1, { error: 'Enter an email address', abort: true })
    .max(320, 'The email address can be at most 320 characters')
    .email('Enter a valid email address'),
  role: z.enum(ROLES, { error: 'Choose a role' }),
})

/** The cases.$slug_.access page's form. */
export const AccessSchema = z.object({
  intent: z.enum(['grant', 'revoke'], { error: 'Unknown request' }),
  userId: z
    .string({ error: 'Choose a user' })
    .trim()
    .min(1, { error: 'Choose a user', abort: true })
    .regex(/^\d{1,9}$/, 'Choose a user from the list')
    .transform(Number),
})

/** The cases.$slug_.statement_.publish page's form. */
export const PublishSchema = z.object({
  document: z.string(),
  target: z
    .string()
    .default('')
    .refine((v) => v === '' || /^\d{1,9}$/.test(v), 'Choose the target from the list.'),
  date: z.string().trim().refine(isValidIsoDay, 'Enter the date as YYYY-MM-DD.'),
})
