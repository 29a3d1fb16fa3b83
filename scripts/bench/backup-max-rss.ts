// Loaded with `node --import` into a timed `npm run backup` or `npm run restore` child by the bench:
// when the process ends, it writes its own peak resident memory (kB, as the kernel counted it) to the
// file named by BENCH_MAX_RSS_FILE, so the bench reports the command's memory, not its own.
import fs from 'node:fs'

const file = process.env.BENCH_MAX_RSS_FILE
if (file)
  process.on('exit', () => {
    fs.writeFileSync(file, String(process.resourceUsage().maxRSS))
  })
