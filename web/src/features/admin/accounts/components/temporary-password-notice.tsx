import { useT } from '@/i18n/use-t.ts'

/** The temporary password, shown this once, with what to do with it. */
export function TemporaryPasswordNotice({ intro, password }: { intro?: string; password: string }) {
  const t = useT()
  return (
    <div role="status" className="notice">
      {intro ? <p>{intro}</p> : null}
      <p>{t('admin.account.temporaryPasswordShown')}</p>
      <p>
        <code className="admin-secret" aria-label={t('admin.account.temporaryPasswordShown')}>
          {password}
        </code>
      </p>
      <p>{t('admin.account.temporaryPasswordHint')}</p>
    </div>
  )
}
