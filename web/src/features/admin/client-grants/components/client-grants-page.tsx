import { type FormEvent, useState } from 'react'
import type { AdminGrant, ClientGrantsSetting } from '@shared/schemas/access-grants.ts'
import type { EndLinkRequest, Permissions } from '@shared/schemas/admin-accounts.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime, formatDay } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ConfirmAction } from '../../components/confirm-action.tsx'
import { SelectField } from '../../components/select-field.tsx'
import { useClientGrants, useClientGrantsSetting, useDecideGrant, useSaveClientGrantsSetting } from '../api/client-grants.ts'
import '../../admin.css'

const SECTIONS: { key: keyof Permissions; label: MessageKey }[] = [
  { key: 'reports', label: 'admin.permission.reports' }, { key: 'carePlan', label: 'admin.permission.carePlan' },
  { key: 'appointments', label: 'admin.permission.appointments' }, { key: 'messages', label: 'admin.permission.messages' },
  { key: 'profile', label: 'admin.permission.profile' }, { key: 'subscriptions', label: 'admin.permission.subscriptions' },
]

/**
 * Beheer → "Toegang door cliënten": the organisation's two settings for "Iemand toegang geven"
 * (on/off, approval first) and every grant clients gave, with approve / refuse for those
 * waiting and "Toegang beëindigen" for those running.
 */
export function ClientGrantsAdminPage() {
  const t = useT()
  const setting = useClientGrantsSetting()
  return (
    <div className="card">
      <PageHeading>{t('admin.clientGrants.title')}</PageHeading>
      <p>{t('admin.clientGrants.intro')}</p>
      {setting.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {setting.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void setting.refetch()} /> : null}
      {setting.data ? <SettingForm setting={setting.data} /> : null}
      <GrantList />
    </div>
  )
}

function SettingForm({ setting }: { setting: ClientGrantsSetting }) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSaveClientGrantsSetting()
  const [form, setForm] = useState(setting)
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!save.isPending) save.mutate(form)
  }
  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="toegang-instellingen" className="admin-section">
      <h2 id="toegang-instellingen">{t('admin.clientGrants.settingsTitle')}</h2>
      {save.isSuccess && save.data.enabled === form.enabled && save.data.approvalRequired === form.approvalRequired ? (
        <Notice>
          <p>{t('admin.clientGrants.saved')}</p>
        </Notice>
      ) : null}
      {save.isError ? <Alert>{errorMessage(save.error, language)}</Alert> : null}
      <Checkbox
        id="toegang-aan"
        label={t('admin.clientGrants.enabled')}
        checked={form.enabled}
        aria-describedby="toegang-aan-uitleg"
        onChange={(e) => setForm({ ...form, enabled: e.target.checked })}
      />
      <p id="toegang-aan-uitleg">{t('admin.clientGrants.enabledHint')}</p>
      <Checkbox
        id="toegang-goedkeuring"
        label={t('admin.clientGrants.approval')}
        checked={form.approvalRequired}
        aria-describedby="toegang-goedkeuring-uitleg"
        onChange={(e) => setForm({ ...form, approvalRequired: e.target.checked })}
      />
      <p id="toegang-goedkeuring-uitleg">{t('admin.clientGrants.approvalHint')}</p>
      <Actions>
        <Button type="submit" aria-disabled={save.isPending}>
          {t('admin.clientGrants.save')}
        </Button>
      </Actions>
    </form>
  )
}

