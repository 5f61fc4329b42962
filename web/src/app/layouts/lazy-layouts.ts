import { lazyPage, withMessages } from '../lazy-page.ts'

/*
 * The layouts of logged-in people, each with its own JavaScript (menus, the passkey offer) and
 * their Dutch texts: the client record's for the portal and the workspace, the workspace's, the
 * administrators'. None of it is needed to log in. Every page of the portal, the workspace or
 * /beheer is inside its layout, so the texts are there before the page shows.
 */
export const PortalLayout = lazyPage(() => withMessages('clientRecord', () => import('./portal-layout.tsx').then((m) => m.PortalLayout)))
export const WorkspaceLayout = lazyPage(() => withMessages(['clientRecord', 'workspace'], () => import('./workspace-layout.tsx').then((m) => m.WorkspaceLayout)))
export const AdminLayout = lazyPage(() => withMessages('admin', () => import('./admin-layout.tsx').then((m) => m.AdminLayout)))
