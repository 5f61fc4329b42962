import { useEffect, useState } from 'react'
import type { ClientChoice } from '@shared/schemas/admin-accounts.ts'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { formatDay } from '@/lib/dates.ts'
import { useClientChoices } from '../api/search-clients.ts'

/**
 * Finding a client by name or client number and choosing one from the results (radio
 * buttons): used to link an account and to filter the access log. The search waits for a
 * short pause in typing, so not every key press is a request (each is logged).
 */
export function ClientPicker({
  id,
  label,
  chosen,
  onChoose,
  error,
}: {
  id: string
  label: string
  chosen: ClientChoice | null
  onChoose: (client: ClientChoice | null) => void
  error?: string | undefined
}) {
  const t = useT()
  const [language] = useLanguage()
  const [text, setText] = useState('')
  const [search, setSearch] = useState('')
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 300)
    return () => clearTimeout(timer)
  }, [text])
  const choices = useClientChoices(search)
  const items = search.length >= 2 ? (choices.data?.items ?? []) : []

  return (
    <fieldset className="admin-fieldset">
      <legend>{label}</legend>
      <p id={`${id}-uitleg`} className="admin-list__facts">
        {t('admin.newLink.clientSearchHint')}
      </p>
      <TextField id={id} type="search" label={t('admin.newLink.clientSearch')} value={text} maxLength={100} autoComplete="off" describedBy={`${id}-uitleg`} error={error} onChange={(event) => setText(event.target.value)} />
      {search.length >= 2 && choices.isSuccess && items.length === 0 ? <p role="status">{t('admin.newLink.clientNoneFound')}</p> : null}
      {items.length > 0 ? (
        <div role="radiogroup" aria-label={t('admin.newLink.clientChoices')}>
          {items.map((client) => (
            <div key={client.id} className="checkbox__row">
              <input
                type="radio"
                id={`${id}-${client.id}`}
                name={`${id}-keuze`}
                className="checkbox__input"
                checked={chosen?.id === client.id}
                onChange={() => onChoose(client)}
              />
              <label htmlFor={`${id}-${client.id}`} className="checkbox__label">
                {t('admin.newLink.clientChoice', { name: client.name, number: client.clientNumber, date: formatDay(client.dateOfBirth, language) })}
              </label>
            </div>
          ))}
        </div>
      ) : null}
      {chosen ? <p role="status">{t('admin.newLink.clientChosen', { name: chosen.name, number: chosen.clientNumber })}</p> : null}
    </fieldset>
  )
}
