import { type PublicKeyCredentialCreationOptionsJSON, startRegistration } from '@simplewebauthn/browser'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { PROFILE_KEY } from '../api/get-profile.ts'
import { getPasskeyRegistrationOptions } from '../api/get-passkey-registration-options.ts'
import { registerPasskey } from '../api/register-passkey.ts'

/**
 * "Passkey toevoegen": the server's challenge, then the device (fingerprint, face or PIN),
 * then the new passkey back to the server under the chosen name.
 */
export async function addPasskey(name: string) {
  const { options } = await getPasskeyRegistrationOptions()
  // The shared schema types the WebAuthn enums as plain strings; the values come from
  // @simplewebauthn/server, which makes exactly what startRegistration expects.
  const credential = await startRegistration({ optionsJSON: options as PublicKeyCredentialCreationOptionsJSON })
  return registerPasskey({ name, credential })
}

export function useAddPasskey() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: addPasskey,
    onSuccess: (profile) => queryClient.setQueryData(PROFILE_KEY, profile),
  })
}
