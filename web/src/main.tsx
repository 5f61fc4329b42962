// Base styles first, so every component's own CSS comes after them in the bundle.
import './styles/base.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app.tsx'
import { getLanguage } from './i18n/language-store.ts'

// index.html says Dutch; a visitor who chose English before gets it before the first paint.
document.documentElement.lang = getLanguage()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
