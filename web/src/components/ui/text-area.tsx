import type { Ref, TextareaHTMLAttributes } from 'react'
import { Field } from './field.tsx'

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & {
  id: string
  label: string
  error?: string | undefined
  /** Ids of more text that explains the field (a hint, a counter), read out after the error. */
  describedBy?: string | undefined
  textAreaRef?: Ref<HTMLTextAreaElement>
}

/** A labelled multi-line input with its error above it; the same pattern as TextField. */
export function TextArea({ id, label, error, describedBy, textAreaRef, className, ...props }: TextAreaProps) {
  return (
    <Field id={id} label={label} error={error} describedBy={describedBy} className={className}>
      {(control) => <textarea ref={textAreaRef} {...control} className="text-field__input text-field__input--multiline" {...props} />}
    </Field>
  )
}
