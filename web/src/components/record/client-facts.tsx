import type { ReactNode } from 'react'
import type { ClientProfile } from '@shared/schemas/client-profile.ts'
import { formatDay } from '@/lib/dates.ts'
import { BsnField } from './bsn-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

/** The state of "Toon BSN" as the side's reveal request (a mutation) holds it. */
export type BsnReveal = { data: { bsn: string } | undefined; isPending: boolean; error: unknown; mutate: () => void; reset: () => void }

/**
 * The client's facts as the portal and the workspace show them: "Persoonlijke gegevens" and
 * "Zorg en administratie", unknown ones said as such, the bank account masked, the BSN masked
 * until `reveal` (the side's own request, which the server logs) brings it.
 */
export function ClientFacts({
  profile,
  reveal,
  classNames,
}: {
  profile: ClientProfile
  reveal: BsnReveal
  classNames: { section?: string; facts: string; bsn: string }
}) {
  const t = useT()
  const [language] = useLanguage()
  const known = (value: string) => value || t('clientProfile.unknown')
  const { street, houseNumber, postalCode, city, extra } = profile.address
  const address = [`${street} ${houseNumber}`.trim(), `${postalCode} ${city}`.trim()].filter(Boolean).join(', ')
  return (
    <>
      <section className={classNames.section} aria-labelledby="profiel-persoon">
        <h2 id="profiel-persoon">{t('clientProfile.personal')}</h2>
        <dl className={classNames.facts}>
          <Fact label={t('clientProfile.name')}>{profile.name}</Fact>
          <Fact label={t('clientProfile.dateOfBirth')}>{formatDay(profile.dateOfBirth, language)}</Fact>
          <Fact label={t('clientProfile.age')}>{t('clientProfile.years', { age: String(profile.age) })}</Fact>
          <Fact label={t('clientProfile.maritalStatus')}>{known(profile.maritalStatus)}</Fact>
          <Fact label={t('clientProfile.placeOfBirth')}>{known(profile.placeOfBirth)}</Fact>
          <Fact label={t('clientProfile.nationality')}>{known(profile.nationality)}</Fact>
          <Fact label={t('clientProfile.bsn')}>
            <BsnField
              masked={profile.bsnMasked}
              revealed={reveal.data?.bsn}
              pending={reveal.isPending}
              error={reveal.error}
              className={classNames.bsn}
              onReveal={() => reveal.mutate()}
              onHide={() => reveal.reset()}
            />
          </Fact>
          <Fact label={t('clientProfile.address')}>{known(address)}</Fact>
          <Fact label={t('clientProfile.addressExtra')}>{known(extra)}</Fact>
          <Fact label={t('clientProfile.phone')}>{known(profile.phone)}</Fact>
          <Fact label={t('clientProfile.email')}>{known(profile.email)}</Fact>
        </dl>
      </section>
      <section className={classNames.section} aria-labelledby="profiel-volledig">
        <h2 id="profiel-volledig">{t('clientProfile.full')}</h2>
        <dl className={classNames.facts}>
          <Fact label={t('clientProfile.clientNumber')}>{profile.clientNumber}</Fact>
          <Fact label={t('clientProfile.legalCapacity')}>{t(`clientProfile.legalCapacity.${profile.legalCapacity}`)}</Fact>
          <Fact label={t('clientProfile.legalRepresentatives')}>
            {profile.legalRepresentatives.length ? profile.legalRepresentatives.join(', ') : t('clientProfile.none')}
          </Fact>
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

