import type { Services } from "../../context.js";
import { MailSender } from "./outbox.js";
import { createMailTransport } from "./transport.js";

/** Starts sending the outbox in the background; `stop()` before the database closes. */
export function startMailOutbox(services: Services): MailSender {
  const sender = new MailSender(services, createMailTransport(services.config));
  sender.start();
  return sender;
}
