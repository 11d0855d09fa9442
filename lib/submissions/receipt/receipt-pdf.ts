import "server-only";
import { PDFDocument, type PDFFont, type PDFPage, rgb, StandardFonts } from "pdf-lib";
import type { formatter } from "@/lib/i18n/format";
import type { Translator } from "@/lib/i18n/translator";
import { formatOrgnr } from "@/lib/validation/orgnr";
import { describePerson } from "../four-eyes/describe-person";
import type { VersionWho } from "../four-eyes/who-did-it";
import { describeStatusReason } from "../status-reason";
import type { ReceiptData } from "./receipt-data";

/*
 * The receipt of one submission as a PDF (docs/four-eyes.md, "The receipt"), with pdf-lib's
 * standard Helvetica: its WinAnsi encoding has æ, ø and å, and needs no font file on disk.
 */

const PAGE = { width: 595.28, height: 841.89, margin: 50 };
const SIZE = { title: 16, heading: 12, text: 10 };

type Line = { label?: string; text: string };
type Section = { heading: string; lines: Line[] };

/** Replaces what WinAnsi cannot encode (e.g. a narrow no-break space from number formatting), never failing on a name. */
function encodable(font: PDFFont, text: string) {
  const supported = new Set(font.getCharacterSet());
  let out = "";
  for (const ch of text.replace(/[\u202f\u2009]/g, " ").replace(/\u2212/g, "-")) {
    const code = ch.codePointAt(0) ?? 0;
    out += supported.has(code) || ch === " " ? ch : "?";
  }
  return out;
}

function wrap(font: PDFFont, text: string, size: number, width: number) {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(" ")) {
      const next = line ? `${line} ${word}` : word;
      if (line && font.widthOfTextAtSize(next, size) > width) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    lines.push(line);
  }
  return lines;
}

function receiptSections(data: ReceiptData, t: Translator, format: ReturnType<typeof formatter>): Section[] {
  const when = (d: Date | null) => (d ? format.dateTime(d, { seconds: true }) : t("receipt.none"));
  const kroner = (n: number | null | undefined) =>
    n === null || n === undefined ? t("receipt.none") : format.kroner(n);
  const s = data.submission;
  const reported: Line[] =
    s.kind === "amelding"
      ? [
          { label: t("receipt.meldingsId"), text: data.version?.meldingsId ?? t("receipt.none") },
          { label: t("receipt.virksomheter"), text: format.number(data.version?.virksomheter ?? 0) },
          { label: t("receipt.inntektsmottakere"), text: format.number(data.version?.inntektsmottakere ?? 0) },
          { label: t("receipt.forskuddstrekk"), text: kroner(data.version?.reportedForskuddstrekk) },
          { label: t("receipt.arbeidsgiveravgift"), text: kroner(data.version?.reportedArbeidsgiveravgift) },
        ]
      : [
          { label: t("receipt.oppdragsreferanse"), text: s.subject || t("receipt.none") },
          { label: t("receipt.contractor"), text: s.oarContractorName ?? t("receipt.none") },
          {
            label: t("receipt.contractValue"),
            text: s.oarContractValueNok === null ? t("receipt.none") : kroner(Number(s.oarContractValueNok)),
          },
          {
            label: t("receipt.oarPeriod"),
            text: `${s.oarStartDate ?? t("receipt.none")} – ${s.oarEndDate ?? t("receipt.none")}`,
          },
        ];
  if (data.version) {
    reported.push({ label: t("receipt.versionNo"), text: String(data.version.versionNo) });
    reported.push({ label: t("receipt.idempotencyKey"), text: data.version.idempotencyKey });
  }
  const reason = describeStatusReason(t, s.statusReasonCode, s.statusReasonParams);
  const answer: Line[] = [
    { label: t("receipt.status"), text: t(`status.${s.status}`) },
    ...(reason ? [{ label: t("receipt.statusReason"), text: reason }] : []),
    ...(s.lastErrorCode ? [{ label: t("receipt.errorCode"), text: s.lastErrorCode }] : []),
    { label: t("receipt.acceptedAt"), text: when(s.acceptedAt) },
    ...Object.entries(s.receivedIds ?? {}).map(([k, v]) => ({ label: k, text: v })),
  ];
  const sections: Section[] = [
    {
      heading: t("receipt.about"),
      lines: [
        {
          label: t("receipt.organisation"),
          text: `${data.organisation.name} (${formatOrgnr(data.organisation.orgnr)})`,
        },
        { label: t("receipt.kind"), text: t(`kind.${s.kind}`) },
        {
          label: s.kind === "amelding" ? t("receipt.period") : t("receipt.oppdrag"),
          text: s.subject || t("receipt.none"),
        },
        { label: t("receipt.submissionId"), text: s.id },
        { label: t("receipt.createdAt"), text: when(s.createdAt) },
      ],
    },
    { heading: t("receipt.reported"), lines: reported },
    { heading: t("receipt.answer"), lines: answer },
  ];
  if (s.kind === "amelding")
    sections.push({ heading: t("receipt.feedback"), lines: feedbackLines(data, t, kroner, when) });
  sections.push({ heading: t("receipt.who"), lines: whoLines(data.who, t, when) });
  return sections;
}

