// Hand-written stand-in for the bindings that tauri-specta generates from the
// Rust commands. The generated file replaces this one and keeps these names
// and shapes: every command returns Promise<T> and rejects with an AppError.
import { invoke as __TAURI_INVOKE } from "@tauri-apps/api/core";

export const commands = {
  appInfo: () => __TAURI_INVOKE<AppInfo>("app_info"),
  dealershipSave: (input: DealershipInput) => __TAURI_INVOKE<Dealership>("dealership_save", { input }),
  demoSeed: () => __TAURI_INVOKE<Dealership>("demo_seed"),
  customerCreate: (draft: CustomerDraft) => __TAURI_INVOKE<SearchHit>("customer_create", { draft }),
  customerSearch: (query: string) => __TAURI_INVOKE<SearchHit[]>("customer_search", { query }),
  printTestPage: () => __TAURI_INVOKE<PrintedDocument>("print_test_page"),
};

export type AppInfo = { version: string; dbPath: string; dataDir: string; backupDir: string; logDir: string; dealership: Dealership | null };
export type Dealership = { name: string; address: string; hotline: string; timeZone: string };
export type DealershipInput = { name: string; address: string; hotline: string; timeZone: string };
export type CustomerDraft = { name: string; mobile: string; plate: string };
export type SearchHit = { customerId: number; name: string; mobileMasked: string; plates: string[]; lastVisit: string | null };
export type PrintedDocument = { path: string; opened: boolean };
export type AppError = { code: string; message: LocalizedText; field: string | null };
export type LocalizedText = { "zh-CN": string; en: string };
