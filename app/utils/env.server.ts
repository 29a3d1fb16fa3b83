// Configuration, validated once at start-up so a bad value fails loudly instead of halfway through a request.
import { z } from 'zod'

const flag = z
  .enum(['0', '1', ''], { message: 'must be 1 or 0' })
  .default('0')
  .transform((value) => value === '1')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1).default('./data/pglite'),
  SESSION_SECRET: z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  NEEDS_ATTENTION_DAYS: z.coerce.number().int().positive().default(30),
  // Behind a TLS-terminating proxy: believe its X-Forwarded-Proto and X-Forwarded-For.
  TRUST_PROXY: flag,
  // Demo accounts (and the demo case) on PostgreSQL too; the embedded database always has them.
  SEED_DEMO: flag,
  // The optional e-mail digest: an SMTP server (smtp:// or smtps://, credentials in the URL), the
  // sender, and the app's address for the links in the message. Without SMTP_URL, no digest.
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DIGEST_FROM: z.string().min(3).default('Case tracker <no-reply@localhost>'),
  APP_URL: z
    .string()
    .url('APP_URL must be an address such as https://cases.example.org')
    .default('http://localhost:3000'),
  SEED_PASSWORD: z
    .string()
    .min(12, 'SEED_PASSWORD must be at least 12 characters')
    .max(128, 'SEED_PASSWORD must be at most 128 characters')
    .optional()
    .or(z.literal('').transform(() => undefined)),
})

export type Env = z.infer<typeof schema>

let cached: Env | undefined

export function getEnv(): Env {
  if (cached) return cached
  const parsed = schema.safeParse(process.env)
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((i) => `  ${i.path.join('.')}: ${i.message}`)
      .join('\n')
    throw new Error(`Invalid configuration:\n${problems}`)
  }
  cached = parsed.data
  return cached
}

/** For tests that change the environment between cases. */
export function resetEnvCache(): void {
  cached = undefined
}
