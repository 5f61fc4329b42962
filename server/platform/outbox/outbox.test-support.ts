import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import pino, { type Logger } from 'pino'
import { SMTPServer } from 'smtp-server'
import type { Db } from '../db/database.ts'
import { loggerOptions } from '../logger.ts'
import { decryptPayload, outboxSecretsOf } from './outbox-secrets.ts'
import type { OutboxStatus } from './outbox.table.ts'
import type { OutgoingEmail, OutgoingSms, Transports } from './transports/transport.ts'

/** A real pino logger with the app's options, whose lines a test can read. */
export function captureLog(): { log: Logger; lines: string[] } {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      const line = chunk.toString('utf8')
      lines.push(line)
      done()
    },
  })
  return { log: pino(loggerOptions('debug'), stream), lines }
}

/** An injected clock the test moves by hand. */
export function manualClock(start: Date) {
  let now = start.getTime()
  return {
    clock: () => new Date(now),
    advance: (ms: number) => {
      now += ms
    },
  }
}

export interface FakeRequest {
  method: string
  url: string
  headers: IncomingHttpHeaders
  body: string
}

/** A local HTTP server on 127.0.0.1:0 answering each request with what `answer` returns. */
export async function startHttpFake(answer: (request: FakeRequest, index: number) => { status: number; json?: unknown; delayMs?: number }) {
  const requests: FakeRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }
      requests.push(request)
      const { status, json, delayMs } = answer(request, requests.length - 1)
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(json ?? {}))
      }, delayMs ?? 0)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export interface ReceivedMail {
  from: string
  to: string[]
  raw: string
}

/** A real SMTP server (smtp-server) on 127.0.0.1:0; `rejectRecipient` answers RCPT TO with 550. */
export async function startSmtpFake(options: { rejectRecipient?: string } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address === options.rejectRecipient) {
        const error = Object.assign(new Error('no such user'), { responseCode: 550 })
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** Undoes quoted-printable soft breaks and escapes, so a test can read a MIME part as text. */
export function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, '')
  const bytes: number[] = []
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3)
    if (joined[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16))
      i += 2
    } else {
      bytes.push(...Buffer.from(joined[i] ?? '', 'utf8'))
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** In-memory transports that record every send, taking `delayMs` each (to let workers interleave). */
export function recordingTransports(options: { delayMs?: number } = {}) {
  const emails: OutgoingEmail[] = []
  const sms: OutgoingSms[] = []
  const pause = () => new Promise((resolve) => setTimeout(resolve, options.delayMs ?? 0))
  const transports: Transports = {
    email: {
      name: 'recording',
      async sendEmail(message) {
        await pause()
        emails.push(message)
      },
    },
    sms: {
      name: 'recording',
      async sendSms(message) {
        await pause()
        sms.push(message)
      },
    },
  }
  return { transports, emails, sms }
}

export interface OutboxTestMessage {
  id: string
  channel: 'email' | 'sms' | 'webhook' | 'push'
  recipient: string
  subject: string
  /** The decrypted body; '' once erased (after delivery, outside demo mode). */
  body_text: string
  body_html: string | null
  status: OutboxStatus
  created_at: Date
}

/**
 * Tests only: the outbox as the recipients would read it, oldest first. Bodies are stored
 * encrypted (outbox-secrets.ts), so reading `outbox_message` directly shows no link or code;
 * this decrypts them with the key the `db` handle carries (the test app's).
 */
export async function readOutbox(
  db: Db,
  filter: { channel?: OutboxTestMessage['channel']; recipient?: string; afterId?: string } = {},
): Promise<OutboxTestMessage[]> {
  const secrets = outboxSecretsOf(db)
  let query = db.selectFrom('outbox_message').select(['id', 'channel', 'recipient', 'subject', 'payload', 'status', 'created_at'])
  if (filter.channel) query = query.where('channel', '=', filter.channel)
  if (filter.recipient !== undefined) query = query.where('recipient', '=', filter.recipient)
  if (filter.afterId !== undefined) query = query.where('id', '>', filter.afterId)
  const rows = await query.orderBy('id').execute()
  return rows.map(({ payload, ...row }) => {
    const body = payload ? decryptPayload(secrets, payload) : { text: '', html: null }
    return { ...row, body_text: body.text, body_html: body.html }
  })
}
