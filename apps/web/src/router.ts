import { createRouter, createWebHistory, type RouteRecordRaw } from "vue-router";
import { useSession } from "./composables/useSession";

declare module "vue-router" {
  interface RouteMeta {
    /** The page needs a session; without one it sends the visitor to the login form. */
    requiresSession?: boolean;
  }
}

// Each view is its own chunk, so a student opening an invite link does not download the
// staff pages first.
const routes: RouteRecordRaw[] = [
  { path: "/", name: "home", component: () => import("./views/HomeView.vue") },
  {
    path: "/join/:token",
    name: "join",
    component: () => import("./views/JoinView.vue"),
    props: true,
  },
  {
    path: "/gesprek/:id",
    name: "conversation",
    component: () => import("./views/ConversationView.vue"),
    props: true,
    meta: { requiresSession: true },
  },
  {
    path: "/gesprek/:id/formulier",
    name: "conversation-form",
    component: () => import("./views/ConversationFormView.vue"),
    props: true,
    meta: { requiresSession: true },
  },
  {
    path: "/overzicht",
    name: "staff",
    component: () => import("./views/ReportView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/studenten",
    name: "planning",
    component: () => import("./views/PlanningView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/studenten/zoeken",
    name: "students",
    component: () => import("./views/StudentListView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/studenten/:id",
    name: "student",
    component: () => import("./views/StudentView.vue"),
    props: true,
    meta: { requiresSession: true },
  },
  {
    path: "/beheer",
    name: "admin",
    component: () => import("./views/AdminView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/beheer/import",
    name: "roster-import",
    component: () => import("./views/RosterImportView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/beheer/accounts",
    name: "accounts",
    component: () => import("./views/StaffAccountsView.vue"),
    meta: { requiresSession: true },
  },
  {
    path: "/uitgelogd",
    name: "logged-out",
    component: () => import("./views/LoggedOutView.vue"),
  },
  {
    path: "/wachtwoord/:token",
    name: "set-password",
    component: () => import("./views/SetPasswordView.vue"),
    props: true,
  },
  {
    path: "/:pathMatch(.*)*",
    name: "not-found",
    component: () => import("./views/NotFoundView.vue"),
  },
];

/** Creates the router with the app's pages and the sign-in guard. */
export function createAppRouter() {
  const router = createRouter({ history: createWebHistory(), routes });
  const { isLoggedIn } = useSession();

  router.beforeEach((to) => {
    if (to.meta.requiresSession && !isLoggedIn.value) {
      return { name: "home", query: { redirect: to.fullPath } };
    }
    return true;
  });

  return router;
}
