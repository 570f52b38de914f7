/**
 * A small layout layer over PDFKit for letters: A4 pages with a header and a footer on each,
 * headings, flowing paragraphs, label–value lists and tables that continue on the next page.
 */
import PDFDocument from 'pdfkit';

type Doc = PDFKit.PDFDocument;

const MARGINS = { top: 104, bottom: 82, left: 64, right: 64 };
export const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
export const SIZE = { small: 8.5, body: 10, heading: 12, title: 20 };
export const COLOR = {
  text: '#111111',
  muted: '#555555',
  rule: '#bbbbbb',
  strong: '#333333',
  shade: '#efefef',
};
const PAD = 4;

// The standard PDF fonts only have the WinAnsi characters (å, ä, ö, é, –, …); any other character
// would print as garbage, so it is replaced by its nearest WinAnsi form (ş → s) before drawing.
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
const SUBSTITUTES: Record<string, string> = {
  '\u2212': '–',
  '\u2009': '\u00a0',
  '\u202f': '\u00a0',
  '\u2010': '-',
  '\u2011': '-',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
};
const isWinAnsi = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return (
    char === '\n' ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xff) ||
    WIN_ANSI_EXTRA.has(char)
  );
};
export function winAnsi(text: string): string {
  let out = '';
  for (const char of text) {
    if (isWinAnsi(char)) out += char;
    else {
      const base = SUBSTITUTES[char] ?? char.normalize('NFD').replace(/\p{M}/gu, '');
      out += [...base].every(isWinAnsi) ? base : '?';
    }
  }
  return out;
}

export interface Column {
  header: string;
  /** share of the content width */
  width: number;
  align?: 'left' | 'right';
  /** extra space on the left, e.g. after a right-aligned column */
  indent?: number;
}
export interface Row {
  cells: string[];
  /** small lines under the row, across the whole table */
  notes?: string[];
  total?: boolean;
}

export class PdfWriter {
  readonly doc: Doc;
  private readonly chunks: Buffer[] = [];

