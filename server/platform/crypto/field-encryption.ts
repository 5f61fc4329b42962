import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

/**
 * Encryption at rest for the few fields that must never be readable from a database dump
 * (BSN, bank account). AES-256-GCM with a random 96-bit nonce; the stored value is
 * version byte | nonce | tag | ciphertext. A separate key derived by HKDF makes the
 * lookup hash (HMAC-SHA-256), so a client can be found by BSN without decrypting.
 */
export interface FieldCipher {
  encrypt: (plaintext: string) => Buffer
  decrypt: (stored: Buffer) => string
  lookupHash: (plaintext: string) => Buffer
}

const VERSION = 1

/** `masterKey` is 32 bytes (DATA_ENCRYPTION_KEY, base64). */
export function createFieldCipher(masterKey: Buffer): FieldCipher {
  if (masterKey.length !== 32) throw new Error('The data encryption key must be 32 bytes.')
  const encryptionKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'field-encryption/v1', 32))
  const lookupKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'lookup-hash/v1', 32))

  return {
    encrypt(plaintext) {
      const nonce = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, nonce)
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
      return Buffer.concat([Buffer.from([VERSION]), nonce, cipher.getAuthTag(), ciphertext])
    },
    decrypt(stored) {
      if (stored[0] !== VERSION) throw new Error('Unknown field encryption version.')
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, stored.subarray(1, 13))
      decipher.setAuthTag(stored.subarray(13, 29))
      return Buffer.concat([decipher.update(stored.subarray(29)), decipher.final()]).toString('utf8')
    },
    lookupHash(plaintext) {
      return createHmac('sha256', lookupKey).update(plaintext, 'utf8').digest()
    },
  }
}
