import type { LinkedClient } from '@shared/schemas/clients.ts'
import { useMatch } from 'react-router'
import { useLinkedClients } from '../api/get-linked-clients.ts'
import { rememberedClient } from './remembered-client.ts'

/**
 * The client whose record the menu and the header switch are about: the one in the
 * address; on a page outside a record, the one this tab showed last, or the only one.
 * Undefined while loading or when the account has no (or several, none chosen) clients.
 */
export function useCurrentClient(options: { enabled?: boolean } = {}): { client: LinkedClient | undefined; clients: LinkedClient[]; inRecord: boolean; pending: boolean } {
  const match = useMatch('/client/:clientId/*')
  const { data: clients = [], isPending } = useLinkedClients(options)
  const wanted = match?.params.clientId ?? rememberedClient()
  const client = clients.find((c) => c.clientId === wanted) ?? (!match && clients.length === 1 ? clients[0] : undefined)
  return { client, clients, inRecord: Boolean(match), pending: isPending }
}
