//! The desktop shell: opens the store, registers the commands, hosts the web UI.
//! No SQL and no business rules here: each command calls one core function.

mod commands;

use servicebay::{AppPaths, Store};
use tauri_specta::{Builder, ErrorHandlingMode, collect_commands};

/// What every command can reach.
pub struct AppState {
    pub store: Store,
    pub paths: AppPaths,
}

/// The commands and their TypeScript bindings (`ui/src/api/bindings.ts`).
fn specta_builder() -> Builder<tauri::Wry> {
    Builder::<tauri::Wry>::new()
        .commands(collect_commands![
            commands::app::app_info,
            commands::app::dealership_save,
            commands::app::demo_seed,
            commands::app::staff_list,
            commands::appointment::appointment_day,
            commands::appointment::appointment_get,
            commands::appointment::appointment_create,
            commands::appointment::appointment_confirm,
            commands::appointment::appointment_arrive,
            commands::appointment::appointment_cancel,
            commands::appointment::appointment_no_show_reason,
            commands::appointment::appointment_benefit,
            commands::appointment::appointment_reschedule,
            commands::appointment::appointment_due_now,
            commands::appointment::appointment_call_list,
            commands::appointment::appointment_log_call,
            commands::appointment::appointment_calls,
            commands::appointment::appointment_settings,
            commands::appointment::appointment_settings_save,
            commands::appointment::appointment_figures,
            commands::appointment::campaign_list,
            commands::appointment::campaign_save,
            commands::appointment::welcome_board_today,
            commands::appointment::board_displays,
            commands::appointment::board_open,
            commands::customer::customer_create,
            commands::customer::customer_search,
            commands::customer::customer_get,
            commands::customer::customer_save,
            commands::customer::customer_log_contact,
            commands::customer::customer_add_points,
            commands::customer::customer_lists,
            commands::customer::customer_import_preview,
            commands::customer::customer_import,
            commands::customer::customer_export,
            commands::customer::customer_regrade,
            commands::customer::customer_grade_bands,
            commands::customer::customer_grade_bands_save,
            commands::files::file_choose_spreadsheet,
            commands::files::file_choose_save,
            commands::vehicle::vehicle_get,
            commands::vehicle::vehicle_save,
            commands::vehicle::vehicle_add_reading,
            commands::vehicle::vehicle_transfer,
            commands::print::print_test_page,
            commands::print::print_appointment_list,
            commands::print::print_welcome_board,
            commands::print::print_work_order,
            commands::print::print_check_in,
            commands::print::print_settlement,
            commands::print::print_exit_pass,
            commands::print::print_complaint,
            commands::print::print_followup_summary,
            commands::settlement::settlement_desk,
            commands::settlement::settlement_get,
            commands::settlement::settlement_hand_over,
            commands::settlement::settlement_settle,
            commands::settlement::exit_pass_issue,
            commands::settlement::exit_pass_issue_other,
            commands::settlement::gate_verify,
            commands::settlement::gate_entry,
            commands::settlement::gate_today,
            commands::work_order::reception_waiting,
            commands::work_order::reception_context,
            commands::work_order::reception_start,
            commands::work_order::car_outline,
            commands::work_order::work_order_list,
            commands::work_order::work_order_get,
            commands::work_order::work_order_find,
            commands::work_order::work_order_save,
            commands::work_order::work_order_act,
            commands::work_order::work_order_sign,
            commands::work_order::work_order_dispatch,
            commands::work_order::work_order_notify_parts,
            commands::work_order::work_order_version,
            commands::work_order::work_order_settings,
            commands::work_order::work_order_settings_save,
            commands::work_order::labour_operations,
            commands::work_order::labour_operation_save,
            commands::work_order::labour_rates,
            commands::work_order::labour_rates_save,
            commands::work_order::parts_search,
            commands::work_order::part_save,
            commands::work_order::parts_import,
            commands::followup::followup_due,
            commands::followup::followup_record,
            commands::followup::followup_calls,
            commands::followup::followup_settings,
            commands::followup::followup_settings_save,
            commands::followup::complaint_list,
            commands::followup::complaint_get,
            commands::followup::complaint_file,
            commands::followup::complaint_step,
            commands::followup::complaint_settings,
            commands::followup::complaint_settings_save,
            commands::followup::care_todo,
            commands::followup::care_done,
            commands::followup::care_settings,
            commands::followup::care_settings_save,
            commands::followup::report_kpis,
            commands::followup::report_rows,
            commands::followup::report_export,
            commands::followup::followup_summary_xlsx,
            commands::workshop::workshop_board,
            commands::workshop::workshop_lines,
            commands::workshop::workshop_start_line,
            commands::workshop::workshop_finish_line,
            commands::workshop::workshop_clock_on,
            commands::workshop::workshop_clock_off,
            commands::workshop::workshop_report_done,
            commands::workshop::qc_checklist,
            commands::workshop::workshop_quality_check,
            commands::workshop::workshop_after_qc,
        ])
        .error_handling(ErrorHandlingMode::Throw)
        // Ids and fen amounts stay far below 2^53, where a JavaScript number is exact.
        .dangerously_cast_bigints_to_number()
        // One TypeScript type per Rust type (the types here serialize and deserialize alike).
        .disable_serde_phases()
}

