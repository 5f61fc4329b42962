import { Type, type Static } from 'typebox'

export const LoginRequest = Type.Object(
  {
    loginName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
)
export type LoginRequest = Static<typeof LoginRequest>

export const SecondFactorMethod = Type.Union([Type.Literal('sms'), Type.Literal('totp'), Type.Literal('recovery_code')])

/** The password was right; the second factor is next. */
export const LoginChallenge = Type.Object({
  attemptToken: Type.String(),
  methods: Type.Array(SecondFactorMethod),
  /** The last two digits of the mobile number the SMS goes to, or null without one. */
  phoneEnding: Type.Union([Type.String(), Type.Null()]),
})
export type LoginChallenge = Static<typeof LoginChallenge>

export const AttemptRequest = Type.Object({ attemptToken: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false })

export const SmsCodeSent = Type.Object({
  /** The first four digits of the code, shown so the person knows which SMS belongs to this login. */
  prefix: Type.String({ pattern: '^[0-9]{4}$' }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type SmsCodeSent = Static<typeof SmsCodeSent>

export const VerifyRequest = Type.Object(
  {
    attemptToken: Type.String({ minLength: 1, maxLength: 100 }),
    method: SecondFactorMethod,
    code: Type.String({ minLength: 1, maxLength: 40 }),
  },
  { additionalProperties: false },
)
export type VerifyRequest = Static<typeof VerifyRequest>

export const SessionState = Type.Object({
  account: Type.Object({
    displayName: Type.String(),
    loginName: Type.String(),
    kind: Type.Union([Type.Literal('portal'), Type.Literal('staff')]),
  }),
  /**
   * Staff only (null for portal accounts): the roles held right now, which decide the
   * workspace's menu, and whether this session, started with an SMS code, may only enrol an
   * authenticator app or passkey. The API still checks every request itself.
   */
  staff: Type.Union([
    Type.Object({ caregiver: Type.Boolean(), administrator: Type.Boolean(), secondFactorSetupRequired: Type.Boolean() }),
    Type.Null(),
  ]),
  /** Send in the X-CSRF-Token header with every state-changing request. */
  csrfToken: Type.String(),
  mustAcceptTerms: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  /**
   * Portal accounts only (always false for staff): the way this session came in is no longer
   * enough under the organisation's login policy, so the record stays closed until the person
   * logs in again more strongly (DigiD, or where allowed a passkey or authenticator app).
   */
  stepUpRequired: Type.Boolean(),
  /** Whether the policy accepts a passkey or authenticator app login, so the step-up page may offer that besides DigiD. */
  strongSecondFactorAccepted: Type.Boolean(),
  idleTimeoutSeconds: Type.Integer(),
  idleExpiresAt: Type.String({ format: 'date-time' }),
  expiresAt: Type.String({ format: 'date-time' }),
})
export type SessionState = Static<typeof SessionState>

/** GET /api/session from a browser without a session cookie: nobody is logged in, an ordinary answer. */
export const AnonymousSession = Type.Object({ account: Type.Null() })

/** GET /api/session: the session, or that there is none (a cookie that no longer works still gets 401). */
export const SessionAnswer = Type.Union([SessionState, AnonymousSession])
export type SessionAnswer = Static<typeof SessionAnswer>

export const Done = Type.Object({ status: Type.Literal('ok') })

export const ForgotPasswordRequest = Type.Object({ loginName: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false })

/** Always the same answer, whether or not the account exists. */
export const ForgotPasswordAccepted = Type.Object({ status: Type.Literal('accepted') })

export const PasswordTokenRequest = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }, { additionalProperties: false })

export const PasswordTokenInfo = Type.Object({ loginName: Type.String(), displayName: Type.String(), purpose: Type.Union([Type.Literal('welcome'), Type.Literal('reset')]) })
export type PasswordTokenInfo = Static<typeof PasswordTokenInfo>

export const SetPasswordRequest = Type.Object(
  { token: Type.String({ minLength: 20, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
)

export const ChangePasswordRequest = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1024 }), newPassword: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
)

export const PasswordPolicyInfo = Type.Object({ minLength: Type.Integer(), maxLength: Type.Integer(), requireComposition: Type.Boolean() })

// Passwordless login with a passkey (WebAuthn). The options go to @simplewebauthn/browser's
// startAuthentication({ optionsJSON }); its result is sent back as `credential`.

export const WebAuthnCredentialDescriptor = Type.Object({
  id: Type.String(),
  type: Type.Literal('public-key'),
  transports: Type.Optional(Type.Array(Type.String())),
})

export const Base64UrlString = Type.String({ minLength: 1, maxLength: 32768, pattern: '^[A-Za-z0-9_-]+$' })
/** The browser may report extension results we do not use; they are accepted and ignored. */
export const WebAuthnClientExtensionResults = Type.Object({}, { additionalProperties: true })

export const PasskeyAuthenticationOptions = Type.Object({
  challenge: Type.String(),
  timeout: Type.Optional(Type.Integer()),
  rpId: Type.Optional(Type.String()),
  allowCredentials: Type.Optional(Type.Array(WebAuthnCredentialDescriptor)),
  userVerification: Type.Optional(Type.String()),
  hints: Type.Optional(Type.Array(Type.String())),
})
export type PasskeyAuthenticationOptions = Static<typeof PasskeyAuthenticationOptions>

/** What startAuthentication() returns. */
export const PasskeyAuthenticationCredential = Type.Object(
  {
    id: Base64UrlString,
    rawId: Base64UrlString,
    response: Type.Object(
      {
        clientDataJSON: Base64UrlString,
        authenticatorData: Base64UrlString,
        signature: Base64UrlString,
        userHandle: Type.Optional(Base64UrlString),
      },
      { additionalProperties: false },
    ),
    authenticatorAttachment: Type.Optional(Type.String({ maxLength: 50 })),
    clientExtensionResults: WebAuthnClientExtensionResults,
    type: Type.Literal('public-key'),
  },
  { additionalProperties: false },
)
export type PasskeyAuthenticationCredential = Static<typeof PasskeyAuthenticationCredential>

export const PasskeyAuthenticationOptionsAnswer = Type.Object({ options: PasskeyAuthenticationOptions })
export type PasskeyAuthenticationOptionsAnswer = Static<typeof PasskeyAuthenticationOptionsAnswer>

export const PasskeyLoginRequest = Type.Object({ credential: PasskeyAuthenticationCredential }, { additionalProperties: false })
export type PasskeyLoginRequest = Static<typeof PasskeyLoginRequest>
