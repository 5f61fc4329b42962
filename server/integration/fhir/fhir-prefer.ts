/**
 * The `Prefer` header of a FHIR request (RFC 7240, as FHIR R4 uses it): `handling=strict|lenient`
 * decides whether unknown search parameters are refused (docs/decisions/fhir-leniency.md);
 * `return=minimal|representation|OperationOutcome` what a write answers with.
 */
export interface FhirPreferences {
  strict: boolean
  return: 'minimal' | 'representation' | 'OperationOutcome'
}

export function fhirPreferences(header: string | string[] | undefined): FhirPreferences {
  const preferences: FhirPreferences = { strict: false, return: 'representation' }
  for (const part of [header ?? []].flat().flatMap((h) => h.split(/[,;]/))) {
    const [name, rawValue] = part.split('=').map((s) => s.trim())
    const value = rawValue?.replace(/^"|"$/g, '')
    if (name?.toLowerCase() === 'handling') preferences.strict = value?.toLowerCase() === 'strict'
    if (name?.toLowerCase() === 'return' && (value === 'minimal' || value === 'representation' || value === 'OperationOutcome')) preferences.return = value
  }
  return preferences
}
