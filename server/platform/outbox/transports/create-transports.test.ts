import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../../config.ts'
import { captureLog, startSmtpFake } from '../outbox.test-support.ts'
import { createTransports } from './create-transports.ts'
import { createSmtpEmailTransport } from './smtp-email.ts'

const key = Buffer.alloc(32, 7).toString('base64')
const clock = () => new Date('2026-12-06T12:00:00Z')

async function smsLogLines(env: Record<string, string>): Promise<string> {
  const { log, lines } = captureLog()
  const transports = createTransports(loadConfig(env), log, clock)
  await transports.sms.sendSms({ id: '1', to: '+31612345678', text: 'Uw inlogcode is 1234-567890.' })
  await transports.close()
  return lines.join('\n')
}

describe('console SMS (security property 31: development conveniences only in demo mode)', () => {
  it('logs the text in demo mode, for the developer to type the code', async () => {
    expect(await smsLogLines({ NODE_ENV: 'development' })).toContain('1234-567890')
  })

  it('property 31: never logs the text beside a real database, even with NODE_ENV development', async () => {
    const lines = await smsLogLines({ NODE_ENV: 'development', DATABASE_URL: 'postgres://db.example/portal', DATA_ENCRYPTION_KEY: key, SMS_PROVIDER: 'console' })
    expect(lines).toContain('SMS (not sent: console provider)')
    expect(lines).not.toContain('567890')
  })

  it('property 31: never logs the text beside a real mail server', async () => {
    const lines = await smsLogLines({ NODE_ENV: 'development', SMTP_URL: 'smtps://smtp.example.org', MAIL_FROM: 'Zorg <p@zorg.example>' })
    expect(lines).not.toContain('567890')
  })
})

describe('SMTP with ?requireTLS=true', () => {
  const email = { id: '7', to: 'jan@example.org', subject: 'Test', text: 'https://portaal.example/wachtwoord-instellen#geheim', html: null, createdAt: new Date() }

  it('sends nothing to a server that offers no STARTTLS', async () => {
    const smtp = await startSmtpFake()
    try {
      const config = loadConfig({ SMTP_URL: `${smtp.url}?requireTLS=true`, MAIL_FROM: 'Zorg <p@zorg.example>' })
      const transports = createTransports(config, captureLog().log, clock)
      await expect(transports.email.sendEmail(email)).rejects.toThrow(/SMTP/)
      await transports.close()
      expect(smtp.received).toHaveLength(0)
    } finally {
      await smtp.close()
    }
  })

  it('requireTls holds even when the URL does not say so (the option is passed, not only parsed)', async () => {
    const smtp = await startSmtpFake()
    try {
      const transport = createSmtpEmailTransport({ smtpUrl: smtp.url, from: 'Zorg <p@zorg.example>', requireTls: true })
      await expect(transport.sendEmail(email)).rejects.toThrow(/SMTP/)
      await transport.close?.()
      expect(smtp.received).toHaveLength(0)
    } finally {
      await smtp.close()
    }
  })

  it('(the same server without the requirement receives it: the fake is reachable)', async () => {
    const smtp = await startSmtpFake()
    try {
      const transports = createTransports(loadConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Zorg <p@zorg.example>' }), captureLog().log, clock)
      await transports.email.sendEmail(email)
      await transports.close()
      expect(smtp.received).toHaveLength(1)
    } finally {
      await smtp.close()
    }
  })
})
