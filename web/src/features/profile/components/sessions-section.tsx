import { useId } from 'react'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useEndOtherSessions } from '../api/end-other-sessions.ts'
import { useSessions } from '../api/get-sessions.ts'
import { formatDateTime } from '../utils/format-date.ts'
import { StatusMessage } from './status-message.tsx'
import { wayInLabel } from '@/lib/way-in.ts'

/** Where the person is logged in, this device first and marked; and a way to log out everywhere else. */
export function SessionsSection() {
  const t = useT()
  const [language] = useLanguage()
  const id = useId()
  const sessions = useSessions()
  const endOthers = useEndOtherSessions()

  const list = sessions.data ? [...sessions.data.sessions].sort((a, b) => Number(b.current) - Number(a.current)) : []
  const others = list.filter((session) => !session.current).length

  return (
    <section className="card profile-section" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('profile.sessions.title')}
      </h2>
      <p>{t('profile.sessions.intro')}</p>
      <StatusMessage>{endOthers.isSuccess ? t('profile.sessions.ended', { count: String(endOthers.data.ended) }) : null}</StatusMessage>
      {sessions.isPending ? <p>{t('profile.sessions.loading')}</p> : null}
      {sessions.isError ? (
        <Alert>
          <p>{t('profile.sessions.loadError')}</p>
        </Alert>
      ) : null}
      {list.length > 0 ? (
        <ul className="profile-list" aria-label={t('profile.sessions.listLabel')}>
          {/* Sessions have no id to show; the list is replaced as a whole, so the position is a fine key. */}
          {list.map((session, index) => (
            <li key={index} className={`profile-list__item ${session.current ? 'profile-list__item--current' : ''}`}>
              <div>
                <p className="profile-list__name">
                  {session.device}
                  {session.current ? <strong className="profile-tag">{t('profile.sessions.thisDevice')}</strong> : null}
                </p>
                <p className="profile-muted">
                  {t('profile.sessions.since', { date: formatDateTime(session.createdAt, language) })}
                  <br />
                  {t('profile.sessions.lastSeen', { date: formatDateTime(session.lastSeenAt, language) })}
                  <br />
                  {t('profile.sessions.wayIn', { wayIn: wayInLabel(t, session.wayIn, session.assurance) })}
                </p>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
      {endOthers.isError ? (
        <Alert>
          <p>{errorMessage(endOthers.error, language)}</p>
        </Alert>
      ) : null}
      {sessions.isSuccess && others === 0 ? (
        <p>{t('profile.sessions.onlyThis')}</p>
      ) : sessions.isSuccess ? (
        <div className="profile-actions">
          <Button variant="secondary" aria-disabled={endOthers.isPending || undefined} onClick={() => !endOthers.isPending && endOthers.mutate(undefined, { onSuccess: () => document.getElementById(`${id}-title`)?.focus() })}>
            {t('profile.sessions.endOthers')}
          </Button>
        </div>
      ) : null}
    </section>
  )
}
