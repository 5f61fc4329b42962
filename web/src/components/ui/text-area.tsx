import type { Ref, TextareaHTMLAttributes } from 'react'
import './text-field.css'

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string
  label: string
  error?: string | undefined
  /** Ids of more text that explains the field (a hint, a counter), read out after the error. */
  describedBy?: string | undefined
  textAreaRef?: Ref<HTMLTextAreaElement>
}

/** A labelled multi-line input with its error above it; the same pattern as TextField. */
export function TextArea({ id, label, error, describedBy, textAreaRef, className = '', ...props }: TextAreaProps) {
  const errorId = `${id}-fout`
  const description = [error ? errorId : null, describedBy].filter(Boolean).join(' ') || undefined
  return (
    <div className={`text-field ${error ? 'text-field--invalid' : ''} ${className}`}>
      <label className="text-field__label" htmlFor={id}>
        {label}
      </label>
      {error ? (
        <p className="text-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <textarea
        ref={textAreaRef}
        id={id}
        className="text-field__input text-field__input--multiline"
        aria-invalid={error ? true : undefined}
        aria-describedby={description}
        {...props}
      />
    </div>
  )
}
