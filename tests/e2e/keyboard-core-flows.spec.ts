// The core flows with the keyboard alone (issue 14 §5): sign in, create a case, record an event
// with a new source, record an action, generate and save a statement, import a CSV file. No
// clicks: Tab and Shift+Tab to move, typing, Space and Enter to press, arrows to choose. At every
// stop the focused element must be on screen, uncovered and drawn as focused (tests/support/keyboard).
import { expect as baseExpect, test, type Page } from '@playwright/test'
import { E2E_PASSWORD } from '../../playwright.config'
import { activate, chooseWithArrows, tabTo, typeInto } from '../support/keyboard'

// Pages answer slowly on a machine busy with other work: wait up to 20 s, not 5.
const expect = baseExpect.configure({ timeout: 20_000 })

const suffix = Date.now().toString(36)
const NAME = `Keyboard Kasymova ${suffix}`

async function signInByKeyboard(page: Page) {
  await page.goto('/login')
  await typeInto(page, page.getByLabel('Email'), 'editor@example.org')
  await typeInto(page, page.getByLabel('Password'), E2E_PASSWORD)
  // Back to the email with Shift+Tab: what was typed is still there.
  await tabTo(page, page.getByLabel('Email'), { back: true })
  await expect(page.getByLabel('Email')).toHaveValue('editor@example.org')
  await activate(page, page.getByRole('button', { name: 'Sign in' }))
  await expect(page).toHaveURL(/\/dashboard$/)
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

/** Back up to the menu with Shift+Tab (the focus is in the page's content after a form). */
async function openCasePage(page: Page) {
  await tabTo(page, page.getByRole('link', { name: 'Cases', exact: true }), { back: true })
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Cases' })).toBeVisible()
}

test('the core flows with the keyboard alone, the focus visible at every stop', async ({
  page,
}) => {
  test.setTimeout(300_000)

  await test.step('sign in', () => signInByKeyboard(page))

  await test.step('create a case', async () => {
    await openCasePage(page)
    await activate(page, page.getByRole('link', { name: 'New case' }))
    await typeInto(page, page.getByLabel('Full name'), NAME)
    await typeInto(page, page.getByLabel('Country of detention or risk'), 'Kazakhstan')
    await tabTo(page, page.getByRole('checkbox', { name: 'Journalism' }))
    await page.keyboard.press('Space')
    await expect(page.getByRole('checkbox', { name: 'Journalism' })).toBeChecked()
    await chooseWithArrows(page, page.getByLabel('Risk level'), 'high')
    await activate(page, page.getByRole('button', { name: 'Create case' }))
    await expect(page.getByRole('heading', { level: 1, name: NAME })).toBeVisible()
  })
  const caseUrl = page.url()

  await test.step('record an event with a new source', async () => {
    await activate(page, page.getByRole('link', { name: 'Record an event' }))
    await typeInto(page, page.getByLabel('Date (required)'), '2024-06-03')
    await chooseWithArrows(page, page.getByLabel('Custody state'), 'detained')
    await typeInto(page, page.getByLabel('Description'), 'Detained after a court hearing.')
    await tabTo(page, page.getByText('Add a new source'))
    await page.keyboard.press('Enter')
    await typeInto(page, page.getByLabel('Source title'), `Reporter detained ${suffix}`)
    await typeInto(page, page.getByLabel('Publisher'), 'Example News')
    await typeInto(page, page.getByLabel('URL'), `https://news.example.org/${suffix}`)
    await activate(page, page.getByRole('button', { name: 'Record event' }))
    await expect(page.locator('.timeline')).toContainText('Detained after a court hearing.')
    await expect(page.locator('ol.footnotes')).toContainText(`Reporter detained ${suffix}`)
  })

  await test.step('record an action', async () => {
    await activate(page, page.getByRole('link', { name: 'Record an action' }))
    await expect(page.getByRole('checkbox', { name: new RegExp(NAME) })).toBeChecked()
    await chooseWithArrows(page, page.getByLabel('Kind of action'), 'letter_to_authorities')
    await typeInto(page, page.getByLabel('Date (required)'), '2024-06-10')
    await typeInto(page, page.getByLabel('Title', { exact: true }), `Letter for ${NAME}`)
    await activate(page, page.getByRole('button', { name: 'Record action' }))
    await expect(page.getByRole('heading', { level: 1, name: `Letter for ${NAME}` })).toBeVisible()
    await activate(page, page.getByRole('link', { name: NAME }))
    await expect(page).toHaveURL(caseUrl)
  })

  await test.step('generate and save a statement', async () => {
    await activate(page, page.getByRole('link', { name: 'Generate a statement' }))
    await expect(page.locator('.statement-sheet')).toBeVisible()
    await activate(page, page.getByRole('button', { name: 'Save as draft document' }))
    await expect(page.locator('.statement-saved')).toContainText('Saved as a draft document')
  })

  await test.step('import a CSV file', async () => {
    await openCasePage(page)
    await activate(page, page.getByRole('link', { name: 'Import from CSV' }))
    const file = page.getByLabel('CSV or TSV file')
    await tabTo(page, file)
    // Space on a file field opens the system's file picker; the test answers it.
    const picker = page.waitForEvent('filechooser')
    await page.keyboard.press('Space')
    await (
      await picker
    ).setFiles({
      name: 'keyboard.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        `Name,Detained since,Status\r\nKeyboard Import ${suffix},2022-01,detained\r\n`,
      ),
    })
    await activate(page, page.getByRole('button', { name: 'Upload and map the columns' }))
    await expect(page.getByRole('heading', { name: /Import of keyboard.csv/ })).toBeVisible()
    await typeInto(page, page.getByLabel('Country of detention'), 'Kazakhstan')
    await activate(page, page.getByRole('button', { name: 'Run the dry run' }))
    await expect(page.getByText('No problems: every row can be imported.')).toBeVisible({
      timeout: 30_000,
    })
    await activate(page, page.getByRole('button', { name: 'Import 1 rows' }))
    await expect(page.getByText(/Imported: 1 cases created/)).toBeVisible({ timeout: 30_000 })
  })
})
