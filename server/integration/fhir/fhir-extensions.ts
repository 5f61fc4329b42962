import type { Extension } from '@medplum/fhirtypes'

/** HL7's extensions for Dutch name parts, nl-core's address parts and code specifications. */
export const EXT = {
  ownPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix',
  ownName: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name',
  partnerPrefix: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-prefix',
  partnerName: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name',
  nameQualifier: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier',
  assemblyOrder: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order',
  /** nl-core's extra coding of a primitive (a mobile number's telecom type MC, a country code). */
  codeSpecification: 'http://nictiz.nl/fhir/StructureDefinition/ext-CodeSpecification',
  streetName: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetName',
  houseNumber: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber',
  buildingNumberSuffix: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-buildingNumberSuffix',
  additionalLocator: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-additionalLocator',
  birthPlace: 'http://hl7.org/fhir/StructureDefinition/patient-birthPlace',
  nationality: 'http://hl7.org/fhir/StructureDefinition/patient-nationality',
} as const

/** A primitive's extensions (`_family`, `_given[i]`, `_line[i]`): the FHIR types do not declare them. */
export interface PrimitiveExtensions {
  extension?: Extension[]
}

/** The string or code value of the first extension with `url`. */
export function extensionValue(extensions: Extension[] | undefined, url: string): string | undefined {
  const found = extensions?.find((e) => e.url === url)
  return found?.valueString ?? found?.valueCode ?? undefined
}

export function stringExtension(url: string, value: string): Extension {
  return { url, valueString: value }
}
