import type { Logger } from 'pino'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../../config.ts'
import { createCmSmsTransport } from './cm-sms.ts'
import { createConsoleEmailTransport, createConsoleSmsTransport } from './console.ts'
import { createSmtpEmailTransport } from './smtp-email.ts'
import type { EmailTransport, SmsTransport, Transports } from './transport.ts'
import { createWebhookSmsTransport } from './webhook-sms.ts'
import { createWebhookPostTransport } from './webhook-post.ts'

/**
 * The transports the configuration chose. loadConfig has already refused the unsafe choices
 * (no SMTP or a console SMS provider in production), so this only builds them.
 */
export function createTransports(config: Config, log: Pick<Logger, 'info'>, clock: Clock): Transports & { close(): Promise<void> } {
  const email: EmailTransport = config.mail.smtpUrl
    ? createSmtpEmailTransport({ smtpUrl: config.mail.smtpUrl, from: config.mail.from, requireTls: config.mail.requireTls })
    : createConsoleEmailTransport(log)

  let sms: SmsTransport
  switch (config.sms.provider) {
    case 'cm':
      sms = createCmSmsTransport(config.sms)
      break
    case 'webhook':
      sms = createWebhookSmsTransport({ url: config.sms.url, secret: config.sms.secret, clock })
      break
    case 'console':
      // The text holds a login code: shown only in demo mode (fictional accounts, a developer's
      // own machine), never once a real database, mail server or SMS provider is configured.
      sms = createConsoleSmsTransport(log, { showText: config.demoMode.mailbox })
      break
  }

  return {
    email,
    sms,
    webhook: createWebhookPostTransport(),
    async close() {
      await email.close?.()
      await sms.close?.()
    },
  }
}
