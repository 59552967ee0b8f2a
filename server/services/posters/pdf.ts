/**
 * Draws a PosterModel as one A4 page with pdfkit: large date, place, sections and a vector QR code.
 * Helvetica (a PDF standard font, WinAnsi encoding) covers every letter Indonesian and the Balinese day
 * names use, so no font file ships and the text stays extractable (pdftotext).
 */
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { PosterModel } from '../../domain/posters/posterText.js';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 42;
const INK = '#111111';
const ACCENT = '#0b5d1e';
/** The QR code's side in points (≈ 5.6 cm): readable by a cheap phone from an arm's length. */
const QR_SIDE = 160;

/** Renders `model` to PDF bytes. */
export function renderPosterPdf(model: PosterModel): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    info: { Title: `${model.title}${model.when ? ` · ${model.when.date}` : ''}`, Author: 'Jangkau', Subject: 'Poster BPJS Ketenagakerjaan' },
    lang: 'id-ID',
    autoFirstPage: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = A4[0] - 2 * MARGIN;

  doc.rect(0, 0, A4[0], 10).fill(ACCENT);
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(13).text(model.kicker, MARGIN, MARGIN, { width, characterSpacing: 1 });
  doc.moveDown(0.3);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(26).text(model.title, { width });
  doc.moveDown(0.4);

  if (model.when) {
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(34).text(model.when.date, { width });
    doc.font('Helvetica-Bold').fontSize(28).text(model.when.time, { width });
    doc.fillColor(ACCENT).font('Helvetica-Oblique').fontSize(18).text(model.when.balinese, { width });
    doc.moveDown(0.4);
  }

  model.place.forEach((line, i) => {
    doc.fillColor(INK).font(i === 0 ? 'Helvetica-Bold' : 'Helvetica').fontSize(i === 0 ? 22 : 15).text(line, { width });
  });
  doc.moveDown(0.6);

  // The QR block takes the bottom of the page; the sections get the room above it, in the largest type that fits.
  const qrTop = A4[1] - MARGIN - QR_SIDE;
  const room = qrTop - 12 - doc.y;
  const scale = [1, 0.9, 0.8, 0.7, 0.6].find((k) => sectionsHeight(doc, model, width, k) <= room) ?? 0.6;
  for (const s of model.sections) {
    doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(16 * scale).text(s.heading, MARGIN, doc.y, { width });
    doc.fillColor(INK).font('Helvetica').fontSize(14 * scale);
    for (const line of s.lines) doc.text(`•  ${line}`, MARGIN, doc.y, { width });
    doc.moveDown(0.4);
  }

  doc.rect(MARGIN, qrTop - 6, width, QR_SIDE + 6).lineWidth(1.5).strokeColor(ACCENT).stroke();
  drawQr(doc, model.qrUrl, A4[0] - MARGIN - QR_SIDE, qrTop - 3);
  const captionWidth = width - QR_SIDE - 24;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(15).text(model.qrCaption, MARGIN + 12, qrTop + 14, { width: captionWidth });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(11).text(model.qrUrl, { width: captionWidth });
  doc.end();
  return done;
}

/** Height in points of the sections at `scale` × the normal type sizes. */
function sectionsHeight(doc: PDFKit.PDFDocument, model: PosterModel, width: number, scale: number): number {
  let h = 0;
  for (const s of model.sections) {
    doc.font('Helvetica-Bold').fontSize(16 * scale);
    h += doc.heightOfString(s.heading, { width });
    doc.font('Helvetica').fontSize(14 * scale);
    for (const line of s.lines) h += doc.heightOfString(`•  ${line}`, { width });
    h += doc.currentLineHeight() * 0.4;
  }
  return h;
}

/** A QR code drawn as vector squares (crisp at any print size), with the 4-module quiet zone the standard asks for. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = QR_SIDE / (n + 8);
  doc.rect(x, y, QR_SIDE, QR_SIDE).fill('#ffffff');
  doc.fillColor('#000000');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      if (qr.modules.get(r, c)) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell);
    }
  }
  doc.fill();
}
