// The built app as `npm run serve` runs it, in a child process of the test: what it logs, whether it
// is still alive, and its address. For the tests where the process itself is what is tested (the
// database going away under load, two app servers on one database).
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')

export type AppProcess = {
  port: number
  url: string
  /** Every line it printed on stdout and stderr so far. */
  lines: () => string[]
  alive: () => boolean
  stop: () => Promise<void>
}

export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise((resolve) => server.close(resolve))
  return port
}

export const TEST_SESSION_SECRET = randomBytes(24).toString('hex')

/** Runs scripts/serve.ts and resolves once it serves; rejects with its output if it stops first. */
export async function startAppProcess(env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort()
  const child: ChildProcess = spawn(
    path.join(root, 'node_modules', '.bin', 'tsx'),
    ['scripts/serve.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(port),
        SESSION_SECRET: TEST_SESSION_SECRET,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const lines: string[] = []
  let exited = false
  for (const stream of [child.stdout, child.stderr]) {
    let rest = ''
    stream?.setEncoding('utf8')
    stream?.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n')
      rest = parts.pop() ?? ''
      lines.push(...parts)
    })
  }
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true
      resolve()
    }),
  )
  const deadline = Date.now() + 150_000
  while (!lines.some((line) => line.startsWith('Serving on'))) {
    if (exited || Date.now() > deadline)
      throw new Error(`the app did not start:\n${lines.join('\n')}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    lines: () => [...lines],
    alive: () => !exited,
    stop: async () => {
      if (exited) return
      child.kill('SIGTERM')
      await Promise.race([exit, new Promise((resolve) => setTimeout(resolve, 5_000))])
      if (!exited) child.kill('SIGKILL')
    },
  }
}

/** Runs a script to its end: its exit code, its output and how long it took. */
export function runToEnd(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; ms: number }> {
  const started = Date.now()
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return new Promise((resolve) =>
    child.on('exit', (code) => resolve({ code, output, ms: Date.now() - started })),
  )
}

/** Signs in with a form POST as a browser would; the session cookie ("name=value"). */
export async function signInOver(base: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: base, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  })
  const cookie = response.headers.get('Set-Cookie')
  if (response.status !== 302 || !cookie)
    throw new Error(`signing in at ${base} answered ${response.status}`)
  return cookie.split(';')[0]!
}
