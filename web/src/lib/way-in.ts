import type { useT } from '@/i18n/use-t.ts'

/**
 * A way in as the person knows it: "DigiD (niveau Substantieel)", "wachtwoord en SMS-code", ...
 * Shown in "Waar bent u ingelogd?" and "Wie heeft mijn dossier ingezien?".
 */
export function wayInLabel(t: ReturnType<typeof useT>, wayIn: string, assurance: string | null): string {
  switch (wayIn) {
    case 'digid':
      return t(assurance === 'high' ? 'wayIn.digidHigh' : 'wayIn.digid')
    case 'sms':
      return t('wayIn.sms')
    case 'totp':
      return t('wayIn.totp')
    case 'passkey':
      return t('wayIn.passkey')
    case 'oidc':
      return t('wayIn.oidc')
    default:
      return t('wayIn.other')
  }
}
