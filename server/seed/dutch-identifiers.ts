import type { Faker } from '@faker-js/faker'

/**
 * Dutch identifiers for demo data. Every value is generated, never taken from a real person:
 * BSNs come from the 99999xxxx range that the RvIG reserves for test persons, so a
 * generated number passes validation but can never belong to anyone.
 */

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1] as const

/** The elfproef for a BSN: nine digits, weighted sum divisible by 11 (and not zero). */
export function isValidBsn(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false
  let sum = 0
  for (let index = 0; index < 9; index++) sum += Number(value[index]) * (BSN_WEIGHTS[index] ?? 0)
  return sum !== 0 && sum % 11 === 0
}

/** A BSN in the RvIG test range (999990000–999999999) that passes the elfproef. */
export function generateTestBsn(faker: Faker): string {
  for (;;) {
    const candidate = `99999${faker.string.numeric(3)}`
    const weightedSum = [...candidate].reduce((sum, digit, index) => sum + Number(digit) * (BSN_WEIGHTS[index] ?? 0), 0)
    const checkDigit = weightedSum % 11
    // A remainder of 10 has no single check digit: draw again.
    if (checkDigit < 10) return `${candidate}${checkDigit}`
  }
}

/** Generates `count` distinct test BSNs (the lookup hash column is unique). */
export function generateDistinctTestBsns(faker: Faker, count: number): string[] {
  const bsns = new Set<string>()
  while (bsns.size < count) bsns.add(generateTestBsn(faker))
  return [...bsns]
}

const BANK_CODES = ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB'] as const

/** An IBAN-shaped Dutch bank account with correct ISO 7064 check digits, e.g. NL91ABNA0417164300. */
export function generateDutchIban(faker: Faker): string {
  const bankCode = faker.helpers.arrayElement(BANK_CODES)
  const accountNumber = faker.string.numeric({ length: 10, allowLeadingZeros: true })
  const checkDigits = ibanCheckDigits('NL', `${bankCode}${accountNumber}`)
  return `NL${checkDigits}${bankCode}${accountNumber}`
}

function ibanCheckDigits(countryCode: string, bban: string): string {
  const rearranged = `${bban}${countryCode}00`
  const numeric = [...rearranged].map((char) => (/[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char)).join('')
  // Piecewise mod 97 keeps the numbers within safe integer range.
  let remainder = 0
  for (const digit of numeric) remainder = (remainder * 10 + Number(digit)) % 97
  return String(98 - remainder).padStart(2, '0')
}

/** Letters used in Dutch postal codes; SA, SD and SS are never issued. */
const POSTAL_CODE_LETTERS = 'ABCEGHJKLMNPRSTVWXZ'

/** A postal code like "3701 KL" inside the four-digit range of a town. */
export function generatePostalCode(faker: Faker, range: readonly [number, number]): string {
  const digits = faker.number.int({ min: range[0], max: range[1] })
  for (;;) {
    const letters = faker.string.fromCharacters(POSTAL_CODE_LETTERS, 2)
    if (!['SA', 'SD', 'SS'].includes(letters)) return `${digits} ${letters}`
  }
}

/** A Dutch mobile number in the international form the SMS provider expects: +316xxxxxxxx. */
export function generateMobileNumber(faker: Faker): string {
  return `+316${faker.string.numeric({ length: 8, allowLeadingZeros: true })}`
}
