import { Type, type Static } from 'typebox'
import { Base64UrlString, WebAuthnClientExtensionResults, WebAuthnCredentialDescriptor } from './auth.ts'

/**
 * "Mijn profiel": the person's own account, second factors and sessions.
 * Changes of phone number or a second factor need a recent login (see `recentLoginUntil`);
 * without one the server answers 403 `reauthentication_required` and the web app asks for
 * the password again (POST /api/session/reauthenticate).
 */

export const PasskeySummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  /** Chosen by the person, e.g. "Telefoon" or "Laptop". */
  name: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type PasskeySummary = Static<typeof PasskeySummary>

export const PasskeyList = Type.Object({ passkeys: Type.Array(PasskeySummary) })
export type PasskeyList = Static<typeof PasskeyList>

export const SecondFactors = Type.Object({
  /** True when a mobile number is known: SMS codes can be sent. */
  sms: Type.Boolean(),
  totp: Type.Boolean(),
  passkeys: Type.Array(PasskeySummary),
  recoveryCodesLeft: Type.Integer({ minimum: 0 }),
})
export type SecondFactors = Static<typeof SecondFactors>

export const Profile = Type.Object({
  displayName: Type.String(),
  loginName: Type.String(),
  email: Type.String(),
  /** International format, "+31612345678", or null when none is known. */
  mobilePhone: Type.Union([Type.String(), Type.Null()]),
  /** Until when changes of phone number, password or a second factor need no fresh password. */
  recentLoginUntil: Type.String({ format: 'date-time' }),
  secondFactors: SecondFactors,
})
export type Profile = Static<typeof Profile>

export const ActiveSessionSummary = Type.Object({
  createdAt: Type.String({ format: 'date-time' }),
  lastSeenAt: Type.String({ format: 'date-time' }),
  /** Short description from the user agent, e.g. "Firefox op Windows"; "Onbekend apparaat" when unclear. */
  device: Type.String(),
  /** The session this request comes from. */
  current: Type.Boolean(),
  /** How it logged in: digid, sms, totp, passkey or oidc (staff single sign-on). */
  wayIn: Type.String(),
  /** Its eIDAS assurance level: substantial or high for DigiD, low otherwise. */
  assurance: Type.Union([Type.Literal('low'), Type.Literal('substantial'), Type.Literal('high')]),
})
export type ActiveSessionSummary = Static<typeof ActiveSessionSummary>

export const SessionList = Type.Object({ sessions: Type.Array(ActiveSessionSummary) })
export type SessionList = Static<typeof SessionList>

export const EndedSessions = Type.Object({ ended: Type.Integer({ minimum: 0 }) })
export type EndedSessions = Static<typeof EndedSessions>

export const ChangeMobilePhoneRequest = Type.Object(
  /** Dutch ("06 1234 5678") or international ("+31 6 1234 5678"); stored as +31612345678. */
  { mobilePhone: Type.String({ minLength: 6, maxLength: 30 }) },
  { additionalProperties: false },
)
export type ChangeMobilePhoneRequest = Static<typeof ChangeMobilePhoneRequest>

export const ReauthenticateRequest = Type.Object({ password: Type.String({ minLength: 1, maxLength: 1024 }) }, { additionalProperties: false })
export type ReauthenticateRequest = Static<typeof ReauthenticateRequest>

export const Reauthenticated = Type.Object({
  status: Type.Literal('ok'),
  recentLoginUntil: Type.String({ format: 'date-time' }),
})
export type Reauthenticated = Static<typeof Reauthenticated>

