import type { Gender } from '../clients/client.table.ts'

/**
 * A client's name the Dutch way: salutation, initials, the prefix in lower case before the
 * family name, e.g. "mw. S. uit de Jordaan". No salutation when the gender is not known.
 */
export function formalClientName(client: { gender: Gender; initials: string; given_name: string; name_prefix: string; family_name: string }): string {
  const salutation = client.gender === 'female' ? 'mw.' : client.gender === 'male' ? 'dhr.' : ''
  const initials = client.initials.trim() || (client.given_name ? `${client.given_name.charAt(0).toUpperCase()}.` : '')
  return [salutation, initials, client.name_prefix.trim().toLowerCase(), client.family_name.trim()].filter(Boolean).join(' ')
}
