import { describe, expect, it } from 'vitest'
import { ERROR_MESSAGES } from '@shared/error-messages.ts'
import { ApiError } from './api-client.ts'
import { errorMessage } from './error-message.ts'

describe('errorMessage: the shared messages, in the language chosen now', () => {
  it("says a known code in the server's words, Dutch or English (the English came with en.ts)", () => {
    const error = new ApiError(401, { code: 'invalid_credentials', message: 'De gebruikersnaam of het wachtwoord klopt niet.' })
    expect(errorMessage(error, 'nl')).toBe(ERROR_MESSAGES.invalid_credentials.nl)
    expect(errorMessage(error, 'en')).toBe(ERROR_MESSAGES.invalid_credentials.en)
    expect(errorMessage(error, 'en')).toBe('The username or password is not correct.')
  })

  it("shows an unknown code's own message, and anything else as an internal error", () => {
    expect(errorMessage(new ApiError(422, { code: 'something_new', message: 'Iets nieuws.' }), 'en')).toBe('Iets nieuws.')
    expect(errorMessage(new Error('boom'), 'nl')).toBe(ERROR_MESSAGES.internal.nl)
    expect(errorMessage(new Error('boom'), 'en')).toBe(ERROR_MESSAGES.internal.en)
  })
})
