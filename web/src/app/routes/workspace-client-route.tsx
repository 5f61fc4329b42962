import type { ReactNode } from 'react'
import { useParams } from 'react-router'
import { LoadError, Loading } from '@/components/ui/load-state.tsx'
import { useWorkspaceClient } from '@/features/workspace/clients/api/get-client.ts'
import { ClientRecordHeader } from '@/features/workspace/clients/components/client-record-header.tsx'
import { ApiError } from '@/lib/api-client.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useT } from '@/i18n/use-t.ts'
import { PageTitle } from '../page-title.tsx'
import { NotFoundPage } from './not-found-page.tsx'

/**
 * A section of one client's record in the workspace (/werkplek/clienten/:clientId/...): the
 * client's name, number and date of birth with the sections above it. A client who is not (or
 * no longer) of the caregiver's teams is "not found", the same answer the server gives.
 */
export function WorkspaceClientRoute({ title, children }: { title: MessageKey; children: (clientId: string) => ReactNode }) {
  const t = useT()
  const { clientId = '' } = useParams()
  const client = useWorkspaceClient(clientId)
  if (client.isPending) return <Loading>{t('workspace.client.loading')}</Loading>
  if (client.isError) {
    if (client.error instanceof ApiError && client.error.status === 404) return <NotFoundPage />
    return <LoadError message={t('workspace.client.loadError')} retryLabel={t('record.retry')} onRetry={() => void client.refetch()} />
  }
  return (
    <>
      <PageTitle title={`${t(title)} – ${client.data.name}`} />
      <ClientRecordHeader client={client.data} />
      {children(client.data.clientId)}
    </>
  )
}
