import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { htmlPaddedPdf, javascriptPdf } from '../../platform/pdf/pdf.test-support.ts'
import { tinyPdf } from '../../test/care-record-factories.ts'
import { createClient, createReport } from '../../test/client-record-factories.ts'
import { createAccount, createOrganisation } from '../../test/factories.ts'
import { type LoggedIn, logIn } from '../../test/login-helper.ts'
import { createStaffAccount, logInStaff } from '../../test/staff-factories.ts'
import { createTestApp, type TestApp } from '../../test/test-app.ts'
import { send } from '../../identity/authentication/second-factors/second-factors.test-support.ts'

/** Links and consents: an administrator turns the paper consent form into access, and ends it. */

const now = new Date('2026-11-25T12:00:00Z')
let t: TestApp
let admin: LoggedIn

beforeAll(async () => {
  t = await createTestApp({ now })
  await createOrganisation(t.db)
  admin = await logInStaff(t, await createStaffAccount(t.db, t.cipher, { administrator: true, caregiver: false }), now)
})
afterAll(() => t.close())

const allowAll = { reports: true, carePlan: true, appointments: true, messages: true, profile: true, subscriptions: true }

function linkBody(clientId: string, overrides: { givenBy?: string; form?: Buffer; relation?: string; extra?: object; consentExtra?: object } = {}) {
  return {
    clientId,
    relation: overrides.relation ?? 'first_contact',
    permissions: allowAll,
    consent: {
      givenBy: overrides.givenBy ?? 'client',
      givenByName: 'S. uit de Jordaan',
      givenOn: '2026-11-20',
      scope: 'Inzage in rapportages, afspraken en berichten',
      formPdfBase64: (overrides.form ?? tinyPdf('toestemming')).toString('base64'),
      ...overrides.consentExtra,
    },
    ...overrides.extra,
  }
}

async function countRows() {
  const links = await t.db.selectFrom('client_link').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  const consents = await t.db.selectFrom('consent').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()
  return { links: Number(links.n), consents: Number(consents.n) }
}

describe('linking an account to a client with consent', () => {
  it('links from now: the daughter then sees only reports from after the activation; ending with consent withdrawn refuses her next request', async () => {
    const mother = await createClient(t.db, { family_name: 'Visser' })
    const daughter = await createAccount(t.db)
    await createReport(t.db, mother.id, { reported_at: new Date(now.getTime() - 86_400_000), body: 'Van voor de koppeling.' })
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${daughter.id}/links`, linkBody(mother.id))
    expect(res.statusCode, res.body).toBe(201)
    const link = res.json()
    expect(link).toMatchObject({ clientId: mother.id, relation: 'first_contact', activatedAt: now.toISOString(), endedAt: null, permissions: allowAll })
    expect(link.consent).toMatchObject({ givenBy: 'client', givenOn: '2026-11-20', hasForm: true, withdrawnAt: null })
    const logged = await t.db.selectFrom('access_log').select(['data_kind', 'action', 'actor_role']).where('client_id', '=', mother.id).where('actor_type', '=', 'staff').execute()
    expect(logged).toEqual(expect.arrayContaining([
      { data_kind: 'consent', action: 'create', actor_role: 'administrator' },
      { data_kind: 'client_link', action: 'create', actor_role: 'administrator' },
    ]))

    const later = new Date(now.getTime() + 120_000)
    t.setNow(later)
    await createReport(t.db, mother.id, { reported_at: new Date(now.getTime() + 60_000), body: 'Na de koppeling.' })
    const login = await logIn(t, daughter)
    const reports = await t.app.inject({ method: 'GET', url: `/api/clients/${mother.id}/reports`, headers: login.headers })
    expect(reports.statusCode, reports.body).toBe(200)
    expect(reports.json().items.map((r: { text: string }) => r.text)).toEqual(['Na de koppeling.'])

    const ended = await send(t, admin, 'POST', `/api/admin/links/${link.id}/end`, { reason: 'consent_withdrawn' })
    expect(ended.statusCode, ended.body).toBe(200)
    expect(ended.json()).toMatchObject({ endedAt: later.toISOString(), endReason: 'consent_withdrawn', consent: { withdrawnAt: later.toISOString() } })
    const next = await t.app.inject({ method: 'GET', url: `/api/clients/${mother.id}/reports`, headers: login.headers })
    expect(next.statusCode).toBe(404)
    expect((await send(t, admin, 'POST', `/api/admin/links/${link.id}/end`, { reason: 'consent_withdrawn' })).statusCode).toBe(409)
    t.setNow(now)
  })

  it('changes the permissions of a link: a section taken away is closed on the next request', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const link = (await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id))).json()
    const login = await logIn(t, account)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports`, headers: login.headers })).statusCode).toBe(200)
    const res = await send(t, admin, 'PUT', `/api/admin/links/${link.id}/permissions`, { permissions: { ...allowAll, reports: false } })
    expect(res.statusCode, res.body).toBe(200)
    expect((await t.app.inject({ method: 'GET', url: `/api/clients/${client.id}/reports`, headers: login.headers })).statusCode).toBe(404)
  })

  it('takes consent from a legal representative only for a client who is wilsonbekwaam, and from the client only otherwise', async () => {
    const able = await createClient(t.db, { legal_capacity: 'wilsbekwaam' })
    const unable = await createClient(t.db, { legal_capacity: 'wilsonbekwaam' })
    const account = await createAccount(t.db)
    const before = await countRows()
    const rep = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(able.id, { givenBy: 'legal_representative' }))
    expect(rep.statusCode).toBe(400)
    expect(rep.json().error.code).toBe('consent_giver_invalid')
    const self = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(unable.id, { givenBy: 'client' }))
    expect(self.json().error.code).toBe('consent_giver_invalid')
    expect(await countRows()).toEqual(before)
    const ok = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(unable.id, { givenBy: 'legal_representative', relation: 'legal_representative' }))
    expect(ok.statusCode, ok.body).toBe(201)
    const twice = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(unable.id, { givenBy: 'legal_representative' }))
    expect(twice.statusCode).toBe(409)
  })

  it('checks the consent form by its content: HTML, SVG or an image named .pdf is refused and nothing is stored', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const before = await countRows()
    const fakes = [
      Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'),
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
      Buffer.from('%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF\n'),
      // Issue 9, item 8: the whole file is parsed, not only its first KiB.
      htmlPaddedPdf(),
      javascriptPdf(),
    ]
    for (const form of fakes) {
      const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id, { form }))
      expect(res.statusCode).toBe(415)
      expect(res.json().error).toMatchObject({ code: 'not_a_pdf', message: 'Dit bestand is geen PDF. Kies een PDF-bestand.' })
    }
    expect(await countRows()).toEqual(before)
  })

  it('refuses a consent form over the body limit, and text that is not base64', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const huge = Buffer.concat([tinyPdf(), Buffer.alloc(11 * 1024 * 1024, 0x20), Buffer.from('\n%%EOF\n')])
    const big = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id, { form: huge }))
    expect(big.statusCode).toBe(413)
    const body = linkBody(client.id)
    body.consent.formPdfBase64 = '<html>'
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, body)).statusCode).toBe(400)
  })

  it('refuses fields an administrator may not set (mass assignment)', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const tries = [
      linkBody(client.id, { extra: { activatedAt: '2020-01-01T00:00:00Z' } }),
      linkBody(client.id, { extra: { accountId: account.id } }),
      linkBody(client.id, { consentExtra: { withdrawnAt: null } }),
      linkBody(client.id, { consentExtra: { recordedBy: account.id } }),
      { ...linkBody(client.id), permissions: { ...allowAll, admin: true } },
    ]
    for (const body of tries) expect((await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, body)).statusCode).toBe(400)
    expect((await send(t, admin, 'POST', `/api/admin/links/${client.id}/end`, { reason: 'consent_withdrawn', endedAt: null })).statusCode).toBe(400)
  })

  it('refuses a consent dated after today', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id, { consentExtra: { givenOn: '2026-11-26' } }))
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('validation_failed')
  })

  it('refuses a link to a client the ECD reported as died or left (docs/decisions/fhir-death-and-departure.md)', async () => {
    const client = await createClient(t.db, { closed_at: new Date('2026-11-20T10:00:00Z'), deceased: true })
    const account = await createAccount(t.db)
    const res = await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id))
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('client_closed')
    expect(await t.db.selectFrom('client_link').select('id').where('client_id', '=', client.id).execute()).toEqual([])
  })

  it('links only portal accounts', async () => {
    const client = await createClient(t.db)
    const staff = await createStaffAccount(t.db, t.cipher)
    expect((await send(t, admin, 'POST', `/api/admin/accounts/${staff.id}/links`, linkBody(client.id))).statusCode).toBe(404)
  })
})

