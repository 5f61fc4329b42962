import { Button } from '@/components/ui/button.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'

/**
 * The BSN masked ("*****0076"), and the whole number only after "Toon BSN" (a request the
 * server logs; the feature makes it and passes its state in). Screen readers hear "verborgen,
 * eindigt op ..." instead of the stars.
 */
export function BsnField({
  masked,
  revealed,
  pending,
  error,
  className,
  onReveal,
  onHide,
}: {
  masked: string | null
  /** The whole number, once asked for. */
  revealed: string | undefined
  pending: boolean
  /** Why asking failed, if it did. */
  error: unknown
  className: string
  onReveal: () => void
  onHide: () => void
}) {
  const t = useT()
  const [language] = useLanguage()
  if (!masked) return <>{t('clientProfile.unknown')}</>
  if (revealed)
    return (
      <span className={className}>
        <span>{revealed}</span>
        <Button variant="secondary" onClick={onHide}>
          {t('clientProfile.hideBsn')}
        </Button>
      </span>
    )
  const lastDigits = masked.replace(/\D/g, '')
  return (
    <span className={className}>
      <span aria-hidden="true">{masked}</span>
      <span className="visually-hidden">{t('clientProfile.bsnHidden', { digits: lastDigits })}</span>
      <Button variant="secondary" aria-disabled={pending} onClick={() => !pending && onReveal()}>
        {t('clientProfile.showBsn')}
      </Button>
      {error ? <span role="alert">{errorMessage(error, language)}</span> : null}
    </span>
  )
}
