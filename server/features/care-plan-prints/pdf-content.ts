/** The PDF content check moved to server/pdf/ (uploads beyond care-plan prints use it too). */
export { PDF_MAX_BYTES, type PdfProblem, pdfProblem } from '../../pdf/pdf-content.ts'