function GrantList() {
  const t = useT()
  const [language] = useLanguage()
  const [showAll, setShowAll] = useState(false)
  const grants = useClientGrants(showAll ? 'all' : 'open')
  const decide = useDecideGrant()
  const [done, setDone] = useState<string | null>(null)
  const act = (grant: AdminGrant, decision: { action: 'approve' | 'refuse' } | { action: 'end'; reason: EndLinkRequest['reason'] }) => {
    setDone(null)
    const message = decision.action === 'approve' ? 'admin.clientGrants.approved' : decision.action === 'refuse' ? 'admin.clientGrants.refused' : 'admin.clientGrants.ended'
    decide.mutate({ grantId: grant.id, ...decision }, { onSuccess: () => setDone(t(message, { name: grant.name })) })
  }
  return (
    <section aria-labelledby="toegang-lijst" className="admin-section">
      <h2 id="toegang-lijst">{t('admin.clientGrants.listTitle')}</h2>
      <Checkbox id="toegang-alles" label={t('admin.clientGrants.showAll')} checked={showAll} onChange={(e) => setShowAll(e.target.checked)} />
      <div aria-live="polite">
        {done ? (
          <Notice>
            <p>{done}</p>
          </Notice>
        ) : null}
      </div>
      {decide.isError ? <Alert>{errorMessage(decide.error, language)}</Alert> : null}
      {grants.isPending ? <Loading>{t('admin.loading')}</Loading> : null}
      {grants.isError ? <LoadError message={t('admin.loadError')} retryLabel={t('admin.retry')} onRetry={() => void grants.refetch()} /> : null}
      {grants.data?.items.length === 0 ? <p>{t('admin.clientGrants.none')}</p> : null}
      {grants.data?.truncated ? <p>{t('admin.clientGrants.truncated', { count: String(grants.data.items.length) })}</p> : null}
      <ul className="admin-grant-list">
        {grants.data?.items.map((grant) => {
          const names = { name: grant.name, client: grant.clientName }
          return (
            <li key={grant.id} className="admin-grant-list__item">
              <h3>{t('admin.clientGrants.item', names)}</h3>
              <p>
                <strong>{t(`admin.clientGrants.status.${grant.status}`)}</strong> · {t(`admin.relation.${grant.relation}`)} · {grant.email}
              </p>
              <p>{t('admin.clientGrants.clientNumber', { number: grant.clientNumber })}</p>
              <p>{SECTIONS.filter((s) => grant.permissions[s.key]).map((s) => t(s.label)).join(', ')}</p>
              <p>{t('admin.clientGrants.grantedBy', { name: grant.grantedByName, date: formatDateTime(grant.invitedAt, language) })}</p>
              {grant.status === 'awaiting_approval' && grant.acceptedAt ? <p>{t('admin.clientGrants.acceptedAt', { date: formatDateTime(grant.acceptedAt, language) })}</p> : null}
              {grant.status === 'active' && grant.activatedAt ? <p>{t('admin.clientGrants.activeSince', { date: formatDateTime(grant.activatedAt, language) })}</p> : null}
              {grant.endsOn ? <p>{t('admin.clientGrants.until', { date: formatDay(grant.endsOn, language) })}</p> : null}
              {grant.endedAt ? <p>{t('admin.clientGrants.endedAt', { date: formatDateTime(grant.endedAt, language) })}</p> : null}
              {grant.status === 'awaiting_approval' ? (
                <Actions>
                  <Button aria-label={t('admin.clientGrants.approveOf', names)} aria-disabled={decide.isPending} onClick={() => !decide.isPending && act(grant, { action: 'approve' })}>
                    {t('admin.clientGrants.approve')}
                  </Button>
                  <ConfirmAction
                    label={t('admin.clientGrants.refuse')}
                    accessibleLabel={t('admin.clientGrants.refuseOf', names)}
                    question={t('admin.clientGrants.refuseQuestion', names)}
                    pending={decide.isPending}
                    onConfirm={() => act(grant, { action: 'refuse' })}
                  />
                </Actions>
              ) : null}
              {grant.status === 'active' || grant.status === 'invited' || grant.status === 'awaiting_approval' ? (
                <EndGrant grant={grant} pending={decide.isPending} onEnd={(reason) => act(grant, { action: 'end', reason })} />
              ) : null}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

/** "Toegang beëindigen", with the reason asked in the confirmation (as for a link an administrator made). */
function EndGrant({ grant, pending, onEnd }: { grant: AdminGrant; pending: boolean; onEnd: (reason: EndLinkRequest['reason']) => void }) {
  const t = useT()
  const [reason, setReason] = useState<EndLinkRequest['reason']>('consent_withdrawn')
  const names = { name: grant.name, client: grant.clientName }
  return (
    <ConfirmAction
      label={t('admin.clientGrants.end')}
      accessibleLabel={t('admin.clientGrants.endOf', names)}
      question={t('admin.clientGrants.endQuestion', names)}
      confirmLabel={t('admin.clientGrants.end')}
      pending={pending}
      onConfirm={() => onEnd(reason)}
    >
      <SelectField
        id={`toegang-reden-${grant.id}`}
        label={t('admin.clientGrants.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value as EndLinkRequest['reason'])}
        options={[
          { value: 'consent_withdrawn', label: t('admin.links.reason.consent_withdrawn') },
          { value: 'no_longer_needed', label: t('admin.links.reason.no_longer_needed') },
        ]}
      />
    </ConfirmAction>
  )
}
