import { describe, expect, it } from 'vitest'
import { BSN_SYSTEM, isBsnSystem } from './bsn-system.ts'

/** Issue 9, item 7: the BSN system is recognised in every spelling, so its refusal in a URL does not depend on one. */
describe('isBsnSystem', () => {
  it('recognises the BSN system however it is written', () => {
    const spellings = [
      BSN_SYSTEM,
      'HTTP://FHIR.NL/FHIR/NAMINGSYSTEM/BSN',
      'http://fhir.nl/fhir/NamingSystem/bsn/',
      'http://fhir.nl/fhir/NamingSystem/bsn//',
      'http://fhir.nl/fhir/NamingSystem/bsn ',
      ' http://fhir.nl/fhir/NamingSystem/bsn\t',
      'http://fhir.nl/fhir/NamingSystem/bsn\u200b',
      'http://fhir.nl/fhir/Naming\u00adSystem/bsn',
      'https://fhir.nl/fhir/NamingSystem/bsn',
      'http://fhir.nl:80/fhir/NamingSystem/bsn',
      'http://fhir.nl./fhir/NamingSystem/bsn',
      'http://www.fhir.nl/fhir/NamingSystem/bsn',
      'http://fhir.nl//fhir/NamingSystem/./bsn',
      'http://fhir.nl/fhir/x/../NamingSystem/bsn',
      'http://fhir.nl/fhir/NamingSystem/bsn?x#y',
      'http:\\\\fhir.nl\\fhir\\NamingSystem\\bsn',
      'http%3A%2F%2Ffhir.nl%2Ffhir%2FNamingSystem%2Fbsn',
      'http%253A%252F%252Ffhir.nl%252Ffhir%252FNamingSystem%252Fbsn',
      'http://fhir.nl/fhir/NamingSystem/%62sn',
      'ｈｔｔｐ://ｆｈｉｒ.ｎｌ/fhir/NamingSystem/bsn',
      'urn:oid:2.16.840.1.113883.2.4.6.3',
      'URN:OID:2.16.840.1.113883.2.4.6.3 ',
      '2.16.840.1.113883.2.4.6.3',
    ]
    for (const spelling of spellings) expect(isBsnSystem(spelling), JSON.stringify(spelling)).toBe(true)
  })

  it('leaves other systems alone, the ECD’s own OIDs included', () => {
    const others = [
      'urn:oid:2.16.840.1.113883.2.4.3.11.999.1',
      'urn:oid:2.16.840.1.113883.2.4.6.30',
      'http://fhir.nl/fhir/NamingSystem/agb-z',
      'http://fhir.nl/fhir/NamingSystem/bsnx',
      'http://example.org/fhir.nl/fhir/NamingSystem/bsn',
      'http://fhir.nl.example.org/fhir/NamingSystem/bsn',
      'urn:uuid:0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001',
      '',
      '%',
    ]
    for (const other of others) expect(isBsnSystem(other), JSON.stringify(other)).toBe(false)
  })
})
