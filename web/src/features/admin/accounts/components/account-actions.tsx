import { useState } from 'react'
import type { AccountSummary } from '@shared/schemas/admin-accounts.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ConfirmAction } from '../../components/confirm-action.tsx'
import { type AccountAction, useAccountAction } from '../api/account-action.ts'
import { useSetTemporaryPassword } from '../api/set-temporary-password.ts'
import { TemporaryPasswordNotice } from './temporary-password-notice.tsx'

const DONE: Record<AccountAction, MessageKey> = {
  welcomeEmail: 'admin.account.welcomeEmailSent',
  resetSecondFactors: 'admin.account.secondFactorsReset',
  block: 'admin.account.blocked',
  unblock: 'admin.account.unblocked',
  end: 'admin.account.ended',
}

/** The administrator's actions on one account; each says what happened in a status line below. */
export function AccountActions({ account }: { account: AccountSummary }) {
  const t = useT()
  const [language] = useLanguage()
  const action = useAccountAction(account.id)
  const temporary = useSetTemporaryPassword(account.id)
  const [done, setDone] = useState<MessageKey | null>(null)

  const run = (which: AccountAction) => {
    setDone(null)
    temporary.reset()
    action.mutate(which, { onSuccess: () => setDone(DONE[which]) })
  }
  const newPassword = () => {
    setDone(null)
    action.reset()
    temporary.mutate()
  }
  const failure = action.error ?? temporary.error

  return (
    <section className="admin-section" aria-labelledby="account-acties">
      <h2 id="account-acties">{t('admin.account.actions')}</h2>
      <Actions>
        <Button variant="secondary" aria-disabled={action.isPending} onClick={() => !action.isPending && run('welcomeEmail')}>
          {t('admin.account.welcomeEmail')}
        </Button>
        <Button variant="secondary" aria-disabled={temporary.isPending} onClick={() => !temporary.isPending && newPassword()}>
          {t('admin.account.temporaryPassword')}
        </Button>
        {account.blockedAt ? (
          <Button variant="secondary" aria-disabled={action.isPending} onClick={() => !action.isPending && run('unblock')}>
            {t('admin.account.unblock')}
          </Button>
        ) : null}
      </Actions>
      <Actions>
        <ConfirmAction label={t('admin.account.resetSecondFactors')} question={t('admin.account.resetSecondFactorsConfirm')} pending={action.isPending} onConfirm={() => run('resetSecondFactors')} />
      {account.blockedAt ? null : <ConfirmAction label={t('admin.account.block')} question={t('admin.account.blockConfirm')} pending={action.isPending} onConfirm={() => run('block')} />}
      <ConfirmAction label={t('admin.account.end')} question={t('admin.account.endConfirm')} pending={action.isPending} onConfirm={() => run('end')} />
      </Actions>
      {done ? (
        <Notice>
          <p>{t(done)}</p>
        </Notice>
      ) : null}
      {temporary.data ? <TemporaryPasswordNotice password={temporary.data.temporaryPassword} /> : null}
      {failure ? <Alert>{errorMessage(failure, language)}</Alert> : null}
    </section>
  )
}
