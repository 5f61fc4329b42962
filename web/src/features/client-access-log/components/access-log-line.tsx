import type { AccessLogLine as Line } from '@shared/schemas/client-access-log.ts'
import type { LinkRelation } from '@shared/schemas/clients.ts'
import { formatTime } from '@/lib/dates.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { wayInLabel } from '@/lib/way-in.ts'

const RELATIONS = new Set<string>(['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer'])
const DATA_KINDS = new Set<string>([
  'report', 'reports', 'profile', 'bsn', 'care_team', 'subscription', 'subscriptions', 'care_plan', 'care_plan_print',
  'care_plan_signature_sheet', 'message', 'messages', 'message_read_marker', 'appointment', 'appointments', 'access_log', 'home', 'record_copy_pdf', 'record_copy_json', 'client_list',
])

/** Who: the person's name where it matters, their role (or relation to the client), and the organisation. */
function who(line: Line, t: (key: MessageKey) => string): string {
  const { actor } = line
  const role = actor.type === 'account' && RELATIONS.has(actor.role) ? t(`record.relation.${actor.role as LinkRelation}`) : actor.role
  if (actor.type === 'system' || actor.type === 'integration') return [actor.organisation, t(`accessLog.actor.${actor.type}`)].filter(Boolean).join(', ')
  if (actor.type === 'anonymous') return t('accessLog.actor.anonymous')
  return [actor.name, role, actor.organisation].filter(Boolean).join(', ')
}

/** One line: when (a time or a span of times and how often), who, which data, what was done. */
export function AccessLogLine({ line }: { line: Line }) {
  const t = useT()
  const [language] = useLanguage()
  const first = formatTime(line.firstAt, language)
  const last = formatTime(line.lastAt, language)
  const count = String(line.count)
  const when = line.count === 1 ? first : first === last ? t('accessLog.timesAt', { time: first, count }) : t('accessLog.timesBetween', { first, last, count })
  const data = DATA_KINDS.has(line.dataKind) ? t(`accessLog.data.${line.dataKind}` as MessageKey) : line.dataKind
  return (
    <tr>
      <td>{when}</td>
      <td>
        {who(line, t)}
        {line.wayIn ? (
          <>
            <br />
            <span className="access-log__way-in">{t('accessLog.wayIn', { wayIn: wayInLabel(t, line.wayIn, line.assurance) })}</span>
          </>
        ) : null}
      </td>
      <td>{data}</td>
      <td>{t(`accessLog.action.${line.action}`)}</td>
    </tr>
  )
}
