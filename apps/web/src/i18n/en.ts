import type { MessageSchema } from "./nl";

/** English interface texts, key for key the same as the Dutch ones. */
export const en: MessageSchema = {
  app: {
    name: "Driehoek",
    tagline: "The work placement review",
    skipToContent: "Skip to content",
    language: "Language",
    logout: "Log out",
    loggedInAs: "Logged in as {name}",
    mainNav: "Main menu",
  },
  login: {
    title: "Staff login",
    intro:
      "Are you a student or workplace trainer? Then open the conversation with the invitation link you received.",
    email: "Email address",
    password: "Password",
    submit: "Log in",
    submitting: "Logging in…",
    failed: "The email address or password is incorrect.",
  },
  conversations: {
    title: "My conversations",
    today: "Today",
    upcoming: "Upcoming",
    past: "Earlier",
    empty: "You have no conversations yet.",
    loading: "Loading conversations…",
    inviteIntro: "You have been invited to a work placement review.",
    openInvited: "Open the conversation",
  },
  mode: {
    in_person: "In person",
    online: "Online",
  },
  join: {
    title: "Opening invitation",
    busy: "Checking your invitation…",
    invalid:
      "This invitation link is invalid, expired or revoked. Ask the placement supervisor for a new link.",
    retry: "Try again",
    home: "Go to the start page",
  },
  conversation: {
    title: "Placement review with {name}",
    loading: "Loading conversation…",
    back: "My conversations",
    participants: "Participants",
    phases: "Phases of the conversation",
    sections: "Parts of this phase",
    goal: "Goal",
    tip: "Tip",
    exampleQuestions: "Example questions",
    minutes: "{n} min",
    elapsed: "{elapsed} of {planned} min",
    currentPhase: "current phase",
    currentSection: "current part",
    notStarted:
      "The conversation has not started yet. As soon as the placement supervisor starts it, the guide appears here.",
    ended: "The conversation has ended.",
    pokInvalid: "Note: the placement agreement (POK) is not valid.",
    controls: "Lead the conversation",
    start: "Start conversation",
    next: "Next phase",
    previous: "Previous phase",
    moveTo: "Go to part {section}",
    announcePhase: "Phase {phase}: {section}",
    announceStatus: "Conversation status: {status}",
  },
  connection: {
    reconnecting: "The live connection was lost. Reconnecting…",
  },
  errors: {
    UNAUTHENTICATED:
      "You are not logged in (any more). Log in again, or reopen the invitation link.",
    FORBIDDEN: "You do not have access to this conversation or this action.",
    NOT_FOUND: "This conversation does not exist (any more).",
    BAD_USER_INPUT: "Something you entered is not valid. Check it and try again.",
    CONFLICT:
      "That is not possible now: the conversation has changed meanwhile. You now see the latest state.",
    NETWORK: "No connection to the server. Check your internet connection.",
    UNKNOWN: "Something went wrong. Please try again.",
  },
  notFound: {
    title: "Page not found",
    home: "Go to the start page",
  },
};
