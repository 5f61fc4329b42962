import type { MessageKey } from './nl.ts'

/**
 * The English texts. Typed against the Dutch keys: a missing or an extra key is a
 * compile error, so the two languages cannot drift apart.
 */
export const en = {
  'app.portalName': 'Client portal',
  'app.skipLink': 'Skip to content',

  'language.switch': 'Nederlands',

  'menu.label': 'Main menu',
  'menu.toggle': 'Menu',
  'menu.home': 'Home',
  'menu.profile': 'Profile',
  'menu.reports': 'Reports',
  'menu.carePlanPrints': 'Care plan prints',
  'menu.messages': 'Messages',
  'menu.appointments': 'Appointments',
  'menu.subscriptions': 'Subscriptions',
  'menu.accessLog': 'Who has looked at my record?',

  'userMenu.profile': 'My profile',
  'userMenu.logout': 'Log out',

  'login.title': 'Log in',
  'login.intro': 'Log in with your username and password.',
  'login.loginName': 'Username',
  'login.password': 'Password',
  'login.submit': 'Log in',
  'login.pending': 'One moment. We are checking your details.',
  'login.forgotPassword': 'Forgot your password?',
  'login.loginNameRequired': 'Enter your username.',
  'login.passwordRequired': 'Enter your password.',
  'login.loginNameInvalid': 'This username is not right. Check that you typed it correctly.',
  'login.passwordInvalid': 'This password is not right. Check that you typed it correctly.',

  'news.title': 'News',
  'news.loading': 'Loading the news.',
  'news.error': 'The news cannot be loaded right now. Please try again later.',
  'news.retry': 'Try again',
  'news.empty': 'There are no announcements',
  'news.published': 'Published on {date}',

  'forgotPassword.title': 'Forgot your password',
  'forgotPassword.comingSoon': 'You cannot ask for a new password on this website yet. This is coming soon.',
  'forgotPassword.meanwhile': 'Have you forgotten your password? Please contact your primary caregiver (EVV-er), the care worker who arranges your care.',
  'forgotPassword.back': 'Back to log in',

  'notFound.title': 'Page not found',
  'notFound.text': 'This page does not exist. The address may be mistyped, or the page has been removed.',
  'notFound.back': 'Go to the log in page',
} satisfies Record<MessageKey, string>
