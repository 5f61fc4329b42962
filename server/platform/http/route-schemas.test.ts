import Fastify from 'fastify'
import { Type } from 'typebox'
import { describe, expect, it } from 'vitest'
import { requireRouteSchemas } from './route-schemas.ts'

describe('requireRouteSchemas', () => {
  it('refuses an API route without a response schema at start-up', () => {
    const app = Fastify()
    requireRouteSchemas(app)
    expect(() => app.get('/api/leaky', async () => ({ secret: 1 }))).toThrow(/no response schema/)
  })

  it('refuses a POST route without a body schema', () => {
    const app = Fastify()
    requireRouteSchemas(app)
    expect(() => app.post('/api/x', { schema: { response: { 200: Type.Object({}) } } }, async () => ({}))).toThrow(/no body schema/)
  })

  it('refuses a route with path parameters but no params schema', () => {
    const app = Fastify()
    requireRouteSchemas(app)
    expect(() => app.get('/api/x/:id', { schema: { response: { 200: Type.Object({}) } } }, async () => ({}))).toThrow(/no params schema/)
  })

  it('drops fields the response schema does not name', async () => {
    const app = Fastify()
    requireRouteSchemas(app)
    app.get('/api/x', { schema: { response: { 200: Type.Object({ name: Type.String() }) } } }, async () => ({ name: 'a', bsn: '123456782' }))
    const res = await app.inject({ method: 'GET', url: '/api/x' })
    expect(res.json()).toEqual({ name: 'a' })
  })
})
