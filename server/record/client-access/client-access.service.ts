import type { LinkedClient } from '../../../shared/schemas/clients.ts'
import { recordAccess } from '../../platform/access-log/access-log.service.ts'
import type { RequestContext } from '../../platform/http/request-context.ts'
import { linkRowToClientAccess, sectionsOfLink } from './client-access.policy.ts'
import { findActiveLinksOfAccount } from './client-access.repository.ts'
import { formalClientName } from './client-name.ts'

/**
 * The clients the account is linked to now, with the sections each link may open. Names are
 * client data too: each listed client gets an access-log row (data kind 'client_list').
 */
export async function listLinkedClients({ db, session, source, now }: RequestContext): Promise<LinkedClient[]> {
  if (session.kind !== 'portal') return []
  return db.transaction().execute(async (trx) => {
    const rows = await findActiveLinksOfAccount(trx, session.accountId, now)
    for (const row of rows) {
      const actor = linkRowToClientAccess(row).actor
      await recordAccess(trx, actor, source, { action: 'read', outcome: 'success', clientId: row.client_id, dataKind: 'client_list', onBehalfLinkId: row.id }, now)
    }
    return rows.map((row) => ({ clientId: row.client_id, name: formalClientName(row), relation: row.relation, sections: [...sectionsOfLink(row)] }))
  })
}
