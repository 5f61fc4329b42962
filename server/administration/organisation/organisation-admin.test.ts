import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation } from '../../test/factories.ts'
import type { LoggedIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'

/** Administrators set the organisation: branding (colours checked for contrast, logo checked by content) and security settings. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true }), now)
})
afterAll(() => t.close())

const settings = {
  name: 'Zorggroep De Linde',
  tagline: 'Samen zorgen',
  primaryColor: '#1F4E79',
  accentColor: '#e8f0f8',
  supportText: 'Vragen? Bel de receptie: 030 123 45 67.',
  passwordMinLength: 14,
  passwordRequireComposition: false,
  sessionIdleMinutes: 20,
  sessionMaxHours: 10,
}

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(32, 1)])
const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), Buffer.alloc(32, 1)])
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([40, 0, 0, 0]), Buffer.from('WEBPVP8 '), Buffer.alloc(32, 1)])

describe('PUT /api/admin/organisation', () => {
  it('stores the settings; the public branding and the security rules follow at once', async () => {
    const res = await send(t, admin, 'PUT', '/api/admin/organisation', settings)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ ...settings, primaryColor: '#1f4e79', logoUrl: null })
    const branding = (await t.app.inject({ method: 'GET', url: '/api/organisation' })).json()
    expect(branding).toMatchObject({ name: 'Zorggroep De Linde', tagline: 'Samen zorgen', primaryColor: '#1f4e79', supportText: settings.supportText })
    const policy = (await t.app.inject({ method: 'GET', url: '/api/password/policy' })).json()
    expect(policy.minLength).toBe(14)
    const session = (await send(t, admin, 'GET', '/api/session')).json()
    expect(session.idleTimeoutSeconds).toBe(20 * 60)
    expect((await send(t, admin, 'GET', '/api/admin/organisation')).json()).toMatchObject({ sessionMaxHours: 10 })
  })

  it('refuses a colour on which neither white nor near-black text reaches WCAG AA, and stores nothing', async () => {
    for (const colours of [{ primaryColor: '#808080' }, { accentColor: '#ff0000' }, { primaryColor: '#0088cc' }]) {
      const res = await send(t, admin, 'PUT', '/api/admin/organisation', { ...settings, name: 'Grijs', ...colours })
      expect(res.statusCode, JSON.stringify(colours)).toBe(400)
      expect(res.json().error.code).toBe('contrast_too_low')
      expect(res.json().error.message).toContain('contrast')
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation' })).json().name).toBe('Zorggroep De Linde')
  })

  it('refuses values outside the limits and fields it does not know', async () => {
    const bad = [
      { ...settings, passwordMinLength: 5 },
      { ...settings, sessionIdleMinutes: 0 },
      { ...settings, primaryColor: 'red' },
      { ...settings, logo: 'x' },
      { ...settings, showReportAuthorName: true },
      { ...settings, id: 2 },
    ]
    for (const body of bad) expect((await send(t, admin, 'PUT', '/api/admin/organisation', body)).statusCode, JSON.stringify(body)).toBe(400)
  })
})

describe('PUT /api/admin/organisation/logo', () => {
  it('accepts PNG, JPEG and WebP by their content, served with the sniffed type', async () => {
    for (const [image, type] of [[PNG, 'image/png'], [JPEG, 'image/jpeg'], [WEBP, 'image/webp']] as const) {
      const res = await send(t, admin, 'PUT', '/api/admin/organisation/logo', { imageBase64: image.toString('base64') })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().logoUrl).toMatch(/^\/api\/organisation\/logo\?v=/)
      const logo = await t.app.inject({ method: 'GET', url: '/api/organisation/logo' })
      expect(logo.headers['content-type']).toBe(type)
      expect(logo.headers['x-content-type-options']).toBe('nosniff')
      expect(logo.rawPayload.equals(image)).toBe(true)
    }
  })

  it('refuses SVG, HTML, a PDF and anything else, whatever it is called; the old logo stays', async () => {
    const fakes = [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      '<!doctype html><html><body>logo</body></html>',
      '%PDF-1.4\n%%EOF\n',
      'GIF89a..........................',
    ]
    for (const fake of fakes) {
      const res = await send(t, admin, 'PUT', '/api/admin/organisation/logo', { imageBase64: Buffer.from(fake).toString('base64') })
      expect(res.statusCode).toBe(415)
      expect(res.json().error.code).toBe('not_an_image')
    }
    const logo = await t.app.inject({ method: 'GET', url: '/api/organisation/logo' })
    expect(logo.rawPayload.equals(WEBP)).toBe(true)
  })

  it('refuses a logo over 512 KB', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(520 * 1024, 1)])
    const res = await send(t, admin, 'PUT', '/api/admin/organisation/logo', { imageBase64: big.toString('base64') })
    expect([400, 413]).toContain(res.statusCode)
  })

  it('removes the logo', async () => {
    const res = await send(t, admin, 'DELETE', '/api/admin/organisation/logo')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().logoUrl).toBeNull()
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation/logo' })).statusCode).toBe(404)
  })
})
