import { deflateSync } from 'node:zlib'

/**
 * The demo organisation's logo, drawn in code so the repository holds no binary files:
 * a white linden leaf (a heart shape with a stem) on a circle in the primary colour,
 * 128 × 128 pixels, RGBA PNG with smoothed edges.
 */
export function createDemoLogoPng(primaryColor: string): Buffer {
  const size = 128
  const [red, green, blue] = parseHexColor(primaryColor)
  const samplesPerAxis = 4
  const rows: Buffer[] = []

  for (let y = 0; y < size; y++) {
    // Each PNG scanline starts with its filter type; 0 means "none".
    const row = Buffer.alloc(1 + size * 4)
    for (let x = 0; x < size; x++) {
      let circleCoverage = 0
      let leafCoverage = 0
      for (let sy = 0; sy < samplesPerAxis; sy++) {
        for (let sx = 0; sx < samplesPerAxis; sx++) {
          const px = x + (sx + 0.5) / samplesPerAxis
          const py = y + (sy + 0.5) / samplesPerAxis
          if (insideCircle(px, py, 64, 64, 62)) {
            circleCoverage++
            if (insideLeaf(px, py)) leafCoverage++
          }
        }
      }
      const samples = samplesPerAxis * samplesPerAxis
      const leafShare = circleCoverage === 0 ? 0 : leafCoverage / circleCoverage
      const offset = 1 + x * 4
      row[offset] = Math.round(red + (255 - red) * leafShare)
      row[offset + 1] = Math.round(green + (255 - green) * leafShare)
      row[offset + 2] = Math.round(blue + (255 - blue) * leafShare)
      row[offset + 3] = Math.round((255 * circleCoverage) / samples)
    }
    rows.push(row)
  }

  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // colour type: RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.concat(rows))),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

function insideCircle(x: number, y: number, cx: number, cy: number, radius: number): boolean {
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

/** A heart-shaped leaf pointing up, with a short stem below the notch. */
function insideLeaf(x: number, y: number): boolean {
  const lobes = insideCircle(x, y, 51, 70, 19) || insideCircle(x, y, 77, 70, 19)
  // Triangle from the outer edges of the lobes up to the leaf's tip at (64, 26).
  const inTip = y <= 72 && y >= 26 && Math.abs(x - 64) <= ((y - 26) / (72 - 26)) * 32
  const stem = Math.abs(x - 64) <= 2.5 && y >= 84 && y <= 104
  return lobes || inTip || stem
}

function parseHexColor(hex: string): [number, number, number] {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex)
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`)
  return [Number.parseInt(match[1] ?? '0', 16), Number.parseInt(match[2] ?? '0', 16), Number.parseInt(match[3] ?? '0', 16)]
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typeAndData))
  return Buffer.concat([length, typeAndData, crc])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}
