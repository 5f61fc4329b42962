import { LoginRequest } from '@shared/schemas/auth.ts'
import type { FieldError } from '@/lib/api-client.ts'
import type { MessageKey } from '@/i18n/nl.ts'

export type LoginField = 'loginName' | 'password'
export type LoginValues = Record<LoginField, string>
export type LoginFieldErrors = Partial<Record<LoginField, MessageKey>>

/** TypeBox keeps schema options at runtime but does not type them on TString. */
function maxLengthOf(schema: object): number | undefined {
  return 'maxLength' in schema && typeof schema.maxLength === 'number' ? schema.maxLength : undefined
}

/** Taken from the shared request schema so the form never lets through what the server refuses. */
export const MAX_LENGTH: Record<LoginField, number | undefined> = {
  loginName: maxLengthOf(LoginRequest.properties.loginName),
  password: maxLengthOf(LoginRequest.properties.password),
}

/** The checks the browser can make before sending: both fields are required. */
export function validateLogin(values: LoginValues): LoginFieldErrors {
  const errors: LoginFieldErrors = {}
  if (values.loginName.trim() === '') errors.loginName = 'login.loginNameRequired'
  if (values.password === '') errors.password = 'login.passwordRequired'
  return errors
}

/**
 * The server names fields by path ("body.loginName") with a technical English message;
 * the person gets our own Dutch sentence for that field instead.
 */
export function serverFieldErrors(fields: readonly FieldError[]): LoginFieldErrors {
  const errors: LoginFieldErrors = {}
  for (const { path } of fields) {
    if (path.endsWith('loginName')) errors.loginName = 'login.loginNameInvalid'
    else if (path.endsWith('password')) errors.password = 'login.passwordInvalid'
  }
  return errors
}
