import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganisation } from '../../test/factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

// The smallest valid PNG: 1×1 pixel.
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe('organisation branding', () => {
  it('has a neutral default before the organisation is set up', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/organisation' })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ name: 'Cliëntportaal', logoUrl: null })
    expect((await t.app.inject({ method: 'GET', url: '/api/organisation/logo' })).statusCode).toBe(404)
  })

  it('shows the organisation and serves its logo as an image that is not sniffed', async () => {
    await createOrganisation(t.db, { name: 'Zorggroep De Linde', primary_color: '#005a8c', logo: png, logo_mime_type: 'image/png', support_text: 'Bel uw EVV-er.' })
    const res = await t.app.inject({ method: 'GET', url: '/api/organisation' })
    const branding = res.json()
    expect(branding).toMatchObject({ name: 'Zorggroep De Linde', primaryColor: '#005a8c', supportText: 'Bel uw EVV-er.' })
    expect(Object.keys(branding).sort()).toEqual(['accentColor', 'logoUrl', 'name', 'primaryColor', 'supportText', 'tagline'])
    const logo = await t.app.inject({ method: 'GET', url: branding.logoUrl })
    expect(logo.statusCode).toBe(200)
    expect(logo.headers['content-type']).toBe('image/png')
    expect(logo.headers['x-content-type-options']).toBe('nosniff')
    expect(logo.rawPayload.equals(png)).toBe(true)
  })
})
