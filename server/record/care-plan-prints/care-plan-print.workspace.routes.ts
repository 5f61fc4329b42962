import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { CarePlanPrint, CarePlanPrintList, CarePlanPrintParams } from '../../../shared/schemas/care-plan-prints.ts'
import { ClientIdParams } from '../../../shared/schemas/clients.ts'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { CarePlanPrintUpload, PRINT_UPLOAD_BODY_LIMIT } from '../../../shared/schemas/workspace-record.ts'
import type { AppDeps } from '../../platform/app-deps.ts'
import { sendDownload } from '../../platform/http/download.ts'
import { contextOf } from '../../platform/http/request-context.ts'
import { carePlanDoors, downloadCarePlanPdf, listCarePlanPrints, type PrintFile, uploadPrint } from './care-plan-print.service.ts'

const errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse }
const PdfBytes = Type.Unsafe<Buffer>({ type: 'string', description: 'application/pdf' })
const base = '/api/workspace/clients/:clientId'

/** The same prints in the caregivers' workspace, and the upload of a signed one. */
export const carePlanPrintWorkspaceRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.get(`${base}/care-plan-prints`, { schema: { params: ClientIdParams, response: { 200: CarePlanPrintList, ...errors } } },
    async (request) => ({ items: await listCarePlanPrints(contextOf(request), carePlanDoors.workspace, request.params.clientId) }))

  const files: [string, PrintFile][] = [['print.pdf', 'print'], ['signature-sheet.pdf', 'signature_sheet']]
  for (const [name, file] of files) {
    app.get(`${base}/care-plan-prints/:printId/${name}`, { schema: { params: CarePlanPrintParams, response: { 200: PdfBytes, ...errors } } }, async (request, reply) => {
      const { pdf, fileName } = await downloadCarePlanPdf(contextOf(request), carePlanDoors.workspace, { ...request.params, file })
      return sendDownload(reply, pdf, 'application/pdf', fileName)
    })
  }

  // Two PDFs as base64 in JSON (the only body type the API admits): a larger limit for this route alone.
  app.post(
    `${base}/care-plan-prints`,
    { bodyLimit: PRINT_UPLOAD_BODY_LIMIT, config: { uploadRole: 'caregiver' }, schema: { params: ClientIdParams, body: CarePlanPrintUpload, response: { 201: CarePlanPrint, ...errors, 413: ErrorResponse, 415: ErrorResponse } } },
    async (request, reply) => reply.status(201).send(await uploadPrint(contextOf(request), request.params.clientId, request.body)),
  )
}
