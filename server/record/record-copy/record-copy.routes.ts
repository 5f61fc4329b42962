import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { RecordCopy } from '../../../shared/schemas/record-copy.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { renderRecordCopyPdf } from './record-copy-pdf.ts'
import { buildRecordCopy } from './record-copy.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Mijn gegevens downloaden": the electronic copy, as JSON and as PDF, always as a download. */
export const recordCopyRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app, { cipher }) => {
  app.get(
    '/api/clients/:clientId/copy.json',
    { schema: { params: ClientIdParams, response: { 200: RecordCopy, ...errors } } },
    async (request, reply) => {
      const context = contextOf(request)
      const copy = await buildRecordCopy(context, cipher, request.params.clientId, 'json')
      // Serialised through the RecordCopy schema (the allow-list), then offered as a file.
      reply.type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="dossier-${amsterdamDate(context.now)}.json"`)
        .header('x-content-type-options', 'nosniff')
      return copy
    },
  )

  app.get(
    '/api/clients/:clientId/copy.pdf',
    { schema: { params: ClientIdParams, response: { 200: Type.Unsafe<Buffer>({ type: 'string', description: 'application/pdf' }), ...errors } } },
    async (request, reply) => {
      const context = contextOf(request)
      const copy = await buildRecordCopy(context, cipher, request.params.clientId, 'pdf')
      return sendDownload(reply, await renderRecordCopyPdf(copy), 'application/pdf', `dossier-${amsterdamDate(context.now)}.pdf`)
    },
  )
}
