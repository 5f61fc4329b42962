import { Button } from './button.tsx'
import './load-state.css'

/** "Even geduld ...": a calm line while data loads, read out politely (role="status"). */
export function Loading({ children }: { children: string }) {
  return (
    <p role="status" className="load-state">
      {children}
    </p>
  )
}

/** A failed load, said plainly, with a way to try again. */
export function LoadError({ message, retryLabel, onRetry }: { message: string; retryLabel: string; onRetry: () => void }) {
  return (
    <div role="alert" className="load-state load-state--error">
      <p>{message}</p>
      <Button variant="secondary" onClick={onRetry}>
        {retryLabel}
      </Button>
    </div>
  )
}
