import { Button } from '@/components/ui/button.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { useRevealBsn } from '../api/reveal-bsn.ts'

/** The BSN masked ("*****0076"); the whole number only after "Toon BSN", which the server logs. */
export function BsnField({ clientId, masked }: { clientId: string; masked: string | null }) {
  const t = useT()
  const [language] = useLanguage()
  const reveal = useRevealBsn(clientId)
  if (!masked) return <>{t('clientProfile.unknown')}</>
  if (reveal.data)
    return (
      <span className="workspace-bsn">
        <span>{reveal.data.bsn}</span>
        <Button variant="secondary" onClick={() => reveal.reset()}>
          {t('clientProfile.hideBsn')}
        </Button>
      </span>
    )
  return (
    <span className="workspace-bsn">
      <span aria-hidden="true">{masked}</span>
      <span className="visually-hidden">{t('clientProfile.bsnHidden', { digits: masked.replace(/\D/g, '') })}</span>
      <Button variant="secondary" aria-disabled={reveal.isPending} onClick={() => !reveal.isPending && reveal.mutate()}>
        {t('clientProfile.showBsn')}
      </Button>
      {reveal.isError ? <span role="alert">{errorMessage(reveal.error, language)}</span> : null}
    </span>
  )
}
