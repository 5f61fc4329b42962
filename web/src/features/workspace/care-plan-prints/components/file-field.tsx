import type { Ref } from 'react'

/**
 * A labelled file input that accepts PDF only, with its hint and its error above it, in the
 * pattern of TextField (which types only text inputs).
 */
export function FileField({ id, label, hint, error, inputRef, required, onChange }: {
  id: string
  label: string
  hint: string
  error: string | undefined
  inputRef?: Ref<HTMLInputElement>
  required?: boolean
  onChange: (file: File | null) => void
}) {
  const errorId = `${id}-fout`
  const hintId = `${id}-uitleg`
  return (
    <div className={`text-field ${error ? 'text-field--invalid' : ''}`}>
      <label className="text-field__label" htmlFor={id}>
        {label}
      </label>
      <p id={hintId} className="workspace-form__hint">{hint}</p>
      {error ? (
        <p className="text-field__error" id={errorId}>
          {error}
        </p>
      ) : null}
      <input
        ref={inputRef}
        id={id}
        type="file"
        accept="application/pdf,.pdf"
        className="workspace-file"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={[error ? errorId : null, hintId].filter(Boolean).join(' ')}
        onChange={(event) => onChange(event.target.files?.[0] ?? null)}
      />
    </div>
  )
}
