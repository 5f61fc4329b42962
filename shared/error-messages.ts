/**
 * What a person reads when a request fails, per stable error code, in Dutch (B1) and English.
 * Shared by the server (error responses) and the web app (network failures).
 */
export const ERROR_MESSAGES = {
  bad_request: { nl: 'Dit verzoek klopt niet. Probeer het opnieuw.', en: 'This request is not valid. Please try again.' },
  validation_failed: { nl: 'Niet alle gegevens zijn goed ingevuld.', en: 'Some of the information is not filled in correctly.' },
  unauthenticated: { nl: 'U bent niet (meer) ingelogd. Log opnieuw in.', en: 'You are not logged in (any more). Please log in again.' },
  forbidden: { nl: 'U mag dit niet doen.', en: 'You are not allowed to do this.' },
  not_found: { nl: 'Dit hebben we niet gevonden.', en: 'We could not find this.' },
  conflict: { nl: 'Dit is intussen veranderd. Laad de pagina opnieuw.', en: 'This has changed in the meantime. Please reload the page.' },
  payload_too_large: { nl: 'Dit is te groot om te versturen.', en: 'This is too large to send.' },
  unsupported_media_type: { nl: 'Dit soort gegevens kunnen we niet verwerken.', en: 'We cannot process this kind of data.' },
  rate_limited: { nl: 'Te veel pogingen. Wacht even en probeer het dan opnieuw.', en: 'Too many attempts. Please wait a moment and try again.' },
  internal: { nl: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', en: 'Something went wrong on our side. Please try again later.' },
  not_implemented: { nl: 'Dit onderdeel is nog niet beschikbaar.', en: 'This part is not available yet.' },
  unavailable: { nl: 'Het portaal is even niet bereikbaar. Probeer het later opnieuw.', en: 'The portal is unavailable for a moment. Please try again later.' },
} as const satisfies Record<string, { nl: string; en: string }>

export type Language = 'nl' | 'en'
