// Changing one's own password on /account, its loader and action called directly with signed-in
// requests, on PGlite and PostgreSQL.
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyLogin } from '../../app/models/user.server'
import { action as accountAction, loader as accountLoader } from '../../app/routes/account'
import { isSignedIn, runLoader, openAdminPages } from '../support/admin-pages'
import { makeUser } from '../support/fixtures'
import { TEST_PASSWORD, formPost, runAction, signInCookie } from '../support/routes'
import { backends, type TestDatabase } from '../support/test-database'

describe.each(backends())('account and admin pages on %s', (backend) => {
  const pages = openAdminPages(backend)
  const { userState, sessionCount, auditRows } = pages
  let database: TestDatabase
  beforeAll(() => {
    database = pages.database
  })

  describe('changing one’s own password', () => {
    const change = (cookie: string, fields: Record<string, string>) =>
      runAction(accountAction, formPost('/account', cookie, fields))

    it('refuses a short, a 129-character, a mismatched or a wrong-current change, and changes nothing', async () => {
      const user = await makeUser(database.db, 'editor')
      const cookie = await signInCookie(user.email)
      const before = await userState(user.id)
      const long = 'a'.repeat(129)
      const cases: [Record<string, string>, string][] = [
        [
          {
            currentPassword: TEST_PASSWORD,
            newPassword: 'too short',
            confirmPassword: 'too short',
          },
          'newPassword',
        ],
        [
          { currentPassword: TEST_PASSWORD, newPassword: long, confirmPassword: long },
          'newPassword',
        ],
        [
          {
            currentPassword: TEST_PASSWORD,
            newPassword: 'a long enough phrase',
            confirmPassword: 'another long phrase',
          },
          'confirmPassword',
        ],
        [
          {
            currentPassword: 'not my password at all',
            newPassword: 'a long enough phrase',
            confirmPassword: 'a long enough phrase',
          },
          'currentPassword',
        ],
      ]
      for (const [fields, field] of cases) {
        const result = await change(cookie, fields)
        expect(result.status, field).toBe(400)
        expect(Object.keys(result.data.errors)).toEqual([field])
        // Passwords typed are never sent back into the page.
        expect(JSON.stringify(result.data)).not.toContain(fields.newPassword)
      }
      expect(await userState(user.id)).toEqual(before)
      expect(await auditRows(user.id, 'password_change')).toHaveLength(0)
      expect(await isSignedIn(cookie)).toBe(true)
    })

    it('limits guesses of the current password like sign-ins: 429 with Retry-After, then even the right one waits', async () => {
      const user = await makeUser(database.db, 'editor')
      const cookie = await signInCookie(user.email)
      const guess = (currentPassword: string) =>
        change(cookie, {
          currentPassword,
          newPassword: 'a long enough phrase',
          confirmPassword: 'a long enough phrase',
        })
      for (let i = 0; i < 5; i++) expect((await guess(`wrong guess ${i}`)).status).toBe(400)
      const refused = await guess(TEST_PASSWORD)
      expect(refused.status).toBe(429)
      expect(refused.data.errors.currentPassword[0]).toMatch(/Too many wrong passwords/)
      expect(await auditRows(user.id, 'password_change')).toHaveLength(0)
      expect(await auditRows(user.id, 'sign_in_failed')).toHaveLength(5)
    })

    it('accepts a 128-character pass-phrase, ends the other sessions, keeps this browser signed in and audits without the password', async () => {
      const user = await makeUser(database.db, 'viewer')
      const here = await signInCookie(user.email)
      const elsewhere = await signInCookie(user.email)
      const phrase = 'correct horse battery staple '.repeat(5).slice(0, 128)
      const request = formPost('/account', here, {
        currentPassword: TEST_PASSWORD,
        newPassword: phrase,
        confirmPassword: phrase,
      })
      const response = (await accountAction({ request, params: {}, context: {} })) as Response
      expect(response.status).toBe(302)
      expect(response.headers.get('Location')).toBe('/account?notice=password-changed')
      const fresh = (response.headers.get('Set-Cookie') ?? '').split(';')[0]!
      expect(await isSignedIn(elsewhere)).toBe(false)
      expect(await isSignedIn(fresh)).toBe(true)
      expect(await sessionCount(user.id)).toBe(1)
      expect(await verifyLogin(database.db, { email: user.email, password: phrase })).toBeTruthy()
      expect(
        await verifyLogin(database.db, { email: user.email, password: TEST_PASSWORD }),
      ).toBeNull()
      const [row, ...more] = await auditRows(user.id, 'password_change')
      expect(more).toHaveLength(0)
      expect(row!.userId).toBe(user.id)
      expect(row!.changes).toEqual([{ field: 'password', sensitive: true }])
      expect(JSON.stringify(row)).not.toMatch(/horse|argon2/)
      const page = await runLoader(accountLoader, '/account?notice=password-changed', fresh)
      expect(page.data).toMatchObject({ changed: true, user: { email: user.email } })
    })
  })
})
