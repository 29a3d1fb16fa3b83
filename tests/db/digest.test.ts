// The e-mail digest against a real SMTP server started here (smtp-server): only users who chose a
// digest and are due get one; it carries counts and links, names a case only when it is public with
// consent given, and never the name of any other case.
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMailer, sendDueDigests } from '../../app/jobs/digest.server'
import { followCase } from '../../app/models/case-follow.server'
import { getDigestFrequency, setDigestFrequency } from '../../app/models/digest.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

type Received = { to: string[]; raw: string }

describe.each(backends())('the e-mail digest on %s', (backend) => {
  let database: TestDatabase
  let server: SMTPServer
  let port: number
  const inbox: Received[] = []

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = []
        stream.on('data', (c: Buffer) => chunks.push(c))
        stream.on('end', () => {
          inbox.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          })
          callback()
        })
      },
    })
    server.listen(0, '127.0.0.1')
    await once(server.server, 'listening')
    port = (server.server.address() as AddressInfo).port
  })
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()))
    await database?.close()
  })

  it('sends a due digest with counts and links, naming only a public case with consent', async () => {
    const db = database.db
    const reader = await makeUser(db, 'editor', 'Digest Reader')
    const quiet = await makeUser(db, 'editor', 'Quiet Reader')
    const author = await makeUser(db, 'editor', 'Author')
    const shown = await makeCase(db, {
      fullName: 'Idris Publicname',
      visibility: 'public',
      consent: 'given',
    })
    const unconsented = await makeCase(db, {
      fullName: 'Zarina Noconsentname',
      visibility: 'public',
      consent: 'refused',
    })
    const internal = await makeCase(db, { fullName: 'Секретов Internalname' })
    expect(await getDigestFrequency(db, reader.id)).toBe('off')
    await setDigestFrequency(db, { userId: reader.id, frequency: 'daily' })
    await setDigestFrequency(db, { userId: quiet.id, frequency: 'weekly' })
    const past = new Date(Date.now() - 60_000)
    for (const c of [shown, unconsented, internal]) {
      await followCase(db, { userId: reader.id, caseId: c.id })
      await db
        .updateTable('caseFollows')
        .set({ createdAt: past } as never)
        .where('caseId', '=', c.id)
        .execute()
      await recordStatusEvent(db, {
        actor: { userId: author.id },
        caseId: c.id,
        fields: {
          eventDate: '2024-02-01',
          datePrecision: 'month',
          custodyState: 'detained',
          legalStage: 'charged',
          releaseReason: null,
          location: 'Grozny',
          description: 'Charged with a secret description.',
          certainty: 'confirmed',
        },
      })
    }

    const mailer = createMailer(`smtp://127.0.0.1:${port}`)
    const options = {
      mailer,
      from: 'Case tracker <digest@example.org>',
      appUrl: 'https://cases.example.org',
    }
    const sent = await sendDueDigests(db, options)
    expect(sent).toBe(1)
    expect(inbox).toHaveLength(1)
    const mail = inbox[0]!
    expect(mail.to).toEqual([reader.email])
    const text = mail.raw.replace(/=\r?\n/g, '')
    expect(text).toContain('3 followed cases have news')
    expect(text).toContain('Idris Publicname: 1 event, case record updated')
    expect(text).toContain(`https://cases.example.org/cases/${shown.slug}`)
    expect(text).toContain('https://cases.example.org/updates')
    expect(text.match(/A followed case: 1 event/g)).toHaveLength(2)
    for (const secret of [
      'Noconsentname',
      'Internalname',
      'Секретов',
      unconsented.slug,
      internal.slug,
      'Grozny',
      'secret description',
      'journalism',
    ])
      expect(text).not.toContain(secret)

    // Not due again until a day has passed; the quiet reader (no news) never got an e-mail.
    expect(await sendDueDigests(db, options)).toBe(0)
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000)
    expect(await sendDueDigests(db, { ...options, now: tomorrow })).toBe(1)
    expect(inbox.map((m) => m.to[0])).toEqual([reader.email, reader.email])

    // Off means off.
    await setDigestFrequency(db, { userId: reader.id, frequency: 'off' })
    const later = new Date(Date.now() + 3 * 24 * 60 * 60 * 1000)
    expect(await sendDueDigests(db, { ...options, now: later })).toBe(0)
  })
})
