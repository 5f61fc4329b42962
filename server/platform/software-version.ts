import { existsSync, readFileSync } from 'node:fs'

/**
 * The portal's version, from its package.json. Looked up from this file's folder upwards, because
 * the same module runs from `server/platform/` (tsx, tests) and from `dist/server/platform/`
 * (`npm start`), one folder deeper.
 */
export function softwareVersion(): string {
  for (let folder = new URL('.', import.meta.url); folder.pathname !== '/'; folder = new URL('..', folder)) {
    const file = new URL('package.json', folder)
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  }
  throw new Error('package.json not found above the server')
}
