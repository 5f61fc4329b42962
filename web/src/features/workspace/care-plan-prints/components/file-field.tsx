import type { Ref } from 'react'
import { Field } from '@/components/ui/field.tsx'

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
  const hintId = `${id}-uitleg`
  return (
    <Field id={id} label={label} error={error} describedBy={hintId} hint={<p id={hintId} className="workspace-form__hint">{hint}</p>}>
      {(control) => (
        <input
          ref={inputRef}
          {...control}
          type="file"
          accept="application/pdf,.pdf"
          className="workspace-file"
          required={required}
          onChange={(event) => onChange(event.target.files?.[0] ?? null)}
        />
      )}
    </Field>
  )
}
