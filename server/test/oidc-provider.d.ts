// oidc-provider ships no types (and @types/oidc-provider is not installed): only what the SSO and DigiD tests use.
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface TestAccount {
    accountId: string
    claims: () => Promise<Record<string, unknown>> | Record<string, unknown>
  }

  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown>)
    callback(): (request: IncomingMessage, response: ServerResponse) => void
    interactionDetails(request: IncomingMessage, response: ServerResponse): Promise<{ uid: string; prompt: { name: string } }>
    interactionFinished(request: IncomingMessage, response: ServerResponse, result: Record<string, unknown>, options?: { mergeWithLastSubmission?: boolean }): Promise<void>
    Grant: new (properties: { clientId: string; accountId: string }) => { addOIDCScope: (scope: string) => void; save: () => Promise<string> }
  }
}
