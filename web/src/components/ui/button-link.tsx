import { Link, type LinkProps } from 'react-router'
import './button.css'

/** A link to another page that looks like a button ("Alle rapportages"): it navigates, so it stays a link. */
export function ButtonLink({ variant = 'secondary', className = '', ...props }: LinkProps & { variant?: 'primary' | 'secondary' }) {
  return <Link className={`button button--${variant} ${className}`} {...props} />
}
