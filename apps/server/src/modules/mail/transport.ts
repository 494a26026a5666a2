import fs from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { Config } from "../../config.js";
import type { OutboxMail } from "./outbox-mail.entity.js";

/** Delivers one mail; resolves with the Message-ID, rejects when the mail did not go. */
export interface MailTransport {
  send(mail: OutboxMail): Promise<string>;
  /** One line for the start-up output: where mails go. */
  readonly description: string;
  close(): void;
}

/** The folder where mails are written when no SMTP server is set. */
export function outboxFolder(config: Config): string {
  return path.join(config.dataDir, "outbox");
}

/** One line for the start-up output: where mails go with this configuration. */
export function mailDestination(config: Config): string {
  return config.smtpUrl
    ? `Mail goes out over SMTP via ${new URL(config.smtpUrl).host}, from ${config.mailFrom}.`
    : `No SMTP_URL: mails are written as .eml files to ${outboxFolder(config)}`;
}

/** SMTP when `SMTP_URL` is set; otherwise each mail becomes an .eml file under DATA_DIR/outbox/. */
export function createMailTransport(config: Config): MailTransport {
  if (config.smtpUrl) {
    const smtp = nodemailer.createTransport(config.smtpUrl);
    return {
      description: mailDestination(config),
      send: async (mail) => (await smtp.sendMail(message(config, mail))).messageId,
      close: () => smtp.close(),
    };
  }
  const folder = outboxFolder(config);
  const files = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "crlf",
  });
  return {
    description: mailDestination(config),
    send: async (mail) => {
      const info = await files.sendMail(message(config, mail));
      await fs.mkdir(folder, { recursive: true });
      const stamp = mail.createdAt.toISOString().replace(/[:.]/g, "-");
      const file = path.join(folder, `${stamp}-${mail.kind}-${mail.id}.eml`);
      // Written aside and renamed, so a reader of the folder never sees half a mail.
      await fs.writeFile(`${file}.part`, info.message as Buffer);
      await fs.rename(`${file}.part`, file);
      return info.messageId;
    },
    close: () => files.close(),
  };
}

/** The nodemailer message for an outbox row; the invite rides along as text/calendar. */
function message(config: Config, mail: OutboxMail): SendMailOptions {
  return {
    from: config.mailFrom,
    to: mail.toAddress,
    subject: mail.subject,
    text: mail.textBody,
    html: mail.htmlBody,
    // Retries keep the same Message-ID, so a mail that did arrive once is recognisably one mail.
    messageId: `<${mail.id}@driehoek>`,
    icalEvent: mail.ics
      ? {
          method: mail.icsMethod ?? "REQUEST",
          filename: mail.icsMethod === "CANCEL" ? "afzegging.ics" : "uitnodiging.ics",
          content: mail.ics,
        }
      : undefined,
  };
}
