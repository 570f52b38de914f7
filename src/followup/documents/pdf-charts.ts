/**
 * Simple vector charts drawn with PDFKit: grouped bars and lines over categories, with a value
 * axis, grid lines and a legend. Values are plain numbers (the caller picks the unit).
 */
import { COLOR, FONT, SIZE, winAnsi, type PdfWriter } from '../../assistance/documents/pdf-writer.ts';

export interface ChartSeries {
  name: string;
  color: string;
  /** one per category; null leaves a gap */
  values: (number | null)[];
}

export interface ChartSpec {
  title: string;
  categories: string[];
  series: ChartSeries[];
  /** bars and lines over categories along the bottom; hbars: horizontal bars, categories down the left */
  kind: 'bars' | 'lines' | 'hbars';
  /** formats an axis value */
  format: (value: number) => string;
  height?: number;
}

export const SERIES_COLORS = ['#1f4e79', '#7f9fbf', '#c9d6e3'];

/** A "nice" step for about five grid lines. */
function niceStep(range: number): number {
  if (range <= 0) return 1;
  const raw = range / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

export function drawChart(pdf: PdfWriter, spec: ChartSpec): void {
  if (spec.kind === 'hbars') {
    drawHorizontalBars(pdf, spec);
    return;
  }
  const doc = pdf.doc;
  const height = spec.height ?? 170;
  const legendHeight = 16;
  pdf.ensure(height + legendHeight + 40);
  pdf.style(FONT.bold, SIZE.body);
  pdf.at(spec.title, pdf.left, doc.y, pdf.width);
  doc.y += 16;

  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep(max - min);
  const top = Math.ceil(max / step) * step || step;
  const bottom = Math.floor(min / step) * step;
  const axisWidth = 48;
  const x0 = pdf.left + axisWidth;
  const plotWidth = pdf.width - axisWidth;
  const y0 = doc.y;
  const yOf = (value: number) => y0 + ((top - value) / (top - bottom)) * height;

  // grid and value axis
  pdf.style(FONT.regular, SIZE.small - 1, COLOR.muted);
  for (let v = bottom; v <= top + step / 2; v += step) {
    const y = yOf(v);
    pdf.rule(y, v === 0 ? COLOR.strong : COLOR.rule, v === 0 ? 0.8 : 0.4, x0, plotWidth);
    pdf.at(spec.format(v), pdf.left, y - 4, axisWidth - 6, 'right');
  }

  const slot = plotWidth / Math.max(1, spec.categories.length);
  spec.categories.forEach((category, i) => {
    pdf.style(FONT.regular, SIZE.small - 1.5, COLOR.muted);
    pdf.at(category, x0 + i * slot, y0 + height + 3, slot, 'left');
  });

  if (spec.kind === 'bars') {
    const groupWidth = slot * 0.8;
    const barWidth = groupWidth / Math.max(1, spec.series.length);
    spec.series.forEach((series, s) => {
      series.values.forEach((value, i) => {
        if (value === null) return;
        const x = x0 + i * slot + slot * 0.1 + s * barWidth;
        const yTop = yOf(Math.max(0, value));
        const yBottom = yOf(Math.min(0, value));
        doc.rect(x, yTop, barWidth * 0.9, Math.max(0.5, yBottom - yTop)).fill(series.color);
      });
    });
  } else {
    for (const series of spec.series) {
      let started = false;
      series.values.forEach((value, i) => {
        if (value === null) {
          started = false;
          return;
        }
        const x = x0 + i * slot + slot / 2;
        if (started) doc.lineTo(x, yOf(value));
        else doc.moveTo(x, yOf(value));
        started = true;
      });
      doc.lineWidth(1.6).strokeColor(series.color).stroke();
      series.values.forEach((value, i) => {
        if (value !== null) doc.circle(x0 + i * slot + slot / 2, yOf(value), 1.8).fill(series.color);
      });
    }
  }

  drawLegend(pdf, spec, x0, y0 + height + 18);
}

function drawLegend(pdf: PdfWriter, spec: ChartSpec, x0: number, legendY: number): void {
  const doc = pdf.doc;
  const legendHeight = 16;
  let x = x0;
  pdf.style(FONT.regular, SIZE.small, COLOR.text);
  for (const series of spec.series) {
    doc.rect(x, legendY + 1, 8, 8).fill(series.color);
    pdf.style(FONT.regular, SIZE.small, COLOR.text);
    pdf.at(series.name, x + 12, legendY, 120);
    x += 24 + doc.widthOfString(series.name);
  }
  doc.y = legendY + legendHeight + 6;
  pdf.style(FONT.regular, SIZE.body);
}

/** Horizontal bars from zero, one group per category, the category names down the left. */
function drawHorizontalBars(pdf: PdfWriter, spec: ChartSpec): void {
  const doc = pdf.doc;
  const barHeight = 7;
  const groupHeight = spec.series.length * barHeight + 6;
  const height = spec.categories.length * groupHeight;
  pdf.ensure(height + 70);
  pdf.style(FONT.bold, SIZE.body);
  pdf.at(spec.title, pdf.left, doc.y, pdf.width);
  doc.y += 16;

  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const step = niceStep(max - min);
  const right = Math.ceil(max / step) * step || step;
  const left = Math.floor(min / step) * step;
  const labelWidth = 150;
  const x0 = pdf.left + labelWidth;
  const plotWidth = pdf.width - labelWidth - 10;
  const y0 = doc.y;
  const xOf = (value: number) => x0 + ((value - left) / (right - left)) * plotWidth;

  pdf.style(FONT.regular, SIZE.small - 1, COLOR.muted);
  for (let v = left; v <= right + step / 2; v += step) {
    const x = xOf(v);
    doc
      .moveTo(x, y0)
      .lineTo(x, y0 + height)
      .lineWidth(v === 0 ? 0.8 : 0.4)
      .strokeColor(v === 0 ? COLOR.strong : COLOR.rule)
      .stroke();
    doc.text(winAnsi(spec.format(v)), x - 30, y0 + height + 3, { width: 60, align: 'center' });
  }
  spec.categories.forEach((category, i) => {
    const top = y0 + i * groupHeight + 3;
    pdf.style(FONT.regular, SIZE.small - 0.5, COLOR.text);
    doc.text(fit(doc, winAnsi(category), labelWidth - 8), pdf.left, top + 1, { lineBreak: false });
    spec.series.forEach((series, s) => {
      const value = series.values[i];
      if (value === null || value === undefined) return;
      const a = xOf(Math.min(0, value));
      const b = xOf(Math.max(0, value));
      doc.rect(a, top + s * barHeight, Math.max(0.5, b - a), barHeight - 1).fill(series.color);
    });
  });
  drawLegend(pdf, spec, x0, y0 + height + 16);
}

/** The text cut with an ellipsis to fit the width in the current font. */
function fit(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let cut = text;
  while (cut.length > 1 && doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}
