/**
 * Addresses of a client's record: /client/<id>/<section>. The client is in the address,
 * not in a store, so a reload, a bookmark or a second tab always shows the client that
 * the address names, and a page can never quietly switch to another client. The id is a
 * random UUID (never a BSN); the server answers 404 for any client the account may not see.
 */
export const CLIENT_PAGES = {
  home: 'home',
  profile: 'profiel',
  reports: 'rapportages',
  carePlanPrints: 'clientplanafdrukken',
  messages: 'berichten',
  appointments: 'afspraken',
  newAppointment: 'afspraken/nieuw',
  subscriptions: 'abonnementen',
  accessLog: 'wie-heeft-mijn-dossier-ingezien',
  recordCopy: 'gegevens-downloaden',
  grants: 'toegang-geven',
} as const

export type ClientPage = keyof typeof CLIENT_PAGES

/** "/client/<id>/rapportages". */
export function clientPath(clientId: string, page: ClientPage = 'home'): string {
  return `/client/${clientId}/${CLIENT_PAGES[page]}`
}

/** Where the API of a client's record lives: "/api/clients/<id>/reports". */
export function clientApiPath(clientId: string, rest: string): string {
  return `/api/clients/${encodeURIComponent(clientId)}/${rest}`
}
