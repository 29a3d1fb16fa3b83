// A load balancer in a few lines: each HTTP request goes to the next app server in turn, with the
// X-Forwarded-* headers a TLS-terminating proxy sets, and an X-App-Server header saying which
// server answered (so a test can see that both did).
import http from 'node:http'
import type net from 'node:net'

export type RoundRobinProxy = { port: number; close: () => Promise<void> }

export async function startRoundRobinProxy(backends: number[]): Promise<RoundRobinProxy> {
  let next = 0
  const server = http.createServer((req, res) => {
    const index = next++ % backends.length
    const headers = { ...req.headers }
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '127.0.0.1'
    headers['x-forwarded-proto'] = 'http'
    headers['x-forwarded-host'] = req.headers.host ?? ''
    const upstream = http.request(
      {
        host: '127.0.0.1',
        port: backends[index],
        method: req.method,
        path: req.url,
        headers,
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, {
          ...answer.headers,
          'x-app-server': String(index),
        })
        answer.pipe(res)
      },
    )
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
