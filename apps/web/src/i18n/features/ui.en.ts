import type { uiNl } from "./ui.nl";

/** English texts of the shared interface parts. */
export const uiEn: typeof uiNl = {
  ui: {
    close: "Close",
    notifications: "Notifications",
    notificationsRegion: "Notifications ({hotkey})",
    menu: "Menu",
  },
};
