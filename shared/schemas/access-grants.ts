import { Type, type Static } from 'typebox'
import { Permissions } from './admin-accounts.ts'

/**
 * "Iemand toegang geven": a client able to decide, or their legal representative, invites a
 * relative. Only contact relations can be granted: a grantee never becomes 'self' or a legal
 * representative, so a grantee can never grant further.
 */
export const GrantRelation = Type.Union([Type.Literal('first_contact'), Type.Literal('second_contact'), Type.Literal('informal_carer')])
export type GrantRelation = Static<typeof GrantRelation>

export const NewInvitationRequest = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.String({ minLength: 3, maxLength: 254 }),
    mobile: Type.String({ minLength: 6, maxLength: 30 }),
    relation: GrantRelation,
    permissions: Permissions,
    /** The last day of access, 'YYYY-MM-DD'; none: until ended. */
    endsOn: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
)
export type NewInvitationRequest = Static<typeof NewInvitationRequest>

const DateTime = Type.String({ format: 'date-time' })

export const GrantStatus = Type.Union([
  Type.Literal('invited'), Type.Literal('awaiting_approval'), Type.Literal('active'), Type.Literal('expired'), Type.Literal('refused'), Type.Literal('ended'),
])
export type GrantStatus = Static<typeof GrantStatus>

/** One person the client gave access to, or invited: the granter's overview. */
export const Grant = Type.Object({
  /** The invitation's id; it names the grant in every later request. */
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  relation: GrantRelation,
  permissions: Permissions,
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  /**
   * invited: not yet accepted; awaiting_approval: accepted, waiting for an administrator (the
   * organisation's approval rule), no access yet; active: has access; expired: the link ran out
   * unused; refused: an administrator did not approve; ended: access ended or invitation withdrawn.
   */
  status: GrantStatus,
  grantedByName: Type.String(),
  invitedAt: DateTime,
  activatedAt: Type.Union([DateTime, Type.Null()]),
  endedAt: Type.Union([DateTime, Type.Null()]),
})
export type Grant = Static<typeof Grant>

export const GrantList = Type.Object({
  /** Whether this person may give access to this client (and the organisation allows it). */
  mayGrant: Type.Boolean(),
  /** The sections the granter has themself: the most a grant can give. */
  grantable: Permissions,
  grants: Type.Array(Grant),
})
export type GrantList = Static<typeof GrantList>

export const GrantParams = Type.Object({ clientId: Type.String({ maxLength: 64 }), grantId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const GrantPermissionsRequest = Type.Object({ permissions: Permissions }, { additionalProperties: false })

/** The token travels in the body, never in a URL (the e-mail's link carries it after '#'). */
export const InvitationTokenRequest = Type.Object({ token: Type.String({ minLength: 20, maxLength: 100, pattern: '^[A-Za-z0-9_-]+$' }) }, { additionalProperties: false })

export const InvitationRegisterRequest = Type.Object(
  { token: InvitationTokenRequest.properties.token, loginName: Type.String({ minLength: 3, maxLength: 64 }) },
  { additionalProperties: false },
)

/** What the invited person sees before accepting: who invited them, for which sections. */
export const InvitationInfo = Type.Object({
  inviteeName: Type.String(),
  grantedByName: Type.String(),
  permissions: Permissions,
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  expiresAt: DateTime,
})
export type InvitationInfo = Static<typeof InvitationInfo>

/** awaitingApproval: the organisation wants an administrator's approval first; no access until then. */
export const InvitationAccepted = Type.Object({ clientId: Type.String({ format: 'uuid' }), awaitingApproval: Type.Boolean() })
export const InvitationRegistered = Type.Object({ loginName: Type.String(), awaitingApproval: Type.Boolean() })

/**
 * Beheer: whether clients (and legal representatives) may give access themselves (on by
 * default), and whether an accepted invitation waits for an administrator's approval before it
 * gives access (off by default).
 */
export const ClientGrantsSetting = Type.Object({ enabled: Type.Boolean(), approvalRequired: Type.Boolean() }, { additionalProperties: false })
export type ClientGrantsSetting = Static<typeof ClientGrantsSetting>

/** Beheer's organisation-wide list: one grant with the client it is about. */
export const AdminGrant = Type.Object({
  ...Grant.properties,
  clientId: Type.String({ format: 'uuid' }),
  clientName: Type.String(),
  clientNumber: Type.String(),
  /** When the invited person accepted (the start of an approval wait). */
  acceptedAt: Type.Union([DateTime, Type.Null()]),
})
export type AdminGrant = Static<typeof AdminGrant>

export const AdminGrantQuery = Type.Object(
  {
    /** open: waiting for approval, invited or active (the default); all: also ended, refused and expired. */
    show: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('all')])),
  },
  { additionalProperties: false },
)

export const AdminGrantList = Type.Object({
  items: Type.Array(AdminGrant),
  /** More grants matched than the list shows (the newest are shown). */
  truncated: Type.Boolean(),
})
export type AdminGrantList = Static<typeof AdminGrantList>

export const AdminGrantParams = Type.Object({ grantId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
