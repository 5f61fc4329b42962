import { useT } from '@/i18n/use-t.ts'
import { useOrganisation } from '../api/get-organisation.ts'
import './organisation-brand.css'

/** Logo (or name) and tagline of the organisation, for the page header. */
export function OrganisationBrand() {
  const t = useT()
  const { data } = useOrganisation()
  return (
    <div className="brand">
      {data?.logoUrl ? (
        <span className="brand__logo-plate">
          {/* Its size is set (here and in the CSS) so the page does not shift when it loads. */}
          <img className="brand__logo" src={data.logoUrl} alt={data.name} width={160} height={44} />
        </span>
      ) : data ? (
        <span className="brand__name">{data.name}</span>
      ) : (
        <span className="brand__logo-space" />
      )}
      <span className="brand__text">
        <span className="brand__portal">{t('app.portalName')}</span>
        {data?.tagline ? <span className="brand__tagline">{data.tagline}</span> : null}
      </span>
    </div>
  )
}
