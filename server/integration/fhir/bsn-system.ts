/** The BSN's identifier system (nl-core-Patient), exactly as the portal writes it. */
export const BSN_SYSTEM = 'http://fhir.nl/fhir/NamingSystem/bsn'
/** The BSN's OID (`urn:oid:` form), which some systems use instead of the URL. */
const BSN_OID = '2.16.840.1.113883.2.4.6.3'
const BSN_HOSTS = new Set(['fhir.nl', 'www.fhir.nl'])
const BSN_PATH = '/fhir/namingsystem/bsn'

/**
 * Does this identifier system name the BSN, however it is spelled? FHIR compares system URIs
 * exactly, but a refusal must not depend on spelling: `HTTP://FHIR.NL/...`, a trailing slash
 * or space, percent-encoding, `https`, a port, dot segments, or the OID form all still mean
 * (or are meant to mean) the BSN. So this errs on the side of "yes": whitespace, control and
 * invisible characters are dropped, the text is percent-decoded (twice encoded too),
 * compatibility characters folded (full-width letters), case ignored in the path as well, and
 * the host, path and OID compared after that.
 */
export function isBsnSystem(system: string): boolean {
  let text = clean(system)
  for (let round = 0; round < 3; round++) {
    let decoded: string
    try {
      decoded = clean(decodeURIComponent(text))
    } catch {
      break
    }
    if (decoded === text) break
    text = decoded
  }
  text = text.toLowerCase()
  const oid = /^(urn:oid:)?([\d.]+)$/.exec(text)
  if (oid) return oid[2]!.replace(/^\.+|\.+$/g, '') === BSN_OID
  const url = /^(https?):[/\\]*([^/\\?#]*)([^?#]*)/.exec(text)
  if (!url) return false
  // `user@`, a port and a trailing dot do not change the host.
  const host = url[2]!.replace(/^[^@]*@/, '').replace(/:\d*$/, '').replace(/\.+$/, '')
  if (!BSN_HOSTS.has(host)) return false
  // The URL parser resolves `.`, `..` and `%2e`; repeated and trailing slashes are dropped after.
  let path: string
  try {
    path = new URL(`http://fhir.nl${url[3]!.replace(/\\/g, '/') || '/'}`).pathname
  } catch {
    return false
  }
  return path.replace(/\/{2,}/g, '/').replace(/\/+$/, '') === BSN_PATH
}

/** Compatibility-folded, without whitespace, control or format (zero-width) characters anywhere. */
function clean(text: string): string {
  return text.normalize('NFKC').replace(/[\p{White_Space}\p{Cc}\p{Cf}]/gu, '')
}