function feedbackLines(
  data: ReceiptData,
  t: Translator,
  kroner: (n: number | null | undefined) => string,
  when: (d: Date | null) => string,
): Line[] {
  const f = data.feedback;
  if (!f) return [{ text: t("receipt.noFeedback") }];
  const lines: Line[] = [
    { label: t("receipt.feedbackStatus"), text: t(`receipt.feedbackStatuses.${f.status}`) },
    { label: t("receipt.feedbackReceivedAt"), text: when(f.receivedAt) },
  ];
  if (f.outcome) lines.push({ label: t("receipt.feedbackOutcome"), text: t(`feedback.outcome.${f.outcome}`) });
  if (f.codes.length === 0 && f.outcome) lines.push({ text: t("receipt.noDeviations") });
  for (const c of f.codes)
    lines.push({
      label: t(`feedback.severity.${c.severity}`),
      text: t("receipt.deviationCount", { code: c.code ?? t("receipt.none"), count: c.count }),
    });
  if (f.sums) {
    lines.push({ label: t("feedback.sumForskuddstrekk"), text: kroner(f.sums.sumForskuddstrekk) });
    lines.push({ label: t("feedback.sumArbeidsgiveravgift"), text: kroner(f.sums.sumArbeidsgiveravgift) });
    lines.push({ label: t("feedback.kontonummer"), text: f.sums.kontonummer ?? t("receipt.none") });
    lines.push({ label: t("feedback.kid"), text: f.sums.kid ?? t("receipt.none") });
  }
  return lines;
}

function whoLines(who: VersionWho | null, t: Translator, when: (d: Date | null) => string): Line[] {
  if (!who) return [{ text: t("fourEyes.unknown") }];
  const lines: Line[] = [
    {
      label: t("fourEyes.preparedBy"),
      text: `${describePerson(t, who.preparedBy, who.preparedByApiKey)}, ${when(who.preparedAt)}`,
    },
  ];
  if (who.approvedAt)
    lines.push({
      label: t("fourEyes.approvedBy"),
      text: `${describePerson(t, who.approvedBy)}, ${when(who.approvedAt)}`,
    });
  if (who.declinedAt)
    lines.push({
      label: t("fourEyes.declinedBy"),
      text: `${describePerson(t, who.declinedBy)}, ${when(who.declinedAt)}`,
    });
  lines.push({
    label: t("fourEyes.sentBy"),
    text: who.sentAt
      ? `${describePerson(t, who.sentBy, who.sentByApiKey)}, ${when(who.sentAt)}`
      : t("fourEyes.notSent"),
  });
  return lines;
}

/** The receipt as PDF bytes: a title, the sections, and when it was generated. */
export async function renderReceiptPdf(
  data: ReceiptData,
  t: Translator,
  format: ReturnType<typeof formatter>,
  now = new Date(),
) {
  const pdf = await PDFDocument.create();
  pdf.setTitle(t("receipt.title"));
  pdf.setProducer("Innrapportering");
  pdf.setCreationDate(now);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const width = PAGE.width - 2 * PAGE.margin;
  let page: PDFPage = pdf.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const write = (text: string, font: PDFFont, size: number, indent = 0) => {
    for (const line of wrap(font, encodable(font, text), size, width - indent)) {
      if (y < PAGE.margin + size) {
        page = pdf.addPage([PAGE.width, PAGE.height]);
        y = PAGE.height - PAGE.margin;
      }
      y -= size * 1.4;
      page.drawText(line, { x: PAGE.margin + indent, y, size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  };
  write(t("receipt.title"), bold, SIZE.title);
  write(t("receipt.generatedAt", { time: format.dateTime(now, { seconds: true }) }), regular, SIZE.text);
  for (const section of receiptSections(data, t, format)) {
    y -= SIZE.heading * 0.8;
    write(section.heading, bold, SIZE.heading);
    for (const line of section.lines)
      write(line.label ? `${line.label}: ${line.text}` : line.text, regular, SIZE.text, 8);
  }
  return pdf.save();
}

/** The receipt as a download named by kind and subject (no personal data in the name). */
export async function receiptResponse(data: ReceiptData, t: Translator, format: ReturnType<typeof formatter>) {
  const bytes = await renderReceiptPdf(data, t, format);
  const subject = data.submission.subject.replace(/[^A-Za-z0-9-]/g, "").slice(0, 40);
  const name = `kvittering-${data.submission.kind}-${subject || data.submission.id.slice(0, 8)}.pdf`;
  return new Response(new Uint8Array(bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
