//! 预约: bookings, the day view, what is due now, the proactive call list, campaigns,
//! settings, the manager's figures, and the lobby welcome board window.

use chrono::{NaiveDate, Utc};
use servicebay::appointment::call_list::{CallInput, CallLine, CallList, Campaign};
use servicebay::appointment::figures::AppointmentFigures;
use servicebay::appointment::{
    self, AppointmentSettings, BenefitInput, BookingFile, BookingInput, ConfirmationCall, DayView,
    DueNow, NoShowReason, RescheduleInput, WelcomeLine,
};
use servicebay::{Result, dealership};
use tauri::{AppHandle, Manager, State, WebviewUrl, WebviewWindowBuilder};

use super::CommandResult;
use crate::AppState;

fn day(value: &str) -> Result<NaiveDate> {
    appointment::parse_day("day", value)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_day(state: State<'_, AppState>, day: String) -> CommandResult<DayView> {
    Ok(appointment::store::day_view(&state.store, self::day(&day)?).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_get(state: State<'_, AppState>, id: i64) -> CommandResult<BookingFile> {
    Ok(appointment::store::get(&state.store, id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_create(
    state: State<'_, AppState>,
    input: BookingInput,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::create(&state.store, &input, actor_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_confirm(
    state: State<'_, AppState>,
    id: i64,
    call: ConfirmationCall,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::confirm(&state.store, id, &call, actor_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_arrive(
    state: State<'_, AppState>,
    id: i64,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::arrive(&state.store, id, actor_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_cancel(
    state: State<'_, AppState>,
    id: i64,
    reason: String,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::cancel(&state.store, id, &reason, actor_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_no_show_reason(
    state: State<'_, AppState>,
    id: i64,
    reason: NoShowReason,
    note: String,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(
        appointment::record_no_show_reason(&state.store, id, reason, &note, actor_id, Utc::now())
            .await?,
    )
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_benefit(
    state: State<'_, AppState>,
    id: i64,
    benefit: BenefitInput,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::record_benefit(&state.store, id, &benefit, actor_id, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_reschedule(
    state: State<'_, AppState>,
    id: i64,
    input: RescheduleInput,
    actor_id: Option<i64>,
) -> CommandResult<BookingFile> {
    Ok(appointment::reschedule(&state.store, id, &input, actor_id, Utc::now()).await?)
}

/// Applies the no-show rule, then lists what is due now.
#[tauri::command]
#[specta::specta]
pub async fn appointment_due_now(state: State<'_, AppState>) -> CommandResult<DueNow> {
    Ok(appointment::due_now(&state.store, Utc::now()).await?)
}

/// The proactive call list: at most this many entries, the most pressing first.
#[tauri::command]
#[specta::specta]
pub async fn appointment_call_list(state: State<'_, AppState>) -> CommandResult<CallList> {
    Ok(appointment::store::call_list(&state.store, Utc::now(), 200).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_log_call(
    state: State<'_, AppState>,
    input: CallInput,
    actor_id: Option<i64>,
) -> CommandResult<Vec<CallLine>> {
    appointment::store::log_call(&state.store, &input, actor_id, Utc::now()).await?;
    Ok(appointment::store::calls(&state.store, input.vehicle_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_calls(
    state: State<'_, AppState>,
    vehicle_id: i64,
) -> CommandResult<Vec<CallLine>> {
    Ok(appointment::store::calls(&state.store, vehicle_id).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn campaign_list(state: State<'_, AppState>) -> CommandResult<Vec<Campaign>> {
    Ok(appointment::store::campaigns(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn campaign_save(state: State<'_, AppState>, input: Campaign) -> CommandResult<Campaign> {
    Ok(appointment::store::save_campaign(&state.store, &input, Utc::now()).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_settings(
    state: State<'_, AppState>,
) -> CommandResult<AppointmentSettings> {
    Ok(appointment::store::settings(&state.store).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_settings_save(
    state: State<'_, AppState>,
    input: AppointmentSettings,
) -> CommandResult<AppointmentSettings> {
    Ok(appointment::store::save_settings(&state.store, &input).await?)
}

#[tauri::command]
#[specta::specta]
pub async fn appointment_figures(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> CommandResult<AppointmentFigures> {
    let from = appointment::parse_day("from", &from)?;
    let to = appointment::parse_day("to", &to)?;
    Ok(appointment::store::figures(&state.store, from, to).await?)
}

/// Today's welcome board for the lobby display.
#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WelcomeBoard {
    pub day: String,
    pub dealership_name: String,
    pub lines: Vec<WelcomeLine>,
}

#[tauri::command]
#[specta::specta]
pub async fn welcome_board_today(state: State<'_, AppState>) -> CommandResult<WelcomeBoard> {
    let today = dealership::store::today(&state.store).await?;
    let name = dealership::store::required(&state.store).await?.name;
    Ok(WelcomeBoard {
        day: today.to_string(),
        dealership_name: name,
        lines: appointment::welcome_board(&state.store, today).await?,
    })
}

/// A display the lobby board can go full-screen on.
#[derive(serde::Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Display {
    pub index: u32,
    pub name: String,
    pub width: u32,
    pub height: u32,
}

#[tauri::command]
#[specta::specta]
pub async fn board_displays(app: AppHandle) -> CommandResult<Vec<Display>> {
    let monitors = app.available_monitors().unwrap_or_default();
    Ok(monitors
        .iter()
        .enumerate()
        .map(|(index, m)| Display {
            index: index as u32,
            name: m
                .name()
                .cloned()
                .unwrap_or_else(|| format!("{}", index + 1)),
            width: m.size().width,
            height: m.size().height,
        })
        .collect())
}

/// The boards that hang on a wall, each in its own full-screen window.
#[derive(Clone, Copy, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum WallBoard {
    /// 预约欢迎板 in the lobby.
    Welcome,
    /// 作业管理目视板 in the workshop.
    Workshop,
}

impl WallBoard {
    /// Window label, route and title.
    fn window(self) -> (&'static str, &'static str, &'static str) {
        match self {
            WallBoard::Welcome => (
                "welcome-board",
                "index.html#/board/welcome",
                "预约欢迎板 Welcome board",
            ),
            WallBoard::Workshop => (
                "workshop-board",
                "index.html#/board/workshop",
                "作业管理目视板 Job-status board",
            ),
        }
    }
}

/// Opens (or moves) a wall board's window, full-screen on the chosen display.
#[tauri::command]
#[specta::specta]
pub async fn board_open(app: AppHandle, board: WallBoard, display: u32) -> CommandResult<()> {
    let monitors = app.available_monitors().unwrap_or_default();
    let monitor = monitors.get(display as usize).or(monitors.first());
    let (label, route, title) = board.window();
    let window = match app.get_webview_window(label) {
        Some(window) => window,
        None => WebviewWindowBuilder::new(&app, label, WebviewUrl::App(route.into()))
            .title(title)
            .inner_size(1280.0, 720.0)
            .build()
            .map_err(window_error)?,
    };
    if let Some(monitor) = monitor {
        let at = monitor.position();
        window
            .set_fullscreen_on_monitor(tauri::PhysicalPosition::new(
                at.x as f64 + 1.0,
                at.y as f64 + 1.0,
            ))
            .map_err(window_error)?;
    } else {
        window.set_fullscreen(true).map_err(window_error)?;
    }
    window.set_focus().map_err(window_error)?;
    Ok(())
}

fn window_error(err: tauri::Error) -> servicebay::ErrorPayload {
    servicebay::Error::Io(std::io::Error::other(err.to_string())).payload()
}
