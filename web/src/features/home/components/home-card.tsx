import { type ReactNode, useId } from 'react'
import './home-card.css'

/** One card of Home: its heading, its newest items, and the buttons to its full page at the bottom. */
export function HomeCard({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  const headingId = useId()
  return (
    <section className="home-card" aria-labelledby={headingId}>
      <h2 id={headingId} className="home-card__title">
        {title}
      </h2>
      <div className="home-card__body">{children}</div>
      <div className="home-card__actions">{actions}</div>
    </section>
  )
}
