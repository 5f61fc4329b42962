/** International format as stored and as SMS providers want it. */
const E164 = /^\+[1-9]\d{7,14}$/

/**
 * A mobile number as people type it ("06-1234 5678", "+31 (0)6 12345678", "0031 6 ...") in
 * international format ("+31612345678"), or null when it is not one. Dutch numbers must be
 * mobile (06): SMS codes cannot reach a landline.
 */
export function normaliseMobileNumber(input: string): string | null {
  let number = input.trim().replace(/\(0\)/g, '').replace(/[\s\-().]/g, '')
  if (number.startsWith('00')) number = `+${number.slice(2)}`
  else if (/^06\d{8}$/.test(number)) number = `+31${number.slice(1)}`
  if (!E164.test(number)) return null
  if (number.startsWith('+31') && !/^\+316\d{8}$/.test(number)) return null
  return number
}
