// The admin backup page and its download, through the built app: an admin gets the whole database as
// a file that restores into an empty one, with an audit row for the download; editors and viewers get
// neither the page nor the file, and leave no audit row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { restoreBackup } from '../../app/backup/restore.server'
import { appRequest, signInThroughApp } from '../support/app-server'
import { releaseAppDatabase, useDatabaseForApp } from '../support/app-database'
import { backupText, bytesOf } from '../support/backup'
import { buildWorld, MARKER, WORLD_PASSWORD, type World } from '../support/leak-world'
import { backends, openTestDatabase, type TestDatabase } from '../support/test-database'

describe.each(backends())('the backup page and download on %s', (backend) => {
  let database: TestDatabase
  let world: World
  const cookies: Record<'admin' | 'editor' | 'viewer', string> = {
    admin: '',
    editor: '',
    viewer: '',
  }

  const backupAudits = () =>
    database.db
      .selectFrom('auditEvents')
      .select(['userId', 'entityId'])
      .where('entity', '=', 'backup')
      .execute()

  beforeAll(async () => {
    database = await openTestDatabase(backend)
    useDatabaseForApp(database)
    world = await buildWorld(database.db, 'backup-route')
    for (const role of ['admin', 'editor', 'viewer'] as const)
      cookies[role] = await signInThroughApp(world.users[role].email, WORLD_PASSWORD)
  })
  afterAll(async () => {
    releaseAppDatabase()
    await database?.close()
  })

  it('shows admins what a backup holds, how to restore it, and that it must be kept safe', async () => {
    const response = await appRequest('/admin/backup', { cookie: cookies.admin })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<title>Backup · Case tracker</title>')
    expect(html).toContain('The file holds restricted data.')
    expect(html).toMatch(
      /npm run restore &lt; (<!-- -->)?case-tracker-backup-\d{4}-\d\d-\d\d\.json/,
    )
    expect(html).toMatch(/<code>case_facet_counts<\/code>: (<!-- -->)?a summary of cases/)
    expect(html).toContain('href="/admin/backup"')
  })

  it('refuses the page and the file to editors and viewers, and records nothing', async () => {
    for (const role of ['editor', 'viewer'] as const) {
      expect((await appRequest('/admin/backup', { cookie: cookies[role] })).status).toBe(403)
      const download = await appRequest('/admin/backup.json', {
        method: 'POST',
        cookie: cookies[role],
        form: { keepSafe: 'yes' },
      })
      expect(download.status).toBe(403)
      expect(await download.text()).not.toContain(MARKER)
    }
    expect(await backupAudits()).toEqual([])
  })

  it('asks for the confirmation before a download, next to its box', async () => {
    const response = await appRequest('/admin/backup.json', {
      method: 'POST',
      cookie: cookies.admin,
    })
    expect(response.status).toBe(302)
    expect(response.headers.get('Location')).toBe('/admin/backup?missing=keepSafe')
    const page = await appRequest('/admin/backup?missing=keepSafe', { cookie: cookies.admin })
    const html = await page.text()
    expect(html).toContain('aria-describedby="keep-safe-error"')
    expect(html).toContain('id="keep-safe-error"')
    expect(await backupAudits()).toEqual([])
  })

  it('gives admins the whole database as a file that restores, and records the download', async () => {
    const response = await appRequest('/admin/backup.json', {
      method: 'POST',
      cookie: cookies.admin,
      form: { keepSafe: 'yes' },
    })
    expect(response.status).toBe(200)
    const today = new Date().toISOString().slice(0, 10)
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="case-tracker-backup-${today}.json"`,
    )
    expect(response.headers.get('Cache-Control')).toContain('no-store')
    const file = await response.text()
    expect(file).toContain(MARKER) // the restricted case is in it: it is the whole database
    expect(await backupAudits()).toEqual([
      { userId: world.users.admin.id, entityId: `case-tracker-backup-${today}.json` },
    ])
    // The same bytes as a backup made now, and a restore of it backs up to the same bytes again.
    expect(await backupText(database.db)).toBe(file)
    const empty = await openTestDatabase(backend)
    try {
      await restoreBackup(empty.db, bytesOf(file))
      expect(await backupText(empty.db)).toBe(file)
    } finally {
      await empty.close()
    }
  })
})
