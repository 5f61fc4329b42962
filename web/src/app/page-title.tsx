import { useOrganisation } from '@/features/organisation/api/get-organisation.ts'
import { useT } from '@/i18n/use-t.ts'

/**
 * The document title of a page: "Inloggen – Topaz Cliëntportaal". React 19 places
 * <title> in the document head, wherever it is rendered.
 */
export function PageTitle({ title }: { title: string }) {
  const t = useT()
  const { data } = useOrganisation()
  const site = data ? `${data.name} ${t('app.portalName')}` : t('app.portalName')
  return <title>{`${title} – ${site}`}</title>
}
