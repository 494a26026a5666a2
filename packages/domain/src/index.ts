/**
 * @driehoek/domain — the BPV conversation guide, roles and rules, framework-free. Both the server
 * and the web client import these so a rule lives in one place.
 */
export * from "./agreement-status.js";
export * from "./conclusion.js";
export * from "./conversation-status.js";
export * from "./dates.js";
export * from "./frequency.js";
export * from "./guide.js";
export * from "./guide-intro.js";
export * from "./i18n.js";
export * from "./limits.js";
export * from "./phases.js";
export * from "./pok.js";
export * from "./preparation-tasks.js";
export * from "./record.js";
export * from "./record-labels.js";
export * from "./roles.js";
export * from "./school-calendar.js";
export * from "./school-year.js";
export * from "./section-times.js";
export * from "./signature-state.js";
export * from "./smart.js";
