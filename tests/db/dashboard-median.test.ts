// The median days in detention on the dashboard: the domain's count per case, rounded down, an
// imprecise start counted from its last possible day, and only the cases the reader may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../app/charts/chart'
import { daysInDetention } from '../../app/domain/status'
import { daysBetween, todayIso } from '../../app/domain/dates'
import type { DatePrecision, Visibility } from '../../app/domain/vocabularies'
import { getKeyFigures } from '../../app/models/dashboard.server'
import { recordStatusEvent } from '../../app/models/status-event.server'
import { makeCase, makeUser } from '../support/fixtures'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

describe.each(backends())('median days in detention on %s', (backend) => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await openTestDatabase(backend)
  })
  afterAll(() => database.close())

  it('is the median of the domain counts rounded down, an imprecise start counted from its last possible day', async () => {
    const db = database.db
    const today = todayIso()
    const admin = await makeUser(db, 'admin')
    const editor = await makeUser(db, 'editor')
    const detain = async (
      visibility: Visibility,
      eventDate: string,
      datePrecision: DatePrecision = 'day',
    ) => {
      const { id } = await makeCase(db, { fullName: `Held since ${eventDate}`, visibility })
      await recordStatusEvent(db, {
        actor: { userId: null },
        caseId: id,
        fields: {
          eventDate,
          datePrecision,
          custodyState: 'detained',
          legalStage: null,
          releaseReason: null,
          location: null,
          description: '',
          certainty: 'alleged',
        },
      })
    }
    const monthAgo = `${addDays(today, -400).slice(0, 7)}-01`
    await detain('internal', addDays(today, -10))
    await detain('internal', addDays(today, -15))
    await detain('restricted', monthAgo, 'month')
    await detain('restricted', addDays(today, -2000))
    const editorFigures = await getKeyFigures(db, {
      viewer: { id: editor.id, role: 'editor' },
      today,
    })
    expect(editorFigures).toMatchObject({ deprived: 2, medianDays: 12, impreciseStarts: 0 })
    const imprecise = daysInDetention({ date: monthAgo, precision: 'month' }, today)!.days
    expect(imprecise).toBeLessThanOrEqual(400)
    expect(imprecise).toBeLessThan(daysBetween(monthAgo, today) - 26)
    const adminFigures = await getKeyFigures(db, { viewer: { id: admin.id, role: 'admin' }, today })
    expect(adminFigures).toMatchObject({
      deprived: 4,
      medianDays: Math.floor((15 + imprecise) / 2),
      impreciseStarts: 1,
    })
  })
})
