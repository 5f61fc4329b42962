import { describe, expect, it } from 'vitest'
import { validateFhirResource } from '../fhir-validator.ts'
import { accessLogRowId, auditEventId } from './audit-event-id.ts'
import { type AccessLogRow, accessLogToAuditEvent } from './audit-event.mapping.ts'

const BASE = new URL('https://portaal.zorg.example/')
const row: AccessLogRow = {
  id: '42', occurred_at: new Date('2026-11-27T09:00:00Z'), action: 'read', outcome: 'success', actor_type: 'account', actor_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0003',
  actor_role: 'first_contact', actor_name: 'Anna de Vries', on_behalf_link_id: null, on_behalf_of: 'S. Jansen', client_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002',
  data_kind: 'report', record_id: '0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0001', source_ip: '192.0.2.10', user_agent: 'Firefox', request_id: 'req-1', auth_method: 'digid', assurance: 'substantial',
}

describe('access-log row → AuditEvent (NEN 7513)', () => {
  it('names the user, role and address, the client and the data, the action, time, source and outcome; valid R4', () => {
    const event = accessLogToAuditEvent(row, BASE)
    validateFhirResource(event)
    expect(event).toMatchObject({
      id: '00000000-0000-0000-0000-00000000002a', action: 'R', outcome: '0', recorded: '2026-11-27T09:00:00.000Z',
      type: { code: '110110' }, subtype: [{ code: 'report' }],
      agent: [
        { who: { display: 'Anna de Vries', identifier: { value: row.actor_id } }, role: [{ text: 'first_contact' }], requestor: true, network: { address: '192.0.2.10', type: '2' } },
        { who: { display: 'S. Jansen' }, requestor: false },
      ],
      source: { site: 'portaal.zorg.example', observer: { display: 'Cliëntportaal' } },
      entity: [{ what: { reference: `Patient/${row.client_id}` } }, { what: { identifier: { value: row.record_id } }, name: 'report' }],
    })
  })

  it('its id is the row number as a uuid, and back; other ids are no log line', () => {
    expect(auditEventId('42')).toBe('00000000-0000-0000-0000-00000000002a')
    expect(accessLogRowId('00000000-0000-0000-0000-00000000002a')).toBe('42')
    expect(accessLogRowId('0b6f5c1e-5d1a-4a61-9a55-2a3f1d1c0002')).toBeUndefined()
    expect(accessLogRowId('00000000-0000-0000-0000-000000000000')).toBeUndefined()
  })

  it('a refused login is an authentication event with a failed outcome', () => {
    const event = accessLogToAuditEvent({ ...row, action: 'login', outcome: 'denied', client_id: null, on_behalf_of: '' }, BASE)
    validateFhirResource(event)
    expect(event).toMatchObject({ type: { code: '110114' }, subtype: [{ code: '110122' }], action: 'E', outcome: '4' })
    expect(event.agent).toHaveLength(1)
  })
})
