/**
 * Addresses of the caregivers' workspace, in Dutch like the rest of the app. The client is in
 * the address (/werkplek/clienten/<id>/rapportages), as in the portal, so a reload, a bookmark
 * or a second tab shows the client the address names; the server answers 404 for any client
 * who is not (or no longer) of the caregiver's teams.
 */
export const WORKSPACE_HOME = '/werkplek'
export const WORKSPACE_CLIENTS = '/werkplek/clienten'
export const WORKSPACE_INBOX = '/werkplek/berichten'

export const WORKSPACE_CLIENT_PAGES = {
  reports: 'rapportages',
  messages: 'berichten',
  appointments: 'afspraken',
  carePlanPrints: 'clientplanafdrukken',
  careTeam: 'zorgteam',
  subscriptions: 'abonnementen',
  profile: 'profiel',
} as const

export type WorkspaceClientPage = keyof typeof WORKSPACE_CLIENT_PAGES

/** "/werkplek/clienten/<id>/rapportages". */
export function workspaceClientPath(clientId: string, page: WorkspaceClientPage = 'reports'): string {
  return `${WORKSPACE_CLIENTS}/${clientId}/${WORKSPACE_CLIENT_PAGES[page]}`
}

/** "/api/workspace/clients/<id>/reports"; without `rest` the client itself. */
export function workspaceApiPath(clientId: string, rest?: string): string {
  const base = `/api/workspace/clients/${encodeURIComponent(clientId)}`
  return rest ? `${base}/${rest}` : base
}

/** Query keys of one client's record in the workspace: a write invalidates them all at once. */
export const workspaceClientKey = (clientId: string) => ['workspace', 'client', clientId] as const
