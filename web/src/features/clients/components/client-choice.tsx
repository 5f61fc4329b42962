import type { LinkedClient } from '@shared/schemas/clients.ts'
import { Link } from 'react-router'
import { clientPath } from '@/lib/client-record-paths.ts'
import { useT } from '@/i18n/use-t.ts'
import './client-choice.css'

/** "Van wie wilt u het dossier bekijken?": one large link per client, with how this person relates to them. */
export function ClientChoice({ clients }: { clients: LinkedClient[] }) {
  const t = useT()
  return (
    <ul className="client-choice" aria-label={t('clients.choiceList')}>
      {clients.map((client) => (
        <li key={client.clientId} className="client-choice__item">
          <Link to={clientPath(client.clientId)} className="client-choice__link">
            {client.name}
          </Link>
          <span className="client-choice__relation">{client.relation === 'self' ? t('clients.ownRecord') : t(`record.relation.${client.relation}`)}</span>
        </li>
      ))}
    </ul>
  )
}
