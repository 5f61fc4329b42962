import { type ReactNode, useEffect } from 'react'
import { useParams } from 'react-router'
import type { LinkedClient, Section } from '@shared/schemas/clients.ts'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { useLinkedClients } from '@/features/clients/api/get-linked-clients.ts'
import { rememberClient } from '@/features/clients/hooks/remembered-client.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'
import { PageHeading } from '@/components/ui/page-heading.tsx'
import { Link } from 'react-router'

/**
 * A page of one client's record (/client/:clientId/...). The client must be one of the
 * account's linked clients, and its link must open `section`; otherwise the page is "not
 * found", the same answer the server gives, so the address says nothing about other clients.
 */
export function ClientRecordRoute({ section, title, children }: { section?: Section; title: MessageKey; children: (client: LinkedClient) => ReactNode }) {
  const t = useT()
  const { clientId } = useParams()
  const clients = useLinkedClients()
  const client = clients.data?.find((c) => c.clientId === clientId)
  const allowed = client && (!section || client.sections.includes(section))

  useEffect(() => {
    if (allowed) rememberClient(client.clientId)
  }, [allowed, client])

  if (clients.isPending) return <Loading>{t('clients.loading')}</Loading>
  if (clients.isError) return <LoadError message={t('clients.loadError')} retryLabel={t('record.retry')} onRetry={() => void clients.refetch()} />
  if (!allowed) return <NoRecordAccess />
  return (
    <>
      <PageTitle title={`${t(title)} – ${client.name}`} />
      {children(client)}
    </>
  )
}

/**
 * The record (or this part of it) is not open to the account: the same page for an unknown id,
 * a section not allowed and an access that ended, so it says nothing about other clients; it
 * does tell someone whose access just ended why the page they had open is gone.
 */
function NoRecordAccess() {
  const t = useT()
  return (
    <div className="card card--narrow">
      <PageTitle title={t('notFound.title')} />
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>{t('record.noAccessText')}</p>
      <p>
        <Link to="/home">{t('record.noAccessHome')}</Link>
      </p>
    </div>
  )
}
