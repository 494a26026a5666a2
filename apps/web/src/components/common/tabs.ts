/** The id of a tab of a `TabList` with this id prefix. */
export const tabId = (idPrefix: string, key: string): string => `${idPrefix}tab-${key}`;

/** The id of the panel a `TabList` tab controls. */
export const tabPanelId = (idPrefix: string, key: string): string => `${idPrefix}panel-${key}`;

/**
 * Attributes that make an element the tab panel of `key`: labelled by its tab, focusable (so
 * the keyboard reaches a panel without focusable content), hidden unless its tab is selected.
 */
export function tabPanelAttrs(idPrefix: string, key: string, activeKey: string) {
  return {
    id: tabPanelId(idPrefix, key),
    role: "tabpanel",
    "aria-labelledby": tabId(idPrefix, key),
    tabindex: 0,
    hidden: key !== activeKey,
  };
}
