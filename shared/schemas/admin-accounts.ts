import { Type, type Static } from 'typebox'
import { Uuid } from './common.ts'
import { LinkRelation } from './clients.ts'

/** Administrator routes for portal accounts, their links and consents (`/api/admin/...`). */

export const AccountIdParams = Type.Object({ accountId: Uuid }, { additionalProperties: false })
export const LinkIdParams = Type.Object({ linkId: Uuid }, { additionalProperties: false })
export const ConsentIdParams = Type.Object({ consentId: Uuid }, { additionalProperties: false })

export const ListQuery = Type.Object(
  {
    search: Type.Optional(Type.String({ maxLength: 100 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000, default: 0 })),
  },
  { additionalProperties: false },
)
export type ListQuery = Static<typeof ListQuery>

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])
const DateTime = Type.String({ format: 'date-time' })

export const AccountSummary = Type.Object({
  id: Uuid,
  kind: Type.Union([Type.Literal('portal'), Type.Literal('staff')]),
  loginName: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  mobilePhone: Nullable(Type.String()),
  hasPassword: Type.Boolean(),
  blockedAt: Nullable(DateTime),
  endedAt: Nullable(DateTime),
  activeLinkCount: Type.Integer(),
  createdAt: DateTime,
})
export type AccountSummary = Static<typeof AccountSummary>

export const AccountList = Type.Object({ items: Type.Array(AccountSummary), total: Type.Integer() })
export type AccountList = Static<typeof AccountList>

/** The paper registration form, typed in by an administrator. */
export const NewPortalAccountRequest = Type.Object(
  {
    loginName: Type.String({ minLength: 3, maxLength: 64 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    mobilePhone: Type.String({ minLength: 6, maxLength: 30 }),
    /** true: no e-mail, a temporary password is shown once instead. */
    temporaryPassword: Type.Optional(Type.Boolean()),
    /** The person's own BSN from the form, for "Inloggen met DigiD" (stored encrypted, never shown again). */
    bsn: Type.Optional(Type.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
)
export type NewPortalAccountRequest = Static<typeof NewPortalAccountRequest>

export const CreatedAccount = Type.Object({
  id: Uuid,
  loginName: Type.String(),
  /** Only when asked for: shown once, never stored in plain text. */
  temporaryPassword: Type.Optional(Type.String()),
})
export type CreatedAccount = Static<typeof CreatedAccount>

export const TemporaryPassword = Type.Object({ temporaryPassword: Type.String() })

export const Permissions = Type.Object(
  {
    reports: Type.Boolean(),
    carePlan: Type.Boolean(),
    appointments: Type.Boolean(),
    messages: Type.Boolean(),
    profile: Type.Boolean(),
    subscriptions: Type.Boolean(),
  },
  { additionalProperties: false },
)
export type Permissions = Static<typeof Permissions>

export const ConsentGiver = Type.Union([Type.Literal('client'), Type.Literal('legal_representative')])

export const ConsentSummary = Type.Object({
  id: Uuid,
  givenBy: ConsentGiver,
  givenByName: Type.String(),
  givenOn: Type.String({ format: 'date' }),
  scope: Type.String(),
  hasForm: Type.Boolean(),
  withdrawnAt: Nullable(DateTime),
})

export const LinkSummary = Type.Object({
  id: Uuid,
  accountId: Uuid,
  clientId: Uuid,
  clientName: Type.String(),
  clientNumber: Type.String(),
  relation: LinkRelation,
  permissions: Permissions,
  activatedAt: DateTime,
  endedAt: Nullable(DateTime),
  endReason: Nullable(Type.String()),
  consent: ConsentSummary,
})
export type LinkSummary = Static<typeof LinkSummary>

export const AccountDetail = Type.Object({
  account: AccountSummary,
  secondFactors: Type.Object({ totp: Type.Boolean(), passkeys: Type.Integer(), recoveryCodes: Type.Integer() }),
  links: Type.Array(LinkSummary),
})
export type AccountDetail = Static<typeof AccountDetail>

/** A scanned consent form may be large; the base64 text is a third larger still. */
export const CONSENT_FORM_MAX_BYTES = 10 * 1024 * 1024

export const NewLinkRequest = Type.Object(
  {
    clientId: Uuid,
    relation: LinkRelation,
    permissions: Permissions,
    consent: Type.Object(
      {
        givenBy: ConsentGiver,
        givenByName: Type.String({ minLength: 1, maxLength: 200 }),
        givenOn: Type.String({ format: 'date' }),
        scope: Type.String({ minLength: 1, maxLength: 1000 }),
        /** The scanned toestemmingsformulier, a PDF, base64-encoded. */
        formPdfBase64: Type.String({ minLength: 4, maxLength: Math.ceil(CONSENT_FORM_MAX_BYTES / 3) * 4 + 4, pattern: '^[A-Za-z0-9+/]+={0,2}$' }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
export type NewLinkRequest = Static<typeof NewLinkRequest>

export const EndLinkRequest = Type.Object(
  { reason: Type.Union([Type.Literal('consent_withdrawn'), Type.Literal('no_longer_needed')]) },
  { additionalProperties: false },
)
export type EndLinkRequest = Static<typeof EndLinkRequest>

export const PermissionsRequest = Type.Object({ permissions: Permissions }, { additionalProperties: false })

export const ClientSearchQuery = Type.Object({ search: Type.String({ minLength: 2, maxLength: 100 }) }, { additionalProperties: false })

/** Enough to pick the right client when linking; no care content. */
export const ClientChoice = Type.Object({
  id: Uuid,
  name: Type.String(),
  clientNumber: Type.String(),
  dateOfBirth: Type.String({ format: 'date' }),
  legalCapacity: Type.Union([Type.Literal('wilsbekwaam'), Type.Literal('wilsonbekwaam'), Type.Literal('onbekend')]),
})
export const ClientChoiceList = Type.Object({ items: Type.Array(ClientChoice) })
export type ClientChoice = Static<typeof ClientChoice>
