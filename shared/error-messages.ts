/**
 * What a person reads when a request fails, per stable error code, in Dutch (B1) and English.
 * Shared by the server (error responses) and the web app (network failures).
 */
export const ERROR_MESSAGES = {
  bad_request: { nl: 'Dit verzoek klopt niet. Probeer het opnieuw.', en: 'This request is not valid. Please try again.' },
  validation_failed: { nl: 'Niet alle gegevens zijn goed ingevuld.', en: 'Some of the information is not filled in correctly.' },
  password_rejected: { nl: 'Dit wachtwoord kunnen we niet gebruiken. Kijk bij de uitleg wat er mist.', en: 'We cannot use this password. See the explanation for what is missing.' },
  invalid_credentials: { nl: 'De gebruikersnaam of het wachtwoord klopt niet.', en: 'The username or password is not correct.' },
  invalid_code: { nl: 'De inlogcode klopt niet of is verlopen.', en: 'The login code is not correct or has expired.' },
  login_expired: { nl: 'Het inloggen duurde te lang. Begin opnieuw.', en: 'Logging in took too long. Please start again.' },
  csrf_failed: { nl: 'Dit verzoek kwam niet van het portaal zelf en is geweigerd. Laad de pagina opnieuw.', en: 'This request did not come from the portal itself and was refused. Please reload the page.' },
  terms_required: { nl: 'U moet eerst akkoord gaan met de gebruikersvoorwaarden.', en: 'You first need to accept the terms of use.' },
  password_change_required: { nl: 'U moet eerst uw wachtwoord wijzigen.', en: 'You first need to change your password.' },
  reauthentication_required: { nl: 'Log voor deze wijziging opnieuw in. Zo weten we zeker dat u het bent.', en: 'Please log in again for this change, so we know it is really you.' },
  wrong_current_password: { nl: 'Uw huidige wachtwoord klopt niet.', en: 'Your current password is not correct.' },
  token_invalid: { nl: 'Deze link werkt niet meer. Vraag een nieuwe link aan via "Wachtwoord vergeten?".', en: 'This link no longer works. Request a new one with "Forgot password?".' },
  no_second_factor: { nl: 'Voor uw account is geen mobiel nummer of andere inlogmethode bekend. Neem contact op met de zorgorganisatie.', en: 'No mobile number or other login method is known for your account. Please contact the care organisation.' },
  wrong_code: { nl: 'Deze code klopt niet. Kijk in uw app en probeer het opnieuw.', en: 'This code is not correct. Check your app and try again.' },
  phone_invalid: { nl: 'Dit is geen goed mobiel nummer. Schrijf het zo: 06 12345678.', en: 'This is not a valid mobile number. Write it like this: 06 12345678.' },
  passkey_registration_failed: { nl: 'Het toevoegen van de passkey is niet gelukt. Probeer het opnieuw.', en: 'Adding the passkey did not work. Please try again.' },
  passkey_not_accepted: { nl: 'Inloggen met deze passkey is niet gelukt. Log in met uw gebruikersnaam en wachtwoord.', en: 'Logging in with this passkey did not work. Please log in with your username and password.' },
  already_enrolled: { nl: 'U heeft al een authenticator-app ingesteld. Verwijder die eerst.', en: 'You already set up an authenticator app. Remove it first.' },
  enrolment_expired: { nl: 'Het instellen duurde te lang. Begin opnieuw.', en: 'Setting up took too long. Please start again.' },
  message_empty: { nl: 'Uw bericht is leeg. Schrijf eerst iets.', en: 'Your message is empty. Please write something first.' },
  message_too_long: { nl: 'Uw bericht is te lang. Een bericht heeft hoogstens 4000 tekens.', en: 'Your message is too long. A message has at most 4000 characters.' },
  appointment_times_invalid: { nl: 'De eindtijd moet later zijn dan de begintijd.', en: 'The end time must be later than the start time.' },
  appointment_date_out_of_range: { nl: 'Kies een datum vanaf vandaag en binnen twee jaar.', en: 'Choose a date from today and within two years.' },
  not_a_pdf: { nl: 'Dit bestand is geen PDF. Kies een PDF-bestand.', en: 'This file is not a PDF. Please choose a PDF file.' },
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
