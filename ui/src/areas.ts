import type { Component } from "vue";
import {
  Calendar,
  ChatLineSquare,
  DataAnalysis,
  Document,
  Monitor,
  Phone,
  Present,
  Service,
  Setting,
  Ticket,
  User,
  Wallet,
} from "@element-plus/icons-vue";

/**
 * The workflow areas in the order of the left navigation. `route` is the path
 * (and the `nav-<route>` data-test); `key` names the area in the locale files
 * (`areas.<key>.title`, `areas.<key>.purpose`).
 */
export interface Area {
  route: string;
  key: string;
  icon: Component;
}

export const AREAS: readonly Area[] = [
  { route: "appointments", key: "appointments", icon: Calendar },
  { route: "reception", key: "reception", icon: Service },
  { route: "work-orders", key: "workOrders", icon: Document },
  { route: "workshop", key: "workshop", icon: Monitor },
  { route: "settlement", key: "settlement", icon: Wallet },
  { route: "gate", key: "gate", icon: Ticket },
  { route: "follow-up", key: "followUp", icon: Phone },
  { route: "care", key: "care", icon: Present },
  { route: "complaints", key: "complaints", icon: ChatLineSquare },
  { route: "customers", key: "customers", icon: User },
  { route: "reports", key: "reports", icon: DataAnalysis },
  { route: "settings", key: "settings", icon: Setting },
];
