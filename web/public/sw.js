// The portal's service worker: only web push (Meldingen). A push message carries no content
// (server/platform/outbox/push/web-push-transport.ts); this shows one fixed sentence and, on a
// click, opens the portal, where the person logs in to see what is new.
self.addEventListener('push', (event) => {
  event.waitUntil(
    self.registration.showNotification('Cliëntportaal', {
      body: 'Er staat iets nieuws voor u klaar in het cliëntportaal.',
      icon: '/favicon.svg',
      tag: 'clientportaal-nieuws',
    }),
  )
})

self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => new URL(client.url).origin === self.location.origin)
      return open ? open.focus() : self.clients.openWindow('/')
    }),
  )
})
