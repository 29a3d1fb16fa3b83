// The built app, served on a free loopback port against a bench database, as production runs it
// (scripts/serve.ts, NODE_ENV=production), and signed in through its own login form.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

function newestChange(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs)
  }
  return newest
}

/** Builds with `remix build` when there is no build or a source is newer than it. */
export function ensureBuild() {
  const server = path.join(root, 'build', 'index.js')
  const built = fs.existsSync(server) ? fs.statSync(server).mtimeMs : 0
  const sources = Math.max(
    newestChange(path.join(root, 'app')),
    fs.statSync(path.join(root, 'remix.config.js')).mtimeMs,
  )
  if (built >= sources) return
  console.log('Building the app (npx remix build, holding /tmp/ct-build.lock)…')
  // Builds and browser tests share public/build: hold the same lock as everyone else.
  const result = spawnSync('flock', ['/tmp/ct-build.lock', 'npx', 'remix', 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
  if (result.status !== 0) {
    if (!built) throw new Error('remix build failed and there is no earlier build to serve')
    console.warn('remix build failed: serving the earlier build.')
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export type RunningServer = {
  origin: string
  command: string
  /** Resident memory of the server process, in MB (Linux /proc). */
  rssMb: () => number | null
  stop: () => Promise<void>
}

function rssOf(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1]
    return kb ? Number(kb) / 1024 : null
  } catch {
    return null
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null

async function waitUntilServing(origin: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (exited(child)) return false
    try {
      const response = await fetch(`${origin}/login`)
      if (response.ok) return true
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  return false
}

function stopper(child: ChildProcess) {
  return () =>
    new Promise<void>((resolve) => {
      if (exited(child)) return resolve()
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000)
      child.once('exit', () => {
        clearTimeout(force)
        resolve()
      })
      child.kill('SIGTERM')
    })
}

/**
 * Starts `tsx scripts/serve.ts` (as one Node process, so its memory is the server's); if it does not
 * come up, falls back to `remix-serve build/index.js`.
 */
export async function startServer(
  databaseEnv: Record<string, string | undefined>,
  logPath: string,
): Promise<RunningServer> {
  const commands = [
    { label: 'tsx scripts/serve.ts', args: ['--import', 'tsx', 'scripts/serve.ts'] },
    {
      label: 'remix-serve build/index.js',
      args: [path.join('node_modules', '@remix-run', 'serve', 'dist', 'cli.js'), 'build/index.js'],
    },
  ]
  fs.mkdirSync(path.dirname(logPath), { recursive: true })
  for (const { label, args } of commands) {
    const port = await freePort()
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...databaseEnv,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SESSION_SECRET: randomBytes(24).toString('hex'),
    }
    for (const [name, value] of Object.entries(databaseEnv))
      if (value === undefined) delete env[name]
    const log = fs.openSync(logPath, 'a')
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', log, log] })
    fs.closeSync(log)
    const origin = `http://127.0.0.1:${port}`
    if (await waitUntilServing(origin, child, 120_000)) {
      console.log(`Serving the built app with ${label} on ${origin} (log: ${logPath})`)
      return {
        origin,
        command: label,
        rssMb: () => rssOf(child.pid!),
        stop: stopper(child),
      }
    }
    await stopper(child)()
    console.warn(
      `${label} did not come up (exit ${child.exitCode ?? child.signalCode}; see ${logPath}); trying the next way to serve.`,
    )
  }
  throw new Error(`The app did not start; see ${logPath}`)
}

/** Signs in through the login form, as a browser would, and returns the session cookie. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${origin}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, redirectTo: '/dashboard' }),
  })
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.includes('session='))
  if (response.status >= 400 || !cookie)
    throw new Error(`Signing in as ${email} failed: HTTP ${response.status}`)
  return cookie
}
