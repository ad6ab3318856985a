import PDFDocument from 'pdfkit';
import type { IncidentAttachment, IncidentEntry } from '@tryg/shared';
import { collectPdf } from '../../../common/pdf-fonts';
import { formatInstant, formatLocalDate, formatSize } from './export-texts';
import { verificationText, type LogExport } from './log-export';

type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const FOOTER_SPACE = 40;

/**
 * The log in logskema layout: heading, key examples, incidents newest first with when it happened
 * next to when it was written, the numbered bilag list, and the chain check; every page's footer
 * carries the chain's final hash and the check's result. Metadata stays neutral (title "Log").
 */
export function renderIncidentPdf(data: LogExport): Promise<Buffer> {
  const { texts } = data;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    lang: texts.intlLocale,
    info: { Title: 'Log', CreationDate: data.generatedAt, ModDate: data.generatedAt },
  });
  const done = collectPdf(doc);

  doc.font('bold').fontSize(20).text(texts.title);
  doc.moveDown(0.3);
  doc.font('body').fontSize(10);
  doc.text(
    `${texts.printed} ${formatInstant(data.generatedAt.toISOString(), texts)} · ${texts.incidentCount(data.entries.length)}`,
  );
  doc.text(texts.timeNote);
  if (data.includePrivate) doc.text(texts.includesPrivate);
  if (data.unreadable > 0) doc.text(texts.unreadable(data.unreadable));

  keyExamples(doc, data);
  incidents(doc, data);
  bilagList(doc, data);

  heading(doc, texts.check);
  labelled(doc, texts.result, verificationText(data));
  doc.font('bold').fontSize(10).text(`${texts.finalHash}:`);
  doc
    .font('mono')
    .fontSize(9)
    .text(data.finalHash ?? texts.noChain);

  footers(doc, data);
  doc.end();
  return done;
}

function heading(doc: Doc, text: string): void {
  doc.moveDown(1);
  keepSpace(doc, 80);
  doc.font('bold').fontSize(14).text(text);
  doc.moveDown(0.3);
}

/** Starts a new page when less than `points` are left, so a heading is not orphaned at the bottom. */
function keepSpace(doc: Doc, points: number): void {
  if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function labelled(doc: Doc, label: string, value: string | null): void {
  if (value === null || value === '') return;
  doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
  doc.font('body').text(value);
}

function keyExamples(doc: Doc, data: LogExport): void {
  const { texts } = data;
  heading(doc, texts.keyExamples);
  const keys = data.entries.filter((entry) => entry.keyExample);
  doc.font('body').fontSize(10);
  if (keys.length === 0) doc.text(texts.noKeyExamples);
  for (const entry of keys) {
    const summary = entry.description.length > 240 ? `${entry.description.slice(0, 240)}…` : entry.description;
    doc
      .font('bold')
      .text(`${entryTitle(entry, data)} · ${texts.contactTypes[entry.contactType]}: `, { continued: true });
    doc.font('body').text(summary);
    doc.moveDown(0.3);
  }
}

function entryTitle(entry: IncidentEntry, data: LogExport): string {
  const { texts } = data;
  const when = `${entry.occurredAtApprox ? `${texts.approx} ` : ''}${formatInstant(entry.occurredAt, texts)}`;
  return `${texts.incidentNo(data.numbers.get(entry.id) ?? 0)} · ${when}`;
}

function incidents(doc: Doc, data: LogExport): void {
  const { texts } = data;
  heading(doc, texts.incidents);
  if (data.entries.length === 0) doc.font('body').fontSize(10).text(texts.noIncidents);
  for (const entry of data.entries) {
    keepSpace(doc, 120);
    doc.moveDown(0.6);
    doc
      .font('bold')
      .fontSize(12)
      .text(entryTitle(entry, data) + (entry.keyExample ? ` · ${texts.keyExample}` : ''));
    doc.moveDown(0.2);
    const written = formatInstant(entry.firstRecordedAt, texts);
    labelled(
      doc,
      texts.written,
      entry.version > 1
        ? `${written}, ${texts.changed(formatInstant(entry.recordedAt, texts), entry.version)}`
        : written,
    );
    labelled(doc, texts.contactType, texts.contactTypes[entry.contactType]);
    labelled(doc, texts.place, entry.place);
    labelled(doc, texts.description, entry.description);
    labelled(doc, texts.witnesses, entry.witnesses);
    labelled(
      doc,
      texts.childrenPresent,
      entry.childrenPresent === null ? null : entry.childrenPresent ? texts.yes : texts.no,
    );
    if (entry.evidence.length > 0) {
      labelled(
        doc,
        texts.evidence,
        entry.evidence
          .map((item, i) => `${i + 1}. ${item.description} (${texts.keptWhere}: ${item.keptWhere})`)
          .join('\n'),
      );
    }
    if (entry.police) {
      const parts = [
        entry.police.journalNumber ? `${texts.journalNumber} ${entry.police.journalNumber}` : null,
        entry.police.officer ? `${texts.officer} ${entry.police.officer}` : null,
        entry.police.date ? `${texts.policeDate} ${formatLocalDate(entry.police.date, texts)}` : null,
      ].filter((part): part is string => part !== null);
      labelled(doc, texts.police, parts.join(', '));
    }
    labelled(doc, texts.effect, entry.effect);
    labelled(doc, texts.attachments, entry.attachments.map((a) => texts.bilag(a.bilag)).join(', '));
    if (data.includePrivate && entry.private) {
      labelled(doc, texts.thoughts, entry.private.thoughts);
      labelled(doc, texts.safetyNotes, entry.private.safetyNotes);
    }
    doc.font('bold').fontSize(8).text(`${texts.hash}: `, { continued: true });
    doc.font('mono').fontSize(8).text(entry.hash);
  }
}

function bilagList(doc: Doc, data: LogExport): void {
  const { texts } = data;
  heading(doc, texts.bilagList);
  const all: { attachment: IncidentAttachment; entry: IncidentEntry }[] = data.entries
    .flatMap((entry) => entry.attachments.map((attachment) => ({ attachment, entry })))
    .sort((a, b) => a.attachment.bilag - b.attachment.bilag);
  doc.font('body').fontSize(10);
  if (all.length === 0) doc.text(texts.noBilag);
  for (const { attachment, entry } of all) {
    doc.font('bold').text(`${texts.bilag(attachment.bilag)}: `, { continued: true });
    doc
      .font('body')
      .text(`${texts.fileKind[attachment.mimeType]}, ${formatSize(attachment.size)} · ${entryTitle(entry, data)}`);
  }
}

function footers(doc: Doc, data: LogExport): void {
  const { texts } = data;
  const range = doc.bufferedPageRange();
  const status = data.verification.intact ? texts.intact(data.verification.versions) : verificationText(data);
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    const width = doc.page.width - MARGIN * 2;
    const y = doc.page.height - MARGIN - FOOTER_SPACE / 2;
    doc
      .font('body')
      .fontSize(7.5)
      .text(`${texts.page(i + 1, range.count)} · ${status}`, MARGIN, y, { width, lineBreak: false });
    doc
      .font('mono')
      .fontSize(7)
      .text(`${texts.finalHash}: ${data.finalHash ?? texts.noChain}`, MARGIN, y + 11, { width, lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
}
