import { createHash } from 'node:crypto'

/**
 * The reference page's only style, inline. The page runs no script at all, so its CSP allows
 * this one style by hash and nothing else (the portal's own CSP allows styles from files only).
 */
const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem; color: #1a1a1a; }
h2 { border-bottom: 2px solid #ccc; margin-top: 2.5rem; }
details { border: 1px solid #ddd; border-radius: 4px; margin: 0.4rem 0; padding: 0.3rem 0.7rem; }
summary { cursor: pointer; }
code.method { display: inline-block; min-width: 4.5rem; font-weight: bold; }
.access { color: #555; font-size: 0.85em; margin-left: 0.5rem; }
pre { background: #f5f5f5; overflow-x: auto; padding: 0.5rem; font-size: 13px; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: 0.2rem 0.5rem; text-align: left; }
`

/** The Content-Security-Policy of the reference page: its one inline style, no scripts, no framing. */
export const REFERENCE_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ')

interface Operation {
  tags?: string[]
  'x-access'?: string
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[]
  requestBody?: { content: Record<string, { schema?: unknown }> }
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>
}

interface OpenApiDocument {
  info: { title: string; description?: string }
  paths?: Record<string, Record<string, Operation>>
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function schemaBlock(schema: unknown): string {
  return `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`
}

function renderOperation(method: string, path: string, operation: Operation): string {
  const parameters = operation.parameters ?? []
  const parts = [
    `<details><summary><code class="method">${escapeHtml(method.toUpperCase())}</code><code>${escapeHtml(path)}</code>` +
      `<span class="access">${escapeHtml(operation['x-access'] ?? '')}</span></summary>`,
  ]
  if (parameters.length > 0) {
    parts.push('<h4>Parameters</h4><table><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr>')
    for (const p of parameters) {
      parts.push(`<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`)
    }
    parts.push('</table>')
  }
  for (const [type, media] of Object.entries(operation.requestBody?.content ?? {})) {
    parts.push(`<h4>Request body (${escapeHtml(type)})</h4>${schemaBlock(media.schema)}`)
  }
  for (const [status, response] of Object.entries(operation.responses ?? {})) {
    parts.push(`<h4>${escapeHtml(status)} ${escapeHtml(response.description ?? '')}</h4>`)
    for (const media of Object.values(response.content ?? {})) parts.push(schemaBlock(media.schema))
  }
  parts.push('</details>')
  return parts.join('\n')
}

/**
 * A plain HTML rendering of the OpenAPI document, grouped by tag: every operation with its
 * access, parameters, request body and response schemas. Made on the server from the same
 * document /api/openapi.json serves, so the two cannot disagree.
 */
export function renderApiReference(document: unknown): string {
  const doc = document as OpenApiDocument
  const byTag = new Map<string, string[]>()
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const tag = operation.tags?.[0] ?? 'other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, operation)])
    }
  }
  const sections = [...byTag].map(([tag, items]) => `<section><h2>${escapeHtml(tag)}</h2>\n${items.join('\n')}</section>`)
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(doc.info.title)}</title><style>${STYLE}</style></head>
<body><h1>${escapeHtml(doc.info.title)}</h1>
<p>${escapeHtml(doc.info.description ?? '')}</p>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections.join('\n')}
</body></html>`
}
