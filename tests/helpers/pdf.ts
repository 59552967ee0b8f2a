/** Reading posters back like a person would: the text via poppler's pdftotext, the QR code via pdftoppm + jsQR. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import jsQR from 'jsqr';

function withPdf<T>(pdf: Uint8Array, fn: (dir: string, file: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'jangkau-pdf-'));
  try {
    const file = join(dir, 'poster.pdf');
    writeFileSync(file, pdf);
    return fn(dir, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The PDF's text as pdftotext extracts it (UTF-8), whitespace runs collapsed to one space. */
export function pdfText(pdf: Uint8Array): string {
  return withPdf(pdf, (_dir, file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })).replace(/\s+/g, ' ');
}

/** Number of pages (pdfinfo). */
export function pdfPages(pdf: Uint8Array): number {
  const info = withPdf(pdf, (_dir, file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
}

/** Page 1 rendered at 100 dpi and the text of the first QR code jsQR finds on it, or null. */
export function pdfQrText(pdf: Uint8Array): string | null {
  return withPdf(pdf, (dir, file) => {
    execFileSync('pdftoppm', ['-png', '-r', '100', '-f', '1', '-l', '1', '-singlefile', file, join(dir, 'page')]);
    const png = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
  });
}
