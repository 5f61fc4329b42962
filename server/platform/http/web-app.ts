import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { sendError } from './error-handler.ts'

/**
 * Serves the built web app (web/dist) on the same port as the API. Paths that are not a
 * file and not the API get index.html, so the browser's router handles them.
 * In development the Vite dev server serves the app instead and proxies /api here.
 */
export async function registerWebApp(app: FastifyInstance, config: Config): Promise<void> {
  const root = resolve(config.webDistDir)
  if (!existsSync(join(root, 'index.html'))) {
    app.log.warn(`No built web app in ${root}: run "npm run build", or use "npm run dev".`)
    return
  }
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    index: false,
    // The build writes a .br and a .gz beside each text file (web/build/precompress.ts): sent as
    // they are to browsers that accept them, compressed once at build time, not per request.
    preCompressed: true,
    // Hashed asset names change with every build, so they may be cached for long. send's own
    // Cache-Control (public, max-age=0) is off: it came after these headers and replaced them.
    cacheControl: false,
    setHeaders: (res, path) => {
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache')
      res.setHeader('vary', 'accept-encoding')
    },
  })
  // Public: it only ever answers the app's index.html or "not found".
  app.get('/*', { config: { access: 'public' } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    // The API, and anything that looks like a file, is not the web app's to answer.
    if (path.startsWith('/api/') || path.startsWith('/health/') || /\.[a-z0-9]+$/i.test(path)) {
      return sendError(request, reply, 'not_found')
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html')
  })
}
