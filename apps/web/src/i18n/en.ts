import { accountEn } from "./features/account.en";
import { adminEn } from "./features/admin.en";
import { calendarEn } from "./features/calendar.en";
import { documentsEn } from "./features/documents.en";
import { guideEn } from "./features/guide.en";
import { liveEn } from "./features/live.en";
import { mailEn } from "./features/mail.en";
import { planningEn } from "./features/planning.en";
import { reportEn } from "./features/report.en";
import { rosterEn } from "./features/roster.en";
import { signoffEn } from "./features/signoff.en";
import { studentEn } from "./features/student.en";
import { talkEn } from "./features/talk.en";
import { uiEn } from "./features/ui.en";
import type { MessageSchema } from "./nl";

/** English interface texts, key for key the same as the Dutch ones. */
export const en: MessageSchema = {
  ...signoffEn,
  ...reportEn,
  ...planningEn,
  ...rosterEn,
  ...accountEn,
  ...adminEn,
  ...mailEn,
  ...calendarEn,
  ...documentsEn,
  ...guideEn,
  ...studentEn,
  ...liveEn,
  ...uiEn,
  ...talkEn,
  app: {
    home: "To the home page",
    name: "Driehoek",
    tagline: "The BPV conversation",
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
    locked:
      "Too many failed attempts. You can log in again in {minutes} minute. | Too many failed attempts. You can log in again in {minutes} minutes.",
  },
  conversations: {
    title: "My conversations",
    today: "Today",
    upcoming: "Upcoming",
    past: "Earlier",
    empty: "You have no conversations yet.",
    loading: "Loading conversations…",
    inviteIntro: "You have been invited to a BPV conversation.",
    openInvited: "Open the conversation",
  },
  mode: {
    in_person: "In person",
    online: "Online",
  },
  join: {
    title: "Opening invitation",
    about:
      "Driehoek is where you, your placement supervisor and the workplace trainer hold the BPV conversation together and record your agreements; once your link is checked you go straight into your conversation, with no account or password.",
    busy: "Checking your invitation…",
    invalid:
      "This invitation link is invalid, expired or revoked. Ask the placement supervisor for a new link.",
    retry: "Try again",
    home: "Go to the start page",
  },
  conversation: {
    title: "BPV conversation with {name}",
    loading: "Loading conversation…",
    back: "My conversations",
    participants: "Participants",
    phases: "Phases of the conversation",
    sections: "Parts of the conversation",
    goal: "Goal",
    tip: "Tip",
    exampleQuestions: "Example questions",
    minutes: "{n} min",
    currentPhase: "current phase",
    currentSection: "current part",
    notStarted:
      "The conversation has not started yet. Prepare now and look through the guide; the placement supervisor starts the conversation.",
    notStartedLead:
      "The conversation has not started yet. Prepare now and look through the guide; you start the conversation.",
    pokInvalid: "Note: the placement agreement (POK) is not valid.",
    controls: "Lead the conversation",
    start: "Start conversation",
    next: "Next phase",
    previous: "Previous phase",
    moveTo: "Go to part {section}",
    announcePhase: "Phase {phase}: {section}",
    donePhase: "done",
    now: "now",
    moveHere: "Go here",
    moveHereSection: ": move the conversation to {section}",
    moveEveryoneHere: "Move the conversation here",
    peeking: "You are looking ahead or back. The conversation is at: {section}.",
    backToCurrent: "Back to the current part",
    announceStatus: "Conversation status: {status}",
    ended: "The conversation has ended.",
  },
  timer: {
    spoken: "{elapsed} of {planned} minutes",
    warning: "1 minute left",
    overrun: "{time} over time",
    announceWarning: "One minute left for this phase.",
    announceOverrun: "The planned time for this phase is up.",
  },
  presence: {
    label: "Who is here",
    you: "you",
    online: "present",
    away: "not present",
    offline: "offline",
    connecting: "connecting…",
    looking: "looking at {section}",
    readers: "{n} reader | {n} readers",
  },
  collab: {
    connecting: "Connecting…",
    saved: "Saved",
    saving: "Saving…",
    offline: "Offline — your changes are kept",
    closed: "Not connected",
    readOnly: "Read only",
    failed: "Not saved — trying again",
    backOnline: "Connected again. Your changes are being saved.",
    readOnlySigned:
      "The conversation has been signed. Its record is final and can no longer change.",
    readOnlyReader:
      "You are reading along. Only the student, the workplace trainer and the placement supervisor write.",
    readOnlyRefused:
      "The server does not accept your changes (any more). You can only read; what you type now is not saved.",
    closedUnauthenticated:
      "Your access has expired or your invitation was revoked. Ask the placement supervisor for a new link.",
    closedForbidden: "You do not have access to this conversation (any more).",
    closedNotFound: "This conversation does not exist (any more).",
    closedTooLarge: "A change was too large to save. Shorten the text and reconnect.",
    closedRateLimited: "Too many changes arrived at once. Wait a moment and reconnect.",
    closedOther: "The connection was closed.",
    reconnect: "Reconnect",
    privateClosed: "Your private notes cannot be reached right now.",
    serverRestarting: "The server is restarting; your work is kept. Reconnecting shortly…",
  },
  workspace: {
    label: "Parts of the page",
    guide: "Guide",
    summary: "Summary",
    agreements: "Agreements",
    review: "Review",
    notes: "Notes",
  },
  summary: {
    title: "Summary",
    introStudent:
      "Summarise the conversation briefly in your own words. The others see your text grow.",
    introOthers: "The student summarises the conversation. You see the text grow.",
    loading: "Loading editor…",
    toolbar: "Formatting",
    bold: "Bold",
    italic: "Italic",
    bulletList: "Bulleted list",
    orderedList: "Numbered list",
  },
  agreements: {
    title: "New agreements",
    intro:
      "Make the agreements SMART: who does what, when is it done, how will we know it succeeded, and what is the first step.",
    empty: "No agreements yet.",
    add: "Add agreement",
    number: "Agreement {number}",
    text: "What will we do?",
    textHint: "Describe concretely what will be done.",
    owner: "Who does it?",
    chooseOwner: "Choose…",
    dueDate: "Done by",
    measure: "How will we know it succeeded?",
    firstStep: "First step",
    werkproces: "Work process (code)",
    werkprocesHint: "Where it fits, for example B1-K1-W3.",
    werkprocesOdd: "A work process code looks like B1-K1-W3 or P1-K2-W1.",
    remove: "Remove",
    confirmRemove: "Remove agreement {number}? This applies to everyone in the conversation.",
    overdue: "{n} day overdue | {n} days overdue",
  },
  smart: {
    complete: "SMART: everything filled in.",
    progress: "SMART: {met} of {total} met.",
    met: "met",
  },
  review: {
    title: "Agreements from last time",
    intro: "For each agreement: done, partly or not done? And if not: why, and what is needed?",
    empty: "There are no agreements from the previous conversation.",
    number: "Agreement {number}:",
    needed: "What is needed?",
    neededHint: "If partly or not done: why not, and what is needed?",
  },
  notes: {
    title: "Notes",
    shared: "Shared notes on {section}",
    sharedHint: "Everyone in the conversation sees and writes these notes.",
    goalsBesideGuide:
      "The student's and the workplace trainer's goals are beside the guide, under “Gespreksdoel aanvullen”.",
    reviewHint:
      "Mark each agreement under Review: done, partly or not done. This is room for whatever else is said about them.",
    waiting: "The notes arrive as soon as there is a connection to the server.",
    privateTitle: "Private notes",
    privateIntro: "Only you see these notes; they help you write the report.",
    privateSection: "Private on {section}",
    privateGeneral: "General private notes",
  },
  preparation: {
    pokTitle: "Placement agreement (POK)",
    pokValid: "The POK is valid.",
    previousTitle: "Agreements from the previous conversation",
    due: "due {date}",
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
    TOO_MANY_ATTEMPTS: "Too many attempts. Wait a moment, then try again.",
    RATE_LIMITED: "Too many requests at once. Wait a minute, then try again.",
    TIMEOUT: "This took too long and was stopped. Try again, or ask for less at once.",
    INTERNAL_SERVER_ERROR: "Something went wrong on the server. Please try again.",
    NETWORK: "No connection to the server. Check your internet connection.",
    UNKNOWN: "Something went wrong. Please try again.",
  },
  notFound: {
    title: "Page not found",
    home: "Go to the start page",
  },
  session: {
    logoutEverywhere: "Log out everywhere",
    loggedOutTitle: "You are logged out",
    wiping: "Removing the conversation's data from this device…",
    wiped:
      "Nothing of the conversation is kept on this device: the conversations, drafts and your sign-in have been removed. You can safely hand the device to the next person.",
  },
};
