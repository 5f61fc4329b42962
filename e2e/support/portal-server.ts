import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { loadConfig } from '../../server/config.ts'
import { withOutboxSecrets } from '../../server/platform/outbox/outbox-secrets.ts'
import { startOutboxWorker } from '../../server/platform/outbox/outbox.worker.ts'
import { createTransports } from '../../server/platform/outbox/transports/create-transports.ts'
import { createTestApp, type TestApp } from '../../server/test/test-app.ts'

export interface PortalServer extends TestApp {
  url: string
  /** The server's clock (frozen unless moved with setNow, like the test app's). */
  now: () => Date
  /** The copy of the built web app the portal serves. */
  webDist: string
}

interface PortalOptions {
  now?: Date
  /** More environment, e.g. SMS_PROVIDER=webhook with its URL and secret. */
  env?: Record<string, string>
  /** Deliver queued e-mail and SMS, as server/main.ts does; off by default. */
  outbox?: boolean
  /**
   * The host name in the portal's URL. Passkeys (WebAuthn) need a domain name as relying
   * party id, never an IP address, and a secure context: http://localhost is both.
   * The server still listens on 127.0.0.1 only; Chromium resolves localhost there itself.
   */
  host?: 'localhost' | '127.0.0.1'
}

/** A free port on the loopback address, so the portal's public URL is known before it starts. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * The real portal (API and built web app) on a fresh database, listening on a free port.
 * PUBLIC_BASE_URL is that address, so the browser's Origin passes the CSRF check and the
 * links in e-mails point here. With `outbox`, the outbox worker delivers e-mail and SMS
 * through the configured transports, on the same (test-controlled) clock.
 */
export async function startPortal(options: PortalOptions = {}): Promise<PortalServer> {
  const port = await freePort()
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`
  // A copy of the built app, so a build started elsewhere meanwhile (it empties web/dist
  // first) cannot pull the pages away from under a running browser test.
  const webDist = mkdtempSync(join(tmpdir(), 'portal-web-'))
  cpSync('./web/dist', webDist, { recursive: true })
  const env = { WEB_DIST_DIR: webDist, LOG_LEVEL: 'warn', PUBLIC_BASE_URL: url, ...options.env }
  let now = options.now ?? new Date()
  const t = await createTestApp({ now, env })
  const setNow = (date: Date) => {
    now = date
    t.setNow(date)
  }
  const clock = () => new Date(now)

  let stopOutbox = async () => {}
  if (options.outbox) {
    const config = loadConfig({ NODE_ENV: 'test', ...env })
    const log = pino({ level: 'warn' })
    const transports = createTransports(config, log, clock)
    // The journeys read links and codes from the outbox as from a mailbox, also after delivery
    // (which erases a body outside demo mode): this worker keeps the encrypted bodies.
    const db = withOutboxSecrets(t.db, t.cipher, { keepDelivered: true })
    const worker = startOutboxWorker({ db, clock, log, transports, pollIntervalMs: 200 })
    stopOutbox = async () => {
      await worker.stop()
      await transports.close()
    }
  }

  await t.app.listen({ host: '127.0.0.1', port })
  return {
    ...t,
    url,
    now: clock,
    setNow,
    webDist,
    close: async () => {
      await stopOutbox()
      await t.close()
      rmSync(webDist, { recursive: true, force: true })
    },
  }
}
