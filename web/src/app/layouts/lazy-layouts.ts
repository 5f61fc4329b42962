import { lazyPage, withMessages } from '../lazy-page.ts'

/*
 * The layouts of logged-in people, each with its own JavaScript (menus, the passkey offer) and,
 * for the workspace and the administrators' pages, their Dutch texts: none of it is needed to
 * log in. Every page of the workspace or /beheer is inside its layout, so the texts are there.
 */
export const PortalLayout = lazyPage(() => import('./portal-layout.tsx').then((m) => m.PortalLayout))
export const WorkspaceLayout = lazyPage(() => withMessages('workspace', () => import('./workspace-layout.tsx').then((m) => m.WorkspaceLayout)))
export const AdminLayout = lazyPage(() => withMessages('admin', () => import('./admin-layout.tsx').then((m) => m.AdminLayout)))
