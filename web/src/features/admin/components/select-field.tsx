import type { SelectHTMLAttributes } from 'react'

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string
  label: string
  error?: string | undefined
  options: { value: string; label: string }[]
}

/** A labelled native select with its error above it: the TextField pattern for a choice from a list. */
export function SelectField({ id, label, error, options, className = '', ...props }: SelectFieldProps) {
  const errorId = `${id}-fout`
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
      <select id={id} className="text-field__input admin-select" aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} {...props}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  )
}
