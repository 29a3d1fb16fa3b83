// A TCP proxy between the app and PostgreSQL that a test can cut and restore: cutting drops every
// open connection and refuses new ones, as a stopped or unreachable PostgreSQL does, without
// stopping the machine's PostgreSQL server that other test runs use.
import net from 'node:net'

export type TcpProxy = {
  port: number
  /** Drops every connection and refuses new ones until `restore`. */
  cut: () => Promise<void>
  /** Listens again on the same port. */
  restore: () => Promise<void>
  close: () => Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host)
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      socket.on('error', () => {
        client.destroy()
        upstream.destroy()
      })
    }
    client.pipe(upstream)
    upstream.pipe(client)
  })
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject)
        resolve()
      })
    })
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      for (const socket of sockets) socket.destroy()
    })
  await listen(0)
  const port = (server.address() as net.AddressInfo).port
  return {
    port,
    cut: stopListening,
    restore: () => listen(port),
    close: stopListening,
  }
}
