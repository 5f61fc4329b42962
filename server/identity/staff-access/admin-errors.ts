import { ErrorResponse } from '../../../shared/schemas/common.ts'

/** The error answers every administrator route may give. */
export const ADMIN_ERRORS = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  415: ErrorResponse,
  429: ErrorResponse,
} as const
