// What a bench run found, as JSON (tests/.tmp/bench-<db>-<size>.json) and as Markdown tables. The
// previous JSON of the same database and size is kept beside it (.previous.json) and its medians are
// shown next to the new ones, so a change to the SQL can be judged by one run before and one after.
import fs from 'node:fs'
import path from 'node:path'
import type { StatementTiming } from './floor'
import type { LoadResult } from './load'

export type PageReport = {
  name: string
  path: string
  skipped?: string
  clientJsGzipBytes?: number
  load: LoadResult[]
  floor?: { medianMs: number; runs: number; statements: StatementTiming[] }
}

export type BenchReport = {
  date: string
  command: string
  database: { kind: 'postgres' | 'pglite'; version: string }
  size: string
  rows: Record<string, number>
  generationSeconds: number | null
  server: string
  secondsPerRun: number
  machine: { node: string; cpus: number; loadAverage: number[] }
  memory: { rssAfterWarmUpMb: number | null; rssAfterLoadMb: number | null }
  pages: PageReport[]
}

const root = path.resolve(import.meta.dirname, '..', '..')

/** Writes the report and returns the one it replaces, if any. */
export function saveReport(report: BenchReport): { file: string; previous: BenchReport | null } {
  const dir = path.join(root, 'tests', '.tmp')
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `bench-${report.database.kind}-${report.size}.json`)
  const previousFile = file.replace(/\.json$/, '.previous.json')
  let previous: BenchReport | null = null
  if (fs.existsSync(file)) {
    fs.renameSync(file, previousFile)
    previous = JSON.parse(fs.readFileSync(previousFile, 'utf8')) as BenchReport
  }
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)
  return { file: path.relative(root, file), previous }
}

// A NaN (no answer in time) is saved in JSON as null.
const ms = (value: number | null | undefined) =>
  value === undefined || value === null || Number.isNaN(value)
    ? '—'
    : value < 10
      ? value.toFixed(1)
      : value.toFixed(0)
const kb = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1024).toFixed(1))
const count = (n: number) => n.toLocaleString('en-GB')
const at = (page: PageReport, connections: number) =>
  page.load.find((l) => l.connections === connections)

function latency(load: LoadResult | undefined) {
  if (!load) return '—'
  const trouble = load.non2xx + load.errors + load.timeouts
  const notes = [
    ...(load.requests < 20 ? [`n=${load.requests}`] : []),
    ...(trouble ? [`${trouble} failed`] : []),
  ]
  return `${ms(load.p50)} / ${ms(load.p95)} / ${ms(load.p99)}${notes.length ? ` (${notes.join(', ')})` : ''}`
}

export function markdownReport(report: BenchReport, previous: BenchReport | null): string {
  const lines: string[] = []
  const rows = Object.entries(report.rows)
    .map(([table, n]) => `${count(n)} ${table}`)
    .join(', ')
  lines.push(
    `### ${report.database.version}, ${report.size} caseload — ${report.date}`,
    '',
    `${rows}. ${report.generationSeconds === null ? 'Data reused from an earlier generation.' : `Generated in ${report.generationSeconds.toFixed(0)} s.`} ` +
      `Served by \`${report.server}\` (NODE_ENV=production) on loopback, signed in as an editor, gzip asked for; ` +
      `autocannon ${report.secondsPerRun} s per page and connection count. Latencies p50 / p95 / p99 in ms. ` +
      `SQL floor: the page's loader statements run one after another through the bare driver, median. ` +
      `Node ${report.machine.node}, ${report.machine.cpus} cores, load average ${report.machine.loadAverage.map((l) => l.toFixed(1)).join(' ')} at the start.`,
    '',
  )
  const before = (page: PageReport) =>
    previous?.pages.find((p) => p.name === page.name && p.path === page.path)
  const head = [
    'page',
    'SQL floor',
    '1 conn',
    'req/s',
    'app ÷ SQL',
    ...(previous ? ['1 conn p50 before'] : []),
    '20 conns',
    'req/s',
    ...(previous ? ['20 conns p50 before'] : []),
    'KB / response',
    'client JS KB gzip',
  ]
  lines.push(
    `| ${head.join(' | ')} |`,
    `| --- | ${head
      .slice(1)
      .map(() => '---:')
      .join(' | ')} |`,
  )
  for (const page of report.pages) {
    if (page.skipped) {
      lines.push(`| ${page.name} | skipped: ${page.skipped} |${' |'.repeat(head.length - 2)}`)
      continue
    }
    const one = at(page, 1)
    const twenty = at(page, 20)
    const ratio = one && page.floor ? `${(one.p50 / page.floor.medianMs).toFixed(1)}×` : '—'
    const old = before(page)
    lines.push(
      `| ${[
        page.name,
        ms(page.floor?.medianMs),
        latency(one),
        ms(one?.requestsPerSecond),
        ratio,
        ...(previous ? [ms(old && at(old, 1)?.p50)] : []),
        latency(twenty),
        ms(twenty?.requestsPerSecond),
        ...(previous ? [ms(old && at(old, 20)?.p50)] : []),
        kb(one?.bytesPerResponse),
        kb(page.clientJsGzipBytes),
      ].join(' | ')} |`,
    )
  }
  const { rssAfterWarmUpMb: warm, rssAfterLoadMb: loaded } = report.memory
  lines.push(
    '',
    `Server memory (RSS): ${ms(warm)} MB after warm-up, ${ms(loaded)} MB after the load.`,
    '',
    'Slowest SQL statements (bare, median ms):',
    '',
    '| ms | model function | page | statement |',
    '| ---: | --- | --- | --- |',
  )
  const seen = new Set<string>()
  const statements = report.pages
    .flatMap((page) => (page.floor?.statements ?? []).map((s) => ({ ...s, page: page.name })))
    .sort((a, b) => b.medianMs - a.medianMs)
    .filter((s) => !seen.has(s.sql) && seen.add(s.sql))
    .slice(0, 8)
  for (const s of statements) {
    const text = s.sql.replace(/\s+/g, ' ')
    lines.push(
      `| ${ms(s.medianMs)} | ${s.label} | ${s.page} | \`${text.length > 90 ? `${text.slice(0, 90)}…` : text}\` |`,
    )
  }
  return lines.join('\n')
}
