import PDFDocument from 'pdfkit';
import { type CaseTask, type ClientCase, type Screening, TASK_OWNERS } from '@tryg/shared';
import { collectPdf } from '../../common/pdf-fonts';
import { formatPlanDate, type PlanTexts } from './case-plan-texts';

type Doc = PDFKit.PDFDocument;

const MARGIN = 56;
const HEADER_SPACE = 24;

export interface PlanExport {
  client: ClientCase;
  /** Newest first. */
  screenings: Screening[];
  /** Today, Danish time. */
  printedOn: string;
  texts: PlanTexts;
}

/**
 * The action plan for a meeting with the police and Dansk Stalking Center: who coordinates, the
 * latest screening and its history, then the tasks by who owns them, in due-date order. The
 * reference appears once, on the first page; every page's header says only "Handleplan" and the
 * page number; the metadata title is neutral ("Plan"). Screening answers are not printed.
 */
export function renderPlanPdf(data: PlanExport): Promise<Buffer> {
  const { texts, client } = data;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN + HEADER_SPACE, left: MARGIN, right: MARGIN, bottom: MARGIN },
    bufferPages: true,
    lang: texts.intlLocale,
    info: { Title: 'Plan' },
  });
  const done = collectPdf(doc);

  doc.font('bold').fontSize(20).text(texts.title);
  doc.moveDown(0.3);
  doc.font('body').fontSize(10);
  field(doc, texts.reference, client.reference ?? texts.unreadable);
  field(doc, texts.printed, formatPlanDate(data.printedOn, texts));
  field(doc, texts.status, texts.statuses[client.status]);
  const name = (n: string | null) => n ?? texts.noName;
  field(doc, texts.primary, name(client.primary.displayName));
  const standIns = client.coordinators.filter((c) => c.role === 'stand-in').map((c) => name(c.displayName));
  field(doc, texts.standIns, standIns.length > 0 ? standIns.join(', ') : texts.none);
  field(doc, texts.nextReview, client.nextReviewOn ? formatPlanDate(client.nextReviewOn, texts) : texts.none);

  screenings(doc, data);
  tasks(doc, data);
  headers(doc, texts);
  doc.end();
  return done;
}

function section(doc: Doc, text: string): void {
  doc.moveDown(1);
  if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  doc.font('bold').fontSize(14).text(text);
  doc.moveDown(0.3);
}

function field(doc: Doc, label: string, value: string | null): void {
  if (value === null || value === '') return;
  doc.font('bold').fontSize(10).text(`${label}: `, { continued: true });
  doc.font('body').text(value);
}

function screenings(doc: Doc, { screenings: all, texts }: PlanExport): void {
  section(doc, texts.screening);
  const line = (s: Screening) =>
    texts.screeningLine(texts.instruments[s.instrument], formatPlanDate(s.screenedOn, texts), texts.risk[s.riskLevel]);
  const [latest, ...earlier] = all;
  doc.font('body').fontSize(10);
  if (!latest) {
    doc.text(texts.noScreening);
    return;
  }
  doc.font('bold').text(line(latest));
  doc.font('body').text(texts.rescreenBy(formatPlanDate(latest.rescreenOn, texts)));
  if (earlier.length === 0) return;
  doc.moveDown(0.5);
  doc.font('bold').text(texts.earlier);
  doc.font('body');
  for (const s of earlier) doc.text(`• ${line(s)}`);
}

function tasks(doc: Doc, { client, texts }: PlanExport): void {
  section(doc, texts.tasks);
  if (client.tasks.length === 0) doc.font('body').fontSize(10).text(texts.noTasks);
  for (const owner of TASK_OWNERS) {
    const owned = client.tasks.filter((t) => t.owner === owner);
    if (owned.length === 0) continue;
    doc.moveDown(0.5);
    if (doc.y + 60 > doc.page.height - doc.page.margins.bottom) doc.addPage();
    doc.font('bold').fontSize(12).text(texts.owners[owner]);
    for (const task of owned) taskBlock(doc, task, texts);
  }
}

function taskBlock(doc: Doc, task: CaseTask, texts: PlanTexts): void {
  doc.moveDown(0.3);
  doc
    .font('bold')
    .fontSize(10)
    .text(task.title ?? texts.unreadable);
  const facts = [
    task.ownerName ? `${texts.ownerName}: ${task.ownerName}` : null,
    task.dueOn ? `${texts.due}: ${formatPlanDate(task.dueOn, texts)}` : null,
    `${texts.taskStatus}: ${texts.taskStatuses[task.status]}`,
  ].filter((f): f is string => f !== null);
  doc.font('body').text(facts.join(' · '));
  field(doc, texts.note, task.note);
}

/** Drawn last, on every page, inside the top margin. */
function headers(doc: Doc, texts: PlanTexts): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const top = doc.page.margins.top;
    doc.page.margins.top = 0;
    doc
      .font('body')
      .fontSize(8)
      .text(texts.header(i + 1, range.count), MARGIN, MARGIN / 2, {
        width: doc.page.width - MARGIN * 2,
        lineBreak: false,
      });
    doc.page.margins.top = top;
  }
}
