import type { Gender } from '../clients/client.table.ts'

/** The name's parts the portal shows; the partner's name and the naamgebruik only where the ECD gave them. */
export interface ClientNameParts {
  gender: Gender
  initials: string
  given_name: string
  name_prefix: string
  family_name: string
  partner_prefix?: string
  partner_name?: string
  /** HL7 naamgebruik: NL1 own name, NL2 the partner's, NL3 partner's then own, NL4 own then partner's. */
  name_usage?: string
}

/**
 * A client's name the Dutch way: salutation, initials, the prefix in lower case before the
 * family name, e.g. "mw. S. uit de Jordaan"; with the naamgebruik the ECD gave, the partner's
 * name as the client uses it ("mw. J.P.M. van Putten-van der Giessen"). No salutation when the
 * gender is not known.
 */
export function formalClientName(client: ClientNameParts): string {
  const salutation = client.gender === 'female' ? 'mw.' : client.gender === 'male' ? 'dhr.' : ''
  const initials = client.initials.trim() || (client.given_name ? `${client.given_name.charAt(0).toUpperCase()}.` : '')
  return [salutation, initials, familyAsUsed(client)].filter(Boolean).join(' ')
}

function familyAsUsed(client: ClientNameParts): string {
  const own = [client.name_prefix.trim().toLowerCase(), client.family_name.trim()].filter(Boolean).join(' ')
  const partnerName = client.partner_name?.trim() ?? ''
  if (!partnerName) return own
  const partner = [client.partner_prefix?.trim().toLowerCase() ?? '', partnerName].filter(Boolean).join(' ')
  switch (client.name_usage) {
    case 'NL2': return partner
    case 'NL3': return `${partner}-${own}`
    case 'NL4': return `${own}-${partner}`
    default: return own
  }
}
