// `npm test`: every check, in order, stopping at the first that fails — typecheck, lint, unit tests,
// build, database tests (PGlite always, PostgreSQL too when TEST_DATABASE_URL is set), browser tests.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
process.chdir(root)
const reports = path.join('tests', '.tmp', 'reports')
fs.rmSync(reports, { recursive: true, force: true })
fs.mkdirSync(reports, { recursive: true })

const bin = (name: string) => path.join('node_modules', '.bin', name)

type Step = { name: string; command: string; args: string[]; env?: Record<string, string> }

const steps: Step[] = [
  { name: 'typecheck', command: bin('tsc'), args: ['--noEmit'] },
  { name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', '.'] },
  {
    name: 'unit tests',
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      'unit',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/unit.json`,
    ],
  },
  // The database tests include the leak crawler and the access matrix, which drive the built app.
  { name: 'build', command: bin('remix'), args: ['build'] },
  {
    name: process.env.TEST_DATABASE_URL
      ? 'database tests (PGlite and PostgreSQL)'
      : 'database tests (PGlite; set TEST_DATABASE_URL for PostgreSQL too)',
    command: bin('vitest'),
    args: [
      'run',
      '--project',
      'db',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${reports}/db.json`,
    ],
  },
  {
    name: 'browser tests (Playwright, Chromium)',
    command: bin('playwright'),
    args: ['test'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/e2e.json` },
  },
]

function countVitest(file: string) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    numPassedTests: number
    numFailedTests: number
  }
  return { passed: report.numPassedTests, failed: report.numFailedTests }
}

function countPlaywright(file: string) {
  if (!fs.existsSync(file)) return { passed: 0, failed: 0 }
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number }
  }
  return { passed: report.stats.expected + report.stats.flaky, failed: report.stats.unexpected }
}

if (!fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
  console.error(
    "Chromium is missing: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.",
  )
  process.exit(1)
}

if (spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status !== 0) {
  console.error(
    'unzip is missing (the statement tests open the generated .docx with it): apt-get install unzip.',
  )
  process.exit(1)
}

const started = Date.now()
let failedStep: string | null = null
for (const step of steps) {
  console.log(`\n▶ ${step.name}`)
  const stepStarted = Date.now()
  const result = spawnSync(step.command, step.args, {
    stdio: 'inherit',
    env: { ...process.env, ...step.env },
  })
  console.log(
    `  ${result.status === 0 ? '✓' : '✗'} ${step.name} (${((Date.now() - stepStarted) / 1000).toFixed(1)} s)`,
  )
  if (result.status !== 0) {
    failedStep = step.name
    break
  }
}

const counts = [
  countVitest(`${reports}/unit.json`),
  countVitest(`${reports}/db.json`),
  countPlaywright(`${reports}/e2e.json`),
]
const passed = counts.reduce((sum, c) => sum + c.passed, 0)
const failed = counts.reduce((sum, c) => sum + c.failed, 0)
console.log(
  `\n${failedStep ? `Failed at: ${failedStep}` : 'All checks passed'} in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failedStep ? 1 : 0)
