import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ErrorResponse } from '../../../shared/schemas/common.ts'
import { LoginRequest } from '../../../shared/schemas/login.ts'
import type { AppDeps } from '../../app.ts'
import { notImplemented } from '../../errors.ts'

/**
 * The login form's endpoint. Accounts, passwords and second factors arrive with the
 * accounts issue; until then it validates its input and says plainly that logging in
 * is not available yet, so nothing looks as if it works when it does not.
 */
export const loginRoutes: FastifyPluginAsyncTypebox<AppDeps> = async (app) => {
  app.post(
    '/api/session',
    { schema: { body: LoginRequest, response: { 400: ErrorResponse, 501: ErrorResponse } } },
    async () => {
      throw notImplemented('login arrives with the accounts issue')
    },
  )
}
