import type { ClientProfile, RevealedBsn } from '../../../shared/schemas/client-profile.ts'
import type { Subscription } from '../../../shared/schemas/subscriptions.ts'
import { amsterdamDate } from '../../platform/amsterdam-time.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import type { Db } from '../../platform/db/database.ts'
import { notFound } from '../../platform/errors.ts'
import type { RequestSource } from '../../platform/access-log/access-log.service.ts'
import type { ActiveSession } from '../../identity/authentication/session.service.ts'
import { findClientProfileRow, findEncryptedBsn, findLegalRepresentativeNames } from '../client-profile/client-profile.repository.ts'
import { clientRowToProfile } from '../client-profile/client-profile.service.ts'
import { findSubscriptions } from '../subscriptions/subscriptions.repository.ts'
import { subscriptionRowToSubscription } from '../subscriptions/subscriptions.service.ts'
import { withClientOfCaregiver } from './workspace.service.ts'

interface Request {
  session: ActiveSession
  clientId: string
  source: RequestSource
  now: Date
}

/** The client's profile as the portal shows it: BSN and bank account masked. */
export async function getProfileForCaregiver(db: Db, cipher: FieldCipher, { session, clientId, source, now }: Request): Promise<ClientProfile> {
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'profile' }, source, now, async (trx, access) => {
    const row = await findClientProfileRow(trx, access.clientId)
    return clientRowToProfile(row, await findLegalRepresentativeNames(trx, access.clientId, now), cipher, amsterdamDate(now))
  })
}

/** The whole BSN, asked for on purpose: its own access-log row (data kind 'bsn'). */
export async function revealBsnForCaregiver(db: Db, cipher: FieldCipher, { session, clientId, source, now }: Request): Promise<RevealedBsn> {
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'bsn' }, source, now, async (trx, access) => {
    const encrypted = await findEncryptedBsn(trx, access.clientId)
    if (!encrypted) throw notFound('bsn')
    return { bsn: cipher.decrypt(encrypted) }
  })
}

/** "Abonnementen" of the client. */
export async function listSubscriptionsForCaregiver(db: Db, { session, clientId, source, now }: Request): Promise<Subscription[]> {
  return withClientOfCaregiver(db, session, clientId, { action: 'read', dataKind: 'subscription' }, source, now, async (trx, access) =>
    (await findSubscriptions(trx, access.clientId)).map(subscriptionRowToSubscription))
}
