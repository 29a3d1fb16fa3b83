// `npm run user:create -- --email a@b.org --name "A B" --role editor`: adds a real account.
// The password comes from USER_PASSWORD or a prompt that does not echo it.
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createUser } from '../app/models/user.server'
import { openConfiguredDatabase } from '../app/utils/open-database.server'
import { getEnv } from '../app/utils/env.server'
import { PasswordSchema } from '../app/domain/password'
import { ROLES } from '../app/domain/vocabularies'
import { migrateToLatest } from '../db/migrate'

const Input = z.object({
  email: z.string().trim().email('--email must be an email address'),
  name: z.string().trim().min(1, '--name is required').max(200),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(', ')}` }),
  password: PasswordSchema,
})

function readHiddenLine(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin
    if (!stdin.isTTY)
      return reject(new Error('No terminal to ask for the password: set USER_PASSWORD.'))
    process.stdout.write(prompt)
    stdin.setRawMode(true)
    stdin.resume()
    let value = ''
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false)
          stdin.pause()
          stdin.off('data', onData)
          process.stdout.write('\n')
          return resolve(value)
        }
        if (char === '\u0003') process.exit(130)
        if (char === '\u007f') value = value.slice(0, -1)
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' } },
  })
  const password = process.env.USER_PASSWORD ?? (await readHiddenLine('Password (not shown): '))
  const parsed = Input.safeParse({ ...values, password })
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message)
    process.exit(2)
  }
  const handle = await openConfiguredDatabase(getEnv())
  try {
    await migrateToLatest(handle.db)
    const user = await createUser(handle.db, parsed.data)
    console.log(`Created ${user.role} ${user.email} (id ${user.id}).`)
  } catch (error) {
    const message = String(error)
    console.error(
      /users_email_unique/.test(message)
        ? `A user with the email ${parsed.data.email} exists already.`
        : message,
    )
    process.exitCode = 1
  } finally {
    await handle.close()
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
