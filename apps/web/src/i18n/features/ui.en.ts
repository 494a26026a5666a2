import type { uiNl } from "./ui.nl";

/** English texts of the shared interface parts. */
export const uiEn: typeof uiNl = {
  ui: {
    close: "Close",
    notifications: "Notifications",
    menu: "Menu",
    account: "Account",
    busy: "Busy…",
  },
};
