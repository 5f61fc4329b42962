import type { TermsOfUse } from '../../../shared/schemas/terms.ts'
import type { Db } from '../../platform/db/database.ts'
import { conflict, notFound } from '../../platform/errors.ts'
import { findAcceptance, findCurrentTerms, insertAcceptance } from './terms.repository.ts'

/** True while the account has not accepted the current version of the terms of use. */
export async function mustAcceptTerms(db: Db, accountId: string, now: Date): Promise<boolean> {
  const current = await findCurrentTerms(db, now)
  if (!current) return false
  return (await findAcceptance(db, accountId, current.id)) === undefined
}

export async function getCurrentTerms(db: Db, accountId: string | null, now: Date): Promise<TermsOfUse> {
  const current = await findCurrentTerms(db, now)
  if (!current) throw notFound('no terms of use published')
  const acceptance = accountId ? await findAcceptance(db, accountId, current.id) : undefined
  return {
    version: current.version,
    body: current.body,
    publishedAt: current.published_at.toISOString(),
    acceptedAt: acceptance ? acceptance.accepted_at.toISOString() : null,
  }
}

/** Accepts the version the person read; a newer version published meanwhile must be read first. */
export async function acceptTerms(db: Db, accountId: string, version: number, now: Date): Promise<void> {
  const current = await findCurrentTerms(db, now)
  if (!current) throw notFound('no terms of use published')
  if (current.version !== version) throw conflict('accepted version is not the current one')
  await insertAcceptance(db, accountId, current.id, now)
}
