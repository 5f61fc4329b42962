import { describe, expect, it } from 'vitest'
import { checkPassword } from './password-policy.ts'

const policy = { minLength: 12, requireComposition: false }
const person = { loginName: 'j.jansen', names: ['Jannie Jansen'] }

describe('password policy', () => {
  it('accepts a 64-character passphrase with spaces, without composition rules', () => {
    const passphrase = 'de oude molen aan de rivier draait weer sinds vorige zomer, mooi'
    expect([...passphrase].length).toBe(64)
    expect(checkPassword(passphrase, policy, person)).toEqual([])
  })

  it('refuses a password shorter than the minimum', () => {
    expect(checkPassword('kort maar', policy, person)).toContain('too_short')
  })

  it('refuses common and easily guessed passwords, also when long enough', () => {
    expect(checkPassword('password1234', policy, person)).toContain('too_common')
    expect(checkPassword('wachtwoord12', policy, person)).toContain('too_common')
    expect(checkPassword('123456789012', policy, person)).toContain('too_common')
    expect(checkPassword('qwertyuiopas', policy, person)).toContain('too_common')
  })

  it('refuses a password containing the login name or the person’s name', () => {
    expect(checkPassword('mijn j.jansen wachtwoord', policy, person)).toContain('contains_name')
    expect(checkPassword('Jansen houdt van fietsen', policy, person)).toContain('contains_name')
  })

  it('refuses more than 128 characters', () => {
    expect(checkPassword('a'.repeat(129), policy, person)).toContain('too_long')
  })

  it('applies the composition rule only when the organisation switched it on', () => {
    const phrase = 'fietsen langs de grachten'
    expect(checkPassword(phrase, policy, person)).toEqual([])
    expect(checkPassword(phrase, { ...policy, requireComposition: true }, person)).toEqual(['needs_composition'])
    expect(checkPassword('Fietsen langs de grachten!', { ...policy, requireComposition: true }, person)).toEqual([])
  })
})
