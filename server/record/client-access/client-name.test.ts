import { describe, expect, it } from 'vitest'
import { formalClientName } from './client-name.ts'

describe('formalClientName', () => {
  const jo = { gender: 'female' as const, initials: 'J.P.M.', given_name: 'Jo', name_prefix: 'Van', family_name: 'Putten', partner_prefix: 'van der', partner_name: 'Giessen' }
  it.each([
    [undefined, 'mw. J.P.M. van Putten'],
    ['', 'mw. J.P.M. van Putten'],
    ['NL1', 'mw. J.P.M. van Putten'],
    ['NL2', 'mw. J.P.M. van der Giessen'],
    ['NL3', 'mw. J.P.M. van der Giessen-van Putten'],
    ['NL4', 'mw. J.P.M. van Putten-van der Giessen'],
  ])('naamgebruik %s: %s', (usage, name) => {
    expect(formalClientName({ ...jo, ...(usage === undefined ? {} : { name_usage: usage }) })).toBe(name)
  })

  it('without a partner name, or a known gender, as before', () => {
    expect(formalClientName({ ...jo, partner_name: '', name_usage: 'NL2' })).toBe('mw. J.P.M. van Putten')
    expect(formalClientName({ gender: 'unknown', initials: '', given_name: 'sophie', name_prefix: 'uit de', family_name: 'Jordaan' })).toBe('S. uit de Jordaan')
  })
})
