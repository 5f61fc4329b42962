import { Type, type Static } from 'typebox'

/**
 * Which ways in are enough to read the record (Beheer → Beveiliging): DigiD only; DigiD or a
 * strong second factor (passkey, authenticator app; the default); or SMS as well (legacy).
 */
export const LoginPolicy = Type.Union([Type.Literal('digid_only'), Type.Literal('digid_or_strong'), Type.Literal('with_sms')])
export type LoginPolicy = Static<typeof LoginPolicy>

export const LoginPolicySettings = Type.Object({ loginPolicy: LoginPolicy, digidEnabled: Type.Boolean() })
export type LoginPolicySettings = Static<typeof LoginPolicySettings>

export const LoginPolicyRequest = Type.Object({ loginPolicy: LoginPolicy }, { additionalProperties: false })
export type LoginPolicyRequest = Static<typeof LoginPolicyRequest>
