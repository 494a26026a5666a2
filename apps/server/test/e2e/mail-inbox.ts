import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import nodeIcal, { type VEvent } from "node-ical";
import { SMTPServer } from "smtp-server";
import { eventually } from "../support/server.js";

/** A mail as the SMTP server received it, with its calendar invite read by node-ical. */
export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The personal link in the mail (`…/join/<token>`), if any. */
  link: string | null;
  /** The raw .ics and its parts, when a calendar invite is attached. */
  ics: string | null;
  method: string | null;
  event: VEvent | null;
  parsed: ParsedMail;
}

/** A real SMTP server in the test process that keeps what it receives. */
export interface SmtpInbox {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  url: string;
  mails: ReceivedMail[];
  /** Attempts refused so far. */
  refusals: number;
  /** Refuses the next `count` mails with 421 (try again later). */
  refuseNext(count: number): void;
  /** The mails to `address`, in arrival order. */
  to(address: string): ReceivedMail[];
  /** Waits until `count` mails reached `address`, and returns them. */
  waitFor(address: string, count: number): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

function read(parsed: ParsedMail): ReceivedMail {
  const calendar = parsed.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  const ics = calendar ? calendar.content.toString("utf8") : null;
  const data = ics ? nodeIcal.sync.parseICS(ics) : null;
  const event = data
    ? ((Object.values(data).find((c) => c?.type === "VEVENT") as VEvent | undefined) ?? null)
    : null;
  const text = parsed.text ?? "";
  const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
  return {
    to: to?.value[0]?.address ?? "",
    subject: parsed.subject ?? "",
    text,
    html: typeof parsed.html === "string" ? parsed.html : "",
    link: /https?:\/\/\S+\/join\/\S+/.exec(text)?.[0] ?? null,
    ics,
    method: (data?.vcalendar as { method?: string } | undefined)?.method ?? null,
    event,
    parsed,
  };
}

/** Starts an SMTP server on a free port of 127.0.0.1 (plain, no authentication). */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  let toRefuse = 0;
  const inbox = { refusals: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onMailFrom(_address, _session, callback) {
      if (toRefuse > 0) {
        toRefuse -= 1;
        inbox.refusals += 1;
        const busy = Object.assign(new Error("Too busy, try again later"), { responseCode: 421 });
        return callback(busy);
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push(read(parsed));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  const to = (address: string) => mails.filter((m) => m.to === address);
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    get refusals() {
      return inbox.refusals;
    },
    refuseNext: (count) => {
      toRefuse = count;
    },
    to,
    waitFor: async (address, count) => {
      await eventually(() => to(address).length >= count, `${count} mail(s) to ${address}`);
      return to(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
