import type { ReactNode } from 'react'
import './text-field.css'

/** What the control inside a Field must carry so the label, the error and the hints reach it. */
export interface FieldControl {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * The NL Design System field pattern every form control here follows: the label, an optional
 * hint, the error above the control (so it is read before typing again), and the control linked
 * to the error first and then to `describedBy`. `children` renders the control with those props.
 */
export function Field({
  id,
  label,
  hint,
  error,
  describedBy,
  className = '',
  children,
}: {
  id: string
  label: string
  /** Shown between the label and the error; its id belongs in `describedBy`. */
  hint?: ReactNode
  error?: string | undefined
  /** Ids of more text that explains the field (a hint, a counter), read out after the error. */
  describedBy?: string | undefined
  className?: string | undefined
  children: (control: FieldControl) => ReactNode
}) {
  const errorId = `${id}-fout`
  const description = [error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined
  return (
    <div className={`text-field ${error ? 'text-field--invalid' : ''} ${className}`}>
      <label className="text-field__label" htmlFor={id}>
        {label}
      </label>
      {hint}
      {error ? (
        <p className="text-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': description })}
    </div>
  )
}
