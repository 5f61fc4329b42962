import type { FastifyReply } from 'fastify'

/**
 * A file as a download, never shown inline: attachment with a name the server chose (plain
 * ASCII, so no header injection), nosniff so a browser cannot reinterpret it, no-store.
 */
export function sendDownload(reply: FastifyReply, body: Buffer | string, contentType: 'application/pdf', fileName: string): FastifyReply {
  return reply
    .type(contentType)
    .header('content-disposition', `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(body)
}
