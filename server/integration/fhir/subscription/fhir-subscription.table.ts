import type { Generated } from 'kysely'

/** A topic-based FHIR subscription of an integration client (docs/decisions/fhir-subscriptions.md). */
export interface FhirSubscriptionTable {
  id: Generated<string>
  integration_client_id: string
  /** The SubscriptionTopic's canonical URL. */
  topic: string
  status: Generated<'active' | 'off'>
  /** The rest-hook endpoint, encrypted with the data key: a secret. */
  endpoint_encrypted: Buffer
  /** `Name: value` headers to send (a bearer credential), as JSON, encrypted; null without any. */
  header_encrypted: Buffer | null
  payload: 'empty' | 'id-only'
  heartbeat_seconds: number | null
  reason: Generated<string>
  events_since_start: Generated<number>
  last_notified_at: Date
  end_at: Date | null
  version: Generated<number>
  created_at: Date
  updated_at: Date
}
