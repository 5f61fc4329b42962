import { describe, expect, it } from 'vitest'
import { isUuid } from './common.ts'

describe('isUuid', () => {
  it.each(['0f8fad5b-d9cb-469f-a165-70867728950e', '0F8FAD5B-D9CB-469F-A165-70867728950E', '00000000-0000-0000-0000-000000000000'])('takes %s', (text) => {
    expect(isUuid(text)).toBe(true)
  })

  it.each([
    '', 'not-a-uuid', '0f8fad5b-d9cb-469f-a165-70867728950', '0f8fad5b-d9cb-469f-a165-70867728950e0', '0f8fad5bd9cb469fa16570867728950e',
    '00000000-0000-0000-0000-00000000000g', 'urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e', '{0f8fad5b-d9cb-469f-a165-70867728950e}',
    '0f8fad5b-d9cb-469f-a165-70867728950e\n', ' 0f8fad5b-d9cb-469f-a165-70867728950e',
  ])('refuses %j', (text) => {
    expect(isUuid(text)).toBe(false)
  })
})
