import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '../../config.ts'
import { registerWebApp } from './web-app.ts'

const script = `console.log(${JSON.stringify('portaal '.repeat(200))})`
let dist: string
let app: FastifyInstance

beforeAll(async () => {
  // A build as web/build/precompress.ts leaves it: each text file with its .br and .gz.
  dist = mkdtempSync(join(tmpdir(), 'portal-web-dist-'))
  mkdirSync(join(dist, 'assets'))
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Cliëntportaal</title>')
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), script)
  writeFileSync(join(dist, 'assets', 'index-AbC123.js.br'), brotliCompressSync(script))
  writeFileSync(join(dist, 'assets', 'index-AbC123.js.gz'), gzipSync(script))
  app = Fastify()
  await registerWebApp(app, { webDistDir: dist } as Config)
  await app.ready()
})

afterAll(async () => {
  await app.close()
  rmSync(dist, { recursive: true, force: true })
})

describe('the built web app', () => {
  it('sends a hashed script precompressed, cached for a year, and varying by encoding', async () => {
    const br = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip, deflate, br' } })
    expect(br.statusCode).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers.vary).toMatch(/accept-encoding/i)
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script)

    const gzip = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    const plain = await app.inject({ url: '/assets/index-AbC123.js' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body).toBe(script)
  })

  it('sends index.html for an address of the app, never cached without asking again', async () => {
    const res = await app.inject({ url: '/client/1/rapportages', headers: { 'accept-encoding': 'br' } })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Cliëntportaal')
    expect(res.headers['cache-control']).toBe('no-cache')
  })
})