/** Everything the person needs to add the account to an authenticator app. */
export const TotpEnrolment = Type.Object({
  /** `data:image/svg+xml;base64,...`, for an <img> (CSP allows data: images). */
  qrCodeDataUrl: Type.String(),
  /** The otpauth:// URI in the QR code, for a link on a phone ("Open in app"). */
  otpauthUri: Type.String(),
  /** The secret in base32, in groups of four for typing: ["JBSW", "Y3DP", ...]. */
  secretGroups: Type.Array(Type.String()),
  issuer: Type.String(),
  accountName: Type.String(),
  digits: Type.Integer(),
  periodSeconds: Type.Integer(),
  /** Confirm with a first code before this moment, or start again. */
  expiresAt: Type.String({ format: 'date-time' }),
})
export type TotpEnrolment = Static<typeof TotpEnrolment>

export const ConfirmTotpRequest = Type.Object({ code: Type.String({ minLength: 6, maxLength: 20 }) }, { additionalProperties: false })
export type ConfirmTotpRequest = Static<typeof ConfirmTotpRequest>

/** Shown once; the server keeps only hashes. Format "K7QM-3XPA-9RWD". */
export const RecoveryCodes = Type.Object({ codes: Type.Array(Type.String()) })
export type RecoveryCodes = Static<typeof RecoveryCodes>

// WebAuthn options as @simplewebauthn/server makes them; pass `options` to
// @simplewebauthn/browser's startRegistration({ optionsJSON }) / startAuthentication({ optionsJSON }).

export const PasskeyRegistrationOptions = Type.Object({
  rp: Type.Object({ name: Type.String(), id: Type.Optional(Type.String()) }),
  user: Type.Object({ id: Type.String(), name: Type.String(), displayName: Type.String() }),
  challenge: Type.String(),
  pubKeyCredParams: Type.Array(Type.Object({ alg: Type.Integer(), type: Type.Literal('public-key') })),
  timeout: Type.Optional(Type.Integer()),
  excludeCredentials: Type.Optional(Type.Array(WebAuthnCredentialDescriptor)),
  authenticatorSelection: Type.Optional(
    Type.Object({
      authenticatorAttachment: Type.Optional(Type.String()),
      residentKey: Type.Optional(Type.String()),
      requireResidentKey: Type.Optional(Type.Boolean()),
      userVerification: Type.Optional(Type.String()),
    }),
  ),
  hints: Type.Optional(Type.Array(Type.String())),
  attestation: Type.Optional(Type.String()),
  extensions: Type.Optional(Type.Object({ credProps: Type.Optional(Type.Boolean()) })),
})
export type PasskeyRegistrationOptions = Static<typeof PasskeyRegistrationOptions>

/** What startRegistration() returns. */
export const PasskeyRegistrationCredential = Type.Object(
  {
    id: Base64UrlString,
    rawId: Base64UrlString,
    response: Type.Object(
      {
        clientDataJSON: Base64UrlString,
        attestationObject: Base64UrlString,
        authenticatorData: Type.Optional(Base64UrlString),
        transports: Type.Optional(Type.Array(Type.String({ maxLength: 50 }), { maxItems: 10 })),
        publicKeyAlgorithm: Type.Optional(Type.Integer()),
        publicKey: Type.Optional(Base64UrlString),
      },
      { additionalProperties: false },
    ),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 50 })),
    clientExtensionResults: WebAuthnClientExtensionResults,
    type: Type.Literal('public-key'),
  },
  { additionalProperties: false },
)
export type PasskeyRegistrationCredential = Static<typeof PasskeyRegistrationCredential>

export const RegisterPasskeyRequest = Type.Object(
  {
    /** "Telefoon", "Laptop": helps the person tell their passkeys apart. */
    name: Type.String({ minLength: 1, maxLength: 60 }),
    credential: PasskeyRegistrationCredential,
  },
  { additionalProperties: false },
)
export type RegisterPasskeyRequest = Static<typeof RegisterPasskeyRequest>

export const PasskeyRegistrationOptionsAnswer = Type.Object({ options: PasskeyRegistrationOptions })
export type PasskeyRegistrationOptionsAnswer = Static<typeof PasskeyRegistrationOptionsAnswer>

