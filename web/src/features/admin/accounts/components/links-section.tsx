import { useState } from 'react'
import type { EndLinkRequest, LinkSummary, Permissions } from '@shared/schemas/admin-accounts.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime, formatDay } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ConfirmAction } from '../../components/confirm-action.tsx'
import { SelectField } from '../../components/select-field.tsx'
import { useEndLink } from '../api/end-link.ts'
import { LinkPermissionsForm } from './link-permissions-form.tsx'
import { PERMISSION_KEYS } from './permission-keys.ts'

/** End reasons with a text: an administrator's two, and the ECD's death or departure (docs/decisions/fhir-death-and-departure.md). */
const SHOWN_REASONS = ['consent_withdrawn', 'no_longer_needed', 'client_deceased', 'client_left'] as const
const isShownReason = (reason: string | null): reason is (typeof SHOWN_REASONS)[number] => (SHOWN_REASONS as readonly (string | null)[]).includes(reason)

/** The account's links to clients, active ones first, each with relation, permissions and consent. */
export function LinksSection({ links }: { links: LinkSummary[] }) {
  const t = useT()
  const [language] = useLanguage()
  const endLink = useEndLink()
  const [ended, setEnded] = useState<string | null>(null)
  const sorted = [...links].sort((a, b) => Number(a.endedAt !== null) - Number(b.endedAt !== null))

  return (
    <section className="admin-section" aria-labelledby="account-koppelingen">
      <h2 id="account-koppelingen">{t('admin.links.title')}</h2>
      {ended ? (
        <Notice>
          <p>{t('admin.links.ended', { name: ended })}</p>
        </Notice>
      ) : null}
      {endLink.error ? <Alert>{errorMessage(endLink.error, language)}</Alert> : null}
      {sorted.length === 0 ? <p>{t('admin.links.none')}</p> : null}
      {sorted.length > 0 ? (
        <ul className="admin-list" aria-label={t('admin.links.listLabel')}>
          {sorted.map((link) => (
            <li key={link.id} className="admin-list__item">
              <h3 className="admin-list__title">{t('admin.links.client', { name: link.clientName, number: link.clientNumber })}</h3>
              <dl className="admin-facts">
                <dt>{t('admin.links.relation')}</dt>
                <dd>{t(`admin.relation.${link.relation}`)}</dd>
                <dt>{t('admin.links.permissions')}</dt>
                <dd>{permissionList(link.permissions, t)}</dd>
                <dt>{t('admin.links.activatedAt')}</dt>
                <dd>{formatDateTime(link.activatedAt, language)}</dd>
                {link.endedAt ? (
                  <>
                    <dt>{t('admin.links.endedAt')}</dt>
                    <dd>
                      {formatDateTime(link.endedAt, language)}
                      {isShownReason(link.endReason) ? ` (${t(`admin.links.reason.${link.endReason}`)})` : ''}
                    </dd>
                  </>
                ) : null}
                <dt>{t('admin.links.consent')}</dt>
                <dd>
                  {t('admin.links.consentSummary', {
                    giver: t(`admin.consentGiver.${link.consent.givenBy}`),
                    name: link.consent.givenByName,
                    date: formatDay(link.consent.givenOn, language),
                    scope: link.consent.scope,
                  })}
                  {link.consent.hasForm ? (
                    <>
                      {' '}
                      <a href={`/api/admin/consents/${encodeURIComponent(link.consent.id)}/form.pdf`} download>
                        {t('admin.links.consentForm')}
                      </a>
                    </>
                  ) : null}
                </dd>
              </dl>
              {link.endedAt ? null : <LinkPermissionsForm link={link} />}
              {link.endedAt ? null : <EndLink link={link} pending={endLink.isPending} onEnd={(reason) => endLink.mutate({ linkId: link.id, reason }, { onSuccess: () => setEnded(link.clientName) })} />}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  )
}

function permissionList(permissions: Permissions, t: ReturnType<typeof useT>): string {
  const allowed = PERMISSION_KEYS.filter((key) => permissions[key]).map((key) => t(`admin.permission.${key}`))
  return allowed.length > 0 ? allowed.join(', ') : '–'
}

/** "Koppeling beëindigen", with the reason asked in the confirmation. */
function EndLink({ link, pending, onEnd }: { link: LinkSummary; pending: boolean; onEnd: (reason: EndLinkRequest['reason']) => void }) {
  const t = useT()
  const [reason, setReason] = useState<EndLinkRequest['reason']>('consent_withdrawn')
  return (
    <ConfirmAction
      label={t('admin.links.end')}
      accessibleLabel={`${t('admin.links.end')}: ${link.clientName}`}
      question={t('admin.links.endConfirm', { name: link.clientName })}
      confirmLabel={t('admin.links.endSubmit')}
      pending={pending}
      onConfirm={() => onEnd(reason)}
    >
      <SelectField
        id={`reden-${link.id}`}
        label={t('admin.links.endReason')}
        value={reason}
        onChange={(event) => setReason(event.target.value === 'no_longer_needed' ? 'no_longer_needed' : 'consent_withdrawn')}
        options={[
          { value: 'consent_withdrawn', label: t('admin.links.reason.consent_withdrawn') },
          { value: 'no_longer_needed', label: t('admin.links.reason.no_longer_needed') },
        ]}
      />
    </ConfirmAction>
  )
}
