import type { ReactNode } from 'react'
import type { ClientProfile } from '@shared/schemas/client-profile.ts'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { formatDay } from '@/lib/dates.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useWorkspaceProfile } from '../api/get-profile.ts'
import { BsnField } from './bsn-field.tsx'
import '../../workspace.css'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

function Facts({ clientId, profile }: { clientId: string; profile: ClientProfile }) {
  const t = useT()
  const [language] = useLanguage()
  const known = (value: string) => value || t('clientProfile.unknown')
  const { street, houseNumber, postalCode, city, extra } = profile.address
  const address = [`${street} ${houseNumber}`.trim(), `${postalCode} ${city}`.trim()].filter(Boolean).join(', ')
  return (
    <>
      <section aria-labelledby="profiel-persoon">
        <h2 id="profiel-persoon">{t('clientProfile.personal')}</h2>
        <dl className="workspace-facts">
          <Fact label={t('clientProfile.name')}>{profile.name}</Fact>
          <Fact label={t('clientProfile.dateOfBirth')}>{formatDay(profile.dateOfBirth, language)}</Fact>
          <Fact label={t('clientProfile.age')}>{t('clientProfile.years', { age: String(profile.age) })}</Fact>
          <Fact label={t('clientProfile.maritalStatus')}>{known(profile.maritalStatus)}</Fact>
          <Fact label={t('clientProfile.placeOfBirth')}>{known(profile.placeOfBirth)}</Fact>
          <Fact label={t('clientProfile.nationality')}>{known(profile.nationality)}</Fact>
          <Fact label={t('clientProfile.bsn')}>
            <BsnField clientId={clientId} masked={profile.bsnMasked} />
          </Fact>
          <Fact label={t('clientProfile.address')}>{known(address)}</Fact>
          <Fact label={t('clientProfile.addressExtra')}>{known(extra)}</Fact>
          <Fact label={t('clientProfile.phone')}>{known(profile.phone)}</Fact>
          <Fact label={t('clientProfile.email')}>{known(profile.email)}</Fact>
        </dl>
      </section>
      <section aria-labelledby="profiel-volledig">
        <h2 id="profiel-volledig">{t('clientProfile.full')}</h2>
        <dl className="workspace-facts">
          <Fact label={t('clientProfile.clientNumber')}>{profile.clientNumber}</Fact>
          <Fact label={t('clientProfile.legalCapacity')}>{t(`clientProfile.legalCapacity.${profile.legalCapacity}`)}</Fact>
          <Fact label={t('clientProfile.legalRepresentatives')}>{profile.legalRepresentatives.length ? profile.legalRepresentatives.join(', ') : t('clientProfile.none')}</Fact>
          <Fact label={t('clientProfile.admissionStatus')}>{known(profile.admissionStatus)}</Fact>
          <Fact label={t('clientProfile.admissionLegalBasis')}>{known(profile.admissionLegalBasis)}</Fact>
          <Fact label={t('clientProfile.gp')}>{known(profile.generalPractitioner)}</Fact>
          <Fact label={t('clientProfile.identityEstablished')}>{profile.identityEstablished ? t('clientProfile.yes') : t('clientProfile.no')}</Fact>
          <Fact label={t('clientProfile.bankAccount')}>
            {profile.bankAccountMasked ? (
              <>
                <span aria-hidden="true">{profile.bankAccountMasked}</span>
                <span className="visually-hidden">{t('clientProfile.bankHidden', { digits: profile.bankAccountMasked.slice(-4) })}</span>
              </>
            ) : (
              t('clientProfile.unknown')
            )}
          </Fact>
        </dl>
      </section>
    </>
  )
}

/** "Profiel" in the workspace: the client's data as the portal shows it, the BSN masked until asked for. */
export function WorkspaceProfilePage({ clientId }: { clientId: string }) {
  const t = useT()
  const profile = useWorkspaceProfile(clientId)
  return (
    <div className="card">
      <PageHeading>{t('menu.profile')}</PageHeading>
      {profile.isPending ? <Loading>{t('clientProfile.loading')}</Loading> : null}
      {profile.isError ? <LoadError message={t('clientProfile.loadError')} retryLabel={t('record.retry')} onRetry={() => void profile.refetch()} /> : null}
      {profile.data ? <Facts clientId={clientId} profile={profile.data} /> : null}
    </div>
  )
}
