import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/test-app.ts'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

const validLogin = JSON.stringify({ loginName: 'someone', password: 'a long secret passphrase' })

describe('security headers', () => {
  it('sends a strict CSP, nosniff, no-referrer and no-store on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/news' })
    expect(res.statusCode).toBe(200)
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toBe('no-referrer')
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('sends HSTS only when the portal is served over TLS', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/health/live' })
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    const tls = await createTestApp({ env: { PUBLIC_BASE_URL: 'https://portaal.example.org' } })
    try {
      const res = await tls.app.inject({ method: 'GET', url: '/health/live' })
      expect(res.headers['strict-transport-security']).toContain('max-age=31536000')
    } finally {
      await tls.close()
    }
  })

  it('ignores a request id sent by the client', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health/live', headers: { 'request-id': 'forged' } })
    expect(res.headers['x-request-id']).not.toBe('forged')
  })
})

describe('request bodies', () => {
  // If any of these reached the handler, the answer would be 401 invalid_credentials (unknown login name).
  const refusedContentTypes = [
    'text/plain',
    'application/json\t',
    '\tapplication/json',
    'application/json ;charset=utf-8',
    'application/json; charset=utf-7',
    'application/json;',
    'application/json; foo=bar',
    'application/jsonx',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/plain; charset=utf-8',
  ]
  for (const contentType of refusedContentTypes) {
    it(`refuses Content-Type ${JSON.stringify(contentType)} with 415 before the handler`, async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': contentType }, payload: validLogin })
      expect(res.statusCode).toBe(415)
      expect(res.json().error.code).toBe('unsupported_media_type')
    })
  }

  it('refuses a body without Content-Type', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: validLogin, headers: { 'content-type': '' } })
    expect(res.statusCode).toBe(415)
  })

  it('accepts exactly application/json, with or without charset=utf-8', async () => {
    for (const contentType of ['application/json', 'application/json; charset=utf-8', 'Application/JSON']) {
      const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': contentType }, payload: validLogin })
      expect(res.statusCode).toBe(401)
      expect(res.json().error.code).toBe('invalid_credentials')
    }
  })

  it('refuses fields the schema does not name, listing them', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ loginName: 'a', password: 'b', role: 'administrator' }),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
  })

  it('refuses malformed JSON with a clear error and no internals', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: '{"loginName":' })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('bad_request')
    expect(JSON.stringify(body)).not.toMatch(/SyntaxError|at .*\.js|stack/i)
  })

  it('refuses a body over the size limit with 413', async () => {
    const huge = JSON.stringify({ loginName: 'x', password: 'y'.repeat(2 * 1024 * 1024) })
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: huge })
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload_too_large')
  })
})

describe('errors', () => {
  it('answers unknown API paths with the JSON error shape, in Dutch by default', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' })
    expect(res.statusCode).toBe(404)
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Dit hebben we niet gevonden.' } })
  })

  it('answers in English when the browser prefers English', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist', headers: { 'accept-language': 'en-GB,en;q=0.9,nl;q=0.5' } })
    expect(res.json().error.message).toBe('We could not find this.')
  })

  it('lists the fields that failed validation', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ loginName: '' }) })
    expect(res.statusCode).toBe(400)
    const paths = res.json().error.fields.map((f: { path: string }) => f.path)
    expect(paths).toEqual(expect.arrayContaining(['body.loginName']))
  })

  it('logs no password from a refused login body', async () => {
    const secret = 'Zeer-Geheim-Wachtwoord-4711'
    await t.app.inject({ method: 'POST', url: '/api/session', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ loginName: 'x', password: secret }) })
    expect(t.logs.join('\n')).not.toContain(secret)
  })
})
