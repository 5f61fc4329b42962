import type { AccountSummary } from '@shared/schemas/admin-accounts.ts'
import { useT } from '@/i18n/use-t.ts'

/** "Geblokkeerd", "Beëindigd", "Nog geen wachtwoord": in words, never in colour alone. */
export function AccountStateTags({ account }: { account: AccountSummary }) {
  const t = useT()
  const tags = [
    account.endedAt ? t('admin.accounts.state.ended') : null,
    account.blockedAt && !account.endedAt ? t('admin.accounts.state.blocked') : null,
    !account.hasPassword && !account.endedAt ? t('admin.accounts.state.noPassword') : null,
  ].filter((tag): tag is string => tag !== null)
  if (tags.length === 0) return null
  return (
    <p className="admin-list__facts">
      {tags.map((tag) => (
        <span key={tag} className="admin-tag">
          {tag}
        </span>
      ))}
    </p>
  )
}
