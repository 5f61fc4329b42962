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

/** One person the client gave access to, or invited: the granter's overview. */
export const Grant = Type.Object({
  /** The invitation's id; it names the grant in every later request. */
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  email: Type.String(),
  relation: GrantRelation,
  permissions: Permissions,
  endsOn: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  /** invited: not yet accepted; active: has access; expired: the link ran out unused; ended: access ended or invitation withdrawn. */
  status: Type.Union([Type.Literal('invited'), Type.Literal('active'), Type.Literal('expired'), Type.Literal('ended')]),
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

export const InvitationAccepted = Type.Object({ clientId: Type.String({ format: 'uuid' }) })
export const InvitationRegistered = Type.Object({ loginName: Type.String() })

/** Beheer: whether clients (and legal representatives) may give access themselves; on by default. */
export const ClientGrantsSetting = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false })
export type ClientGrantsSetting = Static<typeof ClientGrantsSetting>
