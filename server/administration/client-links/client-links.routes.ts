import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import {
  AccountIdParams,
  ClientChoiceList,
  ClientSearchQuery,
  CONSENT_FORM_MAX_BYTES,
  ConsentIdParams,
  EndLinkRequest,
  LinkIdParams,
  LinkSummary,
  NewLinkRequest,
  PermissionsRequest,
} from '../../../shared/schemas/admin-accounts.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { ADMIN_ERRORS } from '../../identity/staff-access/admin-errors.ts'
import { asAdministrator } from '../as-administrator.ts'
import { changePermissions, createLink, endLink, findClientsToLink, getConsentForm } from './client-links.service.ts'

/** Room for the base64 text of the largest consent form plus the other fields. */
const LINK_BODY_LIMIT = Math.ceil(CONSENT_FORM_MAX_BYTES / 3) * 4 + 64 * 1024

/** Administrators: links between portal accounts and clients, on the basis of a recorded consent. */
export const clientLinkRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { db, config }) => {
  const portalUrl = new URL('/', config.publicBaseUrl).href
  app.get('/api/admin/clients', { schema: { querystring: ClientSearchQuery, response: { 200: ClientChoiceList, ...ADMIN_ERRORS } } }, async (request) => ({
    items: await asAdministrator(request, (admin, source, now) => findClientsToLink(db, admin, request.query.search, source, now)),
  }))

  app.post(
    '/api/admin/accounts/:accountId/links',
    { bodyLimit: LINK_BODY_LIMIT, config: { uploadRole: 'administrator' }, schema: { params: AccountIdParams, body: NewLinkRequest, response: { 201: LinkSummary, ...ADMIN_ERRORS } } },
    async (request, reply) => {
      const link = await asAdministrator(request, (admin, source, now) => createLink(db, admin, request.params.accountId, request.body, source, now, portalUrl))
      return reply.code(201).send(link)
    },
  )

  app.post('/api/admin/links/:linkId/end', { schema: { params: LinkIdParams, body: EndLinkRequest, response: { 200: LinkSummary, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => endLink(db, admin, request.params.linkId, request.body, source, now, portalUrl)),
  )

  app.put('/api/admin/links/:linkId/permissions', { schema: { params: LinkIdParams, body: PermissionsRequest, response: { 200: LinkSummary, ...ADMIN_ERRORS } } }, async (request) =>
    asAdministrator(request, (admin, source, now) => changePermissions(db, admin, request.params.linkId, request.body.permissions, source, now)),
  )

  app.get(
    '/api/admin/consents/:consentId/form.pdf',
    { schema: { params: ConsentIdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', description: 'PDF' }), ...ADMIN_ERRORS } } },
    async (request, reply) => {
      const pdf = await asAdministrator(request, (admin, source, now) => getConsentForm(db, admin, request.params.consentId, source, now))
      return sendDownload(reply, pdf, 'application/pdf', 'toestemmingsformulier.pdf')
    },
  )
}
