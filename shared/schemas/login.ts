import { Type, type Static } from 'typebox'

export const LoginRequest = Type.Object(
  {
    loginName: Type.String({ minLength: 1, maxLength: 200 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
)
export type LoginRequest = Static<typeof LoginRequest>