pub fn run() {
    let paths = AppPaths::from_env();
    let _log = servicebay::logging::init(&paths.logs());
    let store = tauri::async_runtime::block_on(Store::open(&paths.database(), &paths.backups()))
        .unwrap_or_else(|err| {
            tracing::error!("cannot open the database: {err}");
            panic!(
                "cannot open the database {}: {err}",
                paths.database().display()
            )
        });
    tracing::info!(db = %paths.database().display(), "ServiceBay started");
    // Grades are recomputed once a day, in the background of the first start that day.
    let daily = store.clone();
    tauri::async_runtime::spawn(async move {
        if let Err(err) = servicebay::customer::regrade_if_stale(&daily).await {
            tracing::warn!("daily regrade failed: {err}");
        }
    });
    // The no-show rule runs every minute, whether or not a screen asks.
    let sweeper = store.clone();
    tauri::async_runtime::spawn(async move {
        loop {
            if let Err(err) = servicebay::appointment::sweep(&sweeper, chrono::Utc::now()).await {
                tracing::warn!("no-show rule failed: {err}");
            }
            tokio::time::sleep(std::time::Duration::from_secs(60)).await;
        }
    });
    let builder = specta_builder();
    tauri::Builder::default()
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_dialog::init())
        .manage(AppState { store, paths })
        .invoke_handler(builder.invoke_handler())
        .run(tauri::generate_context!())
        .expect("the ServiceBay window runs");
}

#[cfg(test)]
mod tests {
    /// The committed bindings must be what the commands generate today.
    /// `cargo xtask bindings` rewrites them.
    #[test]
    fn committed_bindings_are_current() {
        let committed =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/api/bindings.ts");
        let fresh =
            std::env::temp_dir().join(format!("servicebay-bindings-{}.ts", std::process::id()));
        super::specta_builder()
            .export(
                specta_typescript::Typescript::default().header(
                    "// Generated from the Rust commands by `cargo xtask bindings`. Do not edit.\n",
                ),
                &fresh,
            )
            .expect("the command types export to TypeScript");
        let generated = std::fs::read_to_string(&fresh).unwrap();
        let _ = std::fs::remove_file(&fresh);
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            std::fs::write(&committed, &generated).unwrap();
        }
        let on_disk = std::fs::read_to_string(&committed).unwrap_or_default();
        assert!(
            on_disk == generated,
            "ui/src/api/bindings.ts is stale: run `cargo xtask bindings` and commit the result"
        );
    }
}
