import { describe, expect, it } from 'vitest'
import { contrastRatio, hasReadableText, textColorOn } from './contrast.ts'

describe('hasReadableText (the rule for the organisation colours, server and web)', () => {
  it('accepts colours on which white or near-black text reaches WCAG AA (4.5:1)', () => {
    for (const colour of ['#1f4e79', '#e8f0f8', '#000000', '#ffffff', '#00a000']) expect(hasReadableText(colour), colour).toBe(true)
  })

  it('refuses mid-tones on which neither does', () => {
    for (const colour of ['#808080', '#777777', '#ff0000', '#0088cc']) {
      expect(hasReadableText(colour), colour).toBe(false)
      expect(contrastRatio(textColorOn(colour), colour)).toBeLessThan(4.5)
    }
  })

  it('computes the WCAG ratio of black on white as 21', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5)
  })
})
