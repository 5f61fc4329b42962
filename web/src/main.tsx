// Base styles first, so every component's own CSS comes after them in the bundle.
import './styles/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { getLanguage } from './i18n/language-store.ts'
import { loadDictionary } from './i18n/use-t.ts'

// index.html says Dutch; a visitor who chose English before gets it before the first paint.
const language = getLanguage()
document.documentElement.lang = language

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')
const container = root

function render(): void {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
}

// English texts come in their own chunk; should it not load, the page opens in Dutch.
loadDictionary(language).then(render, () => {
  document.documentElement.lang = 'nl'
  render()
})
