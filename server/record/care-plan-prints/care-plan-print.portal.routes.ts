import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CarePlanPrintList, CarePlanPrintParams } from '../../../shared/schemas/care-plan-prints.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { carePlanDoors, downloadCarePlanPdf, listCarePlanPrints, type PrintFile } from './care-plan-print.service.ts'

const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', description: 'application/pdf' })
const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse }

/** "Cliëntplanafdrukken": the list and the two PDF downloads of each print. */
export const carePlanPrintPortalRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(
    '/api/clients/:clientId/care-plan-prints',
    { schema: { params: ClientIdParams, response: { 200: CarePlanPrintList, ...errors } } },
    async (request) => ({ items: await listCarePlanPrints(contextOf(request), carePlanDoors.portal, request.params.clientId) }),
  )

  const files: [string, PrintFile][] = [['print.pdf', 'print'], ['signature-sheet.pdf', 'signature_sheet']]
  for (const [name, file] of files) {
    app.get(
      `/api/clients/:clientId/care-plan-prints/:printId/${name}`,
      { schema: { params: CarePlanPrintParams, response: { 200: PdfBytes, ...errors } } },
      async (request, reply) => {
        const { pdf, fileName } = await downloadCarePlanPdf(contextOf(request), carePlanDoors.portal, { ...request.params, file })
        return sendDownload(reply, pdf, 'application/pdf', fileName)
      },
    )
  }
}

