import type { FastifyInstance } from 'fastify'
import { Type } from 'typebox'
import type { AppDeps } from '../../platform/app-deps.ts'
import { publicContextOf } from '../../platform/http/request-context.ts'
import { basicCredentials, issueToken } from './fhir-token.service.ts'

const TokenRequestBody = Type.Object(
  {
    grant_type: Type.String({ maxLength: 100 }),
    scope: Type.Optional(Type.String({ maxLength: 2000 })),
    client_id: Type.Optional(Type.String({ maxLength: 100 })),
    client_secret: Type.Optional(Type.String({ maxLength: 200 })),
    client_assertion_type: Type.Optional(Type.String({ maxLength: 200 })),
    client_assertion: Type.Optional(Type.String({ maxLength: 8000 })),
  },
  { additionalProperties: false },
)

const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  scope: Type.String(),
})

/** `POST /fhir/auth/token`: OAuth 2.0 client credentials, form-encoded as the standard says. */
export async function fhirTokenRoutes(app: FastifyInstance, { db, config }: AppDeps): Promise<void> {
  const tokenUrl = new URL('/fhir/auth/token', config.publicBaseUrl).href
  app.post('/auth/token', {
    config: { fhirPublic: true, formBody: true, oauthError: true },
    schema: { body: TokenRequestBody, response: { 200: TokenResponse } },
    handler: async (request, reply) => {
      const body = request.body as Record<string, string>
      const token = await issueToken(db, body, basicCredentials(request.headers.authorization), tokenUrl, publicContextOf(request).now)
      reply.header('pragma', 'no-cache')
      return token
    },
  })
}
