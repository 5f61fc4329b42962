import { type FormEvent, useRef, useState } from 'react'
import { type ClientChoice, CONSENT_FORM_MAX_BYTES, type LinkSummary, type NewLinkRequest, type Permissions } from '@shared/schemas/admin-accounts.ts'
import type { LinkRelation } from '@shared/schemas/clients.ts'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { Checkbox } from '@/components/ui/checkbox.tsx'
import { Notice } from '@/components/ui/notice.tsx'
import { TextArea } from '@/components/ui/text-area.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { ApiError } from '@/lib/api-client.ts'
import { errorMessage } from '@/lib/error-message.ts'
import { ClientPicker } from '../../client-choice/components/client-picker.tsx'
import { SelectField } from '../../components/select-field.tsx'
import { readFileAsBase64 } from '../../read-file.ts'
import { useCreateLink } from '../api/create-link.ts'
import { PERMISSION_KEYS } from './permission-keys.ts'

const RELATIONS: LinkRelation[] = ['self', 'legal_representative', 'first_contact', 'second_contact', 'informal_carer']
const NO_PERMISSIONS: Permissions = { reports: false, carePlan: false, appointments: false, messages: false, profile: false, subscriptions: false }

type Field = 'client' | 'permissions' | 'givenByName' | 'givenOn' | 'scope' | 'form'

/** Today's date in the browser, as yyyy-mm-dd: a consent cannot be dated later. */
function today(): string {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** "%PDF-" at the start: the same first look the server takes (it checks the content further). */
async function looksLikePdf(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 5).arrayBuffer())
  return String.fromCharCode(...head) === '%PDF-'
}

/**
 * "Koppeling toevoegen": the client, the relation, what the link may see and the consent from
 * the toestemmingsformulier, with its scan as a PDF (read in the browser, sent as base64).
 */
