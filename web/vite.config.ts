import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const webRoot = fileURLToPath(new URL('.', import.meta.url))
const sharedRoot = fileURLToPath(new URL('../shared', import.meta.url))

/** In development the API runs on its own port; the browser should only ever see one origin. */
const apiProxy = {
  '/api': 'http://127.0.0.1:3000',
  '/health': 'http://127.0.0.1:3000',
}

export default defineConfig({
  root: webRoot,
  plugins: [react()],
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
  },
})
