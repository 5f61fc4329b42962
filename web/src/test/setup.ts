import '@testing-library/jest-dom/vitest'
import { cleanup } from '@testing-library/react'
import { afterEach } from 'vitest'
import { loadDictionary, loadMessages } from '@/i18n/use-t.ts'

// Vitest runs without globals here, so Testing Library cannot unmount on its own.
afterEach(cleanup)

// Components are rendered without the lazy layouts and pages that load the workspace's, the
// administrators', the login's second step's, the account pages', the client record's, Mijn profiel's and the grants' texts: every text is there from the start.
await Promise.all([loadMessages('secondFactor'), loadMessages('account'), loadMessages('clientRecord'), loadMessages('profile'), loadMessages('workspace'), loadMessages('admin'), loadMessages('grants'), loadDictionary('en')])
