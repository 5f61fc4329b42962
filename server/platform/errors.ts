/**
 * The one error type of the application. `code` is stable: the web app and tests rely on it,
 * and it selects the message a person sees. `detail` is for the log only.
 */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly detail: string | undefined
  /** With password_rejected: what the password lacks, for the person to read. */
  readonly passwordProblems: string[] | undefined
  constructor(code: ErrorCode, detail?: string, passwordProblems?: string[]) {
    super(code)
    this.name = 'AppError'
    this.code = code
    this.status = ERROR_STATUS[code]
    this.detail = detail
    this.passwordProblems = passwordProblems
  }
}

const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  password_rejected: 400,
  wrong_code: 400,
  phone_invalid: 400,
  passkey_registration_failed: 400,
  message_empty: 400,
  message_too_long: 400,
  appointment_times_invalid: 400,
  appointment_date_out_of_range: 400,
  consent_giver_invalid: 400,
  contrast_too_low: 400,
  report_time_invalid: 400,
  care_assignment_invalid: 400,
  not_an_image: 415,
  not_a_pdf: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  passkey_not_accepted: 401,
  login_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  terms_required: 403,
  password_change_required: 403,
  reauthentication_required: 403,
  step_up_required: 403,
  wrong_current_password: 403,
  second_factor_setup_required: 403,
  report_not_own: 403,
  own_account: 409,
  report_correction_closed: 409,
  client_closed: 409,
  use_passkey: 409,
  token_invalid: 410,
  enrolment_expired: 410,
  no_second_factor: 409,
  already_enrolled: 409,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  unprocessable: 422,
  payload_too_large: 413,
  file_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  not_implemented: 501,
  unavailable: 503,
  server_busy: 503,
  database_unavailable: 503,
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** Factories, so call sites read as sentences: `throw notFound('report')`. */
export const badRequest = (detail?: string) => new AppError('bad_request', detail)
export const validationFailed = (detail?: string) => new AppError('validation_failed', detail)
export const unauthenticated = (detail?: string) => new AppError('unauthenticated', detail)
export const forbidden = (detail?: string) => new AppError('forbidden', detail)
export const notFound = (detail?: string) => new AppError('not_found', detail)
export const conflict = (detail?: string) => new AppError('conflict', detail)
export const unsupportedMediaType = (detail?: string) => new AppError('unsupported_media_type', detail)
export const rateLimited = (detail?: string) => new AppError('rate_limited', detail)
export const notImplemented = (detail?: string) => new AppError('not_implemented', detail)
export const passwordRejected = (problems: string[]) => new AppError('password_rejected', problems.join(','), problems)

export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code]
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value)
}