  constructor(info: PDFKit.DocumentInfo, lang: string) {
    this.doc = new PDFDocument({ size: 'A4', margins: MARGINS, bufferPages: true, lang, info });
    this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk));
    this.doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOR.text);
  }

  get left(): number {
    return MARGINS.left;
  }
  get width(): number {
    return this.doc.page.width - MARGINS.left - MARGINS.right;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGINS.bottom;
  }

  style(font: string, size: number, color: string = COLOR.text): this {
    this.doc.font(font).fontSize(size).fillColor(color);
    return this;
  }

  heightOf(text: string, width: number): number {
    return this.doc.heightOfString(winAnsi(text), { width });
  }

  /** Draws at (x, y) without moving the flow; returns the height used. */
  at(text: string, x: number, y: number, width: number, align: 'left' | 'right' = 'left'): number {
    const height = this.heightOf(text, width);
    this.doc.text(winAnsi(text), x, y, { width, align });
    return height;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.y = MARGINS.top;
  }

  gap(points: number): void {
    this.doc.y += points;
  }

  paragraph(text: string, font = FONT.regular, size = SIZE.body, color: string = COLOR.text): void {
    this.style(font, size, color);
    this.doc.text(winAnsi(text), this.left, this.doc.y, { width: this.width, lineGap: 1.5 });
    this.gap(5);
  }

  /** A heading is never left alone at the foot of a page. */
  heading(text: string, size = SIZE.heading): void {
    this.gap(10);
    this.style(FONT.bold, size);
    this.ensure(this.heightOf(text, this.width) + 40);
    this.doc.text(winAnsi(text), this.left, this.doc.y, { width: this.width });
    this.gap(4);
  }

  keyValues(rows: [string, string][], labelWidth = 120): void {
    for (const [label, value] of rows) {
      const y = this.doc.y;
      this.style(FONT.regular, SIZE.body);
      const height = this.heightOf(value, this.width - labelWidth);
      this.ensure(height);
      this.style(FONT.regular, SIZE.small + 0.5, COLOR.muted).at(label, this.left, y + 0.8, labelWidth - PAD);
      this.style(FONT.regular, SIZE.body).at(value, this.left + labelWidth, y, this.width - labelWidth);
      this.doc.y = y + height + 3;
    }
  }

  /** A shaded box around a bold first line and smaller lines under it. */
  box(first: string, rest: string[]): void {
    const inner = this.width - 4 * PAD;
    this.style(FONT.bold, SIZE.heading);
    let height = this.heightOf(first, inner) + 4;
    this.style(FONT.regular, SIZE.small + 0.5);
    for (const line of rest) height += this.heightOf(line, inner) + 2;
    this.ensure(height + 4 * PAD);
    const top = this.doc.y;
    this.doc.rect(this.left, top, this.width, height + 4 * PAD).fill(COLOR.shade);
    let y = top + 2 * PAD;
    y += this.style(FONT.bold, SIZE.heading).at(first, this.left + 2 * PAD, y, inner) + 4;
    for (const line of rest)
      y += this.style(FONT.regular, SIZE.small + 0.5).at(line, this.left + 2 * PAD, y, inner) + 2;
    this.doc.y = top + height + 4 * PAD + 6;
  }

  table(columns: Column[], rows: Row[]): void {
    const spans = columns.map((column) => column.width * this.width);
    const starts = spans.map((_, i) => this.left + spans.slice(0, i).reduce((sum, w) => sum + w, 0));
    const xs = starts.map((x, i) => x + (columns[i]?.indent ?? 0));
    const widths = spans.map((w, i) => w - (columns[i]?.indent ?? 0));
    const drawHeader = () => {
      this.style(FONT.bold, SIZE.small + 0.5, COLOR.strong);
      const y = this.doc.y;
      columns.forEach((column, i) =>
        this.at(column.header, (xs[i] ?? 0) + PAD, y, (widths[i] ?? 0) - 2 * PAD, column.align),
      );
      this.doc.y = y + this.heightOf('Åg', this.width) + PAD;
      this.rule(this.doc.y, COLOR.strong, 0.8);
    };
    this.ensure(60);
    drawHeader();
    for (const row of rows) {
      const font = row.total ? FONT.bold : FONT.regular;
      this.style(font, SIZE.body);
      const cellsHeight = Math.max(
        ...row.cells.map((cell, i) => this.heightOf(cell, (widths[i] ?? 0) - 2 * PAD)),
      );
      this.style(FONT.regular, SIZE.small);
      const notesHeight = (row.notes ?? []).reduce(
        (sum, note) => sum + this.heightOf(note, this.width - 6 * PAD) + 1.5,
        0,
      );
      const height = cellsHeight + notesHeight + 2.5 * PAD;
      if (this.doc.y + height > this.bottom) {
        this.newPage();
        drawHeader();
      }
      const top = this.doc.y;
      if (row.total) this.rule(top, COLOR.strong, 0.8);
      this.style(font, SIZE.body);
      row.cells.forEach((cell, i) =>
        this.at(cell, (xs[i] ?? 0) + PAD, top + PAD, (widths[i] ?? 0) - 2 * PAD, columns[i]?.align),
      );
      let y = top + PAD + cellsHeight + 1.5;
      this.style(FONT.regular, SIZE.small, COLOR.muted);
      for (const note of row.notes ?? [])
        y += this.at(note, this.left + 3 * PAD, y, this.width - 6 * PAD) + 1.5;
      this.doc.y = top + height;
      if (!row.total) this.rule(this.doc.y, COLOR.rule, 0.5);
    }
    this.style(FONT.regular, SIZE.body);
    this.gap(8);
  }

  rule(y: number, color: string, width: number, x = this.left, length = this.width): void {
    this.doc
      .moveTo(x, y)
      .lineTo(x + length, y)
      .lineWidth(width)
      .strokeColor(color)
      .stroke();
  }

  /** Draws the header and the footer on every page, once all pages exist. */
  stamp(draw: (page: number, pages: number) => void): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let index = start; index < start + count; index++) {
      this.doc.switchToPage(index);
      // Text in the margins would otherwise start yet another page.
      const bottom = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      draw(index - start + 1, count);
      this.doc.page.margins.bottom = bottom;
    }
  }

  end(): Promise<Buffer> {
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.chunks)));
      this.doc.on('error', reject);
    });
    this.doc.end();
    return done;
  }
}
