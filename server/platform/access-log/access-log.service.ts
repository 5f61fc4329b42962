import type { Kysely } from 'kysely'
import type { Database } from '../db/schema.ts'
import type { AccessAction, AccessLogRow, AccessOutcome, ActorType } from './access-log.table.ts'
import { insertAccessLogEntries } from './access-log.repository.ts'

/** Who acts: a person (with their role), an integration client, the system, or nobody yet. */
export interface Actor {
  type: ActorType
  id: string | null
  role: string
  name: string
  /** How the person logged in and at which assurance level (NEN 7513's authentication); absent for system, integration, anonymous. */
  authentication?: { method: string; assurance: string }
}

/** Where a request came from. */
export interface RequestSource {
  ip: string
  userAgent: string
  requestId: string
}

export interface AccessEvent {
  action: AccessAction
  outcome: AccessOutcome
  clientId: string | null
  /** What kind of data: 'report', 'profile', 'bsn', 'care_plan_print', 'message', ... */
  dataKind: string
  recordId?: string | null
  /** The account–client link the access went through (portal accounts). */
  onBehalfLinkId?: string | null
  /** Free text for other on-behalf-of relations, e.g. the responsible staff member. */
  onBehalfOf?: string
}

export const anonymousActor: Actor = { type: 'anonymous', id: null, role: 'anonymous', name: '' }
export const systemActor: Actor = { type: 'system', id: null, role: 'system', name: 'Portaal' }

/**
 * Writes one NEN 7513 access-log row. Every read and write of client data calls this,
 * in the same transaction as the write it records, so a logged write and its effect
 * stand or fall together.
 */
export async function recordAccess(
  db: Kysely<Database>,
  actor: Actor,
  source: RequestSource,
  event: AccessEvent,
  occurredAt: Date,
): Promise<void> {
  await recordAccesses(db, actor, source, [event], occurredAt)
}

/**
 * Writes the NEN 7513 rows of one request in one INSERT: one full row per event (every field of
 * every read, as recordAccess writes it). The rows are chained at commit in the order given
 * (docs/decisions/access-log-integrity.md), so one statement keeps the chain as several would.
 */
export async function recordAccesses(
  db: Kysely<Database>,
  actor: Actor,
  source: RequestSource,
  events: readonly AccessEvent[],
  occurredAt: Date,
): Promise<void> {
  if (events.length === 0) return
  await insertAccessLogEntries(db, accessLogRows(actor, source, events, occurredAt))
}

/** The full NEN 7513 rows of one request's events: what recordAccesses and the group commit write. */
export function accessLogRows(actor: Actor, source: RequestSource, events: readonly AccessEvent[], occurredAt: Date): AccessLogRow[] {
  return events.map((event) => ({
    occurred_at: occurredAt,
    action: event.action,
    outcome: event.outcome,
    actor_type: actor.type,
    actor_id: actor.id,
    actor_role: actor.role,
    actor_name: actor.name,
    on_behalf_link_id: event.onBehalfLinkId ?? null,
    on_behalf_of: event.onBehalfOf ?? '',
    client_id: event.clientId,
    data_kind: event.dataKind,
    record_id: event.recordId ?? null,
    source_ip: source.ip,
    user_agent: source.userAgent.slice(0, 500),
    request_id: source.requestId,
    auth_method: actor.authentication?.method ?? null,
    assurance: actor.authentication?.assurance ?? null,
  }))
}
