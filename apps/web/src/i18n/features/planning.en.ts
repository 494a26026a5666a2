import type { planningNl } from "./planning.nl";

/** English texts for the planner, key for key the same as the Dutch ones. */
export const planningEn: typeof planningNl = {
  planning: {
    nav: "My students",
    title: "My students",
    intro:
      "Your students on placement: whether a conversation is needed, whether the POK is in order, and the conversations planned.",
    notAllowed: "This page is for placement supervisors and administrators.",
    loading: "Loading…",
    retry: "Try again",
    empty: "You have no students on placement (yet).",
    plan: "Plan a conversation",
    planFor: "Plan a conversation with {name}",
    placement: {
      company: "At {company}",
    },
    status: {
      planned: "Planned: {at}",
      overdue: "Overdue: {n} conversation missed | Overdue: {n} conversations missed",
      overdueSince: "Overdue: was due by {date}",
      due: "Next conversation by {date}",
      done: "Done: {held} of {required} conversations held",
      ended:
        "Placement ended on {date}: {held} of {required} conversation held | Placement ended on {date}: {held} of {required} conversations held",
    },
    ended:
      "The placement has ended. A conversation after its end date is no longer part of the placement, so none can be planned.",
    pok: {
      valid: "POK in order",
      invalid: "POK not valid",
    },
    mode: {
      in_person: "In person",
      online: "Online",
    },
    form: {
      date: "Date",
      time: "Time",
      timeSchool: "Time (Dutch time)",
      duration: "Length (minutes)",
      mode: "Where",
      location: "Location",
      locationHint: "For instance the company's address",
      onlineUrl: "Video call link",
      submit: "Plan and invite",
      proposed:
        "Proposed date: {date}, a school day in the leerwerkperiode that still needs a conversation.",
      lastDate: "Choose a day up to and including {date}, the placement's last day.",
      close: "Close",
    },
    planned: {
      when: "{start} · {minutes} min",
      move: "Move",
      moveSubmit: "Move and let everyone know",
      cancel: "Cancel",
      confirmCancel:
        "Are you sure you want to cancel this conversation? Everyone is told and it leaves their calendar.",
      reason: "Reason (goes into the message, may stay empty)",
      cancelSubmit: "Yes, cancel the conversation",
      keep: "No, keep it",
    },
    invite: {
      title: "Invitations",
      sent: "Invitation sent on {at}",
      queued: "Invitation being sent",
      failed: "Sending failed",
      notSent: "Not mailed yet",
      noEmail: "No e-mail address: copy the link and send it yourself",
      opened: "Link opened on {at}",
      revoked: "Revoked on {at}",
      copy: "Copy link",
      copyFor: "Copy link for {name}",
      copied: "Link copied.",
      copyByHand: "Copying did not work; select the link below and copy it yourself.",
      linkFor: "Link of {name}",
      resend: "Send again",
      resendFor: "Send again to {name}",
      resendDone: "Invitation sent again.",
      reissue: "Revoke and new link",
      reissueFor: "Revoke and new link for {name}",
      reissueDone: "The old link no longer works; a new one has been sent.",
      reissueDoneCopy: "The old link no longer works. Copy the new link and send it yourself.",
    },
    errors: {
      notPlanned: "This conversation has already started; it can no longer be moved or cancelled.",
      inviteRevoked: "This link has already been revoked. Use the new link.",
      inviteExpired: "This link has expired. Revoke it and make a new one.",
      onlineUrl: "For an online conversation, enter a link starting with http:// or https://.",
      noEmail: "This participant has no e-mail address. Copy the link and send it yourself.",
      date: "Enter a valid date and time.",
      afterEnd:
        "That day is after the placement's end date; a conversation then is no longer part of the placement. Choose a day up to the end date.",
      duration: "A conversation lasts at least 10 and at most 240 minutes.",
      badInput: "Something entered is not right. Check the date, time, length and place.",
      forbidden:
        "Only this student's own placement supervisor (or an administrator) plans conversations.",
      notFound: "This conversation or link no longer exists. Refresh the page.",
    },
  },
};
