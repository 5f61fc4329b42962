import type { Logger } from 'pino'
import type { EmailTransport, SmsTransport } from './transport.ts'

type InfoLog = Pick<Logger, 'info'>

/**
 * Development without SMTP: logs that an e-mail was "sent", with recipient and subject only.
 * Never the body: it carries welcome and password links. The development mailbox
 * (GET /api/dev/outbox) shows the body to the developer instead.
 */
export function createConsoleEmailTransport(log: InfoLog): EmailTransport {
  return {
    name: 'console',
    async sendEmail(message) {
      log.info({ outboxId: message.id, to: message.to, subject: message.subject }, 'e-mail (not sent: no SMTP_URL)')
    },
  }
}

/**
 * Development SMS: logs the text so a developer can type the login code. The text holds that
 * code, so it is logged only when `showText` is set, which the configuration allows only when
 * NODE_ENV is development (production refuses this provider altogether).
 */
export function createConsoleSmsTransport(log: InfoLog, options: { showText: boolean }): SmsTransport {
  return {
    name: 'console',
    async sendSms(message) {
      if (options.showText) {
        log.info({ outboxId: message.id, to: message.to, smsText: message.text }, 'SMS (development: not sent)')
      } else {
        log.info({ outboxId: message.id, to: message.to }, 'SMS (not sent: console provider)')
      }
    },
  }
}
