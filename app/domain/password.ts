// One rule for every password the product sets: the account page, an admin's reset, the seed and
// the create-user script. Long pass-phrases are welcome; the upper bound keeps argon2's input sane.
import { z } from 'zod'
import { PASSWORD_MAX, PASSWORD_MIN } from './password-length'

export { PASSWORD_MAX, PASSWORD_MIN }

export const PasswordSchema = z
  .string({ error: 'Enter a password' })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters (a pass-phrase of a few words works)`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)

/** The account page's form: the current password proves it is really the user at the keyboard. */
export const ChangePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: 'Enter your current password' })
      .min(1, 'Enter your current password')
      .max(1000, 'Enter your current password'),
    newPassword: PasswordSchema,
    confirmPassword: z.string({ error: 'Type the new password again' }),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The two new passwords are not the same',
  })
  .refine((form) => form.newPassword !== form.currentPassword, {
    path: ['newPassword'],
    error: 'Choose a password different from the current one',
  })
