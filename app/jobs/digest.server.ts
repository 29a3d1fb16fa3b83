// The optional e-mail digest (issue 13 §3): every 15 minutes one app server (advisory lock) sends
// the digests that are due, through the SMTP server of SMTP_URL with nodemailer. Without SMTP_URL
// nothing is scheduled and the account page hides the setting. The message holds counts and links
// only (domain/digest.ts); a user with no news gets no e-mail, and their clock moves on.
import nodemailer, { type SendMailOptions } from 'nodemailer'
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema'
import { composeDigest } from '../domain/digest'
import { listDueDigests, markDigestSent } from '../models/digest.server'
import { countUpdatesByCase } from '../models/updates.server'
import { getDb } from '../utils/db.server'
import { getEnv } from '../utils/env.server'
import { JOB_LOCKS, onOneServerAtATime } from './advisory-lock.server'
import { scheduleJob, stopJob } from './schedule.server'

const NAME = 'E-mail digest'

type Mailer = { sendMail: (message: SendMailOptions) => Promise<unknown> }

/** Sends every digest due at `now`; returns how many e-mails went. */
export async function sendDueDigests(
  db: Kysely<Database>,
  {
    mailer,
    from,
    appUrl,
    now = new Date(),
  }: { mailer: Mailer; from: string; appUrl: string; now?: Date },
): Promise<number> {
  let sent = 0
  for (const user of await listDueDigests(db, { now })) {
    const { cases, total } = await countUpdatesByCase(db, { viewer: user })
    if (total > 0) {
      const { subject, text } = composeDigest({
        appUrl,
        frequency: user.frequency,
        total,
        cases: cases.map((c) => {
          const named = c.visibility === 'public' && c.consent === 'given'
          return {
            publicName: named ? c.fullName : null,
            path: named ? `/cases/${c.slug}` : null,
            counts: c.counts,
          }
        }),
      })
      await mailer.sendMail({ from, to: user.email, subject, text })
      sent += 1
    }
    await markDigestSent(db, { userId: user.id, at: now })
  }
  return sent
}

export function createMailer(smtpUrl: string): Mailer {
  return nodemailer.createTransport(smtpUrl)
}

/** Schedules the digest when SMTP_URL is set: a first round after 2 minutes, then every 15. */
export function scheduleDigests(): () => void {
  const env = getEnv()
  if (!env.SMTP_URL) return () => {}
  const mailer = createMailer(env.SMTP_URL)
  return scheduleJob({
    name: NAME,
    firstAfterMs: 120_000,
    everyMs: 15 * 60_000,
    run: async () =>
      onOneServerAtATime(await getDb(), JOB_LOCKS.digest, (one) =>
        sendDueDigests(one, { mailer, from: env.DIGEST_FROM, appUrl: env.APP_URL }),
      ),
  })
}

export function stopDigests(): void {
  stopJob(NAME)
}
