import type { Component } from "vue";
import type { RouteLocationRaw } from "vue-router";

/** One entry of a `UiMenu`: an action (the menu emits `select` with its key) or, with `to`, a link. */
export interface UiMenuItem {
  key: string;
  label: string;
  /** A lucide icon component, shown before the label. */
  icon?: Component;
  to?: RouteLocationRaw;
  /** Marks a destructive action. */
  danger?: boolean;
  /** Marks the current page's link (aria-current="page"). */
  current?: boolean;
}
