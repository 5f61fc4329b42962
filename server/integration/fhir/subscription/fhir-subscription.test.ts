import type { Bundle, Parameters, Subscription } from '@medplum/fhirtypes'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink } from '../../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../../test/factories.ts'
import { logIn, postJson } from '../../../test/login-helper.ts'
import { createTestApp, type TestApp } from '../../../test/test-app.ts'
import { deliverDueMessages } from '../../../platform/outbox/outbox.worker.ts'
import { recordingTransports } from '../../../platform/outbox/outbox.test-support.ts'
import { createWebhookPostTransport } from '../../../platform/outbox/transports/webhook-post.ts'
import { fhirCaller, tokenFor } from '../fhir.test-support.ts'
import { queueDueHeartbeats } from './fhir-subscription-notify.ts'
import { BACKPORT } from './fhir-subscription-topics.ts'

interface Received {
  authorization: string | undefined
  bundle: Bundle
}

let t: TestApp
let now = new Date('2026-11-27T09:00:00Z')
let receiver: Server
let endpoint: string
/** Event notifications still to refuse with 500 before one is accepted. */
let failuresLeft = 3
const accepted: Received[] = []
const refused: Received[] = []

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  receiver = createServer((request: IncomingMessage, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    request.on('end', () => {
      const received = { authorization: request.headers.authorization, bundle: JSON.parse(body) as Bundle }
      const type = statusOf(received.bundle).parameter?.find((p) => p.name === 'type')?.valueCode
      if (type === 'event-notification' && failuresLeft > 0) {
        failuresLeft -= 1
        refused.push(received)
        response.writeHead(500).end()
        return
      }
      accepted.push(received)
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/fhir-hook`
})
afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve))
  await t.close()
})

const statusOf = (bundle: Bundle) => bundle.entry![0]!.resource as Parameters
const parameter = (bundle: Bundle, name: string) => statusOf(bundle).parameter?.find((p) => p.name === name)
const deliver = () => deliverDueMessages(t.db, {
  clock: () => new Date(now),
  transports: { ...recordingTransports().transports, webhook: createWebhookPostTransport() },
  log: { debug() {}, info() {}, warn() {}, error() {} },
  batchSize: 20,
})
const advance = (seconds: number) => {
  now = new Date(now.getTime() + seconds * 1000)
  t.setNow(now)
}

describe('topic-based subscriptions (R4 Backport), delivered through the outbox', () => {
  it('a message a relative sends in the portal reaches the ECD once, id-only and authenticated, also after three failures', async () => {
    const caller = await fhirCaller(t)
    const topic = new URL('/fhir/SubscriptionTopic/portal-message', (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json<{ implementation: { url: string } }>().implementation.url).href
    const subscription: Subscription = {
      resourceType: 'Subscription',
      status: 'requested',
      reason: 'Berichten uit het portaal',
      criteria: topic,
      channel: {
        type: 'rest-hook',
        endpoint,
        payload: 'application/fhir+json',
        header: ['Authorization: Bearer receiver-secret-123'],
        extension: [{ url: `${BACKPORT}/backport-heartbeat-period`, valueUnsignedInt: 3600 }],
      },
    }
    const created = await t.app.inject({ method: 'POST', url: '/fhir/Subscription', headers: caller.headers, payload: subscription })
    expect(created.statusCode, created.body).toBe(201)
    const stored = created.json<Subscription>()
    expect(stored).toMatchObject({ status: 'active', criteria: topic })
    // The credential is a secret: never read back, never stored in clear text, never in the outbox's recipient.
    expect(created.body).not.toContain('receiver-secret-123')
    const row = await t.db.selectFrom('fhir_subscription').selectAll().where('id', '=', stored.id!).executeTakeFirstOrThrow()
    expect(row.header_encrypted?.toString('latin1')).not.toContain('receiver-secret-123')
    expect(JSON.stringify(await t.db.selectFrom('outbox_message').select(['recipient', 'subject']).execute())).not.toContain('127.0.0.1')

    // The handshake.
    await deliver()
    expect(accepted).toHaveLength(1)
    expect(parameter(accepted[0]!.bundle, 'type')?.valueCode).toBe('handshake')
    expect(accepted[0]!.authorization).toBe('Bearer receiver-secret-123')

    // A relative sends a message in the portal: the notification is queued in the same transaction.
    const account = await createAccount(t.db, { display_name: 'Anna de Vries' })
    const clientId = (await createClient(t.db)).id
    await createLink(t.db, account.id, clientId, { relation: 'first_contact', activated_at: new Date('2026-10-01T00:00:00Z') })
    const login = await logIn(t, account)
    const sent = await postJson(t, `/api/clients/${clientId}/messages`, { body: 'Kan de zorg morgen een uur later komen?' }, login.headers)
    expect(sent.statusCode, sent.body).toBe(201)
    const messageId = sent.json<{ id: string }>().id

    // Three refusals, each retried after the outbox's back-off; the fourth attempt is accepted.
    for (const wait of [0, 11, 31, 121]) {
      advance(wait)
      await deliver()
    }
    expect(refused).toHaveLength(3)
    advance(601)
    await deliver()
    const events = accepted.filter((r) => parameter(r.bundle, 'type')?.valueCode === 'event-notification')
    expect(events).toHaveLength(1)
    const notification = events[0]!.bundle
    expect(notification).toMatchObject({ resourceType: 'Bundle', type: 'history' })
    expect(parameter(notification, 'events-since-subscription-start')?.valueString).toBe('1')
    const focus = parameter(notification, 'notification-event')?.part?.find((p) => p.name === 'focus')?.valueReference?.reference
    expect(focus).toMatch(new RegExp(`/fhir/Communication/${messageId}$`))
    // id-only: the message's text never travels in a notification; every retry carried the same event (the receiver's dedup key).
    expect(JSON.stringify(notification)).not.toContain('een uur later')
    expect(new Set([...refused, ...events].map((r) => r.bundle.id)).size).toBe(1)
    // The notification's status entry points at $status, which answers with the count so far.
    const statusUrl = new URL(notification.entry![0]!.request!.url!)
    expect(statusUrl.pathname).toBe(`/fhir/Subscription/${stored.id}/$status`)
    // Minutes have passed: the ECD gets a fresh token, as it would.
    const queried = await t.app.inject({ method: 'GET', url: statusUrl.pathname, headers: { authorization: `Bearer ${await tokenFor(t, caller)}` } })
    expect(queried.statusCode, queried.body).toBe(200)
    const status = queried.json<Bundle>()
    expect(status).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 })
    expect(parameter(status, 'type')?.valueCode).toBe('query-status')
    expect(parameter(status, 'status')?.valueCode).toBe('active')
    expect(parameter(status, 'events-since-subscription-start')?.valueString).toBe('1')
    expect(parameter(status, 'subscription')?.valueReference?.reference).toMatch(new RegExp(`/fhir/Subscription/${stored.id}$`))
    expect(queried.body).not.toContain('receiver-secret-123')

    // Once delivered, nothing goes out again, and the ECD reads the message itself.
    advance(7200)
    await deliver()
    expect(accepted.filter((r) => parameter(r.bundle, 'type')?.valueCode === 'event-notification')).toHaveLength(1)
    const read = await t.app.inject({ method: 'GET', url: `/fhir/Communication/${messageId}`, headers: (await fhirCaller(t)).headers })
    expect(read.statusCode).toBe(200)

    // A quiet hour later: a heartbeat, with the event count so far.
    advance(3600)
    expect(await queueDueHeartbeats(t.db, now)).toBe(1)
    await deliver()
    const heartbeat = accepted.at(-1)!.bundle
    expect(parameter(heartbeat, 'type')?.valueCode).toBe('heartbeat')
    expect(parameter(heartbeat, 'events-since-subscription-start')?.valueString).toBe('1')
    expect(await queueDueHeartbeats(t.db, now)).toBe(0)
  })

  it('refuses a topic it does not have, full-resource content and an endpoint with credentials in it (422); switches off with DELETE', async () => {
    const caller = await fhirCaller(t)
    const topic = 'http://localhost:3000/fhir/SubscriptionTopic/portal-appointment'
    const base: Subscription = { resourceType: 'Subscription', status: 'requested', reason: 'x', criteria: topic, channel: { type: 'rest-hook', endpoint } }
    const post = (body: Subscription) => t.app.inject({ method: 'POST', url: '/fhir/Subscription', headers: caller.headers, payload: body })
    const statement = (await t.app.inject({ method: 'GET', url: '/fhir/metadata' })).json()
    const canonicals = JSON.stringify(statement.rest[0].resource.find((r: { type: string }) => r.type === 'Subscription'))
    const appointmentTopic = /"(http[^"]+portal-appointment)"/.exec(canonicals)![1]!
    expect((await post({ ...base, criteria: 'https://elsewhere.example/SubscriptionTopic/x' })).statusCode).toBe(422)
    expect((await post({ ...base, criteria: appointmentTopic, channel: { ...base.channel, endpoint: 'https://user:pw@ecd.example/hook' } })).statusCode).toBe(422)
    const full = { ...base, criteria: appointmentTopic, channel: { ...base.channel, _payload: { extension: [{ url: `${BACKPORT}/backport-payload-content`, valueCode: 'full-resource' }] } } } as Subscription
    expect((await post(full)).statusCode).toBe(422)
    const ok = await post({ ...base, criteria: appointmentTopic })
    expect(ok.statusCode, ok.body).toBe(201)
    const id = ok.json<Subscription>().id!
    expect((await t.app.inject({ method: 'DELETE', url: `/fhir/Subscription/${id}`, headers: { authorization: caller.headers.authorization } })).statusCode).toBe(204)
    expect((await t.app.inject({ method: 'GET', url: `/fhir/Subscription/${id}`, headers: caller.headers })).json()).toMatchObject({ status: 'off' })
    const status = await t.app.inject({ method: 'GET', url: `/fhir/Subscription/${id}/$status`, headers: caller.headers })
    expect(parameter(status.json<Bundle>(), 'status')?.valueCode).toBe('off')
    // Another client's subscription is not there for this one.
    const other = (await fhirCaller(t)).headers
    expect((await t.app.inject({ method: 'GET', url: `/fhir/Subscription/${id}`, headers: other })).statusCode).toBe(404)
    expect((await t.app.inject({ method: 'GET', url: `/fhir/Subscription/${id}/$status`, headers: other })).statusCode).toBe(404)
  })
})
