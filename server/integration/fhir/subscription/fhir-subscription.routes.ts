import type { Bundle, Extension, Subscription } from '@medplum/fhirtypes'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Selectable } from 'kysely'
import { Type } from 'typebox'
import type { AppDeps } from '../../../platform/app-deps.ts'
import { notFound } from '../../../platform/errors.ts'
import { requireScope } from '../fhir-auth.ts'
import { fhirBadRequest, unprocessable } from '../fhir-errors.ts'
import { FHIR_JSON, fhirContext } from '../fhir-reply.ts'
import { validateFhirResource } from '../fhir-validator.ts'
import { etagOf } from '../fhir-versions.ts'
import { fhirPreferences } from '../fhir-prefer.ts'
import type { FhirSubscriptionTable } from './fhir-subscription.table.ts'
import { BACKPORT, topicOfUrl } from './fhir-subscription-topics.ts'
import { queueHandshake, subscriptionStatus } from './fhir-subscription-notify.ts'
import { findSubscription, insertSubscription, listSubscriptions, switchSubscriptionOff } from './fhir-subscription.repository.ts'

const IdParams = Type.Object({ id: Type.String({ pattern: '^[A-Za-z0-9.-]{1,64}$' }) })
const Body = Type.Object({ resourceType: Type.String() })
const HEADER = /^([A-Za-z0-9-]{1,64}):\s?([\x21-\x7e][\x20-\x7e]{0,1999})$/
// Headers the portal sets itself, or that would change how the request travels.
const RESERVED_HEADERS = new Set(['content-type', 'content-length', 'host', 'transfer-encoding', 'connection'])

/**
 * Topic-based subscriptions (R4 Subscriptions Backport): `POST /fhir/Subscription` with the
 * topic's canonical URL as `criteria` and a rest-hook channel; `GET` one or all of the
 * client's own; `DELETE` switches one off. Notifications go through the outbox
 * (fhir-subscription-notify.ts). The channel's headers (a bearer credential for the receiver)
 * are kept encrypted and never sent back.
 */
export async function fhirSubscriptionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const baseUrl = deps.config.publicBaseUrl
  const callerOf = (request: FastifyRequest, access: 'r' | 's' | 'c' | 'u') => {
    const context = fhirContext(request, deps)
    requireScope(context.caller, 'Subscription', access)
    return context
  }

  app.post('/Subscription', { schema: { body: Body } }, async (request, reply) => {
    const context = callerOf(request, 'c')
    const input = parseSubscription(request.body, baseUrl, deps.config.env === 'production')
    const row = await deps.db.transaction().execute(async (trx) => {
      const created = await insertSubscription(trx, {
        integration_client_id: context.caller.id,
        topic: input.topic,
        endpoint_encrypted: context.cipher.encrypt(input.endpoint),
        header_encrypted: Object.keys(input.headers).length > 0 ? context.cipher.encrypt(JSON.stringify(input.headers)) : null,
        payload: input.payload,
        heartbeat_seconds: input.heartbeatSeconds,
        reason: input.reason,
        last_notified_at: context.now,
        end_at: input.end,
        created_at: context.now,
        updated_at: context.now,
      })
      await queueHandshake(trx, created, context.now)
      return created
    })
    reply.header('location', `/fhir/Subscription/${row.id}/_history/${row.version}`).header('etag', etagOf(row.version))
    if (fhirPreferences(request.headers.prefer).return === 'minimal') return reply.status(201).send()
    return reply.status(201).type(FHIR_JSON).send(toFhir(row, context.now))
  })

  app.get('/Subscription/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const context = callerOf(request, 'r')
    const row = await findSubscription(deps.db, context.caller.id, (request.params as { id: string }).id)
    if (!row) throw notFound('Subscription')
    return reply.header('etag', etagOf(row.version)).type(FHIR_JSON).send(toFhir(row, context.now))
  })

  // The Backport IG's $status: where a notification's SubscriptionStatus entry points (its request.url).
  app.get('/Subscription/:id/$status', { schema: { params: IdParams } }, async (request, reply) => {
    const context = callerOf(request, 'r')
    const row = await findSubscription(deps.db, context.caller.id, (request.params as { id: string }).id)
    if (!row) throw notFound('Subscription')
    const status = subscriptionStatus(row, 'query-status', statusAt(row, context.now))
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: 1,
      link: [{ relation: 'self', url: new URL(`/fhir/Subscription/${row.id}/$status`, baseUrl).href }],
      entry: [{ fullUrl: `urn:uuid:${status.id}`, resource: status, search: { mode: 'match' } }],
    }
    return reply.type(FHIR_JSON).send(bundle)
  })

  app.get('/Subscription', async (request, reply) => {
    const context = callerOf(request, 's')
    const rows = await listSubscriptions(deps.db, context.caller.id)
    const bundle: Bundle = {
      resourceType: 'Bundle',
      type: 'searchset',
      total: rows.length,
      link: [{ relation: 'self', url: new URL('/fhir/Subscription', baseUrl).href }],
      entry: rows.map((row) => ({ fullUrl: new URL(`/fhir/Subscription/${row.id}`, baseUrl).href, resource: toFhir(row, context.now), search: { mode: 'match' as const } })),
    }
    return reply.type(FHIR_JSON).send(bundle)
  })

  app.delete('/Subscription/:id', { schema: { params: IdParams } }, async (request, reply) => {
    const context = callerOf(request, 'u')
    const row = await switchSubscriptionOff(deps.db, context.caller.id, (request.params as { id: string }).id, context.now)
    if (!row) throw notFound('Subscription')
    return reply.status(204).send()
  })
}

