/** Dutch texts of the shared interface parts (dialogs, toasts, the header's menus). */
export const uiNl = {
  ui: {
    close: "Sluiten",
    notifications: "Meldingen",
    notificationsRegion: "Meldingen ({hotkey})",
    menu: "Menu",
  },
};
