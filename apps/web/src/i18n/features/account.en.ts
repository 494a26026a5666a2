import type { accountNl } from "./account.nl";

/** English texts for staff accounts. */
export const accountEn: typeof accountNl = {
  account: {
    nav: "Accounts",
    title: "Staff accounts",
    intro:
      "Create an account for a placement supervisor, trajectbegeleider or administrator. They receive an e-mail with a link to choose their own password.",
    notAllowed: "Managing accounts is for administrators.",
    roles: {
      bpv_begeleider: "Placement supervisor",
      trajectbegeleider: "Trajectbegeleider",
      admin: "Administrator",
    },
    create: {
      title: "New account",
      name: "Name",
      email: "E-mail address",
      role: "Role",
      locale: "Language of the e-mail",
      hint: "The link in the e-mail works once and for 72 hours.",
      submit: "Create account",
      busy: "Working…",
      done: "Account created. An e-mail was sent to {email}.",
    },
    list: {
      title: "Accounts",
      search: "Search by name or e-mail address",
      find: "Search",
      loading: "Loading accounts…",
      count: "No accounts found. | 1 account. | {n} accounts.",
      more: "Load more",
      active: "active",
      noPassword: "no password chosen yet",
      deactivatedOn: "deactivated on {date}",
      deactivate: "Deactivate",
      reactivate: "Reactivate",
      confirmDeactivate:
        "{name} will no longer be able to log in and is logged out everywhere at once. Continue?",
      confirmReactivate: "{name} will be able to log in again. Continue?",
      yesDeactivate: "Yes, deactivate",
      yesReactivate: "Yes, reactivate",
      cancel: "Cancel",
    },
    password: {
      title: "Choose a password",
      intro:
        "Choose a password for Driehoek. Then log in with your e-mail address and this password.",
      new: "New password",
      repeat: "Repeat the password",
      hint: "At least {min} characters. A short sentence is easy to remember.",
      submit: "Save password",
      busy: "Saving…",
      done: "Your password is saved. You can log in now.",
      toLogin: "To the login",
      tooShort: "The password needs at least {min} characters.",
      mismatch: "The two passwords are not the same.",
      deadLink:
        "Link no longer working? Ask for a new one on the login page under 'Forgot your password?'.",
      checking: "Checking the link…",
      newLink: "Ask for a new link",
    },
    change: {
      title: "Change password",
      current: "Current password",
      submit: "Change password",
      done: "Your password has been changed.",
    },
    reset: {
      title: "Forgot your password?",
      intro:
        "Enter your e-mail address. You will receive an e-mail with a link to choose a new password.",
      submit: "Send a link",
      sent: "If this address belongs to an account, an e-mail with a link has been sent. The link works for 2 hours.",
    },
    errors: {
      email_taken: "There already is an account with this e-mail address.",
      wrong_password: "The current password is not correct.",
      password_link_invalid:
        "This link is not valid. Ask for a new one under 'Forgot your password?' on the login page.",
      password_link_used:
        "This link has been used. Log in with your password, or ask for a new link under 'Forgot your password?'.",
      password_link_expired:
        "This link has expired. Ask for a new one under 'Forgot your password?' on the login page.",
      badInput: "Check the fields: a name, a valid e-mail address and a role are needed.",
      forbidden: "Only an administrator may do this.",
    },
  },
};
