/**
 * PDF rendering with pdfmake (tables, page breaks, headers and footers), the Roboto fonts it ships (full Unicode:
 * "≥", "–", Indonesian names). No network or file access from document definitions.
 */
import path from 'node:path';
import type pdfmakeModule from 'pdfmake';

let loaded: typeof pdfmakeModule | null = null;
/** pdfmake (with pdfkit) loaded on the first PDF, not at server start (it costs a noticeable part of a start). */
function pdfmake(): typeof pdfmakeModule {
  if (loaded) return loaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const m = require('pdfmake') as typeof pdfmakeModule;
  const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
  m.setFonts({
    Roboto: {
      normal: path.join(fontDir, 'Roboto-Regular.ttf'),
      bold: path.join(fontDir, 'Roboto-Medium.ttf'),
      italics: path.join(fontDir, 'Roboto-Italic.ttf'),
      bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
    },
  });
  m.setUrlAccessPolicy(() => false);
  m.setLocalAccessPolicy((p) => path.resolve(p).startsWith(fontDir));
  return (loaded = m);
}

export type Content = Record<string, unknown> | string | Content[];

export interface ReportDoc {
  title: string;
  /** Line under the title on every page ("Kanwil … · Tahun 2026"). */
  subtitle: string;
  content: Content[];
  landscape?: boolean;
  /** Printed date, in Indonesian. */
  printedOn: string;
}

/** A4, Indonesian footer "Dicetak … · Halaman x dari n". */
export function renderPdf(doc: ReportDoc): Promise<Buffer> {
  return pdfmake()
    .createPdf({
      pageSize: 'A4',
      pageOrientation: doc.landscape ? 'landscape' : 'portrait',
      pageMargins: [40, 56, 40, 48],
      info: { title: doc.title, creator: 'Pantau ZI', producer: 'Pantau ZI' },
      defaultStyle: { font: 'Roboto', fontSize: 9.5, lineHeight: 1.15 },
      header: (page: number) => (page === 1 ? null : { text: `${doc.title} — ${doc.subtitle}`, margin: [40, 24, 40, 0], fontSize: 8, color: '#666666' }),
      footer: (page: number, pages: number) => ({
        columns: [
          { text: `Dicetak dari Pantau ZI pada ${doc.printedOn}`, fontSize: 8, color: '#666666' },
          { text: `Halaman ${page} dari ${pages}`, alignment: 'right', fontSize: 8, color: '#666666' },
        ],
        margin: [40, 16, 40, 0],
      }),
      styles: {
        title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 0, 0, 2] },
        subtitle: { fontSize: 10, alignment: 'center', margin: [0, 0, 0, 12] },
        h2: { fontSize: 11, bold: true, margin: [0, 12, 0, 6] },
        th: { bold: true, fillColor: '#e8edf5' },
        small: { fontSize: 8 },
        muted: { color: '#555555' },
      },
      content: [{ text: doc.title, style: 'title' }, { text: doc.subtitle, style: 'subtitle' }, ...doc.content],
    })
    .getBuffer();
}

/** A table with a header row repeated on every page. */
export function table(header: string[], rows: Content[][], widths: (number | string)[], opts: { fontSize?: number } = {}): Content {
  return {
    table: { headerRows: 1, widths, body: [header.map((h) => ({ text: h, style: 'th' })), ...rows], dontBreakRows: true },
    layout: { hLineColor: '#b0b8c4', vLineColor: '#b0b8c4', hLineWidth: () => 0.5, vLineWidth: () => 0.5, paddingTop: () => 2, paddingBottom: () => 2 },
    fontSize: opts.fontSize ?? 9,
    margin: [0, 0, 0, 8],
  };
}

/** Label/value pairs (identity block). */
export function facts(pairs: [string, string][]): Content {
  return {
    table: { widths: [130, '*'], body: pairs.map(([k, v]) => [{ text: k, style: 'muted' }, { text: v }]) },
    layout: 'noBorders',
    margin: [0, 0, 0, 8],
  };
}
