import { type FormEvent, useState } from 'react'
import type { Grant, GrantRelation } from '@shared/schemas/access-grants.ts'
import type { Permissions } from '@shared/schemas/admin-accounts.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDateTime, formatDay } from '@/lib/dates.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { clientApiPath } from '@/lib/client-record-paths.ts'
import { useChangeGrant, useEndGrant, useGrants, useInvite } from '../api/access-grants.ts'
import { SECTION_KEYS, SECTION_LABEL, sectionNames } from './section-names.ts'
import './access-grants.css'

const RELATIONS: GrantRelation[] = ['first_contact', 'second_contact', 'informal_carer']
const NONE: Permissions = { reports: false, carePlan: false, appointments: false, messages: false, profile: false, subscriptions: false }

/**
 * "Iemand toegang geven": invite a relative for some sections (never more than one's own), see
 * who has access, and end it ("Toegang beëindigen") with effect on that person's next request.
 */
export function GrantAccessPage({ clientId }: { clientId: string }) {
  const t = useT()
  const grants = useGrants(clientId)
  return (
    <div className="card card--narrow">
      <PageHeading>{t('menu.grants')}</PageHeading>
      <p>{t('grants.intro')}</p>
      {grants.isPending ? <Loading>{t('grants.loading')}</Loading> : null}
      {grants.isError ? <LoadError message={t('grants.loadError')} retryLabel={t('record.retry')} onRetry={() => void grants.refetch()} /> : null}
      {grants.data && !grants.data.mayGrant ? <p>{t('grants.notAllowed')}</p> : null}
      {grants.data?.mayGrant ? (
        <>
          <GrantList clientId={clientId} grants={grants.data.grants} grantable={grants.data.grantable} />
          <InviteForm clientId={clientId} grantable={grants.data.grantable} />
        </>
      ) : null}
    </div>
  )
}

