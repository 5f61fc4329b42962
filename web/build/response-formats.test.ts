// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { RESPONSE_FORMATS, registryWithFormats } from './response-formats.ts'

const formatFolder = dirname(createRequire(import.meta.url).resolve('typebox/format'))
const registrySource = readFileSync(join(formatFolder, '_registry.mjs'), 'utf8')

/** typebox's registry as the web build makes it, loaded as a module of its own. */
async function webRegistry(): Promise<{ Entries: () => [string, unknown][]; Test: (format: string, value: string) => boolean }> {
  const code = registryWithFormats(registrySource).replaceAll("from './", `from '${pathToFileURL(formatFolder).href}/`)
  return import(/* @vite-ignore */ `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) as Promise<never>
}

/** Every `format` in the schemas the shared folder exports. */
async function sharedSchemaFormats(): Promise<Set<string>> {
  const folder = fileURLToPath(new URL('../../shared/schemas/', import.meta.url))
  const formats = new Set<string>()
  const seen = new Set<unknown>()
  const visit = (value: unknown) => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return
    seen.add(value)
    const { format } = value as { format?: unknown }
    if (typeof format === 'string') formats.add(format)
    for (const inner of Object.values(value)) visit(inner)
  }
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))) {
    for (const exported of Object.values(await import(/* @vite-ignore */ join(folder, file)))) visit(exported)
  }
  return formats
}

describe("the response check's formats", () => {
  it('cover every format the shared schemas use', async () => {
    const used = await sharedSchemaFormats()
    // The walk finds them: dates, times and ids are everywhere.
    expect(used.size).toBeGreaterThan(0)
    expect([...used].filter((format) => !(RESPONSE_FORMATS as readonly string[]).includes(format))).toEqual([])
  })

  it("are typebox's own checks, and any other format fails", async () => {
    const registry = await webRegistry()
    expect(registry.Entries().map(([format]) => format).sort()).toEqual([...RESPONSE_FORMATS].sort())
    expect(registry.Test('date', '2026-02-28')).toBe(true)
    expect(registry.Test('date', '2026-02-29')).toBe(false)
    expect(registry.Test('date-time', '2026-12-07T13:45:00.000Z')).toBe(true)
    expect(registry.Test('date-time', '2026-12-07 13:45')).toBe(false)
    expect(registry.Test('uuid', '0b6c5a3e-4c1f-4d0e-9a55-2f0c3d1e8b7a')).toBe(true)
    expect(registry.Test('uuid', 'urn:uuid:0b6c5a3e')).toBe(false)
    // typebox would let these pass unchecked; the web app's check refuses them.
    expect(registry.Test('email', 'j.jansen@example.nl')).toBe(false)
    expect(registry.Test('made-up', 'anything')).toBe(false)
  })

  it('stop the build when typebox changes its registry', () => {
    expect(() => registryWithFormats('export {}')).toThrow(/not as expected/)
    expect(() => registryWithFormats(registrySource, [...RESPONSE_FORMATS, 'iso-week'])).toThrow(/missing: iso-week/)
  })
})
