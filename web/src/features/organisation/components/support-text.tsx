import { useOrganisation } from '../api/get-organisation.ts'

/** The organisation's own "where to ask questions" text; nothing when it has none. */
export function SupportText({ className }: { className?: string }) {
  const { data } = useOrganisation()
  if (!data?.supportText.trim()) return null
  return <p className={className}>{data.supportText}</p>
}
