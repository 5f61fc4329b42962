import type { Static, TSchema } from 'typebox'
import type { checkResponse } from './response-check.ts'
import type { ErrorMessageCode } from '@shared/error-messages-nl.ts'
import { ErrorResponse } from '@shared/schemas/common.ts'
import { getLanguage } from '@/i18n/language-store.ts'
import { errorText } from '@/i18n/use-t.ts'
import { noteApiActivity } from './api-activity.ts'
import { getCsrfToken } from './csrf-token.ts'

export type FieldError = { path: string; message: string }

/** A failed API call, carrying the server's error body (or the nearest equivalent). */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number
  /** Stable error code from the server, e.g. `validation_failed`, `not_implemented`. */
  readonly code: string
  readonly requestId: string | undefined
  readonly fields: readonly FieldError[]
  /** With `password_rejected`: what the password lacks (codes of shared/password-policy.ts). */
  readonly passwordProblems: readonly string[]

  constructor(status: number, body: ErrorResponse['error'], requestId?: string) {
    super(body.message)
    this.status = status
    this.code = body.code
    this.requestId = requestId
    this.fields = 'fields' in body && body.fields ? body.fields : []
    this.passwordProblems = body.passwordProblems ?? []
  }
}

type RequestOptions = { method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; body?: unknown; signal?: AbortSignal }

const SAFE_METHODS = new Set(['GET', 'HEAD'])

/**
 * The response check (typebox's `Check` with the formats the schemas use, about 5 KB gzip) comes
 * in a chunk of its own, asked for as soon as this module runs: it downloads beside the rest of the
 * app, but the first page is painted without waiting for it. Every answer waits for it before
 * it is used, so nothing is read unchecked. Should it fail to load (a lost connection), the
 * call fails as "unavailable" and the next one asks again.
 */
let checker: Promise<typeof checkResponse> | null = null
function loadChecker(): Promise<typeof checkResponse> {
  checker ??= import('./response-check.ts').then(
    (module) => module.checkResponse,
    (error: unknown) => {
      checker = null
      throw error
    },
  )
  return checker
}
void loadChecker().catch(() => undefined)

/**
 * Calls the portal API with JSON in and out, and checks the answer against the shared
 * response schema: a server that sends something else fails loudly here instead of
 * half-rendering later.
 */
export async function apiRequest<S extends TSchema>(path: string, responseSchema: S, options: RequestOptions = {}): Promise<Static<S>> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': getLanguage() }
  if (options.body !== undefined) headers['content-type'] = 'application/json'
  // A logged-in session's state changes must prove they come from the portal's own pages.
  const csrfToken = getCsrfToken()
  if (csrfToken && !SAFE_METHODS.has(method)) headers['x-csrf-token'] = csrfToken

  const sentAt = Date.now()
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw localError(0, 'unavailable')
  }

  // Any answer but "not logged in" means the server saw the session and extended its idle time.
  if (response.status !== 401) noteApiActivity(sentAt)
  const body = await readJson(response)
  let check: typeof checkResponse
  try {
    check = await loadChecker()
  } catch {
    throw localError(0, 'unavailable')
  }
  if (!response.ok) {
    if (check(ErrorResponse, body)) throw new ApiError(response.status, body.error, response.headers.get('x-request-id') ?? undefined)
    // Not our server's answer (a proxy's error page, say): say something true and plain.
    throw localError(response.status, response.status >= 500 ? 'unavailable' : 'bad_request')
  }
  if (!check(responseSchema, body)) throw localError(response.status, 'internal')
  return body
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

function localError(status: number, code: ErrorMessageCode): ApiError {
  return new ApiError(status, { code, message: errorText(code, getLanguage()) })
}
