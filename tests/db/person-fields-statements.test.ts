// Gender and date of birth are sensitive like grounds: no statement says them, whatever the
// template and language, even for a public case whose consent to publicity is given.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getStatementSetup } from '../../app/models/statement.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { runGenerator } from '../../app/statements/generate'
import { DOCUMENT_KIND_OF } from '../../app/statements/kinds'
import { makeCase } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

describe.each(backends())('statements and the person fields on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('never write gender or date of birth', async () => {
    const { slug } = await makeCase(database.db, {
      fullName: 'Ayşe Kaya',
      visibility: 'public',
      consent: 'given',
      gender: 'female',
      dateOfBirth: '1955-12-28',
      dateOfBirthPrecision: 'day',
    })
    const caseId = (
      await database.db
        .selectFrom('cases')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirstOrThrow()
    ).id
    await recordStatusEvent(database.db, {
      actor: { userId: null },
      caseId,
      fields: {
        eventDate: '2024-03-01',
        datePrecision: 'month',
        custodyState: 'detained',
        legalStage: 'charged',
        releaseReason: null,
        location: 'Istanbul',
        description: 'Arrested at home.',
        certainty: 'alleged',
      },
    })
    const setup = await getStatementSetup(database.db, {
      slug,
      viewer: { id: 0, role: 'admin' },
      today: '2026-11-30',
    })
    expect(setup).toBeTruthy()
    let rendered = 0
    for (const template of Object.keys(DOCUMENT_KIND_OF))
      for (const lang of ['en', 'fr']) {
        const outcome = runGenerator({
          ...setup!,
          params: new URLSearchParams({ template, lang }),
          today: '2026-11-30',
        })
        if (!outcome.result?.ok) continue
        rendered++
        expect(outcome.result.markdown, `${template} ${lang}`).toContain('Kaya')
        expect(outcome.result.markdown).not.toMatch(
          /1955|female|femme|December|décembre|\b70\b|\b71\b/i,
        )
      }
    expect(rendered).toBeGreaterThanOrEqual(5)
  })
})
