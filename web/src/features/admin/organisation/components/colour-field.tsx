import { contrastRatio, hasReadableText, textColorOn, WHITE } from '@shared/contrast.ts'
import { TextField } from '@/components/ui/text-field.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'

const HEX = /^#[0-9a-fA-F]{6}$/

/** Whether the colour is a usable #rrggbb and text on it reads at WCAG AA: the server's own rule (shared/contrast.ts). */
export function colourProblem(value: string): 'invalid' | 'contrast' | null {
  if (!HEX.test(value)) return 'invalid'
  return hasReadableText(value) ? null : 'contrast'
}

/**
 * A brand colour: the browser's colour picker and the colour code side by side, with live
 * feedback on how readable text on it is (the ratio in words, not only a colour).
 */
export function ColourField({ id, label, value, onChange, showError }: { id: string; label: string; value: string; onChange: (value: string) => void; showError: boolean }) {
  const t = useT()
  const [language] = useLanguage()
  const valid = HEX.test(value)
  const problem = colourProblem(value)
  const ratio = valid ? contrastRatio(textColorOn(value), value) : 0
  const ratioText = new Intl.NumberFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(Math.floor(ratio * 10) / 10)
  const feedback = !valid
    ? null
    : problem === 'contrast'
      ? t('admin.organisation.contrastLow', { ratio: ratioText })
      : t('admin.organisation.contrastOk', { ratio: ratioText, text: textColorOn(value) === WHITE ? t('admin.organisation.textWhite') : t('admin.organisation.textBlack') })
  const error = showError && problem ? (problem === 'invalid' ? t('admin.organisation.colorInvalid') : t('admin.organisation.contrastLow', { ratio: ratioText })) : undefined

  return (
    <div className="admin-colour">
      <div className="text-field">
        <label className="text-field__label" htmlFor={`${id}-kiezer`}>
          {label}
        </label>
        <input id={`${id}-kiezer`} type="color" className="admin-colour__swatch" value={valid ? value.toLowerCase() : '#000000'} onChange={(event) => onChange(event.target.value)} />
      </div>
      <TextField
        id={id}
        label={t('admin.organisation.colorCode', { label })}
        value={value}
        maxLength={7}
        spellCheck={false}
        autoComplete="off"
        error={error}
        describedBy={`${id}-contrast`}
        onChange={(event) => onChange(event.target.value.trim())}
      />
      <p id={`${id}-contrast`} role="status" className={`admin-colour__feedback ${problem === 'contrast' ? 'admin-colour__feedback--low' : ''}`}>
        {error ? '' : feedback}
      </p>
    </div>
  )
}
