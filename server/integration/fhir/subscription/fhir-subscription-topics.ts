/**
 * The events the portal tells the ECD about (R4 Subscriptions Backport topics): what is made or
 * changed in the portal itself, which the ECD would otherwise have to poll for. Writes by the
 * ECD through the API are not announced back to it.
 */
export const SUBSCRIPTION_TOPICS = {
  'portal-message': { focus: 'Communication', title: 'A message written in the portal (by a client, a relative or a caregiver)' },
  'portal-appointment': { focus: 'Appointment', title: 'An appointment made, changed or cancelled in the portal' },
} as const

export type SubscriptionTopicKey = keyof typeof SUBSCRIPTION_TOPICS

export const BACKPORT = 'http://hl7.org/fhir/uv/subscriptions-backport/StructureDefinition'

/** The topic's canonical URL under the portal's address: what a Subscription names as its `criteria`. */
export function topicUrl(key: SubscriptionTopicKey, baseUrl: URL): string {
  return new URL(`/fhir/SubscriptionTopic/${key}`, baseUrl).href
}

/** The topic a canonical URL names, if it is one of this portal's. */
export function topicOfUrl(url: string, baseUrl: URL): SubscriptionTopicKey | undefined {
  return (Object.keys(SUBSCRIPTION_TOPICS) as SubscriptionTopicKey[]).find((key) => topicUrl(key, baseUrl) === url)
}
