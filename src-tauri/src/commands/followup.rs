//! 回访, 投诉, 客户关怀 and 报表: the follow-up calls, complaints, the care list and the
//! manager's figures.

use chrono::Utc;
use servicebay::care::{self, CareDone, CareItem, CareSettings};
use servicebay::complaint::store::{Complaint, ComplaintLine};
use servicebay::complaint::{self, ComplaintDraft, ComplaintSettings, ComplaintStep};
use servicebay::followup::store::{DueCall, FollowupLine};
use servicebay::followup::{self, FollowupInput, FollowupSettings};
use servicebay::report::{self, Figure, Kpis, Table};
use servicebay::staff::Role;
use servicebay::{appointment, dealership};
use tauri::State;

use super::CommandResult;
use crate::AppState;

/// Today's follow-up calls, mandatory first.
#[tauri::command]
#[specta::specta]
pub async fn followup_due(state: State<'_, AppState>) -> CommandResult<Vec<DueCall>> {
    let today = dealership::store::today(&state.store).await?;
    Ok(followup::store::due(&state.store, today).await?)
}

/// Records a call (and files its complaint); returns the calls made on the order.
#[tauri::command]
#[specta::specta]
pub async fn followup_record(
    state: State<'_, AppState>,
    input: FollowupInput,
) -> CommandResult<Vec<FollowupLine>> {
    followup::store::record(&state.store, &input, Utc::now()).await?;
    let today = dealership::store::today(&state.store).await?;
    Ok(followup::store::calls(&state.store, today, today, Some(input.order_id)).await?)
}

/// Calls made in a period (for the weekly summary), or on one order.
#[tauri::command]
#[specta::specta]
pub async fn followup_calls(
    state: State<'_, AppState>,
    from: String,
    to: String,
    order_id: Option<i64>,
) -> CommandResult<Vec<FollowupLine>> {
    let (from, to) = (
        appointment::parse_day("from", &from)?,
        appointment::parse_day("to", &to)?,
    );
    Ok(followup::store::calls(&state.store, from, to, order_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn followup_settings(state: State<'_, AppState>) -> CommandResult<FollowupSettings> {
    Ok(followup::store::settings(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn followup_settings_save(
    state: State<'_, AppState>,
    settings: FollowupSettings,
) -> CommandResult<()> {
    Ok(followup::store::save_settings(&state.store, &settings).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_list(
    state: State<'_, AppState>,
    overdue_only: bool,
) -> CommandResult<Vec<ComplaintLine>> {
    Ok(complaint::store::list(&state.store, overdue_only, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_get(state: State<'_, AppState>, id: i64) -> CommandResult<Complaint> {
    Ok(complaint::store::get(&state.store, id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_file(
    state: State<'_, AppState>,
    draft: ComplaintDraft,
) -> CommandResult<Complaint> {
    let id = complaint::store::file(&state.store, &draft, Utc::now()).await?;
    Ok(complaint::store::get(&state.store, id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_step(
    state: State<'_, AppState>,
    step: ComplaintStep,
) -> CommandResult<Complaint> {
    complaint::store::step(&state.store, &step, Utc::now()).await?;
    Ok(complaint::store::get(&state.store, step.complaint_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_settings(state: State<'_, AppState>) -> CommandResult<ComplaintSettings> {
    Ok(complaint::store::settings(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn complaint_settings_save(
    state: State<'_, AppState>,
    settings: ComplaintSettings,
) -> CommandResult<()> {
    Ok(complaint::store::save_settings(&state.store, &settings).await?)
}

/// Today's care list for a role (everything for the manager, or with no role).
#[tauri::command]
#[specta::specta]
pub async fn care_todo(
    state: State<'_, AppState>,
    role: Option<Role>,
) -> CommandResult<Vec<CareItem>> {
    let today = dealership::store::today(&state.store).await?;
    Ok(care::store::todo(&state.store, today, role, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn care_done(state: State<'_, AppState>, done: CareDone) -> CommandResult<()> {
    Ok(care::store::done(&state.store, &done, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn care_settings(state: State<'_, AppState>) -> CommandResult<CareSettings> {
    Ok(care::store::settings(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn care_settings_save(
    state: State<'_, AppState>,
    settings: CareSettings,
) -> CommandResult<()> {
    Ok(care::store::save_settings(&state.store, &settings).await?)
}

/// Every figure of the dashboard for the days from..=to.
#[tauri::command]
#[specta::specta]
pub async fn report_kpis(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CommandResult<Kpis> {
    let (from, to) = (
        appointment::parse_day("from", &from)?,
        appointment::parse_day("to", &to)?,
    );
    Ok(report::store::kpis(&state.store, from, to).await?)
}

/// The follow-up summary as .xlsx at `path` (chosen with the save dialog).
#[tauri::command]
#[specta::specta]
pub async fn followup_summary_xlsx(
    state: State<'_, AppState>,
    from: String,
    to: String,
    path: String,
) -> CommandResult<String> {
    let (from, to) = (
        appointment::parse_day("from", &from)?,
        appointment::parse_day("to", &to)?,
    );
    followup::summary::xlsx(&state.store, from, to, std::path::Path::new(&path)).await?;
    Ok(path)
}

/// The rows a dashboard figure counts.
#[tauri::command]
#[specta::specta]
pub async fn report_rows(
    state: State<'_, AppState>,
    figure: Figure,
    from: String,
    to: String,
) -> CommandResult<Table> {
    let (from, to) = (
        appointment::parse_day("from", &from)?,
        appointment::parse_day("to", &to)?,
    );
    Ok(report::store::rows(&state.store, figure, from, to).await?)
}

/// Those rows as .xlsx at `path`.
#[tauri::command]
#[specta::specta]
pub async fn report_export(
    state: State<'_, AppState>,
    figure: Figure,
    from: String,
    to: String,
    path: String,
) -> CommandResult<String> {
    let table = report_rows(state, figure, from, to).await?;
    report::table::write_xlsx(std::path::Path::new(&path), &[table])?;
    Ok(path)
}
