import type { AccountDetail } from '@shared/schemas/admin-accounts.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime } from '@/lib/dates.ts'

/** Login name, e-mail, mobile number, status, password and second factors, as a description list. */
export function AccountFacts({ detail }: { detail: AccountDetail }) {
  const t = useT()
  const [language] = useLanguage()
  const { account, secondFactors } = detail
  const status = account.endedAt
    ? t('admin.account.status.ended', { date: formatDateTime(account.endedAt, language) })
    : account.blockedAt
      ? t('admin.account.status.blocked', { date: formatDateTime(account.blockedAt, language) })
      : t('admin.account.status.active')
  return (
    <section className="admin-section" aria-labelledby="account-gegevens">
      <h2 id="account-gegevens">{t('admin.account.details')}</h2>
      <dl className="admin-facts">
        <dt>{t('admin.account.loginName')}</dt>
        <dd>{account.loginName}</dd>
        <dt>{t('admin.account.email')}</dt>
        <dd>{account.email}</dd>
        <dt>{t('admin.account.mobilePhone')}</dt>
        <dd>{account.mobilePhone ?? '–'}</dd>
        <dt>{t('admin.account.status')}</dt>
        <dd>{status}</dd>
        <dt>{t('admin.account.password')}</dt>
        <dd>{account.hasPassword ? t('admin.account.password.set') : t('admin.account.password.none')}</dd>
        <dt>{t('admin.account.secondFactors')}</dt>
        <dd>
          {t('admin.account.secondFactors.summary', {
            totp: secondFactors.totp ? t('admin.yes') : t('admin.no'),
            passkeys: String(secondFactors.passkeys),
            codes: String(secondFactors.recoveryCodes),
          })}
        </dd>
      </dl>
    </section>
  )
}
