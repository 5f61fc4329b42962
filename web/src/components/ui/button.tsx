import type { ComponentProps } from 'react'
import './button.css'

type ButtonProps = ComponentProps<'button'> & {
  /** primary: the one main action of a form; secondary: other actions; header: on the brand bar. */
  variant?: 'primary' | 'secondary' | 'header'
}

export function Button({ variant = 'primary', type = 'button', className = '', ...props }: ButtonProps) {
  return <button type={type} className={`button button--${variant} ${className}`} {...props} />
}
