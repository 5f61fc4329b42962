/**
 * Addresses of the administrators' pages, in Dutch like the rest of the app, all under
 * /beheer. The server decides who may use them (403 for anyone who is not an
 * administrator); the web app only hides what the role cannot use.
 */
export const ADMIN_HOME = '/beheer'

export const ADMIN_PAGES = {
  accounts: '/beheer/portaalaccounts',
  news: '/beheer/nieuws',
  terms: '/beheer/gebruikersvoorwaarden',
  organisation: '/beheer/organisatie',
  staff: '/beheer/medewerkers',
  accessLog: '/beheer/toegangslog',
  clientGrants: '/beheer/toegang-door-clienten',
} as const

export type AdminPage = keyof typeof ADMIN_PAGES

export const NEW_ACCOUNT_PATH = `${ADMIN_PAGES.accounts}/nieuw`

/** "/beheer/portaalaccounts/<id>". */
export function accountPath(accountId: string): string {
  return `${ADMIN_PAGES.accounts}/${accountId}`
}

/** Query keys of the administrators' data: a change invalidates its section at once. */
export const adminKey = (section: AdminPage, ...rest: unknown[]) => ['admin', section, ...rest] as const
