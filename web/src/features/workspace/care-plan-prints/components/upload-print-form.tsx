import { type FormEvent, useState } from 'react'
import { Actions } from '@/components/ui/actions.tsx'
import { Alert } from '@/components/ui/alert.tsx'
import { Button } from '@/components/ui/button.tsx'
import { TextField } from '@/components/ui/text-field.tsx'
import { errorMessage } from '@/lib/error-message.ts'
import type { MessageKey } from '@/i18n/nl.ts'
import { useLanguage, useT } from '@/i18n/use-t.ts'
import { type PdfFileProblem, readPdfFile } from '../read-pdf-file.ts'
import { useUploadPrint } from '../api/upload-print.ts'
import { FileField } from './file-field.tsx'

type Field = 'planDate' | 'signedOn' | 'print' | 'sheet'
type Problems = Partial<Record<Field, string>>

const FILE_PROBLEMS: Record<PdfFileProblem, MessageKey> = {
  notPdf: 'workspace.prints.notPdf',
  tooLarge: 'workspace.prints.tooLarge',
  empty: 'workspace.prints.empty',
  unreadable: 'workspace.prints.unreadable',
}

/**
 * "Afdruk toevoegen": the date of the care plan, the day it was signed, the signed print and
 * its signature sheet. Both files are read and checked here and sent as base64 in JSON; should
 * the server still refuse one by its content, its message shows above the form.
 */
export function UploadPrintForm({ clientId, onDone, onCancel }: { clientId: string; onDone: () => void; onCancel: () => void }) {
  const t = useT()
  const [language] = useLanguage()
  const upload = useUploadPrint(clientId)
  const [planDate, setPlanDate] = useState('')
  const [signedOn, setSignedOn] = useState('')
  const [print, setPrint] = useState<File | null>(null)
  const [sheet, setSheet] = useState<File | null>(null)
  const [problems, setProblems] = useState<Problems>({})
  const [reading, setReading] = useState(false)

  const focusFirst = (found: Problems) => {
    const first = (['planDate', 'signedOn', 'print', 'sheet'] as const).find((field) => found[field])
    if (first) document.getElementById(`afdruk-${first}`)?.focus()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (upload.isPending || reading) return
    const found: Problems = {}
    if (!/^\d{4}-\d{2}-\d{2}$/.test(planDate)) found.planDate = t('workspace.prints.planDateRequired')
    if (signedOn && planDate && signedOn < planDate) found.signedOn = t('workspace.prints.signedBeforePlan')
    if (!print) found.print = t('workspace.prints.printRequired')
    setReading(true)
    const printFile = print ? await readPdfFile(print) : null
    const sheetFile = sheet ? await readPdfFile(sheet) : null
    setReading(false)
    if (printFile && 'problem' in printFile) found.print = t(FILE_PROBLEMS[printFile.problem])
    if (sheetFile && 'problem' in sheetFile) found.sheet = t(FILE_PROBLEMS[sheetFile.problem])
    setProblems(found)
    if (Object.keys(found).length > 0 || !printFile || 'problem' in printFile || (sheetFile && 'problem' in sheetFile)) return focusFirst(found)
    upload.mutate(
      { planDate, signedOn: signedOn || null, printPdfBase64: printFile.base64, signatureSheetPdfBase64: sheetFile ? sheetFile.base64 : null },
      { onSuccess: onDone },
    )
  }

  return (
    <form className="workspace-form" onSubmit={(event) => void submit(event)} noValidate>
      {upload.error ? <Alert>{errorMessage(upload.error, language)}</Alert> : null}
      <div className="workspace-form__row">
        <TextField id="afdruk-planDate" type="date" label={t('workspace.prints.planDate')} value={planDate} required error={problems.planDate} onChange={(event) => setPlanDate(event.target.value)} />
        <TextField id="afdruk-signedOn" type="date" label={t('workspace.prints.signedOn')} value={signedOn} error={problems.signedOn} onChange={(event) => setSignedOn(event.target.value)} />
      </div>
      <FileField id="afdruk-print" label={t('workspace.prints.printFile')} hint={t('workspace.prints.fileHint')} error={problems.print} required onChange={setPrint} />
      <FileField id="afdruk-sheet" label={t('workspace.prints.sheetFile')} hint={t('workspace.prints.sheetHint')} error={problems.sheet} onChange={setSheet} />
      <Actions>
        <Button type="submit" aria-disabled={upload.isPending || reading}>
          {t('workspace.prints.upload')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('record.cancel')}
        </Button>
      </Actions>
      {upload.isPending || reading ? <p role="status">{t('workspace.prints.uploading')}</p> : null}
    </form>
  )
}
