import { connect, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import Fastify from 'fastify'
import { Type } from '@fastify/type-provider-typebox'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLink } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn, postJson } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { createClientOfTeam, createTeamWithCaregivers } from '../../test/workspace-factories.ts'
import { API_BODY_LIMIT, registerBodyLimits } from './body-limits.ts'

/**
 * Security property 33 (issue 9, item 3): an unauthenticated request costs little. The session
 * is decided before the body is read, and each route has its own body limit: small unless it
 * is an upload, and large only for the staff role the upload route names.
 *
 * The large bodies go to a real listening server over a raw socket, so the test can count what
 * the server took off the wire (its socket's bytesRead), which `inject` cannot show.
 */

const now = new Date('2026-11-25T12:00:00Z')
const MB = 1024 * 1024
let t: TestApp
let port = 0
let clientId = ''
let caregiver: LoggedIn
let administrator: LoggedIn
let daughter: LoggedIn
/** The server's side of each connection, in the order they were accepted. */
const serverSockets: Socket[] = []

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  const { team, caregivers } = await createTeamWithCaregivers(t.db, t.cipher)
  clientId = (await createClientOfTeam(t.db, team.id)).id
  const account = await createAccount(t.db)
  await createLink(t.db, account.id, clientId)
  caregiver = await logInStaff(t, caregivers[0]!, now)
  daughter = await logIn(t, account)
  const admin = await createStaffAccount(t.db, t.cipher, { caregiver: false, administrator: true })
  administrator = await logInStaff(t, admin, new Date(now.getTime() + 30_000))
  t.app.server.on('connection', (socket: Socket) => serverSockets.push(socket))
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  port = (t.app.server.address() as AddressInfo).port
}, 60_000)
afterAll(() => t.close())

const printsUrl = () => `/api/workspace/clients/${clientId}/care-plan-prints`

interface StreamedAnswer {
  status: number
  headers: string
  body: string
  /** Milliseconds from the first byte sent to the whole answer received. */
  ms: number
  /** Body bytes the client got into the connection before the answer (its kernel buffers included). */
  sent: number
  /** Bytes the server read from its socket for this request, headers included. */
  serverRead: number
}

/**
 * Sends a JSON body of `size` bytes as fast as the connection takes it, with a Content-Length
 * or chunked, and stops when the answer arrives or the server closes the connection.
 */
