import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { precompress } from './build/precompress.ts'
import { responseFormats } from './build/response-formats.ts'

const webRoot = fileURLToPath(new URL('.', import.meta.url))
const sharedRoot = fileURLToPath(new URL('../shared', import.meta.url))

/**
 * In development the API runs on its own port; the browser should only ever see one origin.
 * The server refuses state-changing requests whose Origin is not PUBLIC_BASE_URL (CSRF), and
 * the browser's Origin here is Vite's own port: the proxy drops it, the way a same-origin
 * deployment never has the two differ. Sec-Fetch-Site and the session's CSRF token still count.
 */
const api = {
  target: 'http://127.0.0.1:3000',
  configure: (proxy: { on: (event: 'proxyReq', listener: (request: { removeHeader: (name: string) => void }) => void) => void }) => {
    proxy.on('proxyReq', (request) => request.removeHeader('origin'))
  },
}
const apiProxy = { '/api': api, '/health': api }

export default defineConfig({
  root: webRoot,
  plugins: [react(), responseFormats(), precompress()],
  resolve: {
    alias: { '@/': `${webRoot}src/`, '@shared/': `${sharedRoot}/` },
  },
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The server's CSP allows only same-origin scripts, styles and fonts: nothing may be
    // inlined as a data: URL or a <style>/<script> block.
    assetsInlineLimit: 0,
    cssCodeSplit: false,
    // Which chunks each page loads: web/build/route-budget.ts sums them for the size budget.
    manifest: true,
    rolldownOptions: {
      output: {
        // Everything the first paint needs (what main.tsx imports, statically, all the way down) in
        // one chunk beside the entry. Left to itself the bundler splits it into many small files
        // wherever a lazy page shares a module, and on a slow connection every file costs a round
        // trip before anything shows. Pages, layouts and texts loaded later stay chunks of their own.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
})
