import type { ChangeEvent, Ref } from 'react'
import './code-input.css'

type CodeInputProps = {
  id: string
  label: string
  /** Always shown under the label and read out with the field: what to type. */
  hint: string
  /** Digits already known (the SMS code's first four), shown before the input as in the SMS: "3140 –". */
  prefix?: string | undefined
  value: string
  onChange: (value: string) => void
  error?: string | undefined
  inputRef?: Ref<HTMLInputElement>
  /** 'numeric' for six digits; 'text' for recovery codes, which may hold letters. */
  kind?: 'numeric' | 'text'
}

/**
 * The field for a login code. The SMS prefix is plain text beside the input, not a second
 * field: it cannot be changed, and the hint says it aloud for screen-reader users.
 */
export function CodeInput({ id, label, hint, prefix, value, onChange, error, inputRef, kind = 'numeric' }: CodeInputProps) {
  const hintId = `${id}-uitleg`
  const errorId = `${id}-fout`
  const describedBy = [error ? errorId : null, hintId].filter(Boolean).join(' ')
  return (
    <div className={`code-input ${error ? 'code-input--invalid' : ''}`}>
      <label className="code-input__label" htmlFor={id}>
        {label}
      </label>
      <p className="code-input__hint" id={hintId}>
        {hint}
      </p>
      {error ? (
        <p className="code-input__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <div className="code-input__row">
        {prefix ? (
          <span className="code-input__prefix" aria-hidden="true">
            {prefix} –
          </span>
        ) : null}
        <input
          ref={inputRef}
          id={id}
          className={`code-input__input code-input__input--${kind}`}
          type="text"
          inputMode={kind === 'numeric' ? 'numeric' : 'text'}
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={kind === 'numeric' ? 11 : 40}
          required
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
        />
      </div>
    </div>
  )
}