export function NewLinkForm({ accountId }: { accountId: string }) {
  const t = useT()
  const [language] = useLanguage()
  const create = useCreateLink(accountId)
  const [client, setClient] = useState<ClientChoice | null>(null)
  const [relation, setRelation] = useState<LinkRelation>('first_contact')
  const [permissions, setPermissions] = useState<Permissions>(NO_PERMISSIONS)
  const [givenBy, setGivenBy] = useState<'client' | 'legal_representative'>('client')
  const [givenByName, setGivenByName] = useState('')
  const [givenOn, setGivenOn] = useState('')
  const [scope, setScope] = useState('')
  const [file, setFile] = useState<File | null>(null)
  const [errors, setErrors] = useState<Partial<Record<Field, MessageKey>>>({})
  const [added, setAdded] = useState<LinkSummary | null>(null)
  const formRef = useRef<HTMLFormElement>(null)
  const fileRef = useRef<HTMLInputElement>(null)

  const chooseClient = (choice: ClientChoice | null) => {
    setClient(choice)
    // The rule the server applies: a legal representative consents only for a wilsonbekwame client.
    if (choice) setGivenBy(choice.legalCapacity === 'wilsonbekwaam' ? 'legal_representative' : 'client')
  }

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault()
    setAdded(null)
    const found: Partial<Record<Field, MessageKey>> = {}
    if (!client) found.client = 'admin.newLink.clientRequired'
    if (!PERMISSION_KEYS.some((key) => permissions[key])) found.permissions = 'admin.newLink.permissionsRequired'
    if (!givenByName.trim()) found.givenByName = 'admin.newLink.givenByNameRequired'
    if (!givenOn || givenOn > today()) found.givenOn = 'admin.newLink.givenOnRequired'
    if (!scope.trim()) found.scope = 'admin.newLink.scopeRequired'
    if (!file) found.form = 'admin.newLink.formRequired'
    else if (file.size > CONSENT_FORM_MAX_BYTES) found.form = 'admin.newLink.formTooLarge'
    else if (!(await looksLikePdf(file))) found.form = 'admin.newLink.formNotPdf'
    setErrors(found)
    if (Object.keys(found).length > 0 || !client || !file) {
      // To the first field with a problem, in the form's order.
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
      return
    }
    const request: NewLinkRequest = {
      clientId: client.id,
      relation,
      permissions,
      consent: { givenBy, givenByName: givenByName.trim(), givenOn, scope: scope.trim(), formPdfBase64: await readFileAsBase64(file) },
    }
    create.mutate(request, {
      onSuccess: (link) => {
        setAdded(link)
        setClient(null)
        setPermissions(NO_PERMISSIONS)
        setGivenByName('')
        setGivenOn('')
        setScope('')
        setFile(null)
        if (fileRef.current) fileRef.current.value = ''
      },
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'not_a_pdf') setErrors({ form: 'admin.newLink.formNotPdf' })
      },
    })
  }

  const error = (field: Field) => (errors[field] ? t(errors[field]) : undefined)
  const serverError = create.error
    ? create.error instanceof ApiError && create.error.code === 'conflict'
      ? t('admin.newLink.conflict')
      : create.error instanceof ApiError && create.error.code === 'not_a_pdf'
        ? null
        : errorMessage(create.error, language)
    : null

  return (
    <section className="admin-section" aria-labelledby="koppeling-toevoegen">
      <h2 id="koppeling-toevoegen">{t('admin.newLink.title')}</h2>
      <p>{t('admin.newLink.intro')}</p>
      {added ? (
        <Notice>
          <p>{t('admin.links.added', { name: added.clientName })}</p>
        </Notice>
      ) : null}
      {serverError ? <Alert>{serverError}</Alert> : null}
      <form ref={formRef} className="admin-form" onSubmit={(event) => void onSubmit(event)} noValidate>
        <ClientPicker id="koppeling-client" label={t('admin.newLink.client')} chosen={client} onChoose={chooseClient} error={error('client')} />
        <SelectField
          id="koppeling-relatie"
          label={t('admin.newLink.relation')}
          value={relation}
          onChange={(event) => setRelation(RELATIONS.find((r) => r === event.target.value) ?? 'first_contact')}
          options={RELATIONS.map((r) => ({ value: r, label: t(`admin.relation.${r}`) }))}
        />
        <fieldset className={`admin-fieldset ${errors.permissions ? 'checkbox--invalid' : ''}`} aria-describedby={errors.permissions ? 'koppeling-rechten-fout' : undefined}>
          <legend>{t('admin.newLink.permissions')}</legend>
          {errors.permissions ? (
            <p id="koppeling-rechten-fout" className="checkbox__error">
              {t(errors.permissions)}
            </p>
          ) : null}
          {PERMISSION_KEYS.map((key) => (
            <Checkbox
              key={key}
              id={`koppeling-recht-${key}`}
              label={t(`admin.permission.${key}`)}
              checked={permissions[key]}
              aria-invalid={errors.permissions && key === 'reports' ? true : undefined}
              onChange={(event) => setPermissions({ ...permissions, [key]: event.target.checked })}
            />
          ))}
        </fieldset>
        <fieldset className="admin-fieldset">
          <legend>{t('admin.newLink.consentTitle')}</legend>
          {client?.legalCapacity === 'wilsonbekwaam' ? <p>{t('admin.newLink.clientWilsonbekwaam')}</p> : null}
          <fieldset className="admin-fieldset">
            <legend>{t('admin.newLink.givenBy')}</legend>
            {(['client', 'legal_representative'] as const).map((giver) => (
              <div key={giver} className="checkbox__row">
                <input type="radio" id={`koppeling-gever-${giver}`} name="koppeling-gever" className="checkbox__input" checked={givenBy === giver} onChange={() => setGivenBy(giver)} />
                <label htmlFor={`koppeling-gever-${giver}`} className="checkbox__label">
                  {t(`admin.newLink.givenBy.${giver}`)}
                </label>
              </div>
            ))}
          </fieldset>
          <TextField id="koppeling-gever-naam" label={t('admin.newLink.givenByName')} value={givenByName} maxLength={200} autoComplete="off" error={error('givenByName')} onChange={(event) => setGivenByName(event.target.value)} />
          <TextField id="koppeling-datum" type="date" label={t('admin.newLink.givenOn')} value={givenOn} max={today()} error={error('givenOn')} onChange={(event) => setGivenOn(event.target.value)} />
          <p id="koppeling-reikwijdte-uitleg" className="admin-hint">
            {t('admin.newLink.scopeHint')}
          </p>
          <TextArea id="koppeling-reikwijdte" label={t('admin.newLink.scope')} value={scope} maxLength={1000} rows={3} describedBy="koppeling-reikwijdte-uitleg" error={error('scope')} onChange={(event) => setScope(event.target.value)} />
          <div className={`text-field ${errors.form ? 'text-field--invalid' : ''}`}>
            <label className="text-field__label" htmlFor="koppeling-formulier">
              {t('admin.newLink.form')}
            </label>
            <p id="koppeling-formulier-uitleg" className="admin-list__facts">
              {t('admin.newLink.formHint')}
            </p>
            {errors.form ? (
              <p id="koppeling-formulier-fout" className="text-field__error">
                {t(errors.form)}
              </p>
            ) : null}
            <input
              ref={fileRef}
              id="koppeling-formulier"
              type="file"
              accept="application/pdf,.pdf"
              className="text-field__input"
              aria-invalid={errors.form ? true : undefined}
              aria-describedby={errors.form ? 'koppeling-formulier-fout koppeling-formulier-uitleg' : 'koppeling-formulier-uitleg'}
              onChange={(event) => setFile(event.target.files?.[0] ?? null)}
            />
          </div>
        </fieldset>
        <Actions>
          <Button type="submit" aria-disabled={create.isPending}>
            {t('admin.newLink.submit')}
          </Button>
        </Actions>
        {create.isPending ? <p role="status">{t('admin.pending')}</p> : null}
      </form>
    </section>
  )
}
