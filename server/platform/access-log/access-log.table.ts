import type { Generated } from 'kysely'

export type AccessAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'login' | 'logout'
export type AccessOutcome = 'success' | 'denied' | 'failure'
export type ActorType = 'account' | 'staff' | 'integration' | 'system' | 'anonymous'

/**
 * Append-only: a database trigger refuses UPDATE, DELETE and TRUNCATE, and the runtime role
 * has only SELECT and INSERT. The hash-chain columns (seq, prev_hash, hash) are left out of this
 * type on purpose: the database fills them when the inserting transaction commits, the
 * application never writes them, and only the verify command reads them (access-log.repository.ts).
 */
export interface AccessLogTable {
  id: Generated<string>
  occurred_at: Generated<Date>
  action: AccessAction
  outcome: AccessOutcome
  actor_type: ActorType
  actor_id: string | null
  actor_role: string
  actor_name: Generated<string>
  on_behalf_link_id: string | null
  on_behalf_of: Generated<string>
  client_id: string | null
  data_kind: string
  record_id: string | null
  source_ip: Generated<string>
  user_agent: Generated<string>
  request_id: Generated<string>
  /** How the acting person logged in: digid, sms, totp, passkey or oidc (null: system, integration, anonymous). */
  auth_method: string | null
  /** The session's assurance level: low, substantial or high (eIDAS). */
  assurance: string | null
}

/** One row as the application writes it: every column it fills, none left to a default. */
export type AccessLogRow = { [K in Exclude<keyof AccessLogTable, 'id'>]: AccessLogTable[K] extends Generated<infer T> ? T : AccessLogTable[K] }
