import type { mailNl } from "./mail.nl";

/** English texts for the mail outbox (the E-mail tab of /beheer). */
export const mailEn: typeof mailNl = {
  mail: {
    tab: "Email",
    title: "Outgoing email",
    filter: "Show",
    filters: {
      all: "All",
      queued: "Waiting",
      sent: "Sent",
      failed: "Failed",
    },
    status: {
      queued: "Waiting",
      sending: "Sending",
      sent: "Sent",
      failed: "Failed",
    },
    kind: {
      invitation: "Invitation",
      update: "Update",
      cancellation: "Cancellation",
      reminder: "Reminder",
      account_setup: "Account setup",
      password_reset: "Password reset",
    },
    to: "To",
    kindLabel: "Kind",
    attempts: "Attempts",
    reason: "Reason",
    created: "Created",
    sent: "Sent",
    nextAttempt: "Next attempt",
    count: "{shown} of {total}",
    empty: "There is no email (yet).",
    loading: "Loading email…",
    more: "Load more",
  },
};