function GrantList({ clientId, grants, grantable }: { clientId: string; grants: Grant[]; grantable: Permissions }) {
  const t = useT()
  const [language] = useLanguage()
  const end = useEndGrant(clientId)
  const [confirming, setConfirming] = useState<string | null>(null)
  return (
    <section aria-labelledby="toegang-personen">
      <h2 id="toegang-personen">{t('grants.listTitle')}</h2>
      {end.isSuccess ? (
        <Notice>
          <p>{t('grants.ended', { name: end.data.name })}</p>
        </Notice>
      ) : null}
      {end.error ? <Alert>{errorMessage(end.error, language)}</Alert> : null}
      {grants.length === 0 ? <p>{t('grants.none')}</p> : null}
      <ul className="grant-list">
        {grants.map((grant) => (
          <li key={grant.id} className="grant-list__item">
            <h3>{grant.name}</h3>
            <p>
              {t(`grants.status.${grant.status}`)} · {t(`grants.relation.${grant.relation}`)}
            </p>
            <p>{sectionNames(grant.permissions, t)}</p>
            {grant.activatedAt && grant.status === 'active' ? <p>{t('grants.since', { date: formatDateTime(grant.activatedAt, language) })}</p> : null}
            {grant.endsOn ? <p>{t('grants.until', { date: formatDay(grant.endsOn, language) })}</p> : null}
            <p>{t('grants.grantedBy', { name: grant.grantedByName })}</p>
            <p>
              <a href={clientApiPath(clientId, `access-grants/${encodeURIComponent(grant.id)}/receipt.pdf`)} download aria-label={t('grants.receiptOf', { name: grant.name })}>
                {t('grants.receipt')}
              </a>
            </p>
            {grant.status === 'active' || grant.status === 'invited' || grant.status === 'awaiting_approval' ? <ChangeSections clientId={clientId} grant={grant} grantable={grantable} /> : null}
            {grant.status === 'active' || grant.status === 'invited' || grant.status === 'awaiting_approval' ? (
              confirming === grant.id ? (
                <div role="group" aria-label={t('grants.endOf', { name: grant.name })}>
                  <p>{t('grants.confirmEnd', { name: grant.name })}</p>
                  <Actions>
                    <Button aria-disabled={end.isPending} onClick={() => !end.isPending && end.mutate(grant.id, { onSettled: () => setConfirming(null) })}>
                      {t('grants.confirmYes')}
                    </Button>
                    <Button variant="secondary" onClick={() => setConfirming(null)}>
                      {t('grants.cancel')}
                    </Button>
                  </Actions>
                </div>
              ) : (
                <Actions>
                  <Button variant="secondary" aria-label={t('grants.endOf', { name: grant.name })} onClick={() => { end.reset(); setConfirming(grant.id) }}>
                    {t('grants.end')}
                  </Button>
                </Actions>
              )
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  )
}

function InviteForm({ clientId, grantable }: { clientId: string; grantable: Permissions }) {
  const t = useT()
  const [language] = useLanguage()
  const invite = useInvite(clientId)
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [mobile, setMobile] = useState('')
  const [relation, setRelation] = useState<GrantRelation>('first_contact')
  const [permissions, setPermissions] = useState<Permissions>(NONE)
  const [endsOn, setEndsOn] = useState('')
  const [tried, setTried] = useState(false)
  const [sentTo, setSentTo] = useState<string | null>(null)
  const noSection = !SECTION_KEYS.some((key) => permissions[key])

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (!name.trim() || !email.trim() || !mobile.trim() || noSection || invite.isPending) return
    invite.mutate(
      { name, email, mobile, relation, permissions, ...(endsOn ? { endsOn } : {}) },
      {
        onSuccess: () => {
          setSentTo(email)
          setName('')
          setEmail('')
          setMobile('')
          setPermissions(NONE)
          setEndsOn('')
          setTried(false)
        },
      },
    )
  }
  const required = (value: string) => (tried && !value.trim() ? t('grants.required') : undefined)

  return (
    <section aria-labelledby="toegang-nieuw">
      <h2 id="toegang-nieuw">{t('grants.newTitle')}</h2>
      {sentTo ? (
        <Notice>
          <p>{t('grants.sent', { email: sentTo })}</p>
        </Notice>
      ) : null}
      {invite.error ? <Alert>{errorMessage(invite.error, language)}</Alert> : null}
      <form onSubmit={onSubmit} noValidate>
        <TextField id="toegang-naam" label={t('grants.name')} value={name} maxLength={200} autoComplete="off" error={required(name)} onChange={(e) => setName(e.target.value)} />
        <TextField id="toegang-email" type="email" label={t('grants.email')} value={email} maxLength={254} autoComplete="off" error={required(email)} onChange={(e) => setEmail(e.target.value)} />
        <TextField id="toegang-mobiel" type="tel" label={t('grants.mobile')} value={mobile} maxLength={30} autoComplete="off" error={required(mobile)} onChange={(e) => setMobile(e.target.value)} />
        <fieldset className="grant-fieldset">
          <legend>{t('grants.relation')}</legend>
          {RELATIONS.map((value) => (
            <div key={value} className="checkbox">
              <input type="radio" id={`toegang-relatie-${value}`} name="toegang-relatie" value={value} checked={relation === value} onChange={() => setRelation(value)} />
              <label htmlFor={`toegang-relatie-${value}`}>{t(`grants.relation.${value}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className={`grant-fieldset ${tried && noSection ? 'checkbox--invalid' : ''}`} aria-describedby="toegang-onderdelen-hint">
          <legend>{t('grants.sections')}</legend>
          <p id="toegang-onderdelen-hint">{t('grants.sectionsHint')}</p>
          {tried && noSection ? <p className="checkbox__error">{t('grants.sectionsRequired')}</p> : null}
          {SECTION_KEYS.filter((key) => grantable[key]).map((key) => (
            <Checkbox
              key={key}
              id={`toegang-onderdeel-${key}`}
              label={t(SECTION_LABEL[key])}
              checked={permissions[key]}
              onChange={(e) => setPermissions({ ...permissions, [key]: e.target.checked })}
            />
          ))}
        </fieldset>
        <TextField id="toegang-einddatum" type="date" label={t('grants.endsOn')} value={endsOn} describedBy="toegang-einddatum-hint" onChange={(e) => setEndsOn(e.target.value)} />
        <p id="toegang-einddatum-hint">{t('grants.endsOnHint')}</p>
        <Actions>
          <Button type="submit" aria-disabled={invite.isPending}>
            {t('grants.send')}
          </Button>
        </Actions>
      </form>
    </section>
  )
}

/** "Onderdelen wijzigen": the sections of a running grant, never more than one's own; the change applies to the person's next request. */
function ChangeSections({ clientId, grant, grantable }: { clientId: string; grant: Grant; grantable: Permissions }) {
  const t = useT()
  const [language] = useLanguage()
  const change = useChangeGrant(clientId)
  const [open, setOpen] = useState(false)
  const [permissions, setPermissions] = useState<Permissions>(grant.permissions)
  const [tried, setTried] = useState(false)
  const noSection = !SECTION_KEYS.some((key) => permissions[key])
  const idBase = `toegang-wijzig-${grant.id}`

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    setTried(true)
    if (noSection || change.isPending) return
    change.mutate({ grantId: grant.id, permissions }, { onSuccess: () => setOpen(false) })
  }

  if (!open)
    return (
      <>
        {change.isSuccess ? (
          <Notice>
            <p>{t('grants.changed', { name: grant.name })}</p>
          </Notice>
        ) : null}
        <Actions>
          <Button variant="secondary" aria-label={t('grants.changeOf', { name: grant.name })} onClick={() => { change.reset(); setPermissions(grant.permissions); setTried(false); setOpen(true) }}>
            {t('grants.change')}
          </Button>
        </Actions>
      </>
    )
  return (
    <form onSubmit={onSubmit} noValidate>
      {change.error ? <Alert>{errorMessage(change.error, language)}</Alert> : null}
      <fieldset className={`grant-fieldset ${tried && noSection ? 'checkbox--invalid' : ''}`}>
        <legend>{t('grants.changeLegend', { name: grant.name })}</legend>
        {tried && noSection ? <p className="checkbox__error">{t('grants.sectionsRequired')}</p> : null}
        {SECTION_KEYS.filter((key) => grantable[key] || permissions[key]).map((key) => (
          <Checkbox
            key={key}
            id={`${idBase}-${key}`}
            label={t(SECTION_LABEL[key])}
            checked={permissions[key]}
            onChange={(e) => setPermissions({ ...permissions, [key]: e.target.checked })}
          />
        ))}
      </fieldset>
      <Actions>
        <Button type="submit" aria-disabled={change.isPending}>
          {t('grants.changeSave')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('grants.cancel')}
        </Button>
      </Actions>
    </form>
  )
}
