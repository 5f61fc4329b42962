import axe from 'axe-core'

/**
 * axe-core on a rendered component, WCAG 2.1 A and AA as in the browser journeys; the ids of
 * the rules it breaks. Colour contrast is left to the journeys: jsdom lays nothing out, so
 * axe cannot see colours here.
 */
export async function axeViolations(container: Element): Promise<string[]> {
  const results = await axe.run(container, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    rules: { 'color-contrast': { enabled: false } },
  })
  return results.violations.map((violation) => violation.id)
}
