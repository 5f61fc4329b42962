import { useEffect, useId, useRef } from 'react'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'

/**
 * The recovery codes, once: the server keeps only their hashes. A clear instruction to
 * keep them, a print button, and "Ik heb de codes bewaard" to close.
 */
export function RecoveryCodesList({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const t = useT()
  const id = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)

  useEffect(() => headingRef.current?.focus(), [])

  return (
    <div className="recovery-codes">
      <h3 id={`${id}-title`} ref={headingRef} tabIndex={-1}>
        {t('profile.recovery.shownTitle')}
      </h3>
      <p className="recovery-codes__keep">{t('profile.recovery.keep')}</p>
      <ol className="recovery-codes__list" aria-labelledby={`${id}-title`}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="profile-actions">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('profile.recovery.print')}
        </Button>
        <Button onClick={onDone}>{t('profile.recovery.done')}</Button>
      </div>
    </div>
  )
}
