import { type ReactNode, useEffect, useId, useRef, useState } from 'react'
import { Actions } from '@/components/ui/actions.tsx'
import { Button } from '@/components/ui/button.tsx'
import { useT } from '@/i18n/use-t.ts'

/**
 * A button for a step that cannot be undone lightly (block, end, remove): it first opens an
 * inline question with "Ja, doorgaan" and "Annuleren", focus moving to the question. Not a
 * modal, so nothing traps focus and the page stays readable around it. Confirming closes the
 * question; what happened is said by the caller (a status line, or the item changing).
 */
export function ConfirmAction({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  pending,
  onConfirm,
  children,
}: {
  label: string
  /** The button's name for screen readers when the visible label alone is ambiguous in a list ("Verwijderen: Karin Zorg"); it starts with the label. */
  accessibleLabel?: string
  question: string
  confirmLabel?: string
  pending?: boolean
  onConfirm: () => void
  /** More fields in the question, e.g. the reason for ending a link. */
  children?: ReactNode
}) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const questionId = useId()
  const questionRef = useRef<HTMLParagraphElement>(null)
  const openerRef = useRef<HTMLButtonElement>(null)
  // Focus follows the question: to it when it opens, back to the button when it closes
  // (not on the first render, when nothing was opened yet).
  const [touched, setTouched] = useState(false)
  useEffect(() => {
    if (open) questionRef.current?.focus()
    else if (touched) openerRef.current?.focus()
  }, [open, touched])

  if (!open)
    return (
      <Button
        variant="secondary"
        ref={openerRef}
        aria-label={accessibleLabel}
        onClick={() => {
          setTouched(true)
          setOpen(true)
        }}
      >
        {label}
      </Button>
    )
  return (
    <div className="admin-confirm" role="group" aria-labelledby={questionId}>
      <p id={questionId} ref={questionRef} tabIndex={-1}>
        {question}
      </p>
      {children}
      <Actions>
        <Button
          aria-disabled={pending}
          onClick={() => {
            if (pending) return
            setOpen(false)
            onConfirm()
          }}
        >
          {confirmLabel ?? t('admin.account.confirm')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </Button>
      </Actions>
    </div>
  )
}