describe('consent form download, account detail and client search', () => {
  it('downloads the stored form as an attachment, logged against the client', async () => {
    const client = await createClient(t.db)
    const account = await createAccount(t.db)
    const form = tinyPdf('formulier-download')
    const link = (await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id, { form }))).json()
    const res = await send(t, admin, 'GET', `/api/admin/consents/${link.consent.id}/form.pdf`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['content-disposition']).toBe('attachment; filename="toestemmingsformulier.pdf"')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.rawPayload.equals(form)).toBe(true)
    const log = await t.db.selectFrom('access_log').selectAll().where('data_kind', '=', 'consent_form').where('record_id', '=', link.consent.id).executeTakeFirstOrThrow()
    expect(log.client_id).toBe(client.id)
  })

  it('shows an account with its links (logged per client)', async () => {
    const client = await createClient(t.db, { family_name: 'Bakker', gender: 'male', initials: 'H.' , name_prefix: '' })
    const account = await createAccount(t.db)
    await send(t, admin, 'POST', `/api/admin/accounts/${account.id}/links`, linkBody(client.id))
    const res = await send(t, admin, 'GET', `/api/admin/accounts/${account.id}`)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json().account.activeLinkCount).toBe(1)
    expect(res.json().links[0]).toMatchObject({ clientName: 'dhr. H. Bakker', clientNumber: client.client_number })
    const reads = await t.db.selectFrom('access_log').select('id').where('client_id', '=', client.id).where('action', '=', 'read').where('data_kind', '=', 'client_link').execute()
    expect(reads).toHaveLength(1)
  })

  it('finds clients by whole name (prefix and surname together), client number or date of birth, with no care content; each one shown is logged', async () => {
    const client = await createClient(t.db, { family_name: 'Zoekstra', date_of_birth: '1931-02-03' })
    const searches = ['zoekstra', 'uit de Zoekstra', 'S.  uit de zoekstra', client.client_number, '1931-02-03']
    for (const search of searches) {
      const res = await send(t, admin, 'GET', `/api/admin/clients?search=${encodeURIComponent(search)}`)
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json().items).toEqual([{ id: client.id, name: 'mw. S. uit de Zoekstra', clientNumber: client.client_number, dateOfBirth: '1931-02-03', legalCapacity: 'wilsbekwaam' }])
    }
    const reads = await t.db.selectFrom('access_log').select('id').where('client_id', '=', client.id).where('data_kind', '=', 'client_identity').execute()
    expect(reads).toHaveLength(searches.length)
    expect((await send(t, admin, 'GET', `/api/admin/clients?search=${encodeURIComponent('van de Zoekstra')}`)).json().items).toEqual([])
  })
})
