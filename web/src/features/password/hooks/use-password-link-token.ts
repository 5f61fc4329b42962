import { useEffect, useState } from 'react'

/** Tokens are 43 characters of base64url; anything far from that is not a link of ours. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{20,100}$/

/**
 * The token of a welcome or reset link, which comes after '#' so that it never reaches a
 * server log or a Referer header. It is taken from the address once and then removed from
 * the address bar (and from the browser history), so it is not left on screen or shared by
 * accident. The router's own state is kept as it is.
 */
export function usePasswordLinkToken(): string | null {
  const [token] = useState(() => {
    const raw = window.location.hash.slice(1)
    return TOKEN_PATTERN.test(raw) ? raw : null
  })
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search)
  }, [])
  return token
}
