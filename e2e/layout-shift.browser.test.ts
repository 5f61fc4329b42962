import type { CDPSession, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createClient, createLink } from '../server/test/client-record-factories.ts'
import { createDemoLogoPng } from '../server/seed/demo-logo.ts'
import { createOrganisation } from '../server/test/factories.ts'
import { acceptCurrentTerms, createPerson, publishTerms, type TestPerson } from './support/accounts.ts'
import { launchBrowser, VIEWPORTS } from './support/browser.ts'
import { logInWithSms } from './support/log-in.ts'
import { type PortalServer, startPortal } from './support/portal-server.ts'

/**
 * Nothing moves while a logged-in page loads (docs/decisions/web-performance.md): the page is
 * opened anew (a full load, as from a bookmark) with a slower CPU, and the layout shifts Chrome
 * reports (PerformanceObserver 'layout-shift', none caused by input) must add up to 0. A failure
 * lists each shift with the elements that moved, from where to where.
 *
 * The one-client /home failed in every run before the header kept the client switch's place
 * there (0.045 at 412 px, 0.048 at 360 px: the switch's row on a phone appeared with the forward
 * to the client's Home and pushed the page down).
 */

const PASSWORD = 'mijn eigen dossier lees ik zelf'

let portal: PortalServer
let browser: Awaited<ReturnType<typeof launchBrowser>>
let reader: TestPerson
let client: { id: string }

interface Shift {
  value: number
  /** When, in ms since the page started loading. */
  at: number
  sources: { node: string; from: string; to: string }[]
}

beforeAll(async () => {
  portal = await startPortal()
  const db = portal.db
  // With a logo, as the demo organisation has.
  await createOrganisation(db, { name: 'Zorggroep De Linde', logo: createDemoLogoPng('#1f5f8b'), logo_mime_type: 'image/png' })
  await publishTerms(db, portal.now())
  // A name that fits beside the language switch at 360 px: a longer one puts the user menu on a
  // row of its own, which grows the header when the session arrives (web-performance.md).
  reader = await createPerson(db, { displayName: 'Sjaan Jordaan', password: PASSWORD, now: portal.now() })
  await acceptCurrentTerms(db, reader, portal.now())
  client = await createClient(db, { gender: 'female', initials: 'S.', given_name: 'Sjaan', name_prefix: 'uit de', family_name: 'Jordaan', date_of_birth: '1940-03-15' })
  await createLink(db, reader.id, client.id, { relation: 'self', activated_at: new Date(portal.now().getTime() - 86_400_000) })
  browser = await launchBrowser()
  const page = await browser.context.newPage()
  await logInWithSms(page, portal, reader, PASSWORD)
  await page.close()
})
afterAll(async () => {
  await browser?.close()
  await portal?.close()
})

/**
 * Opens `path` in a new tab (the session cookie is the browser's) with the CPU `slowdown` times
 * slower, waits until `ready` shows and the network is quiet, and returns Chrome's layout shifts.
 */
async function layoutShifts(path: string, viewport: { width: number; height: number }, ready: (page: Page) => Promise<void>, slowdown = 4): Promise<Shift[]> {
  const page = await browser.context.newPage()
  let cdp: CDPSession | undefined
  try {
    await page.setViewportSize(viewport)
    cdp = await browser.context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown })
    // From the document's start, before the app's own script: each shift as Chrome reports it,
    // with the element that moved described while it is still on the page.
    await page.addInitScript(() => {
      const nameOf = (node: Node | null | undefined) =>
        node instanceof Element ? `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}${Array.from(node.classList, (c) => `.${c}`).join('')} "${(node.textContent ?? '').slice(0, 40)}"` : String(node?.nodeName)
      const rect = (r: DOMRectReadOnly) => `${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`
      const shifts: Shift[] = []
      Object.assign(window, { layoutShifts: shifts })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
          if (entry.hadRecentInput) continue
          shifts.push({ value: entry.value, at: Math.round(entry.startTime), sources: entry.sources.map((s) => ({ node: nameOf(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })) })
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    await page.goto(`${portal.url}${path}`)
    await ready(page)
    await page.waitForLoadState('networkidle')
    return await page.evaluate(() => (window as unknown as { layoutShifts: Shift[] }).layoutShifts)
  } finally {
    await cdp?.detach()
    await page.close()
  }
}

/**
 * The phone widths: 360 px and Lighthouse's mobile screen. Wider, the header's tools still move
 * sideways when the user menu arrives with the session (docs/decisions/web-performance.md).
 */
const PHONES = [['360 px', VIEWPORTS.phone], ['412 px', { width: 412, height: 823 }]] as const

const total = (shifts: Shift[]) => shifts.reduce((sum, s) => sum + s.value, 0)

describe('layout shifts of a client reading their own record (one linked client)', () => {
  for (const [name, viewport] of PHONES) {
    it(`/home forwards to the client's Home without moving anything (${name})`, async () => {
      const shifts = await layoutShifts('/home', viewport, async (page) => {
        await page.getByRole('heading', { name: 'mw. S. uit de Jordaan', level: 1 }).waitFor()
        expect(page.url()).toBe(`${portal.url}/client/${client.id}/home`)
      })
      expect(total(shifts), JSON.stringify(shifts, null, 1)).toBe(0)
    })

    it(`the client's Home itself does not move either (${name})`, async () => {
      const shifts = await layoutShifts(`/client/${client.id}/home`, viewport, async (page) => {
        await page.getByRole('heading', { name: 'mw. S. uit de Jordaan', level: 1 }).waitFor()
      })
      expect(total(shifts), JSON.stringify(shifts, null, 1)).toBe(0)
    })
  }
})

describe('layout shifts of a representative of two clients', () => {
  beforeAll(async () => {
    const db = portal.db
    const daughter = await createPerson(db, { displayName: 'Ans Jordaan', password: PASSWORD, now: portal.now() })
    await acceptCurrentTerms(db, daughter, portal.now())
    const father = await createClient(db, { gender: 'male', initials: 'P.', given_name: 'Piet', name_prefix: '', family_name: 'Jordaan', date_of_birth: '1938-07-01' })
    const activated = new Date(portal.now().getTime() - 86_400_000)
    await createLink(db, daughter.id, client.id, { relation: 'legal_representative', activated_at: activated })
    await createLink(db, daughter.id, father.id, { relation: 'first_contact', activated_at: activated })
    // The browser's session is now hers.
    const page = await browser.context.newPage()
    await logInWithSms(page, portal, daughter, PASSWORD)
    await page.close()
  })

  for (const [name, viewport] of PHONES) {
    it(`the choice between them does not move (${name})`, async () => {
      const shifts = await layoutShifts('/home', viewport, async (page) => {
        await page.getByRole('list', { name: 'Cliënten' }).getByRole('link', { name: 'dhr. P. Jordaan' }).waitFor()
      })
      expect(total(shifts), JSON.stringify(shifts, null, 1)).toBe(0)
    })
  }
})
