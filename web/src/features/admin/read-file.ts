/** A chosen file's bytes as base64 (without the data: prefix), the way the admin API takes PDFs and logos. */
export function readFileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => {
      const result = typeof reader.result === 'string' ? reader.result : ''
      resolve(result.slice(result.indexOf(',') + 1))
    }
    reader.onerror = () => reject(reader.error ?? new Error('file could not be read'))
    reader.readAsDataURL(file)
  })
}
