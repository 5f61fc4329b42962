import { useCallback, useState } from 'react'
import { useLocation } from 'react-router'

/**
 * Open/closed state of a menu that closes by itself when the person moves to another
 * page: it remembers on which page it was opened, so no effect has to reset it.
 */
export function usePageDisclosure(): [boolean, (open: boolean) => void] {
  const { pathname } = useLocation()
  const [openOn, setOpenOn] = useState<string | null>(null)
  const setOpen = useCallback((open: boolean) => setOpenOn(open ? pathname : null), [pathname])
  return [openOn === pathname, setOpen]
}
