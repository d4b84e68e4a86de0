import { createRouter, createWebHashHistory, type RouteRecordRaw } from "vue-router";
import type { Component } from "vue";
import { AREAS } from "./areas";
import CustomersView from "./views/customers/CustomersView.vue";
import CustomerFileView from "./views/customers/file/CustomerFileView.vue";
import SettingsView from "./views/settings/SettingsView.vue";
import NotBuiltView from "./views/not-built/NotBuiltView.vue";

/** The areas that exist so far; every other area shows the not-built page. */
const BUILT: Record<string, Component> = {
  customers: CustomersView,
  settings: SettingsView,
};

const routes: RouteRecordRaw[] = [
  { path: "/", redirect: "/customers" },
  ...AREAS.map(
    (area): RouteRecordRaw => ({
      path: `/${area.route}`,
      name: area.route,
      component: BUILT[area.route] ?? NotBuiltView,
      props: BUILT[area.route] ? false : { area: area.key },
    }),
  ),
  {
    path: "/customers/:id(\\d+)",
    name: "customer-file",
    component: CustomerFileView,
    props: (route) => ({ id: Number(route.params.id) }),
  },
  { path: "/:rest(.*)*", redirect: "/customers" },
];

// Hash history: the app is served from Tauri's custom protocol, not a web server.
export const router = createRouter({ history: createWebHashHistory(), routes });
