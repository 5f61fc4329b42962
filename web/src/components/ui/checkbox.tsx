import type { InputHTMLAttributes, Ref } from 'react'
import './checkbox.css'

type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'> & {
  id: string
  label: string
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement>
}

/** A large checkbox with its label beside it and its error above, in the NL Design System pattern. */
export function Checkbox({ id, label, error, inputRef, className = '', ...inputProps }: CheckboxProps) {
  const errorId = `${id}-fout`
  return (
    <div className={`checkbox ${error ? 'checkbox--invalid' : ''} ${className}`}>
      {error ? (
        <p className="checkbox__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="checkbox__row">
        <input
          ref={inputRef}
          id={id}
          type="checkbox"
          className="checkbox__input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          {...inputProps}
        />
        <label className="checkbox__label" htmlFor={id}>
          {label}
        </label>
      </div>
    </div>
  )
}
