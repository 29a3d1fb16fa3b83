// Two builds side by side on the same bench database: each page is loaded with autocannon at one
// connection on one server, then the other, in turns, so both see the same machine load. Medians of
// the rounds' p50 and p95. The servers are started beforehand (one per build), e.g.
//   npx tsx scripts/bench/ab.ts http://127.0.0.1:39106 http://127.0.0.1:3106 3 /cases/x /cases/x/statement
import { BENCH_EDITOR_EMAIL, BENCH_PASSWORD } from './generate'
import { loadUrl, type LoadResult } from './load'
import { signIn } from './server'

const [before, after, roundsText, ...paths] = process.argv.slice(2)
const rounds = Number(roundsText)
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

async function main() {
  const servers = { before: before!, after: after! }
  const cookies = {
    before: await signIn(servers.before, BENCH_EDITOR_EMAIL, BENCH_PASSWORD),
    after: await signIn(servers.after, BENCH_EDITOR_EMAIL, BENCH_PASSWORD),
  }
  const results: Record<string, Record<'before' | 'after', LoadResult[]>> = {}
  for (let round = 0; round < rounds; round++)
    for (const path of paths) {
      const order = round % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const)
      for (const which of order) {
        const url = `${servers[which]}${path}`
        await loadUrl(url, {
          connections: 1,
          seconds: 1,
          cookie: cookies[which],
          timeoutSeconds: 60,
        })
        const result = await loadUrl(url, {
          connections: 1,
          seconds: 5,
          cookie: cookies[which],
          timeoutSeconds: 60,
        })
        ;(results[path] ??= { before: [], after: [] })[which].push(result)
        console.log(
          `round ${round + 1} ${which} ${path}: p50 ${result.p50} p95 ${result.p95} n=${result.requests} ${(result.bytesPerResponse / 1024).toFixed(1)} KB non2xx=${result.non2xx}`,
        )
      }
    }
  console.log('\n| page | before p50 / p95 | after p50 / p95 | KB before → after |')
  for (const [path, byBuild] of Object.entries(results)) {
    const cell = (list: LoadResult[]) =>
      `${median(list.map((r) => r.p50)).toFixed(0)} / ${median(list.map((r) => r.p95)).toFixed(0)}`
    const kb = (list: LoadResult[]) => (list[0]!.bytesPerResponse / 1024).toFixed(1)
    console.log(
      `| ${path} | ${cell(byBuild.before)} | ${cell(byBuild.after)} | ${kb(byBuild.before)} → ${kb(byBuild.after)} |`,
    )
  }
}

main().catch((error) => {
  console.error(error)
  process.exitCode = 1
})
