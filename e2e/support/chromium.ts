/** The machine's Chromium (Debian's package; CHROMIUM_PATH names another). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Headless, and off the (closed) network: no sync, updates or background requests. The browser
 * journeys launch Chromium with these, and the Lighthouse bench (bench/web-bench.ts) too.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const
