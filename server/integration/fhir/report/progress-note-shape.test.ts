import type { Observation } from '@medplum/fhirtypes'
import { describe, expect, it } from 'vitest'
import { progressNoteExample } from '../examples/record.examples.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { isPlainProgressNote } from './progress-note-shape.ts'

const BASE = new URL('https://portaal.zorg.example/')
const note = (change: (o: Record<string, unknown>) => void): Observation => {
  const observation = { ...progressNoteExample(BASE), subject: { reference: 'Patient/0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0009' } } as unknown as Record<string, unknown>
  change(observation)
  return observation as unknown as Observation
}
/** Medplum's own verdict: the shape check may only ever skip it for resources it accepts. */
const medplumAccepts = (resource: Observation) => {
  try {
    validateFhirResource(resource)
    return true
  } catch {
    return false
  }
}

describe('the plain progress note shape', () => {
  it('accepts only what Medplum accepts too: the example, the smallest note, every optional element', () => {
    const accepted = [
      note(() => {}),
      note((o) => {
        delete o.extension
        delete o.performer
        delete o.identifier
        o.code = { coding: [{ system: 'http://loinc.org', code: '11506-3' }] }
      }),
      note((o) => { o.id = 'abc-1.2' }),
      note((o) => { o.effectiveDateTime = '2026-11-20T08:15:00.123456Z' }),
      note((o) => { o.valueString = 'Regel één\nRegel twee\tmet tab — en “aanhalingstekens”' }),
      note((o) => { o.status = 'amended' }),
    ]
    for (const resource of accepted) {
      expect(isPlainProgressNote(resource), JSON.stringify(resource)).toBe(true)
      expect(medplumAccepts(resource), JSON.stringify(resource)).toBe(true)
    }
  })

  it('leaves to Medplum what it refuses: a blank or null value, a wrong type or format, an unknown element, a missing one, an extension without a value', () => {
    const refused = [
      note((o) => { o.valueString = '   ' }),
      note((o) => { o.valueString = null }),
      note((o) => { o.valueString = 42 }),
      note((o) => { o.mood = 'good' }),
      note((o) => { o.effectiveDateTime = '2026-13-20T08:15:00Z' }),
      note((o) => { o.effectiveDateTime = '0000-01-01T00:00:00Z' }),
      note((o) => { o.code = { coding: [{ system: 'http://loinc.org', code: ' 11506-3' }] } }),
      note((o) => { o.extension = [{ url: 'https://x.example/e' }] }),
      note((o) => { delete o.status }),
      note((o) => { o.valueString = 'a\u0001b' }),
      note((o) => { o.subject = [{ reference: 'Patient/1' }] }),
      note((o) => { o.extension = [{ url: 'https://x.example/e', valueBoolean: 'true' }] }),
      note((o) => { o.code = {} }),
      note((o) => { o.identifier = [{ system: 'urn:x y', value: 'a' }] }),
    ]
    for (const resource of refused) {
      expect(isPlainProgressNote(resource), JSON.stringify(resource)).toBe(false)
      expect(medplumAccepts(resource), JSON.stringify(resource)).toBe(false)
    }
  })

  it('leaves notes of another shape, and empty elements, to Medplum (which accepts them)', () => {
    const otherShapes = [
      note((o) => { o.meta = { profile: ['http://example.org/StructureDefinition/note'] } }),
      note((o) => { o.effectiveDateTime = '2026-11-20' }),
      note((o) => { o._valueString = { id: 'x' } }),
      note((o) => { o.subject = {} }),
      note((o) => { o.identifier = [] }),
      // Medplum lets these through (a resource id is not its format check, nor is ext-1's 'one value'); the shape does not.
      note((o) => { o.id = 'not an id' }),
      note((o) => { o.extension = [{ url: 'https://x.example/e', valueBoolean: true, valueReference: { display: 'twee' } }] }),
      note((o) => { o.subject = { reference: 'urn:uuid:7c1d0000-0000-4000-8000-000000000001' } }),
      note((o) => { o.performer = [{ reference: 'Organization/1' }] }),
    ]
    for (const resource of otherShapes) {
      expect(isPlainProgressNote(resource), JSON.stringify(resource)).toBe(false)
      expect(medplumAccepts(resource), JSON.stringify(resource)).toBe(true)
    }
  })
})
