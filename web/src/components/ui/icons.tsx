/** Decorative icons: hidden from screen readers, the text beside them carries the meaning. */

type IconProps = { className?: string }

export function PersonIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M12 3a4.5 4.5 0 1 1 0 9a4.5 4.5 0 0 1 0-9zm0 10.5c4.4 0 8 2.1 8 5v2.5H4v-2.5c0-2.9 3.6-5 8-5z" />
    </svg>
  )
}

export function MenuIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M3 5h18v2.5H3zm0 5.75h18v2.5H3zm0 5.75h18V19H3z" />
    </svg>
  )
}

export function ChevronDownIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M5.6 8.3L12 14.7l6.4-6.4l1.8 1.8L12 18.3L3.8 10.1z" />
    </svg>
  )
}

export function CheckIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M9.5 16.2L4.8 11.5l-1.8 1.8l6.5 6.5L21 8.3l-1.8-1.8z" />
    </svg>
  )
}

export function CrossIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M6.4 4.6L12 10.2l5.6-5.6l1.8 1.8l-5.6 5.6l5.6 5.6l-1.8 1.8l-5.6-5.6l-5.6 5.6l-1.8-1.8l5.6-5.6l-5.6-5.6z" />
    </svg>
  )
}

export function DotIcon({ className = 'icon' }: IconProps) {
  return (
    <svg className={className} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="4" fill="currentColor" />
    </svg>
  )
}
