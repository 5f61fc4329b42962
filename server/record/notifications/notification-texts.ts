import type { NotificationKind } from '../../../shared/schemas/notifications.ts'

/**
 * What each notice says: only that something is new, never what (no names, no record content).
 * Dutch, language level B1: the person reads it before logging in.
 */
export const NOTICE_TEXTS: Record<NotificationKind, { subject: string; line: string; digestLabel: (count: number) => string }> = {
  message: {
    subject: 'Nieuw bericht in het cliëntportaal',
    line: 'Er staat een nieuw bericht voor u klaar in het cliëntportaal.',
    digestLabel: (n) => (n === 1 ? '1 nieuw bericht' : `${n} nieuwe berichten`),
  },
  report: {
    subject: 'Nieuwe rapportage in het cliëntportaal',
    line: 'Er staat een nieuwe rapportage voor u klaar in het cliëntportaal.',
    digestLabel: (n) => (n === 1 ? '1 nieuwe rapportage' : `${n} nieuwe rapportages`),
  },
  appointment: {
    subject: 'Afspraak in het cliëntportaal',
    line: 'Er is een afspraak toegevoegd, gewijzigd of afgezegd in het cliëntportaal.',
    digestLabel: (n) => (n === 1 ? '1 wijziging in de afspraken' : `${n} wijzigingen in de afspraken`),
  },
  care_plan_print: {
    subject: 'Nieuw zorgplan in het cliëntportaal',
    line: 'Er staat een nieuwe afdruk van het zorgplan voor u klaar in het cliëntportaal.',
    digestLabel: (n) => (n === 1 ? '1 nieuwe afdruk van het zorgplan' : `${n} nieuwe afdrukken van het zorgplan`),
  },
  access_change: {
    subject: 'Wijziging in wie mag meekijken',
    line: 'Er is iets veranderd in wie het dossier in het cliëntportaal mag bekijken.',
    digestLabel: (n) => (n === 1 ? '1 wijziging in wie mag meekijken' : `${n} wijzigingen in wie mag meekijken`),
  },
  record_read: {
    subject: 'Iemand heeft het dossier bekeken',
    line: 'Iemand anders heeft het dossier bekeken in het cliëntportaal. Onder "Wie heeft het dossier bekeken" ziet u wie.',
    digestLabel: (n) => (n === 1 ? '1 keer heeft iemand het dossier bekeken' : `${n} keer heeft iemand het dossier bekeken`),
  },
}

export const DIGEST_SUBJECT = 'Uw overzicht van vandaag uit het cliëntportaal'
