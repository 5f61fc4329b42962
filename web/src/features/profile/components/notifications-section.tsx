import { type FormEvent, useId, useState } from 'react'
import type { NotificationChannel, NotificationKind, NotificationMode, NotificationPreference, NotificationSettings } from '@shared/schemas/notifications.ts'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useAddPushSubscription, useNotificationSettings, useRemovePushSubscription, useSaveNotificationSettings } from '../api/notifications.ts'
import { formatDateTime } from '../utils/format-date.ts'
import { StatusMessage } from './status-message.tsx'

const KIND_LABEL: Record<NotificationKind, MessageKey> = {
  message: 'profile.notifications.kind.message',
  report: 'profile.notifications.kind.report',
  appointment: 'profile.notifications.kind.appointment',
  care_plan_print: 'profile.notifications.kind.care_plan_print',
  access_change: 'profile.notifications.kind.access_change',
  record_read: 'profile.notifications.kind.record_read',
}

type Choices = Record<string, NotificationMode>
const keyOf = (kind: NotificationKind, channel: NotificationChannel) => `${kind}/${channel}`

/** "Meldingen": per kind of news, e-mail (off, at once, daily overview), SMS and push; and this device's push. */
export function NotificationsSection() {
  const t = useT()
  const id = useId()
  const settings = useNotificationSettings()
  if (settings.isPending) return null
  if (settings.isError) {
    return (
      <section className="card profile-section" aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`}>{t('profile.notifications.title')}</h2>
        <Alert>
          <p>{t('profile.notifications.loadError')}</p>
        </Alert>
      </section>
    )
  }
  // The form keeps its own choices from the first load on; a save writes them back, so it is not remounted (that would lose the confirmation).
  return <NotificationsForm settings={settings.data} titleId={`${id}-title`} />
}

function NotificationsForm({ settings, titleId }: { settings: NotificationSettings; titleId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSaveNotificationSettings()
  const [choices, setChoices] = useState<Choices>(() => Object.fromEntries(settings.preferences.map((p) => [keyOf(p.kind, p.channel), p.mode])))
  const kinds = [...new Set(settings.preferences.map((p) => p.kind))]
  const set = (kind: NotificationKind, channel: NotificationChannel, mode: NotificationMode) => setChoices((current) => ({ ...current, [keyOf(kind, channel)]: mode }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const preferences: NotificationPreference[] = settings.preferences.map((p) => ({ kind: p.kind, channel: p.channel, mode: choices[keyOf(p.kind, p.channel)] ?? p.mode }))
    save.mutate({ preferences })
  }

  return (
    <section className="card profile-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('profile.notifications.title')}</h2>
      <p>{t('profile.notifications.intro')}</p>
      <form onSubmit={submit} noValidate>
        {kinds.map((kind) => (
          <fieldset key={kind} className="notification-kind">
            <legend>{t(KIND_LABEL[kind])}</legend>
            <div className="text-field">
              <label className="text-field__label" htmlFor={`melding-${kind}-email`}>
                {t('profile.notifications.email')}
              </label>
              <select id={`melding-${kind}-email`} className="text-field__input" value={choices[keyOf(kind, 'email')] ?? 'off'} onChange={(event) => set(kind, 'email', event.target.value as NotificationMode)}>
                <option value="off">{t('profile.notifications.mode.off')}</option>
                <option value="immediate">{t('profile.notifications.mode.immediate')}</option>
                <option value="digest">{t('profile.notifications.mode.digest')}</option>
              </select>
            </div>
            <Checkbox id={`melding-${kind}-sms`} label={t('profile.notifications.sms')} checked={choices[keyOf(kind, 'sms')] === 'immediate'} onChange={(event) => set(kind, 'sms', event.target.checked ? 'immediate' : 'off')} />
            <Checkbox id={`melding-${kind}-push`} label={t('profile.notifications.push')} checked={choices[keyOf(kind, 'push')] === 'immediate'} onChange={(event) => set(kind, 'push', event.target.checked ? 'immediate' : 'off')} />
          </fieldset>
        ))}
        {!settings.reachable.sms ? <p className="profile-muted">{t('profile.notifications.noPhone')}</p> : null}
        <StatusMessage>{save.isSuccess ? t('profile.notifications.saved') : null}</StatusMessage>
        {save.isError ? (
          <Alert>
            <p>{errorMessage(save.error, language)}</p>
          </Alert>
        ) : null}
        <div className="profile-actions">
          <Button type="submit" aria-disabled={save.isPending || undefined}>
            {t('profile.notifications.save')}
          </Button>
        </div>
      </form>
      {settings.pushPublicKey ? <PushDevices settings={settings} publicKey={settings.pushPublicKey} language={language} /> : null}
    </section>
  )
}

const pushSupported = () => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window

/** Push on this device: permission is asked only when the person clicks the button. */
function PushDevices({ settings, publicKey, language }: { settings: NotificationSettings; publicKey: string; language: 'nl' | 'en' }) {
  const t = useT()
  const add = useAddPushSubscription()
  const remove = useRemovePushSubscription()
  const [problem, setProblem] = useState<MessageKey | null>(null)

  const turnOn = async () => {
    setProblem(null)
    try {
      const permission = await Notification.requestPermission()
      if (permission !== 'granted') return setProblem('profile.notifications.pushDenied')
      const registration = await navigator.serviceWorker.register('/sw.js')
      await navigator.serviceWorker.ready
      const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: base64UrlToBytes(publicKey) })
      const json = subscription.toJSON()
      add.mutate({ endpoint: json.endpoint ?? '', keys: { p256dh: json.keys?.p256dh ?? '', auth: json.keys?.auth ?? '' } })
    } catch {
      setProblem('profile.notifications.pushFailed')
    }
  }

  return (
    <div className="notification-push">
      <h3>{t('profile.notifications.pushTitle')}</h3>
      <p>{t('profile.notifications.pushIntro')}</p>
      {settings.pushDevices.length > 0 ? (
        <ul className="profile-list" aria-label={t('profile.notifications.pushDevices')}>
          {settings.pushDevices.map((device) => (
            <li key={device.id} className="profile-list__item">
              <div>
                <p className="profile-list__name">{device.device}</p>
                <p className="profile-muted">{t('profile.notifications.pushSince', { date: formatDateTime(device.createdAt, language) })}</p>
              </div>
              <Button variant="secondary" onClick={() => remove.mutate(device.id)}>
                {t('profile.notifications.pushRemove', { device: device.device })}
              </Button>
            </li>
          ))}
        </ul>
      ) : null}
      {problem ? (
        <Alert>
          <p>{t(problem)}</p>
        </Alert>
      ) : null}
      <StatusMessage>{add.isSuccess ? t('profile.notifications.pushOn') : null}</StatusMessage>
      {pushSupported() ? (
        <div className="profile-actions">
          <Button variant="secondary" onClick={() => void turnOn()}>
            {t('profile.notifications.pushTurnOn')}
          </Button>
        </div>
      ) : (
        <p className="profile-muted">{t('profile.notifications.pushUnsupported')}</p>
      )}
    </div>
  )
}

function base64UrlToBytes(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=')
  const binary = atob(base64)
  const bytes = new Uint8Array(new ArrayBuffer(binary.length))
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
