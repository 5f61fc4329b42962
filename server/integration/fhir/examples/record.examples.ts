import type { Appointment, Communication, DocumentReference, Observation } from '@medplum/fhirtypes'
import { ONE_PAGE, pdfOfObjects } from '../../../platform/pdf/pdf.test-support.ts'

/**
 * Record resources as the FHIR R4 specification publishes them (hl7.org/fhir/R4: Appointment
 * "example", Communication "example", DocumentReference "example"), copied by hand with their
 * narrative left out, and a progress note written from the Observation page. Fresh copies each call.
 */

/** hl7.org/fhir/R4/appointment-example.json */
export function r4AppointmentExample(): Appointment {
  return {
    resourceType: 'Appointment',
    id: 'example',
    status: 'booked',
    serviceCategory: [{ coding: [{ system: 'http://example.org/service-category', code: 'gp', display: 'General Practice' }] }],
    serviceType: [{ coding: [{ code: '52', display: 'General Discussion' }] }],
    specialty: [{ coding: [{ system: 'http://snomed.info/sct', code: '394814009', display: 'General practice' }] }],
    appointmentType: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0276', code: 'FOLLOWUP', display: 'A follow up visit from a previous appointment' }] },
    reasonReference: [{ reference: 'Condition/example', display: 'Severe burn of left ear' }],
    priority: 5,
    description: 'Discussion on the results of your recent MRI',
    start: '2013-12-10T09:00:00Z',
    end: '2013-12-10T11:00:00Z',
    created: '2013-10-10',
    comment: 'Further expand on the results of the MRI and determine the next actions that may be appropriate.',
    basedOn: [{ reference: 'ServiceRequest/myringotomy' }],
    participant: [
      { actor: { reference: 'Patient/example', display: 'Peter James Chalmers' }, required: 'required', status: 'accepted' },
      { type: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'ATND' }] }], actor: { reference: 'Practitioner/example', display: 'Dr Adam Careful' }, required: 'required', status: 'accepted' },
      { actor: { reference: 'Location/1', display: 'South Wing, second floor' }, required: 'required', status: 'accepted' },
    ],
  }
}

/** hl7.org/fhir/R4/communication-example.json */
export function r4CommunicationExample(): Communication {
  return {
    resourceType: 'Communication',
    id: 'example',
    identifier: [{ type: { text: 'Paging System' }, system: 'urn:oid:1.3.4.5.6.7', value: '2345678901' }],
    instantiatesCanonical: ['http://example.org/hyperkalemia'],
    partOf: [{ display: 'Serum Potassium Observation' }],
    status: 'completed',
    category: [{ coding: [{ system: 'http://acme.org/messagetypes', code: 'Alert' }], text: 'Alert' }],
    medium: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationMode', code: 'WRITTEN', display: 'written' }], text: 'written' }],
    subject: { reference: 'Patient/example' },
    encounter: { reference: 'Encounter/example' },
    sent: '2014-12-12T18:01:10-08:00',
    received: '2014-12-12T18:01:11-08:00',
    recipient: [{ reference: 'Practitioner/example' }],
    sender: { reference: 'Device/f001' },
    payload: [{ contentString: 'Patient 1 has a very high serum potassium value (7.2 mmol/L on 2014-Dec-12 at 5:55 pm)' }, { contentReference: { display: 'Serum Potassium Observation' } }],
  }
}

/** hl7.org/fhir/R4/documentreference-example.json, its attachment given inline (`data`) instead of by URL. */
export function r4DocumentReferenceExample(pdfBase64: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    id: 'example',
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.3.6.1.4.1.21367.2005.3.7' },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: 'urn:oid:1.3.6.1.4.1.21367.2005.3.7.1234' }],
    status: 'current',
    docStatus: 'preliminary',
    type: { coding: [{ system: 'http://loinc.org', code: '34108-1', display: 'Outpatient Note' }] },
    category: [{ coding: [{ system: 'http://ihe.net/xds/connectathon/classCodes', code: 'History and Physical', display: 'History and Physical' }] }],
    subject: { reference: 'Patient/xcda' },
    date: '2005-12-24T09:43:41+11:00',
    author: [{ reference: 'Practitioner/xcda1' }],
    authenticator: { reference: 'Organization/f001' },
    custodian: { reference: 'Organization/f001' },
    description: 'Physical',
    securityLabel: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'V', display: 'very restricted' }] }],
    content: [{
      attachment: { contentType: 'application/pdf', language: 'en-US', data: pdfBase64, title: 'Physical', creation: '2005-12-24T09:35:00+11:00' },
      format: { system: 'urn:oid:1.3.6.1.4.1.19376.1.2.3', code: 'urn:ihe:pcc:handp:2008', display: 'History and Physical Specification' },
    }],
    context: {
      period: { start: '2004-12-23T08:00:00+11:00', end: '2004-12-23T08:01:00+11:00' },
      facilityType: { coding: [{ system: 'http://www.ihe.net/xds/connectathon/healthcareFacilityTypeCodes', code: 'Outpatient', display: 'Outpatient' }] },
      practiceSetting: { coding: [{ system: 'http://www.ihe.net/xds/connectathon/practiceSettingCodes', code: 'General Medicine', display: 'General Medicine' }] },
      sourcePatientInfo: { reference: 'Patient/xcda' },
    },
  }
}

/** A daily report as a progress note, written from hl7.org/fhir/R4/observation.html (no zib exists). */
export function progressNoteExample(portalBaseUrl: URL): Observation {
  return {
    resourceType: 'Observation',
    extension: [
      { url: new URL('/fhir/StructureDefinition/visible-in-portal', portalBaseUrl).href, valueBoolean: true },
      { url: 'http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal', valueReference: { display: 'Mevrouw douchet zelfstandig' } },
    ],
    identifier: [{ system: 'urn:oid:2.16.840.1.113883.2.4.3.11.999.1', value: 'R-1' }],
    status: 'final',
    code: { coding: [{ system: 'http://loinc.org', code: '11506-3', display: 'Progress note' }], text: 'Rapportage' },
    subject: { reference: 'Patient/example' },
    effectiveDateTime: '2026-11-20T08:15:00+01:00',
    performer: [{ reference: 'Practitioner/example', display: 'Fatima el Amrani' }],
    valueString: 'Mevrouw heeft met wat hulp gedoucht en goed ontbeten.',
  }
}

/** The smallest bytes the portal's PDF check accepts: header, one empty page, cross-reference table, trailer. */
export const TINY_PDF = pdfOfObjects(ONE_PAGE)
