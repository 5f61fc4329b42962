import { Type } from 'typebox'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError, apiRequest } from './api-client.ts'

const Answer = Type.Object({ id: Type.String({ format: 'uuid' }), at: Type.String({ format: 'date-time' }) })

function answerWith(status: number, body: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })))
}

afterEach(() => vi.unstubAllGlobals())

describe('apiRequest: every answer is checked against its schema (the checker loads as a chunk apart)', () => {
  it('returns an answer that matches, formats included', async () => {
    answerWith(200, { id: '0b9a4b8e-1d3c-4f7a-9a51-2f1c3e4d5a6b', at: '2026-03-01T10:00:00.000Z' })
    await expect(apiRequest('/api/x', Answer)).resolves.toEqual({ id: '0b9a4b8e-1d3c-4f7a-9a51-2f1c3e4d5a6b', at: '2026-03-01T10:00:00.000Z' })
  })

  it('refuses an answer with a missing field or a wrong format', async () => {
    answerWith(200, { id: '0b9a4b8e-1d3c-4f7a-9a51-2f1c3e4d5a6b' })
    await expect(apiRequest('/api/x', Answer)).rejects.toMatchObject({ code: 'internal' })
    answerWith(200, { id: 'not-a-uuid', at: '2026-03-01T10:00:00.000Z' })
    await expect(apiRequest('/api/x', Answer)).rejects.toMatchObject({ code: 'internal' })
    answerWith(200, { id: '0b9a4b8e-1d3c-4f7a-9a51-2f1c3e4d5a6b', at: 'yesterday' })
    await expect(apiRequest('/api/x', Answer)).rejects.toMatchObject({ code: 'internal' })
  })

  it("passes the server's error body on, and only when it is one", async () => {
    answerWith(409, { error: { code: 'conflict', message: 'Al gedaan.' } })
    const error: unknown = await apiRequest('/api/x', Answer).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 409, code: 'conflict', message: 'Al gedaan.' })
    answerWith(502, '<html>proxy</html>')
    await expect(apiRequest('/api/x', Answer)).rejects.toMatchObject({ status: 502, code: 'unavailable' })
  })
})
