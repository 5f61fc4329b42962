import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { getPasskeyLoginOptions } from '../api/get-passkey-login-options.ts'
import { verifyPasskeyLogin } from '../api/verify-passkey-login.ts'

/** Logging in without password or code: the device asks for a fingerprint, face or PIN. */
export async function logInWithPasskey(): Promise<void> {
  // The WebAuthn helper comes when someone uses a passkey, not with every login page.
  const [{ options }, { startAuthentication }] = await Promise.all([getPasskeyLoginOptions(), import('@simplewebauthn/browser')])
  const credential = await startAuthentication({ optionsJSON: options as PublicKeyCredentialRequestOptionsJSON })
  await verifyPasskeyLogin({ credential })
}

/** After success every query is stale: the session, and everything that depends on who is logged in. */
export function usePasskeyLogin() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: logInWithPasskey,
    onSuccess: () => queryClient.invalidateQueries(),
  })
}
