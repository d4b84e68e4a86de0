import { createRouter, createWebHashHistory, type RouteRecordRaw } from "vue-router";
import type { Component } from "vue";
import { AREAS } from "./areas";
import AppointmentsView from "./views/appointments/AppointmentsView.vue";
import CareView from "./views/care/CareView.vue";
import ComplaintsView from "./views/complaints/ComplaintsView.vue";
import CustomersView from "./views/customers/CustomersView.vue";
import CustomerFileView from "./views/customers/file/CustomerFileView.vue";
import FollowUpView from "./views/follow-up/FollowUpView.vue";
import GateView from "./views/gate/GateView.vue";
import SettingsView from "./views/settings/SettingsView.vue";
import NotBuiltView from "./views/not-built/NotBuiltView.vue";
import WelcomeBoardView from "./views/board/WelcomeBoardView.vue";
import WorkshopBoardView from "./views/board/WorkshopBoardView.vue";
import ReceptionView from "./views/reception/ReceptionView.vue";
import ReportsView from "./views/reports/ReportsView.vue";
import SettlementView from "./views/settlement/SettlementView.vue";
import WorkOrderView from "./views/work-orders/editor/WorkOrderView.vue";
import WorkOrdersView from "./views/work-orders/WorkOrdersView.vue";
import WorkshopView from "./views/workshop/WorkshopView.vue";

declare module "vue-router" {
  interface RouteMeta {
    /** Shown alone, without the frame (navigation, top bar): the wall boards. */
    bare?: boolean;
  }
}

/** The areas that exist so far; every other area shows the not-built page. */
const BUILT: Record<string, Component> = {
  appointments: AppointmentsView,
  care: CareView,
  complaints: ComplaintsView,
  customers: CustomersView,
  "follow-up": FollowUpView,
  gate: GateView,
  reception: ReceptionView,
  reports: ReportsView,
  settings: SettingsView,
  settlement: SettlementView,
  "work-orders": WorkOrdersView,
  workshop: WorkshopView,
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
  {
    path: "/work-orders/:id(\\d+)",
    name: "work-order",
    component: WorkOrderView,
    props: (route) => ({ id: Number(route.params.id) }),
  },
  // The lobby and workshop TVs (each its own window, full-screen): no frame around them.
  { path: "/board/welcome", name: "welcome-board", component: WelcomeBoardView, meta: { bare: true } },
  { path: "/board/workshop", name: "workshop-board", component: WorkshopBoardView, meta: { bare: true } },
  { path: "/:rest(.*)*", redirect: "/customers" },
];

// Hash history: the app is served from Tauri's custom protocol, not a web server.
export const router = createRouter({ history: createWebHashHistory(), routes });