interface SubscriptionInput {
  topic: string
  endpoint: string
  headers: Record<string, string>
  payload: 'empty' | 'id-only'
  heartbeatSeconds: number | null
  reason: string
  end: Date | null
}

/** Reads a Backport Subscription: FHIR R4 first, then what this portal supports (422 otherwise). */
function parseSubscription(body: unknown, baseUrl: URL, production: boolean): SubscriptionInput {
  const subscription = body as Subscription
  if (subscription.resourceType !== 'Subscription') throw fhirBadRequest('expected a Subscription', 'resourceType')
  validateFhirResource(subscription)
  const topic = topicOfUrl(subscription.criteria, baseUrl)
  if (!topic) throw unprocessable('Subscription.criteria', 'criteria must be the canonical URL of one of this portal\'s SubscriptionTopics (see /fhir/metadata)')
  const channel = subscription.channel
  if (channel.type !== 'rest-hook') throw unprocessable('Subscription.channel.type', 'only rest-hook channels')
  const endpoint = channel.endpoint ?? ''
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw unprocessable('Subscription.channel.endpoint', 'an absolute https URL is required')
  }
  if (url.protocol !== 'https:' && (production || url.protocol !== 'http:')) throw unprocessable('Subscription.channel.endpoint', 'an absolute https URL is required')
  if (url.username || url.password) throw unprocessable('Subscription.channel.endpoint', 'credentials go in channel.header, not in the URL')
  if (channel.payload !== undefined && channel.payload !== 'application/fhir+json' && channel.payload !== 'application/json') {
    throw unprocessable('Subscription.channel.payload', 'notifications are FHIR JSON')
  }
  // The Backport IG puts the content choice on the payload element (`_payload`); some clients put it on the channel.
  const payloadElement = (channel as { _payload?: { extension?: Extension[] } })._payload
  const content = (extension(payloadElement?.extension, 'backport-payload-content') ?? extension(channel.extension, 'backport-payload-content'))?.valueCode ?? 'id-only'
  // The portal never puts record content in a notification: the ECD reads it with its token.
  if (content !== 'id-only' && content !== 'empty') throw unprocessable('Subscription.channel.payload', 'payload content id-only or empty; full-resource is not sent')
  const headers: Record<string, string> = {}
  for (const [index, line] of (channel.header ?? []).entries()) {
    const match = HEADER.exec(line)
    if (!match || RESERVED_HEADERS.has(match[1]!.toLowerCase())) throw unprocessable(`Subscription.channel.header[${index}]`, 'a header is "Name: value" (for example Authorization: Bearer …)')
    headers[match[1]!] = match[2]!
  }
  if ((channel.header ?? []).length > 5) throw unprocessable('Subscription.channel.header', 'at most 5 headers')
  const heartbeat = extension(channel.extension, 'backport-heartbeat-period')?.valueUnsignedInt
  if (heartbeat !== undefined && (heartbeat < 60 || heartbeat > 86_400)) throw unprocessable('Subscription.channel.extension', 'a heartbeat period from 60 to 86400 seconds')
  const end = subscription.end ? new Date(subscription.end) : null
  if (end && Number.isNaN(end.getTime())) throw fhirBadRequest('end is not a valid instant', 'Subscription.end')
  return { topic: subscription.criteria, endpoint, headers, payload: content, heartbeatSeconds: heartbeat ?? null, reason: (subscription.reason ?? '').slice(0, 500), end }
}

function extension(extensions: Extension[] | undefined, name: string): Extension | undefined {
  return extensions?.find((e) => e.url === `${BACKPORT}/${name}`)
}

/** The Subscription as the ECD reads it back: never its headers (a credential). */
/** Active until switched off or past its end. */
function statusAt(row: Selectable<FhirSubscriptionTable>, now: Date): 'active' | 'off' {
  const ended = row.end_at !== null && row.end_at.getTime() <= now.getTime()
  return row.status === 'active' && !ended ? 'active' : 'off'
}

function toFhir(row: Selectable<FhirSubscriptionTable>, now: Date): Subscription {
  return {
    resourceType: 'Subscription',
    id: row.id,
    meta: { versionId: String(row.version), lastUpdated: row.updated_at.toISOString(), profile: [`${BACKPORT}/backport-subscription`] },
    status: statusAt(row, now),
    reason: row.reason || 'ECD notifications',
    criteria: row.topic,
    ...(row.end_at ? { end: row.end_at.toISOString() } : {}),
    channel: {
      type: 'rest-hook',
      payload: 'application/fhir+json',
      _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: row.payload }] },
      ...(row.heartbeat_seconds ? { extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: row.heartbeat_seconds }] } : {}),
    } as Subscription['channel'],
  }
}
