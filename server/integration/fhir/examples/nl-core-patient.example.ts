import type { Patient } from '@medplum/fhirtypes'

/**
 * nl-core-Patient-01, written from the Nictiz zib2020 specification's example (Johanna
 * "Jo" van Putten-van der Giessen; naamgebruik NL3, the partner's name before her own): Dutch
 * name parts as extensions, initials as qualified
 * given names, nl-core address parts, BSN with the 11-test test number 999911120.
 */
export function nlCorePatientExample(): Patient {
  return structuredClone({
    resourceType: 'Patient',
    id: 'nl-core-Patient-01',
    meta: { profile: ['http://nictiz.nl/fhir/StructureDefinition/nl-core-Patient'] },
    identifier: [{ use: 'official', system: 'http://fhir.nl/fhir/NamingSystem/bsn', value: '999911120' }],
    name: [
      {
        extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/humanname-assembly-order', valueCode: 'NL3' }],
        use: 'official',
        text: 'Johanna Petronella Maria (Jo) van Putten-van der Giessen',
        family: 'van Putten-van der Giessen',
        _family: {
          extension: [
            { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-prefix', valueString: 'van der' },
            { url: 'http://hl7.org/fhir/StructureDefinition/humanname-own-name', valueString: 'Giessen' },
            { url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-prefix', valueString: 'van' },
            { url: 'http://hl7.org/fhir/StructureDefinition/humanname-partner-name', valueString: 'Putten' },
          ],
        },
        given: ['Johanna', 'Petronella', 'Maria', 'J.P.M.'],
        _given: [
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'BR' }] },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'BR' }] },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'BR' }] },
          { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/iso21090-EN-qualifier', valueCode: 'IN' }] },
        ],
      },
      { use: 'usual', given: ['Jo'] },
    ],
    telecom: [
      { system: 'phone', value: '0201234567', use: 'home' },
      { system: 'phone', value: '0611234567', use: 'mobile' },
      { system: 'email', value: 'user@home.nl', use: 'home' },
    ],
    gender: 'female',
    birthDate: '1934-04-28',
    deceasedBoolean: false,
    address: [
      {
        use: 'home',
        type: 'both',
        line: ['Jan van Galenstraat 4'],
        _line: [
          {
            extension: [
              { url: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-streetName', valueString: 'Jan van Galenstraat' },
              { url: 'http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-houseNumber', valueString: '4' },
            ],
          },
        ],
        city: 'Amsterdam',
        district: 'Amsterdam',
        postalCode: '1051 KM',
        country: 'Nederland',
      },
    ],
    maritalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus', code: 'M', display: 'Married' }] },
    multipleBirthBoolean: false,
    generalPractitioner: [{ reference: 'PractitionerRole/nl-core-HealthProfessional-PractitionerRole-01', type: 'PractitionerRole', display: 'Huisartsenpraktijk Blaricum' }],
  } as unknown as Patient)
}

/** The minimal Patient of the FHIR R4 specification's own example shape (no Dutch extensions). */
export function plainR4PatientExample(): Patient {
  return {
    resourceType: 'Patient',
    name: [{ use: 'official', family: 'Chalmers', given: ['Peter', 'James'] }, { use: 'usual', given: ['Jim'] }],
    telecom: [{ system: 'phone', value: '(03) 5555 6473', use: 'work' }],
    gender: 'male',
    birthDate: '1974-12-25',
    address: [{ use: 'home', type: 'both', line: ['534 Erewhon St'], city: 'PleasantVille', postalCode: '3999' }],
  }
}
