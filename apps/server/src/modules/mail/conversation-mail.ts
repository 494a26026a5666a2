import { SCHOOL_TIME_ZONE } from "./calendar-invite.js";
import type { ConversationMailKind } from "./outbox-mail.entity.js";

/** Everything a conversation mail says, for one recipient. */
export interface ConversationMailFacts {
  kind: ConversationMailKind;
  locale: "nl" | "en";
  recipientName: string;
  /** Whether the recipient is the begeleider who planned it (their mail confirms, not invites). */
  isOrganiser: boolean;
  studentName: string;
  companyName: string;
  begeleiderName: string;
  start: Date;
  durationMinutes: number;
  mode: "in_person" | "online";
  location: string | null;
  onlineUrl: string | null;
  /** The recipient's personal link; null in a cancellation. */
  inviteUrl: string | null;
  /** Why it was cancelled, when given. */
  reason: string | null;
}

/** A rendered mail: subject, plain text, and the same as simple HTML that reads well on a phone. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const TEXT = {
  nl: {
    subject: {
      invitation: "Uitnodiging BPV-gesprek",
      update: "Gewijzigd: BPV-gesprek",
      cancellation: "Afgezegd: BPV-gesprek",
      reminder: "Morgen: BPV-gesprek",
    },
    greeting: (name: string) => `Beste ${name},`,
    lead: {
      invitation: (f: ConversationMailFacts) =>
        f.isOrganiser
          ? `Je hebt het BPV-gesprek van ${f.studentName} bij ${f.companyName} gepland. De student en de praktijkopleider krijgen elk hun eigen uitnodiging.`
          : `${f.begeleiderName} nodigt je uit voor het BPV-gesprek van ${f.studentName} bij ${f.companyName}.`,
      update: (f: ConversationMailFacts) =>
        `Het BPV-gesprek van ${f.studentName} bij ${f.companyName} is verzet. Dit is de nieuwe afspraak.`,
      cancellation: (f: ConversationMailFacts) =>
        `Het BPV-gesprek van ${f.studentName} bij ${f.companyName} gaat niet door.`,
      reminder: (f: ConversationMailFacts) =>
        `Morgen is het BPV-gesprek van ${f.studentName} bij ${f.companyName}.`,
    },
    when: "Wanneer",
    where: "Waar",
    online: "Online",
    reason: "Reden",
    minutes: "min",
    open: "Open het gesprek met je persoonlijke link:",
    button: "Open het gesprek",
    personal: "Deze link is alleen voor jou: deel hem niet.",
    what: "In Driehoek voeren student, praktijkopleider en BPV-begeleider samen het gesprek, elk op een eigen scherm (een telefoon is genoeg): je volgt de gespreksleidraad, schrijft mee aan de afspraken en geeft aan het eind je akkoord.",
    calendar: "De afspraak voor je agenda zit als bijlage bij deze e-mail.",
    calendarCancel: "De bijlage haalt de afspraak uit je agenda.",
    dateLocale: "nl-NL",
  },
  en: {
    subject: {
      invitation: "Invitation: BPV conversation",
      update: "Changed: BPV conversation",
      cancellation: "Cancelled: BPV conversation",
      reminder: "Tomorrow: BPV conversation",
    },
    greeting: (name: string) => `Dear ${name},`,
    lead: {
      invitation: (f: ConversationMailFacts) =>
        f.isOrganiser
          ? `You planned the placement conversation (BPV-gesprek) of ${f.studentName} at ${f.companyName}. The student and the workplace trainer each get their own invitation.`
          : `${f.begeleiderName} invites you to the placement conversation (BPV-gesprek) of ${f.studentName} at ${f.companyName}.`,
      update: (f: ConversationMailFacts) =>
        `The placement conversation of ${f.studentName} at ${f.companyName} has moved. This is the new appointment.`,
      cancellation: (f: ConversationMailFacts) =>
        `The placement conversation of ${f.studentName} at ${f.companyName} is cancelled.`,
      reminder: (f: ConversationMailFacts) =>
        `Tomorrow is the placement conversation of ${f.studentName} at ${f.companyName}.`,
    },
    when: "When",
    where: "Where",
    online: "Online",
    reason: "Reason",
    minutes: "min",
    open: "Open the conversation with your personal link:",
    button: "Open the conversation",
    personal: "This link is for you alone: do not share it.",
    what: "In Driehoek the student, the workplace trainer and the school's supervisor hold the conversation together, each on their own screen (a phone will do): you follow the guide, write the agreements together and give your approval at the end.",
    calendar: "The appointment for your calendar is attached to this e-mail.",
    calendarCancel: "The attachment removes the appointment from your calendar.",
    dateLocale: "en-GB",
  },
} as const;

/** "dinsdag 30 maart 2026, 14:00–14:40" in the school's time zone. */
export function whenText(locale: "nl" | "en", start: Date, durationMinutes: number): string {
  const t = TEXT[locale];
  const day = new Intl.DateTimeFormat(t.dateLocale, {
    timeZone: SCHOOL_TIME_ZONE,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(start);
  const time = new Intl.DateTimeFormat(t.dateLocale, {
    timeZone: SCHOOL_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  });
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  return `${day}, ${time.format(start)}–${time.format(end)}`;
}

/** Writes the mail about a conversation for one recipient, in their language. */
export function renderConversationMail(f: ConversationMailFacts): RenderedMail {
  const t = TEXT[f.locale];
  const when = whenText(f.locale, f.start, f.durationMinutes);
  const facts: [string, string][] = [[t.when, when]];
  if (f.mode === "online") facts.push([t.online, f.onlineUrl ?? "—"]);
  else if (f.location) facts.push([t.where, f.location]);
  if (f.kind === "cancellation" && f.reason) facts.push([t.reason, f.reason]);
  const subject = `${t.subject[f.kind]} ${f.studentName} – ${when}`;

  const text = [
    t.greeting(f.recipientName),
    "",
    t.lead[f.kind](f),
    "",
    ...facts.map(([label, value]) => `${label}: ${value}`),
    "",
    ...(f.inviteUrl ? [t.open, f.inviteUrl, t.personal, "", t.what, ""] : []),
    f.kind === "cancellation" ? t.calendarCancel : t.calendar,
  ].join("\n");

  const html = `<!doctype html><html lang="${f.locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto">
<p>${esc(t.greeting(f.recipientName))}</p>
<p>${esc(t.lead[f.kind](f))}</p>
<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${facts
    .map(
      ([label, value]) =>
        `<tr><th style="text-align:left;padding:2px 12px 2px 0;vertical-align:top">${esc(label)}</th><td style="padding:2px 0">${esc(value)}</td></tr>`,
    )
    .join("")}</table>
${
  f.inviteUrl
    ? `<p><a href="${esc(f.inviteUrl)}" style="display:inline-block;padding:14px 22px;background:#1f5fa8;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">${esc(t.button)}</a></p>
<p style="font-size:14px;word-break:break-all">${esc(f.inviteUrl)}<br>${esc(t.personal)}</p>
<p style="font-size:14px;color:#555">${esc(t.what)}</p>`
    : ""
}
<p style="font-size:14px;color:#555">${esc(f.kind === "cancellation" ? t.calendarCancel : t.calendar)}</p>
</div></body></html>`;
  return { subject, text, html };
}

function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
