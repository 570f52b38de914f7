/** Downloaded documents opened the way a reader opens them: PDFs with pdf.js, workbooks with exceljs. */
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** The text of every page of a PDF, read back with pdf.js, white space folded to one space. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const document = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await document.destroy();
  return parts.join(' ').replace(/[\u00a0\s]+/g, ' ');
}

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The report workbook's sheets, one per section in the report's order. */
export const REPORT_SHEETS = [
  'Sammanfattning',
  'Indikatorer',
  'Budget och prognos',
  'Försörjningsstöd per månad',
  'Verksamhetsmått',
  'Uppdrag',
  'Intern kontroll',
];

/** What a reader sees in a cell: a formula's stored result, or the value itself. */
export function shownValue(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  return value !== null && typeof value === 'object' && 'result' in value ? value.result : value;
}

/**
 * The budget sheet's Totalt rows by label (Intäkt, Kostnad, Nettokostnad): outcome last year,
 * outcome, budget, forecast and deviation, in tkr.
 */
export function budgetTotals(workbook: ExcelJS.Workbook): Map<string, unknown[]> {
  const totals = new Map<string, unknown[]>();
  workbook.getWorksheet('Budget och prognos')!.eachRow((row) => {
    if (row.getCell(1).value !== 'Totalt') return;
    totals.set(
      String(row.getCell(2).value),
      [3, 4, 5, 6, 7].map((c) => shownValue(row.getCell(c))),
    );
  });
  return totals;
}
