import { useState } from 'react'
import type { LinkSummary, Permissions } from '@shared/schemas/admin-accounts.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { useSetPermissions } from '../api/set-permissions.ts'
import { PERMISSION_KEYS } from './permission-keys.ts'

/** "Rechten wijzigen" on an active link: the same checkboxes as when it was made, at least one ticked. */
export function LinkPermissionsForm({ link }: { link: LinkSummary }) {
  const t = useT()
  const [language] = useLanguage()
  const save = useSetPermissions(link.id)
  const [open, setOpen] = useState(false)
  const [permissions, setPermissions] = useState<Permissions>(link.permissions)
  const [missing, setMissing] = useState(false)

  if (!open)
    return (
      <>
        {save.isSuccess ? (
          <Notice>
            <p>{t('admin.links.permissionsSaved')}</p>
          </Notice>
        ) : null}
        <Actions>
          <Button
            variant="secondary"
            aria-label={`${t('admin.links.changePermissions')}: ${link.clientName}`}
            onClick={() => {
              save.reset()
              setPermissions(link.permissions)
              setOpen(true)
            }}
          >
            {t('admin.links.changePermissions')}
          </Button>
        </Actions>
      </>
    )
  const onSave = () => {
    if (!PERMISSION_KEYS.some((key) => permissions[key])) return setMissing(true)
    setMissing(false)
    save.mutate(permissions, { onSuccess: () => setOpen(false) })
  }
  return (
    <fieldset className={`admin-fieldset ${missing ? 'checkbox--invalid' : ''}`}>
      <legend>{t('admin.links.permissionsOf', { name: link.clientName })}</legend>
      {missing ? <p className="checkbox__error">{t('admin.newLink.permissionsRequired')}</p> : null}
      {save.error ? <Alert>{errorMessage(save.error, language)}</Alert> : null}
      {PERMISSION_KEYS.map((key) => (
        <Checkbox
          key={key}
          id={`rechten-${link.id}-${key}`}
          label={t(`admin.permission.${key}`)}
          checked={permissions[key]}
          onChange={(event) => setPermissions({ ...permissions, [key]: event.target.checked })}
        />
      ))}
      <Actions>
        <Button aria-disabled={save.isPending} onClick={() => !save.isPending && onSave()}>
          {t('admin.links.savePermissions')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('admin.cancel')}
        </Button>
      </Actions>
    </fieldset>
  )
}
