import nodemailer, { type NodemailerError } from 'nodemailer'
import { DeliveryError, type EmailTransport } from './transport.ts'

/** Each SMTP wait (connect, greeting, idle socket) is bounded, so a send ends well inside the lease. */
const SMTP_TIMEOUT_MS = 30_000

/**
 * E-mail through an SMTP server (SMTP_URL, e.g. smtps://user:password@smtp.example.org:465).
 * One connection per message: the portal sends few e-mails, and no idle connection can go stale.
 * With `requireTls` the server must offer STARTTLS, or the message is not sent.
 */
export function createSmtpEmailTransport(options: { smtpUrl: string; from: string; requireTls?: boolean }): EmailTransport {
  const transporter = nodemailer.createTransport({
    url: options.smtpUrl,
    // smtp:// with ?requireTLS=true: no STARTTLS from the server means no login and no message,
    // rather than password links in clear text (production accepts smtp:// only this way).
    ...(options.requireTls ? { requireTLS: true } : {}),
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  })
  const domain = messageIdDomain(options.from)

  return {
    name: 'smtp',
    async sendEmail(message) {
      try {
        await transporter.sendMail({
          from: options.from,
          to: message.to,
          subject: message.subject,
          text: message.text,
          ...(message.html === null ? {} : { html: message.html }),
          // The same Message-ID on every attempt: should a retry follow a send whose success we
          // never recorded, mail clients that collapse duplicates by Message-ID show it once.
          messageId: `<outbox-${message.id}-${message.createdAt.getTime()}@${domain}>`,
          headers: { 'Auto-Submitted': 'auto-generated' },
        })
      } catch (error) {
        throw describeSmtpFailure(error as NodemailerError)
      }
    },
    close() {
      transporter.close()
    },
  }
}

/**
 * A short description from codes only: the server's full reply can echo the address, and a
 * connection error's message can contain the host of SMTP_URL. Only a refused recipient is
 * permanent; a refused login (also a 5xx) is a configuration problem and stays retryable.
 */
function describeSmtpFailure(error: NodemailerError): DeliveryError {
  const code = typeof error.code === 'string' ? error.code : 'error'
  const original = typeof error.originalCode === 'string' && error.originalCode !== code ? ` ${error.originalCode}` : ''
  const reply = typeof error.responseCode === 'number' ? ` (${error.responseCode})` : ''
  const permanent = code === 'EENVELOPE' && error.permanent === true
  return new DeliveryError(`SMTP ${code}${original}${reply}`, { permanent })
}

/** The domain part of MAIL_FROM ("Naam <portaal@zorg.nl>" → zorg.nl), for Message-IDs. */
export function messageIdDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)
  return match?.[1] ?? 'localhost'
}
