/** The Dutch 11-proef: a BSN of nine digits whose weighted sum is a multiple of 11. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn)) return false
  const sum = [...bsn].reduce((total, digit, i) => total + Number(digit) * (i === 8 ? -1 : 9 - i), 0)
  return sum % 11 === 0
}
