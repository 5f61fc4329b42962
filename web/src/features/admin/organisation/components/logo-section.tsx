import { type FormEvent, useRef, useState } from 'react'
import { LOGO_MAX_BYTES, type OrganisationSettings } from '@shared/schemas/admin-organisation.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { readFileAsBase64 } from '../../read-file.ts'
import { useUploadLogo } from '../api/upload-logo.ts'

/**
 * The logo: the current one, a new one chosen with a preview (a data: URL, which the CSP
 * allows for images), saved on its own; the server checks the content is really an image.
 */
export function LogoSection({ settings }: { settings: OrganisationSettings }) {
  const t = useT()
  const [language] = useLanguage()
  const upload = useUploadLogo()
  const [file, setFile] = useState<File | null>(null)
  const [preview, setPreview] = useState<string | null>(null)
  const [problem, setProblem] = useState<MessageKey | null>(null)
  const [done, setDone] = useState<MessageKey | null>(null)
  const inputRef = useRef<HTMLInputElement>(null)

  const choose = async (chosen: File | null) => {
    setDone(null)
    setProblem(null)
    setFile(chosen)
    setPreview(chosen ? `data:${chosen.type || 'image/png'};base64,${await readFileAsBase64(chosen)}` : null)
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    if (!file) return setProblem('admin.organisation.logoRequired')
    if (file.size > LOGO_MAX_BYTES) return setProblem('admin.organisation.logoTooLarge')
    upload.mutate(await readFileAsBase64(file), {
      onSuccess: () => {
        setDone('admin.organisation.logoSaved')
        setFile(null)
        setPreview(null)
        if (inputRef.current) inputRef.current.value = ''
      },
    })
  }

  return (
    <section className="admin-section" aria-labelledby="organisatie-logo">
      <h2 id="organisatie-logo">{t('admin.organisation.logo')}</h2>
      {done ? (
        <Notice>
          <p>{t(done)}</p>
        </Notice>
      ) : null}
      {upload.error ? <Alert>{errorMessage(upload.error, language)}</Alert> : null}
      <h3>{t('admin.organisation.logoCurrent')}</h3>
      {settings.logoUrl ? <img className="admin-logo" src={settings.logoUrl} alt={t('admin.organisation.logoAlt', { name: settings.name })} /> : <p>{t('admin.organisation.logoNone')}</p>}
      <form className="admin-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className={`text-field ${problem ? 'text-field--invalid' : ''}`}>
          <label className="text-field__label" htmlFor="organisatie-logo-bestand">
            {t('admin.organisation.logoFile')}
          </label>
          {problem ? (
            <p id="organisatie-logo-fout" className="text-field__error">
              {t(problem)}
            </p>
          ) : null}
          <input
            ref={inputRef}
            id="organisatie-logo-bestand"
            type="file"
            accept="image/png,image/jpeg,image/webp"
            className="text-field__input"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? 'organisatie-logo-fout' : undefined}
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        </div>
        {preview ? <img className="admin-logo" src={preview} alt={t('admin.organisation.logoPreview')} /> : null}
        <Actions>
          <Button type="submit" aria-disabled={upload.isPending}>
            {t('admin.organisation.logoUpload')}
          </Button>
          {settings.logoUrl ? (
            <Button variant="secondary" aria-disabled={upload.isPending} onClick={() => !upload.isPending && upload.mutate(null, { onSuccess: () => setDone('admin.organisation.logoRemoved') })}>
              {t('admin.organisation.logoRemove')}
            </Button>
          ) : null}
        </Actions>
      </form>
    </section>
  )
}
