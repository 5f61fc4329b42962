import { Button } from '@/components/ui/button.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'

/**
 * One button that switches to the other language, labelled in that language
 * ("English" / "Nederlands") with its own lang, so a screen reader pronounces it right.
 */
export function LanguageSwitch() {
  const t = useT()
  const [language, setLanguage] = useLanguage()
  const other = language === 'nl' ? 'en' : 'nl'
  return (
    <Button variant="header" lang={other} onClick={() => setLanguage(other)}>
      {t('language.switch')}
    </Button>
  )
}