async function streamLargeBody(path: string, size: number, options: { headers?: Record<string, string>; chunked?: boolean; contentType?: string } = {}): Promise<StreamedAnswer> {
  const prefix = '{"planDate":"2026-11-20","signedOn":"2026-11-24","signatureSheetPdfBase64":null,"printPdfBase64":"'
  const suffix = '"}'
  const filler = Buffer.alloc(64 * 1024, 'A')
  const head = [
    `POST ${path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: ${options.contentType ?? 'application/json'}`,
    options.chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`,
    ...Object.entries(options.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    '', '',
  ].join('\r\n')
  const socketsBefore = serverSockets.length
  const socket = connect({ host: '127.0.0.1', port })
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject))
  const started = performance.now()
  let received = Buffer.alloc(0)
  let answered = false
  let closed = false
  let answerMs = 0
  const answer = new Promise<void>((resolve) => {
    socket.on('data', (data: Buffer) => {
      received = Buffer.concat([received, data])
      const end = received.indexOf('\r\n\r\n')
      const length = /content-length: (\d+)/i.exec(received.subarray(0, end).toString('latin1'))
      if (end >= 0 && length && received.length >= end + 4 + Number(length[1])) {
        answered = true
        answerMs = performance.now() - started
        resolve()
      }
    })
    socket.on('close', () => {
      closed = true
      resolve()
    })
    // A reset while we still write is the server refusing the rest: expected.
    socket.on('error', () => undefined)
  })
  const write = (data: Buffer | string) => new Promise<void>((resolve) => {
    if (socket.write(data)) resolve()
    else socket.once('drain', resolve).once('close', resolve)
  })
  let sent = 0
  await write(head)
  const frame = async (data: Buffer | string) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data
    await write(options.chunked ? Buffer.concat([Buffer.from(`${bytes.length.toString(16)}\r\n`), bytes, Buffer.from('\r\n')]) : bytes)
    sent += bytes.length
  }
  await frame(prefix)
  while (!answered && !closed && sent + filler.length + suffix.length <= size) await frame(filler)
  if (!answered && !closed) await frame(Buffer.alloc(size - sent - suffix.length, 'A'))
  if (!answered && !closed) await frame(suffix)
  if (!answered && !closed && options.chunked) await write('0\r\n\r\n')
  await answer
  const serverSocket = serverSockets[socketsBefore]
  socket.destroy()
  if (!serverSocket) throw new Error('the server accepted no connection')
  if (!serverSocket.destroyed) await new Promise((resolve) => serverSocket.once('close', resolve))
  const text = received.toString('utf8')
  const end = text.indexOf('\r\n\r\n')
  return {
    status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0),
    headers: text.slice(0, end).toLowerCase(),
    body: text.slice(end + 4),
    ms: answered ? answerMs : performance.now() - started,
    sent,
    serverRead: serverSocket.bytesRead,
  }
}

/** A whole, well-formed PDF of about `size` bytes: one blank page whose content stream is padding. */
function pdfOfSize(size: number): Buffer {
  const padding = ' '.repeat(Math.max(0, size - 600))
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${padding.length} >>\nstream\n${padding}\nendstream`,
  ]
  let pdf = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(pdf.length)
    pdf += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = pdf.length
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

describe('security property 33: an unauthenticated request costs little', () => {
  it('answers an anonymous 25 MB upload to a staff route 401 before reading the body, and closes the connection', async () => {
    const res = await streamLargeBody(printsUrl(), 25 * MB)
    expect(res.status, res.body).toBe(401)
    expect(JSON.parse(res.body).error.code).toBe('unauthenticated')
    expect(res.headers).toContain('connection: close')
    // Before: the server read, parsed and validated all 25 MB first (0.5–1.5 s), then said 401.
    expect(res.serverRead).toBeLessThan(2 * MB)
    expect(res.ms).toBeLessThan(2000)
  })

  it('does the same for a chunked body, whose size nobody declared', async () => {
    const res = await streamLargeBody(printsUrl(), 25 * MB, { chunked: true })
    expect(res.status, res.body).toBe(401)
    expect(res.serverRead).toBeLessThan(2 * MB)
  })

  it('refuses an expired or unknown session the same way, and clears its cookie', async () => {
    const res = await streamLargeBody(printsUrl(), 25 * MB, { headers: { cookie: '__Host-portal_session=unknown-token-unknown-token-unknown-token' } })
    expect(res.status, res.body).toBe(401)
    expect(res.headers).toMatch(/set-cookie: __host-portal_session=;/)
    expect(res.serverRead).toBeLessThan(2 * MB)
  })

  it('refuses a large body from a logged-in person without the route\'s role (403) before reading it', async () => {
    const portal = await streamLargeBody(printsUrl(), 25 * MB, { headers: daughter.headers })
    expect(portal.status, portal.body).toBe(403)
    expect(JSON.parse(portal.body).error.code).toBe('forbidden')
    expect(portal.serverRead).toBeLessThan(2 * MB)
    // An administrator is staff, but uploads no care-plan prints.
    const admin = await streamLargeBody(printsUrl(), 25 * MB, { headers: administrator.headers })
    expect(admin.status, admin.body).toBe(403)
    expect(admin.serverRead).toBeLessThan(2 * MB)
  })

  it('checks the CSRF token of a session before its body', async () => {
    const res = await streamLargeBody(printsUrl(), 25 * MB, { headers: { cookie: caregiver.headers.cookie } })
    expect(res.status, res.body).toBe(403)
    expect(JSON.parse(res.body).error.code).toBe('csrf_failed')
    expect(res.serverRead).toBeLessThan(2 * MB)
  })

  it('checks the FHIR bearer token before the body of a 15 MB transaction', async () => {
    const res = await streamLargeBody('/fhir', 15 * MB, { contentType: 'application/fhir+json' })
    expect(res.status, res.body).toBe(401)
    expect(res.headers).toContain('connection: close')
    expect(res.serverRead).toBeLessThan(2 * MB)
  })

  it('reads no large body for a path that does not exist', async () => {
    for (const chunked of [false, true]) {
      const res = await streamLargeBody('/api/does-not-exist', 25 * MB, { chunked })
      expect(res.status, res.body).toBe(404)
      expect(res.serverRead).toBeLessThan(2 * MB)
    }
  })

  it('keeps the connection of a small refused request open (a late 401 in the browser is not a network error)', async () => {
    const res = await t.app.inject({ method: 'POST', url: printsUrl(), headers: { 'content-type': 'application/json' }, payload: '{}' })
    expect(res.statusCode).toBe(401)
    expect(res.headers.connection).not.toBe('close')
  })
})

describe('security property 33: each route has its own body limit', () => {
  it('refuses 200 KB to an ordinary route with 413, also when logged in with the right role', async () => {
    const text = 'x'.repeat(200 * 1024)
    const report = await postJson(t, `/api/workspace/clients/${clientId}/reports`, { text }, caregiver.headers)
    expect(report.statusCode, report.body).toBe(413)
    expect(report.json().error.code).toBe('payload_too_large')
    const message = await postJson(t, `/api/clients/${clientId}/messages`, { body: text }, daughter.headers)
    expect(message.statusCode, message.body).toBe(413)
    // Public routes too: the login takes no more than the default.
    const login = await postJson(t, '/api/session', { loginName: 'x', password: text })
    expect(login.statusCode, login.body).toBe(413)
  })

  it('still takes an ordinary body just under the default limit to validation (no 413)', async () => {
    const text = 'x'.repeat(API_BODY_LIMIT - 1024)
    const res = await postJson(t, `/api/workspace/clients/${clientId}/reports`, { text }, caregiver.headers)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
  })

  it('takes a 5 MB care-plan print from a caregiver of the client over a real connection', async () => {
    const print = pdfOfSize(5 * MB)
    const res = await fetch(`http://127.0.0.1:${port}${printsUrl()}`, {
      method: 'POST',
      headers: { ...caregiver.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ planDate: '2026-11-20', signedOn: '2026-11-24', printPdfBase64: print.toString('base64'), signatureSheetPdfBase64: null }),
    })
    const body = await res.text()
    expect(res.status, body).toBe(201)
    expect(JSON.parse(body).printSize).toBe(print.length)
  })

  it('refuses at start-up a route that takes large bodies without naming the role that may send them', async () => {
    const response = { 200: Type.Object({}) }
    const body = Type.Object({})
    const app = Fastify()
    registerBodyLimits(app)
    expect(() => app.post('/api/large', { bodyLimit: 2 * MB, schema: { body, response } }, async () => ({}))).toThrow(/names no uploadRole/)
    expect(() => app.post('/api/large-public', { bodyLimit: 2 * MB, config: { access: 'public', uploadRole: 'caregiver' }, schema: { body, response } }, async () => ({})))
      .toThrow(/not a full-access route/)
    app.post('/api/small', { schema: { body, response } }, async () => ({}))
    app.post('/api/upload', { bodyLimit: 2 * MB, config: { uploadRole: 'caregiver' }, schema: { body, response } }, async () => ({}))
    const send = (url: string) => app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ text: 'x'.repeat(API_BODY_LIMIT) }) })
    const [small, upload] = [await send('/api/small'), await send('/api/upload')]
    await app.close()
    expect([small.statusCode, upload.statusCode]).toEqual([413, 200])
  })
})
