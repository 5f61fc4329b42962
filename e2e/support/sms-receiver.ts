import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { verifyWebhookSignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../server/platform/outbox/transports/webhook-sms.ts'

export interface ReceivedSms {
  id: string
  to: string
  text: string
}

/**
 * A small SMS gateway for the tests: the portal's webhook transport POSTs {id, to, text}
 * here, signed with the shared secret; only correctly signed messages are kept.
 */
export async function startSmsReceiver(secret: string, serverNow: () => Date) {
  const received: ReceivedSms[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8')
      const signed = verifyWebhookSignature({
        secret,
        rawBody,
        timestamp: request.headers[TIMESTAMP_HEADER] as string | undefined,
        signature: request.headers[SIGNATURE_HEADER] as string | undefined,
        now: serverNow(),
      })
      if (!signed) {
        response.writeHead(401).end()
        return
      }
      received.push(JSON.parse(rawBody) as ReceivedSms)
      response.writeHead(202).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/sms`,
    received,
    /** Waits for the next SMS to `to` after the first `after` ones, and returns its code: "3140-583920". */
    async nextCode(to: string, after: number): Promise<{ prefix: string; secret: string }> {
      const deadline = Date.now() + 15_000
      while (Date.now() < deadline) {
        const message = received.filter((sms) => sms.to === to)[after]
        const match = message ? /(\d{4})-(\d{6})/.exec(message.text) : null
        if (match?.[1] && match[2]) return { prefix: match[1], secret: match[2] }
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      throw new Error(`no SMS number ${after + 1} to ${to} arrived`)
    },
    count: (to: string) => received.filter((sms) => sms.to === to).length,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
