import type { InputHTMLAttributes, Ref } from 'react'
import { Field } from './field.tsx'

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
export function TextField({ id, label, type = 'text', error, describedBy, inputRef, className, ...inputProps }: TextFieldProps) {
  return (
    <Field id={id} label={label} error={error} describedBy={describedBy} className={className}>
      {(control) => <input ref={inputRef} {...control} type={type} className="text-field__input" {...inputProps} />}
    </Field>
  )
}
