import type { AddressInfo } from 'node:net'
import { createTestApp, type TestApp } from '../../server/test/test-app.ts'

export interface PortalServer extends TestApp {
  url: string
}

/** The real portal (API and built web app) on a fresh database, listening on a free port. */
export async function startPortal(options: { now?: Date } = {}): Promise<PortalServer> {
  const t = await createTestApp({ ...options, env: { WEB_DIST_DIR: './web/dist', LOG_LEVEL: 'warn' } })
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  const { port } = t.app.server.address() as AddressInfo
  return { ...t, url: `http://127.0.0.1:${port}` }
}
