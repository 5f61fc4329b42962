import type { InputHTMLAttributes, Ref } from 'react'
import './text-field.css'

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string
  label: string
  type?: 'text' | 'password' | 'email' | 'tel' | 'date' | 'time' | 'search'
  /** Shown above the input and linked to it, so it is read out with the field. */
  error?: string | undefined
  /** Ids of more text that explains the field (a hint, a list of rules), read out after the error. */
  describedBy?: string | undefined
  inputRef?: Ref<HTMLInputElement>
}

/** A labelled single-line input with its error message, in the NL Design System pattern. */
export function TextField({ id, label, type = 'text', error, describedBy, inputRef, className = '', ...inputProps }: TextFieldProps) {
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
      <input
        ref={inputRef}
        id={id}
        type={type}
        className="text-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={description}
        {...inputProps}
      />
    </div>
  )
}
