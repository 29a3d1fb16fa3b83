// Load on one URL with autocannon. Latencies are collected from every response, so p95 is exact
// (autocannon's own summary has p2.5, p50, p97.5 and p99 but no p95).
import autocannon from 'autocannon'

export type LoadResult = {
  connections: number
  seconds: number
  requests: number
  p50: number
  p95: number
  p99: number
  requestsPerSecond: number
  /** Bytes per response on the wire (gzip, as a browser asks for). */
  bytesPerResponse: number
  non2xx: number
  errors: number
  timeouts: number
}

const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]! : NaN

export async function loadUrl(
  url: string,
  {
    connections,
    seconds,
    cookie,
    timeoutSeconds,
  }: { connections: number; seconds: number; cookie?: string; timeoutSeconds: number },
): Promise<LoadResult> {
  const latencies: number[] = []
  let bytes = 0
  let non2xx = 0
  const started = performance.now()
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        timeout: timeoutSeconds,
        headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}) },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    )
    instance.on('response', (_client, statusCode, resBytes, responseTime) => {
      latencies.push(responseTime)
      bytes += resBytes
      if (statusCode < 200 || statusCode >= 300) non2xx += 1
    })
  })
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    connections,
    seconds,
    requests: latencies.length,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    requestsPerSecond: latencies.length / elapsed,
    bytesPerResponse: latencies.length ? bytes / latencies.length : 0,
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  }
}
