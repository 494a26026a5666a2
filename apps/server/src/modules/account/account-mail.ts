import type { RenderedMail } from "../mail/conversation-mail.js";
import type { PasswordLinkPurpose } from "./password-link.entity.js";

/** What a password mail says: to whom, why, the link and how long it works. */
export interface PasswordMailFacts {
  purpose: PasswordLinkPurpose;
  locale: "nl" | "en";
  recipientName: string;
  url: string;
  validHours: number;
}

const TEXT = {
  nl: {
    subject: { setup: "Je account voor Driehoek", reset: "Nieuw wachtwoord voor Driehoek" },
    greeting: (name: string) => `Beste ${name},`,
    lead: {
      setup:
        "Er is een account voor je gemaakt in Driehoek, waarin student, praktijkopleider en BPV-begeleider samen het BPV-gesprek voeren. Kies met deze link je eigen wachtwoord:",
      reset: "Je hebt gevraagd om een nieuw wachtwoord voor Driehoek. Kies het met deze link:",
    },
    button: "Wachtwoord instellen",
    valid: (hours: number) =>
      `De link werkt één keer en is ${hours} uur geldig. Deel hem met niemand.`,
    ignore: {
      setup: "Verwachtte je dit niet? Neem dan contact op met de beheerder van je school.",
      reset:
        "Heb je dit niet zelf gevraagd? Dan kun je deze e-mail negeren; je wachtwoord blijft hetzelfde.",
    },
  },
  en: {
    subject: { setup: "Your Driehoek account", reset: "A new password for Driehoek" },
    greeting: (name: string) => `Dear ${name},`,
    lead: {
      setup:
        "An account has been made for you in Driehoek, where the student, the workplace trainer and the school's supervisor hold the placement conversation together. Choose your own password with this link:",
      reset: "You asked for a new password for Driehoek. Choose it with this link:",
    },
    button: "Set your password",
    valid: (hours: number) =>
      `The link works once and for ${hours} hours. Do not share it with anyone.`,
    ignore: {
      setup: "Not expecting this? Please contact your school's administrator.",
      reset: "Did not ask for this? Then ignore this e-mail; your password stays the same.",
    },
  },
} as const;

/** Writes the mail with a link to set a password, in the recipient's language. */
export function renderPasswordMail(f: PasswordMailFacts): RenderedMail {
  const t = TEXT[f.locale];
  const subject = t.subject[f.purpose];
  const text = [
    t.greeting(f.recipientName),
    "",
    t.lead[f.purpose],
    f.url,
    "",
    t.valid(f.validHours),
    t.ignore[f.purpose],
  ].join("\n");
  const html = `<!doctype html><html lang="${f.locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(subject)}</title></head>
<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto">
<p>${esc(t.greeting(f.recipientName))}</p>
<p>${esc(t.lead[f.purpose])}</p>
<p><a href="${esc(f.url)}" style="display:inline-block;padding:14px 22px;background:#1f5fa8;color:#fff;border-radius:8px;text-decoration:none;font-weight:600">${esc(t.button)}</a></p>
<p style="font-size:14px;word-break:break-all">${esc(f.url)}<br>${esc(t.valid(f.validHours))}</p>
<p style="font-size:14px;color:#555">${esc(t.ignore[f.purpose])}</p>
</div></body></html>`;
  return { subject, text, html };
}

function esc(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string,
  );
}
