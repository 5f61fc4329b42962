import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { renderMetrics } from './metrics.ts'

/**
 * The metrics listener: GET /metrics on its own host and port (METRICS_HOST, METRICS_PORT),
 * never on the public port, so the figures (routes, queue depths) are not public. Plain
 * node:http: one read-only path, no sessions, no body.
 */
export async function startMetricsServer(options: { host: string; port: number }): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n')
      return
    }
    renderMetrics().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n'),
    )
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => resolve())
  })
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
