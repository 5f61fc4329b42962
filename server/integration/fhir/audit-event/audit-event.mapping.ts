import type { AuditEvent, AuditEventAgent, AuditEventEntity, Coding } from '@medplum/fhirtypes'
import type { Selectable } from 'kysely'
import type { AccessAction, AccessLogTable, AccessOutcome } from '../../../platform/access-log/access-log.table.ts'
import { patientReference } from '../fhir-references.ts'
import { auditEventId } from './audit-event-id.ts'

export type AccessLogRow = Selectable<AccessLogTable>

const DCM = 'http://dicom.nema.org/resources/ontology/DCM'
const PATIENT_RECORD: Coding = { system: DCM, code: '110110', display: 'Patient Record' }
const USER_AUTHENTICATION: Coding = { system: DCM, code: '110114', display: 'User Authentication' }
const LOGIN: Record<string, Coding> = { login: { system: DCM, code: '110122', display: 'Login' }, logout: { system: DCM, code: '110123', display: 'Logout' } }
/** NEN 7513 "actie": FHIR's CRUDE letters; an export discloses, a login executes. */
const ACTION: Record<AccessAction, NonNullable<AuditEvent['action']>> = { read: 'R', create: 'C', update: 'U', delete: 'D', export: 'E', login: 'E', logout: 'E' }
/** NEN 7513 "resultaat": 0 success, 4 minor failure (refused), 8 serious failure. */
const OUTCOME: Record<AccessOutcome, NonNullable<AuditEvent['outcome']>> = { success: '0', denied: '4', failure: '8' }
const ENTITY_TYPE = 'http://terminology.hl7.org/CodeSystem/audit-entity-type'
const OBJECT_ROLE = 'http://terminology.hl7.org/CodeSystem/object-role'

/** The portal's own code systems and identifier systems live under its public address. */
const portalUri = (base: URL, path: string) => new URL(`/fhir/${path}`, base).href

/**
 * One access-log row → AuditEvent, with what NEN 7513 asks of a log line: the event (type,
 * action, time), the user (agent: who, role, on whose behalf, from which address), the client
 * and the data (entities), the system that logged it (source) and the outcome.
 */
export function accessLogToAuditEvent(row: AccessLogRow, portalBaseUrl: URL): AuditEvent {
  const isLogin = row.action === 'login' || row.action === 'logout'
  const agent: AuditEventAgent[] = [{
    who: { ...(row.actor_id ? { identifier: { system: portalUri(portalBaseUrl, `NamingSystem/actor-${row.actor_type}`), value: row.actor_id } } : {}), display: row.actor_name || row.actor_type },
    role: [{ text: row.actor_role || row.actor_type }],
    requestor: true,
    ...(row.source_ip ? { network: { address: row.source_ip, type: '2' as const } } : {}),
  }]
  if (row.on_behalf_of) agent.push({ who: { display: row.on_behalf_of }, role: [{ text: 'on behalf of' }], requestor: false })
  const entity: AuditEventEntity[] = []
  if (row.client_id) entity.push({ what: patientReference(row.client_id), type: { system: ENTITY_TYPE, code: '1', display: 'Person' }, role: { system: OBJECT_ROLE, code: '1', display: 'Patient' } })
  const detail = [
    ...(row.request_id ? [{ type: 'request-id', valueString: row.request_id }] : []),
    ...(row.user_agent ? [{ type: 'user-agent', valueString: row.user_agent }] : []),
  ]
  entity.push({
    ...(row.record_id ? { what: { identifier: { value: row.record_id } } } : {}),
    type: { system: ENTITY_TYPE, code: '2', display: 'System Object' },
    name: row.data_kind,
    ...(detail.length > 0 ? { detail } : {}),
  })
  return {
    resourceType: 'AuditEvent',
    id: auditEventId(row.id),
    meta: { versionId: '1', lastUpdated: row.occurred_at.toISOString() },
    type: isLogin ? USER_AUTHENTICATION : PATIENT_RECORD,
    ...(isLogin ? { subtype: [LOGIN[row.action]!] } : { subtype: [{ system: portalUri(portalBaseUrl, 'CodeSystem/data-kind'), code: row.data_kind }] }),
    action: ACTION[row.action],
    recorded: row.occurred_at.toISOString(),
    outcome: OUTCOME[row.outcome],
    agent,
    source: { site: portalBaseUrl.host, observer: { display: 'Cliëntportaal' }, type: [{ system: 'http://terminology.hl7.org/CodeSystem/security-source-type', code: '3', display: 'Web Server' }] },
    entity,
  }
}
