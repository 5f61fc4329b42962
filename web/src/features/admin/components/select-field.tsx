import type { SelectHTMLAttributes } from 'react'
import { Field } from '@/components/ui/field.tsx'

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & {
  id: string
  label: string
  error?: string | undefined
  options: { value: string; label: string }[]
}

/** A labelled native select with its error above it: the TextField pattern for a choice from a list. */
export function SelectField({ id, label, error, options, className, ...props }: SelectFieldProps) {
  return (
    <Field id={id} label={label} error={error} className={className}>
      {(control) => (
        <select {...control} className="text-field__input admin-select" {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}
