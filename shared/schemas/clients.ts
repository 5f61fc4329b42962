import { Type, type Static } from 'typebox'

/** Every portal route of a client's record: `/api/clients/:clientId/...`; never a BSN in a URL. */
export const ClientIdParams = Type.Object({ clientId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })
export type ClientIdParams = Static<typeof ClientIdParams>

export const Section = Type.Union([
  Type.Literal('reports'),
  Type.Literal('care_plan'),
  Type.Literal('appointments'),
  Type.Literal('messages'),
  Type.Literal('profile'),
  Type.Literal('subscriptions'),
])
export type Section = Static<typeof Section>

export const LinkRelation = Type.Union([
  Type.Literal('self'),
  Type.Literal('legal_representative'),
  Type.Literal('first_contact'),
  Type.Literal('second_contact'),
  Type.Literal('informal_carer'),
])
export type LinkRelation = Static<typeof LinkRelation>

/** One client the logged-in account may see, through one active link. */
export const LinkedClient = Type.Object({
  clientId: Type.String({ format: 'uuid' }),
  /** The Dutch way: "mw. S. uit de Jordaan". */
  name: Type.String(),
  relation: LinkRelation,
  /** The sections this link may open; the home screen shows a card for each. */
  sections: Type.Array(Section),
})
export type LinkedClient = Static<typeof LinkedClient>

/** One client: go straight there; several: let the person choose. */
export const LinkedClientList = Type.Object({ items: Type.Array(LinkedClient) })
export type LinkedClientList = Static<typeof LinkedClientList>
