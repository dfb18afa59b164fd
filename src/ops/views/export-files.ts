import ExcelJS from 'exceljs';

/** A cell of an export: text, a number (with its display format), a date (YYYY-MM-DD) or empty. */
export type ExportCell = string | number | { readonly date: string } | { readonly number: number; readonly format: string } | null;

export interface ExportTable {
  readonly sheet: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly ExportCell[])[];
}

export type ExportLanguage = 'en' | 'es';

/**
 * A text that a spreadsheet would run as a formula (= + - @, or a tab / carriage return that
 * some programs strip first) gets a leading apostrophe: it is shown, never evaluated.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function dmy(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function csvText(cell: ExportCell, lang: ExportLanguage): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutraliseFormula(cell);
  if (typeof cell === 'number') return lang === 'es' ? String(cell).replace('.', ',') : String(cell);
  if ('date' in cell) return lang === 'es' ? dmy(cell.date) : cell.date;
  const fixed = cell.number.toFixed(2);
  return lang === 'es' ? fixed.replace('.', ',') : fixed;
}

/**
 * CSV as a spreadsheet in that language opens it: Spanish uses `;` between fields and a decimal
 * comma (Excel in es-AR reads `,` as the decimal mark), English `,` and a point. UTF-8 with a
 * byte-order mark so that accents survive Excel's import.
 */
export function toCsv(table: ExportTable, lang: ExportLanguage): string {
  const separator = lang === 'es' ? ';' : ',';
  const needsQuotes = lang === 'es' ? /["\r\n;]/ : /["\r\n,]/;
  const quote = (text: string) => (needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [table.headers.map((h) => quote(neutraliseFormula(h))), ...table.rows.map((row) => row.map((cell) => quote(csvText(cell, lang))))];
  return `\uFEFF${lines.map((cells) => cells.join(separator)).join('\r\n')}\r\n`;
}

/** An .xlsx workbook with one sheet: real dates and numbers, text never a formula, the header row frozen. */
export async function toXlsx(table: ExportTable, lang: ExportLanguage): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'hik2humand';
  const sheet = workbook.addWorksheet(table.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.headers.map(neutraliseFormula)).font = { bold: true };
  const dateFormat = lang === 'es' ? 'dd/mm/yyyy' : 'yyyy-mm-dd';
  for (const row of table.rows) {
    const added = sheet.addRow(
      row.map((cell) => {
        if (cell === null || typeof cell === 'number') return cell;
        if (typeof cell === 'string') return neutraliseFormula(cell);
        if ('date' in cell) return new Date(`${cell.date}T00:00:00Z`);
        return cell.number;
      }),
    );
    row.forEach((cell, index) => {
      if (cell !== null && typeof cell === 'object') added.getCell(index + 1).numFmt = 'date' in cell ? dateFormat : cell.format;
    });
  }
  table.headers.forEach((header, index) => {
    const widest = Math.max(header.length, ...table.rows.slice(0, 200).map((row) => csvText(row[index] ?? null, lang).length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(8, widest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
