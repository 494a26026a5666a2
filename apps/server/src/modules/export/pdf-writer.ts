/**
 * pdfkit, loaded when the first PDF is made (6 MB of heap, its fonts' metrics besides): most of
 * a server's life prints nothing.
 */
let pdfkit: Promise<typeof import("pdfkit")> | null = null;

/** The web app's colours (apps/web/src/styles/tokens.css), so the form looks like the screen. */
export const PDF_COLORS = {
  ink: "#1b1f24",
  muted: "#4d5560",
  line: "#c9d0d9",
  brand: "#1d4f91",
  soft: "#eef3fa",
  error: "#b00020",
} as const;

const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };
const MARGIN = { top: 84, bottom: 66, left: 56, right: 56 };

/** One column of a table: its header and its share of the width (fractions adding up to 1). */
export interface PdfColumn {
  header: string;
  share: number;
}

/**
 * An A4 document with the form's typography: headings, fact rows, paragraphs, tables, and a
 * header (the school's name) and footer (who, when, page n of N) on every page.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer>;

  /** A new document titled `title`. */
  static async open(title: string): Promise<PdfWriter> {
    pdfkit ??= import("pdfkit").then((module) => module.default as typeof import("pdfkit"));
    const PDFDocument = await pdfkit;
    return new PdfWriter(
      new PDFDocument({
        size: "A4",
        margins: MARGIN,
        bufferPages: true,
        info: { Title: title, Author: "Driehoek" },
      }),
    );
  }

  private constructor(doc: PDFKit.PDFDocument) {
    this.doc = doc;
    this.doc.on("data", (chunk: Buffer) => this.chunks.push(chunk));
    this.done = new Promise((resolve) =>
      this.doc.on("end", () => resolve(Buffer.concat(this.chunks))),
    );
    this.doc.fillColor(PDF_COLORS.ink);
  }

  get left(): number {
    return MARGIN.left;
  }
  get width(): number {
    return this.doc.page.width - MARGIN.left - MARGIN.right;
  }
  private get bottom(): number {
    return this.doc.page.height - MARGIN.bottom;
  }

  /** Room left on this page, in points. */
  get room(): number {
    return this.bottom - this.doc.y;
  }

  /** Goes on to a new page unless `height` points still fit on this one. */
  keep(height: number): void {
    if (this.doc.y + height > this.bottom) this.newPage();
  }

  newPage(): void {
    this.doc.addPage();
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  space(points: number): void {
    this.doc.y += points;
  }

  title(text: string, subtitle: string): void {
    this.doc.font(FONT.bold).fontSize(22).fillColor(PDF_COLORS.ink);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.font(FONT.regular).fontSize(11.5).fillColor(PDF_COLORS.muted);
    this.doc.text(subtitle, this.left, this.doc.y + 2, { width: this.width });
    this.doc.fillColor(PDF_COLORS.ink);
    this.space(10);
  }

  /** A framed notice, e.g. the draft mark. */
  badge(text: string, color: string): void {
    this.doc.font(FONT.bold).fontSize(10);
    const width = this.doc.widthOfString(text) + 16;
    const y = this.doc.y;
    this.doc.lineWidth(1.5).roundedRect(this.left, y, width, 20, 3).stroke(color);
    this.doc.fillColor(color).text(text, this.left + 8, y + 5.5, { lineBreak: false });
    this.doc.fillColor(PDF_COLORS.ink);
    this.doc.x = this.left;
    this.doc.y = y + 30;
  }

  /** A block heading inside a page ("Controle POK", "Tijdsverloop"). */
  heading(text: string): void {
    this.keep(48);
    this.space(6);
    this.doc.font(FONT.bold).fontSize(13).fillColor(PDF_COLORS.brand);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.rule(PDF_COLORS.line, 0.75);
    this.space(6);
    this.doc.fillColor(PDF_COLORS.ink);
  }

  /** A phase's heading: a band with its title and, on the right, the time it took. */
  phaseHeading(text: string, aside: string | null): void {
    const y = this.doc.y;
    this.doc.rect(this.left, y, this.width, 30).fill(PDF_COLORS.brand);
    this.doc.font(FONT.bold).fontSize(15).fillColor("#ffffff");
    this.doc.text(text, this.left + 10, y + 8, { width: this.width - 180, lineBreak: false });
    if (aside) {
      this.doc.font(FONT.regular).fontSize(10.5);
      this.doc.text(aside, this.left + this.width - 170, y + 10.5, {
        width: 160,
        align: "right",
        lineBreak: false,
      });
    }
    this.doc.fillColor(PDF_COLORS.ink);
    this.doc.x = this.left;
    this.doc.y = y + 42;
  }

  /** A section's heading with the time it took on the right; kept with a few lines below it. */
  sectionHeading(text: string, aside: string | null): void {
    this.keep(70);
    const y = this.doc.y;
    const asideWidth = aside ? 130 : 0;
    this.doc.font(FONT.bold).fontSize(11.5).fillColor(PDF_COLORS.ink);
    this.doc.text(text, this.left, y, { width: this.width - asideWidth - 8 });
    const after = this.doc.y;
    if (aside) {
      this.doc.font(FONT.regular).fontSize(9.5).fillColor(PDF_COLORS.muted);
      this.doc.text(aside, this.left + this.width - asideWidth, y + 1.5, {
        width: asideWidth,
        align: "right",
      });
    }
    this.doc.fillColor(PDF_COLORS.ink);
    this.doc.x = this.left;
    this.doc.y = Math.max(after, this.doc.y) + 3;
  }

  /** Two-column fact rows: a muted label on the left, the value on the right. */
  facts(rows: readonly (readonly [string, string])[], labelWidth = 130): void {
    for (const [label, value] of rows) {
      this.doc.font(FONT.regular).fontSize(10.5);
      const valueHeight = this.doc.heightOfString(value || "—", {
        width: this.width - labelWidth,
        lineGap: 1.5,
      });
      this.keep(valueHeight + 6);
      const y = this.doc.y;
      this.doc.font(FONT.bold).fontSize(9.5).fillColor(PDF_COLORS.muted);
      this.doc.text(label, this.left, y + 1, { width: labelWidth - 10 });
      this.doc.font(FONT.regular).fontSize(10.5).fillColor(PDF_COLORS.ink);
      this.doc.text(value || "—", this.left + labelWidth, y, {
        width: this.width - labelWidth,
        lineGap: 1.5,
      });
      this.doc.x = this.left;
      this.doc.y = y + Math.max(valueHeight, 12) + 5;
    }
  }

  /** A paragraph of body text. */
  para(text: string, options: { indent?: number; muted?: boolean; italic?: boolean } = {}): void {
    const indent = options.indent ?? 0;
    this.doc
      .font(options.italic ? FONT.italic : FONT.regular)
      .fontSize(10.5)
      .fillColor(options.muted ? PDF_COLORS.muted : PDF_COLORS.ink);
    this.doc.text(text || "—", this.left + indent, this.doc.y, {
      width: this.width - indent,
      lineGap: 2,
    });
    this.doc.fillColor(PDF_COLORS.ink);
    this.doc.x = this.left;
    this.space(3);
  }

  /** "Label: value" in one run, the label in bold. */
  labelled(label: string, value: string, indent = 0): void {
    this.doc.font(FONT.bold).fontSize(10.5).fillColor(PDF_COLORS.ink);
    this.doc.text(`${label}: `, this.left + indent, this.doc.y, {
      width: this.width - indent,
      continued: true,
      lineGap: 2,
    });
    this.doc.font(FONT.regular).text(value || "—", { lineGap: 2 });
    this.doc.x = this.left;
    this.space(2);
  }

  /** A bold line, e.g. an agreement's text. */
  strong(text: string, indent = 0): void {
    this.doc.font(FONT.bold).fontSize(10.5).fillColor(PDF_COLORS.ink);
    this.doc.text(text, this.left + indent, this.doc.y, { width: this.width - indent, lineGap: 2 });
    this.doc.x = this.left;
    this.space(2);
  }

  /** Small print, e.g. the hash. */
  small(text: string, font: "regular" | "bold" | "mono" = "regular"): void {
    const face = font === "mono" ? "Courier" : font === "bold" ? FONT.bold : FONT.regular;
    this.doc
      .font(face)
      .fontSize(font === "mono" ? 9 : 8.5)
      .fillColor(PDF_COLORS.muted);
    this.doc.text(text, this.left, this.doc.y, { width: this.width });
    this.doc.fillColor(PDF_COLORS.ink);
    this.space(2);
  }

  /** A table with a shaded header row; each row stays on one page. */
  table(columns: readonly PdfColumn[], rows: readonly (readonly string[])[], minRow = 16): void {
    const widths = columns.map((c) => c.share * this.width);
    const pad = 6;
    const rowHeight = (cells: readonly string[], font: string, least: number) => {
      this.doc.font(font).fontSize(9.5);
      return Math.max(
        least,
        ...cells.map((cell, i) =>
          this.doc.heightOfString(cell, { width: (widths[i] ?? 0) - 2 * pad }),
        ),
      );
    };
    const drawRow = (cells: readonly string[], header: boolean) => {
      const height =
        rowHeight(cells, header ? FONT.bold : FONT.regular, header ? 11 : minRow) + 2 * pad;
      const y = this.doc.y;
      if (header) this.doc.rect(this.left, y, this.width, height).fill(PDF_COLORS.soft);
      let x = this.left;
      cells.forEach((cell, i) => {
        const w = widths[i] ?? 0;
        this.doc.lineWidth(0.75).rect(x, y, w, height).stroke(PDF_COLORS.line);
        this.doc
          .font(header || i === 0 ? FONT.bold : FONT.regular)
          .fontSize(9.5)
          .fillColor(header ? PDF_COLORS.brand : PDF_COLORS.ink);
        this.doc.text(cell, x + pad, y + pad, { width: w - 2 * pad });
        x += w;
      });
      this.doc.fillColor(PDF_COLORS.ink);
      this.doc.x = this.left;
      this.doc.y = y + height;
    };
    drawRow(
      columns.map((c) => c.header),
      true,
    );
    for (const row of rows) drawRow(row, false);
    this.space(6);
  }

  /** A horizontal bar of `fraction` (0…1+) of `width`, over a light track of the planned time. */
  bar(x: number, y: number, width: number, fraction: number | null, plannedFraction: number): void {
    this.doc.rect(x, y, width * plannedFraction, 7).fill(PDF_COLORS.soft);
    this.doc
      .lineWidth(0.5)
      .rect(x, y, width * plannedFraction, 7)
      .stroke(PDF_COLORS.line);
    if (fraction !== null && fraction > 0) {
      this.doc.rect(x, y + 1.5, Math.min(width, width * fraction), 4).fill(PDF_COLORS.brand);
    }
    this.doc.fillColor(PDF_COLORS.ink);
  }

  private rule(color: string, width: number): void {
    const y = this.doc.y + 2;
    this.doc
      .lineWidth(width)
      .moveTo(this.left, y)
      .lineTo(this.left + this.width, y)
      .stroke(color);
    this.doc.y = y + 2;
  }

  /**
   * Puts the header (the school's name and the form's title) and the footer (`footer` on the
   * left, the page number on the right) on every page, then finishes the file.
   */
  finish(
    school: string,
    formTitle: string,
    footer: string,
    pageLabel: (n: number, total: number) => string,
  ): Promise<Buffer> {
    const range = this.doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      this.doc.switchToPage(i);
      // Writing in the margins must not start a new page.
      const margins = this.doc.page.margins;
      this.doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
      const right = this.doc.page.width - MARGIN.right;
      this.doc.font(FONT.bold).fontSize(13).fillColor(PDF_COLORS.brand);
      this.doc.text(school, MARGIN.left, 36, { width: 220, lineBreak: false });
      this.doc.font(FONT.regular).fontSize(9).fillColor(PDF_COLORS.muted);
      this.doc.text(formTitle, right - 260, 39.5, { width: 260, align: "right", lineBreak: false });
      this.doc.lineWidth(1.5).moveTo(MARGIN.left, 58).lineTo(right, 58).stroke(PDF_COLORS.brand);
      const footY = this.doc.page.height - 44;
      this.doc
        .lineWidth(0.5)
        .moveTo(MARGIN.left, footY - 8)
        .lineTo(right, footY - 8)
        .stroke(PDF_COLORS.line);
      this.doc.font(FONT.regular).fontSize(8.5).fillColor(PDF_COLORS.muted);
      this.doc.text(footer, MARGIN.left, footY, { width: 380, lineBreak: false });
      this.doc.text(pageLabel(i - range.start + 1, range.count), right - 120, footY, {
        width: 120,
        align: "right",
        lineBreak: false,
      });
      this.doc.page.margins = margins;
    }
    this.doc.end();
    return this.done;
  }
}
