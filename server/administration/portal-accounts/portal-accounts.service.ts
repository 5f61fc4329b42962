import type { AccountDetail, AccountList, AccountSummary, CreatedAccount, NewPortalAccountRequest } from '../../../shared/schemas/admin-accounts.ts'
import type { Config } from '../../config.ts'
import type { Db } from '../../platform/db/database.ts'
import { AppError, notFound } from '../../platform/errors.ts'
import { recordAccess, type RequestSource } from '../../platform/access-log/access-log.service.ts'
import { createAccount, generateTemporaryPassword } from '../../identity/accounts/account.service.ts'
import { hashPassword } from '../../identity/accounts/password-hash.ts'
import { notifyAccountChange } from '../../identity/authentication/account-change.ts'
import { sendPasswordLink } from '../../identity/authentication/password.service.ts'
import { endAccountSessions } from '../../identity/authentication/session.repository.ts'
import { listLinksOfAccount } from '../client-links/client-links.service.ts'
import { administratorActor, type StaffActor } from '../../identity/staff-access/staff-access.policy.ts'
import type { FieldCipher } from '../../platform/crypto/field-encryption.ts'
import {
  type AdminAccountRow,
  countSecondFactors,
  deleteSecondFactors,
  endAccountAndLinks,
  findAccountForAdmin,
  findAccounts,
  setAccountBlocked,
  storeTemporaryPassword,
} from './portal-accounts.repository.ts'

export function accountRowToSummary(row: AdminAccountRow): AccountSummary {
  return {
    id: row.id,
    kind: row.kind,
    loginName: row.login_name,
    displayName: row.display_name,
    email: row.email,
    mobilePhone: row.mobile_phone,
    hasPassword: Boolean(row.has_password),
    blockedAt: row.blocked_at?.toISOString() ?? null,
    endedAt: row.ended_at?.toISOString() ?? null,
    activeLinkCount: Number(row.active_link_count ?? 0),
    createdAt: row.created_at.toISOString(),
  }
}

export async function listAccounts(db: Db, kind: 'portal' | 'staff', query: { search?: string; limit?: number; offset?: number }, now: Date): Promise<AccountList> {
  const { rows, total } = await findAccounts(db, kind, query.search?.trim() ?? '', query.limit ?? 25, query.offset ?? 0, now)
  return { items: rows.map(accountRowToSummary), total }
}

/** One account with its second factors and links; reading the links is logged per client. */
export async function getAccountDetail(db: Db, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<AccountDetail> {
  return db.transaction().execute(async (trx) => {
    const row = await findAccountForAdmin(trx, accountId, now)
    if (!row) throw notFound('account')
    const links = await listLinksOfAccount(trx, admin, accountId, source, now)
    return { account: accountRowToSummary(row), secondFactors: await countSecondFactors(trx, accountId), links }
  })
}

/** The registration form becomes an account; the welcome e-mail (or a temporary password) as the CLI does it. */
export async function createPortalAccount(
  db: Db,
  config: Pick<Config, 'publicBaseUrl'>,
  admin: StaffActor,
  input: NewPortalAccountRequest,
  source: RequestSource,
  now: Date,
  cipher: FieldCipher,
): Promise<CreatedAccount> {
  const created = await createAccount(
    db,
    config,
    {
      kind: 'portal',
      loginName: input.loginName,
      name: input.name,
      email: input.email,
      phone: input.mobilePhone,
      temporaryPassword: input.temporaryPassword === true,
      ...(input.bsn !== undefined ? { bsn: input.bsn } : {}),
    },
    now,
    cipher,
  )
  await logAccountChange(db, admin, 'create', 'account', created.id, source, now)
  return { id: created.id, loginName: created.loginName, ...(created.temporaryPassword ? { temporaryPassword: created.temporaryPassword } : {}) }
}

/** Loads the account an administrator acts on, refusing ended accounts and (when asked) their own. */
async function targetAccount(db: Db, admin: StaffActor, accountId: string, now: Date, options: { notOwn: boolean }) {
  const row = await findAccountForAdmin(db, accountId, now)
  if (!row || row.ended_at) throw notFound('account')
  // An administrator could lock themselves out; another administrator must do it.
  if (options.notOwn && row.id === admin.accountId) throw new AppError('own_account')
  return row
}

export async function resendWelcomeEmail(db: Db, config: Pick<Config, 'publicBaseUrl'>, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await targetAccount(trx, admin, accountId, now, { notOwn: false })
    await sendPasswordLink(trx, config, row, row.has_password ? 'reset' : 'welcome', now)
    await logAccountChange(trx, admin, 'update', 'account_welcome_email', accountId, source, now)
  })
}

/** A new temporary password, shown once; the person must change it at the next login. */
export async function setTemporaryPassword(db: Db, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<{ temporaryPassword: string }> {
  const row = await targetAccount(db, admin, accountId, now, { notOwn: true })
  const temporaryPassword = await generateTemporaryPassword(db, { loginName: row.login_name, displayName: row.display_name })
  const passwordHash = await hashPassword(temporaryPassword)
  await db.transaction().execute(async (trx) => {
    await storeTemporaryPassword(trx, accountId, passwordHash, now)
    await endAccountSessions(trx, accountId, now)
    await logAccountChange(trx, admin, 'update', 'account_password', accountId, source, now)
  })
  return { temporaryPassword }
}

/** Removes app, passkeys and recovery codes (a lost phone); the person is told by e-mail. */
export async function resetSecondFactors(db: Db, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await targetAccount(trx, admin, accountId, now, { notOwn: true })
    await deleteSecondFactors(trx, accountId)
    await endAccountSessions(trx, accountId, now)
    await notifyAccountChange(trx, row, { subject: 'Uw inlogmethodes zijn gewist', what: 'Een beheerder heeft uw authenticator-app, passkeys en herstelcodes gewist.' }, now)
    await logAccountChange(trx, admin, 'delete', 'second_factors', accountId, source, now)
  })
}

/** Blocking ends every session at once; sessions check the block on every request too. */
export async function setBlocked(db: Db, admin: StaffActor, accountId: string, blocked: boolean, source: RequestSource, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await targetAccount(trx, admin, accountId, now, { notOwn: true })
    await setAccountBlocked(trx, accountId, blocked ? now : null, now)
    if (blocked) await endAccountSessions(trx, accountId, now)
    await logAccountChange(trx, admin, 'update', blocked ? 'account_blocked' : 'account_unblocked', accountId, source, now)
  })
}

/** Ends a portal account: no login any more, its sessions and links end at once (each link logged against its client). */
export async function endPortalAccount(db: Db, admin: StaffActor, accountId: string, source: RequestSource, now: Date): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await targetAccount(trx, admin, accountId, now, { notOwn: true })
    // Staff accounts are removed through their own route, which keeps the staff record's history.
    if (row.kind !== 'portal') throw notFound('portal account')
    const links = await endAccountAndLinks(trx, accountId, now)
    await endAccountSessions(trx, accountId, now)
    for (const link of links) {
      await recordAccess(trx, administratorActor(admin), source, { action: 'update', outcome: 'success', clientId: link.client_id, dataKind: 'client_link', recordId: link.id }, now)
    }
    await logAccountChange(trx, admin, 'delete', 'account', accountId, source, now)
  })
}

async function logAccountChange(db: Db, admin: StaffActor, action: 'create' | 'update' | 'delete', dataKind: string, accountId: string, source: RequestSource, now: Date) {
  await recordAccess(db, administratorActor(admin), source, { action, outcome: 'success', clientId: null, dataKind, recordId: accountId }, now)
}
