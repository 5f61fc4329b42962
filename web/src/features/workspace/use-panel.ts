import { useEffect, useRef, useState } from 'react'

/**
 * A form that opens in place of the button that opened it ("Nieuwe rapportage"). Focus
 * follows: to the form's heading when it opens, back to the button when it closes (saved or
 * cancelled), so a keyboard or screen-reader user is never dropped at the top of the page.
 * `headingRef` may also be another element to start on (a confirmation's group).
 */
export function usePanel<Target extends HTMLElement = HTMLHeadingElement>() {
  const [open, setOpen] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const headingRef = useRef<Target>(null)
  const wasOpen = useRef(false)
  useEffect(() => {
    if (open) headingRef.current?.focus()
    else if (wasOpen.current) buttonRef.current?.focus()
    wasOpen.current = open
  }, [open])
  return { open, setOpen, buttonRef, headingRef }
}
