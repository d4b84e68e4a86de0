//! Printed papers: render in the core, save into the prints folder, open in the OS viewer
//! (which offers the print dialog).

use serde::Serialize;
use servicebay::work_order::{self, FormSize};
use servicebay::{appointment, dealership, print};
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use super::CommandResult;
use crate::AppState;

#[derive(Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PrintedDocument {
    pub path: String,
    /// False when no PDF viewer could be opened; the file is still saved at `path`.
    pub opened: bool,
}

#[tauri::command]
#[specta::specta]
pub async fn print_test_page(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<PrintedDocument> {
    let dealership = dealership::store::required(&state.store).await?;
    let path = print::save_pdf(
        &state.paths.prints(),
        "test-page",
        &print::test_page::render(&dealership)?,
    )?;
    Ok(open(&app, path))
}

/// 预约客户一览表 for a day.
#[tauri::command]
#[specta::specta]
pub async fn print_appointment_list(
    app: AppHandle,
    state: State<'_, AppState>,
    day: String,
    preparer: String,
) -> CommandResult<PrintedDocument> {
    let day = appointment::parse_day("day", &day)?;
    let pdf = appointment::appointment_list_pdf(&state.store, day, &preparer).await?;
    let path = print::save_pdf(
        &state.paths.prints(),
        &format!("appointment-list-{day}"),
        &pdf,
    )?;
    Ok(open(&app, path))
}

/// 预约欢迎板 for a day.
#[tauri::command]
#[specta::specta]
pub async fn print_welcome_board(
    app: AppHandle,
    state: State<'_, AppState>,
    day: String,
) -> CommandResult<PrintedDocument> {
    let day = appointment::parse_day("day", &day)?;
    let pdf = appointment::welcome_board_pdf(&state.store, day).await?;
    let path = print::save_pdf(&state.paths.prints(), &format!("welcome-board-{day}"), &pdf)?;
    Ok(open(&app, path))
}

/// 派工单 for the customer's signature: the current content, or a signed `version`.
#[tauri::command]
#[specta::specta]
pub async fn print_work_order(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    version: Option<i64>,
    size: FormSize,
) -> CommandResult<PrintedDocument> {
    let pdf = work_order::work_order_pdf(&state.store, id, version, size).await?;
    let number = work_order::store::get(&state.store, id).await?.number;
    let path = print::save_pdf(&state.paths.prints(), &format!("work-order-{number}"), &pdf)?;
    Ok(open(&app, path))
}

/// 接车登记表 of a work order.
#[tauri::command]
#[specta::specta]
pub async fn print_check_in(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    size: FormSize,
) -> CommandResult<PrintedDocument> {
    let pdf = work_order::check_in_pdf(&state.store, id, size).await?;
    let number = work_order::store::get(&state.store, id).await?.number;
    let path = print::save_pdf(&state.paths.prints(), &format!("check-in-{number}"), &pdf)?;
    Ok(open(&app, path))
}

/// 结算清单; every print after the first is marked 副本.
#[tauri::command]
#[specta::specta]
pub async fn print_settlement(
    app: AppHandle,
    state: State<'_, AppState>,
    order_id: i64,
    size: FormSize,
) -> CommandResult<PrintedDocument> {
    let number = work_order::store::get(&state.store, order_id).await?.number;
    let path = servicebay::settlement::print_statement(&state.store, order_id, size, |pdf| {
        print::save_pdf(&state.paths.prints(), &format!("settlement-{number}"), pdf)
    })
    .await?;
    Ok(open(&app, path))
}

/// 出门证.
#[tauri::command]
#[specta::specta]
pub async fn print_exit_pass(
    app: AppHandle,
    state: State<'_, AppState>,
    pass_id: i64,
) -> CommandResult<PrintedDocument> {
    let pdf = servicebay::gate::exit_pass_pdf(&state.store, pass_id).await?;
    let path = print::save_pdf(&state.paths.prints(), &format!("exit-pass-{pass_id}"), &pdf)?;
    Ok(open(&app, path))
}

/// 客户抱怨处理表.
#[tauri::command]
#[specta::specta]
pub async fn print_complaint(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> CommandResult<PrintedDocument> {
    let pdf = servicebay::complaint::sheet_pdf(&state.store, id).await?;
    let path = print::save_pdf(&state.paths.prints(), &format!("complaint-{id}"), &pdf)?;
    Ok(open(&app, path))
}

/// 回访汇总报告 for the general manager, over the days from..=to.
#[tauri::command]
#[specta::specta]
pub async fn print_followup_summary(
    app: AppHandle,
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CommandResult<PrintedDocument> {
    let (from, to) = (
        appointment::parse_day("from", &from)?,
        appointment::parse_day("to", &to)?,
    );
    let pdf = servicebay::followup::summary::pdf(&state.store, from, to).await?;
    let path = print::save_pdf(
        &state.paths.prints(),
        &format!("followup-summary-{from}-{to}"),
        &pdf,
    )?;
    Ok(open(&app, path))
}

fn open(app: &AppHandle, path: std::path::PathBuf) -> PrintedDocument {
    let opened = app
        .opener()
        .open_path(path.display().to_string(), None::<&str>);
    if let Err(err) = &opened {
        tracing::warn!("no PDF viewer opened {}: {err}", path.display());
    }
    PrintedDocument {
        path: path.display().to_string(),
        opened: opened.is_ok(),
    }
}
