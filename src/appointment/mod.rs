//! Appointments (预约): bookings with their status and history, the times around a slot
//! (confirmation call, the advisor's blocked window, the no-show rule), capacity, and the
//! proactive call list.

pub mod call_list;
pub mod figures;
pub mod settings;
pub mod store;

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

pub use settings::AppointmentSettings;

use crate::customer::{CustomerDraft, CustomerKind, Gender};
use crate::text::text_enum;
use crate::{Error, LocalizedText, Result, Store};

text_enum!(
    /// Who started the booking: the dealership (主动预约) or the customer (被动预约).
    Kind { Proactive = "proactive", Passive = "passive" }
);
text_enum!(
    /// What the customer comes for.
    ServiceType {
        Maintenance = "maintenance",
        Repair = "repair",
        Enquiry = "enquiry",
        Accident = "accident",
        Detailing = "detailing",
        Seasonal = "seasonal",
        LeftOver = "left_over",
        Recall = "recall",
    }
);
text_enum!(
    Status {
        Booked = "booked",
        Confirmed = "confirmed",
        Arrived = "arrived",
        NoShow = "no_show",
        Cancelled = "cancelled",
        Rescheduled = "rescheduled",
    }
);
text_enum!(
    /// Why a booked customer did not come (失约原因), asked after the no-show.
    NoShowReason {
        Forgot = "forgot",
        Busy = "busy",
        CarFine = "car_fine",
        WentElsewhere = "went_elsewhere",
        Weather = "weather",
        Unreachable = "unreachable",
        Other = "other",
    }
);
text_enum!(
    /// What a kept appointment earned the customer (守约礼遇).
    Benefit { Gift = "gift", Voucher = "voucher", Points = "points" }
);

/// The steps a booking can take; `transition` says where each leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Create,
    Confirm,
    Arrive,
    NoShow,
    Cancel,
    Reschedule,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Create => "create",
            Action::Confirm => "confirm",
            Action::Arrive => "arrive",
            Action::NoShow => "no_show",
            Action::Cancel => "cancel",
            Action::Reschedule => "reschedule",
        }
    }
}

impl NoShowReason {
    /// As the history and printed papers say it.
    pub fn label_zh(self) -> &'static str {
        match self {
            NoShowReason::Forgot => "忘记了",
            NoShowReason::Busy => "临时有事",
            NoShowReason::CarFine => "车没问题，不用来了",
            NoShowReason::WentElsewhere => "去了别处维修",
            NoShowReason::Weather => "天气原因",
            NoShowReason::Unreachable => "联系不上",
            NoShowReason::Other => "其他",
        }
    }
}

impl Benefit {
    pub fn label_zh(self) -> &'static str {
        match self {
            Benefit::Gift => "礼品",
            Benefit::Voucher => "代金券",
            Benefit::Points => "积分",
        }
    }
}

impl Status {
    pub fn label_zh(self) -> &'static str {
        match self {
            Status::Booked => "已预约",
            Status::Confirmed => "已确认",
            Status::Arrived => "已到店",
            Status::NoShow => "失约",
            Status::Cancelled => "已取消",
            Status::Rescheduled => "已改约",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Booked => "booked",
            Status::Confirmed => "confirmed",
            Status::Arrived => "arrived",
            Status::NoShow => "no-show",
            Status::Cancelled => "cancelled",
            Status::Rescheduled => "rescheduled",
        }
    }

    /// Still expected at the desk.
    pub fn is_open(self) -> bool {
        matches!(self, Status::Booked | Status::Confirmed)
    }
}

/// The one place that says which step is allowed from which status.
/// A customer who turns up after being marked a no-show is still received (arrived late).
pub fn transition(from: Status, action: Action) -> Result<Status> {
    use Status::*;
    let to = match (from, action) {
        (Booked, Action::Confirm) => Some(Confirmed),
        (Booked | Confirmed | NoShow, Action::Arrive) => Some(Arrived),
        (Booked | Confirmed, Action::NoShow) => Some(NoShow),
        (Booked | Confirmed, Action::Cancel) => Some(Cancelled),
        (Booked | Confirmed | NoShow, Action::Reschedule) => Some(Rescheduled),
        _ => None,
    };
    to.ok_or_else(|| Error::InvalidTransition {
        zh: format!("预约{}，不能{}", from.label_zh(), action_zh(action)),
        en: format!(
            "The booking is {}; it cannot be {}",
            from.label_en(),
            action_en(action)
        ),
    })
}

fn action_zh(action: Action) -> &'static str {
    match action {
        Action::Create => "新建",
        Action::Confirm => "确认",
        Action::Arrive => "登记到店",
        Action::NoShow => "记为失约",
        Action::Cancel => "取消",
        Action::Reschedule => "改约",
    }
}

fn action_en(action: Action) -> &'static str {
    match action {
        Action::Create => "created",
        Action::Confirm => "confirmed",
        Action::Arrive => "marked arrived",
        Action::NoShow => "marked a no-show",
        Action::Cancel => "cancelled",
        Action::Reschedule => "rescheduled",
    }
}

/// What the booking form sends.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BookingInput {
    pub kind: Kind,
    pub service_type: ServiceType,
    /// A customer and vehicle on file ...
    pub customer_id: Option<i64>,
    pub vehicle_id: Option<i64>,
    /// ... or a new customer with the vehicle, filed in the same step.
    pub new_customer: Option<CustomerDraft>,
    /// `YYYY-MM-DD`
    pub day: String,
    /// `HH:MM` on the slot grid, or empty for "will come that day, no exact time".
    pub slot: String,
    pub advisor_id: Option<i64>,
    pub team: String,
    pub bay: String,
    pub expected_minutes: i64,
    /// Parts to prepare (备件准备).
    pub parts: String,
    /// The customer's own words.
    pub description: String,
    /// Set when the booking comes from the proactive call list: the call is logged as booked.
    pub call: Option<CallSource>,
    /// The desk saw the capacity warning and books anyway.
    pub overbook: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallSource {
    pub reason: call_list::CallReason,
    pub campaign_id: Option<i64>,
}

/// When a booking is: its day and, unless untimed, its slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub day: NaiveDate,
    pub slot: Option<NaiveTime>,
}

/// A booking input that passed every rule that needs no database.
#[derive(Debug, Clone)]
pub struct CheckedBooking {
    pub input: BookingInput,
    pub when: When,
    pub advisor_id: i64,
}

pub fn parse_day(field: &'static str, value: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").map_err(|_| {
        Error::validation(
            field,
            "请选择预约日期（格式 2026-11-23）",
            "Choose the day (format 2026-11-23)",
        )
    })
}

/// Checks a day and slot against the working day and the clock: no slot in the past, only
/// slots on the grid.
pub fn check_when(
    day: &str,
    slot: &str,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<When> {
    let day = parse_day("day", day)?;
    let today = now.with_timezone(&tz).date_naive();
    if day < today {
        return Err(Error::validation(
            "day",
            format!("预约日期 {day} 已过"),
            format!("The day {day} has passed"),
        ));
    }
    let slot = slot.trim();
    if slot.is_empty() {
        return Ok(When { day, slot: None });
    }
    let time = NaiveTime::parse_from_str(slot, "%H:%M").map_err(|_| {
        Error::validation(
            "slot",
            "预约时段应为 时:分，如 09:30",
            "The slot is hours:minutes, e.g. 09:30",
        )
    })?;
    if !settings.slots().contains(&time) {
        return Err(Error::validation(
            "slot",
            format!(
                "{slot} 不是预约时段（营业 {}–{}，每 {} 分钟一个时段）",
                settings.opens_at, settings.closes_at, settings.slot_minutes
            ),
            format!(
                "{slot} is not a slot (open {}–{}, a slot every {} minutes)",
                settings.opens_at, settings.closes_at, settings.slot_minutes
            ),
        ));
    }
    let when = When {
        day,
        slot: Some(time),
    };
    if starts_at(when, settings, tz) <= now {
        return Err(Error::validation(
            "slot",
            format!("{day} {slot} 已过，请选择之后的时段"),
            format!("{day} {slot} has passed; choose a later slot"),
        ));
    }
    Ok(when)
}

impl BookingInput {
    /// Every rule that needs no database; `store::create` checks the rest (the advisor, the
    /// vehicle's owner, capacity).
    pub fn validate(
        &self,
        settings: &AppointmentSettings,
        tz: chrono_tz::Tz,
        now: DateTime<Utc>,
    ) -> Result<CheckedBooking> {
        match (&self.new_customer, self.customer_id, self.vehicle_id) {
            (Some(draft), _, _) => {
                draft.validate()?;
            }
            (None, None, _) => {
                return Err(Error::validation(
                    "customerId",
                    "请选择客户，或新建客户档案",
                    "Choose the customer, or open a new customer file",
                ));
            }
            (None, Some(_), None) => {
                return Err(Error::validation(
                    "vehicleId",
                    "请选择车辆",
                    "Choose the vehicle",
                ));
            }
            _ => {}
        }
        let when = check_when(&self.day, &self.slot, settings, tz, now)?;
        let Some(advisor_id) = self.advisor_id else {
            return Err(Error::validation(
                "advisorId",
                "请选择服务顾问",
                "Choose the service advisor",
            ));
        };
        let team = self.team.trim();
        if !team.is_empty() && !settings.teams.iter().any(|t| t == team) {
            return Err(Error::validation(
                "team",
                format!("没有班组“{team}”（在预约设置中维护）"),
                format!("There is no team “{team}” (see the booking settings)"),
            ));
        }
        let bay = self.bay.trim();
        if !bay.is_empty() && !settings.bays.iter().any(|b| b == bay) {
            return Err(Error::validation(
                "bay",
                format!("没有工位“{bay}”（在预约设置中维护）"),
                format!("There is no bay “{bay}” (see the booking settings)"),
            ));
        }
        if !(15..=600).contains(&self.expected_minutes) {
            return Err(Error::validation(
                "expectedMinutes",
                "预计工时应在0.25到10小时之间",
                "Expected hours lie between 0.25 and 10",
            ));
        }
        for (field, value, max, zh, en) in [
            ("parts", &self.parts, 500, "备件准备", "Parts to prepare"),
            (
                "description",
                &self.description,
                500,
                "客户描述",
                "The customer's description",
            ),
        ] {
            if value.chars().count() > max {
                return Err(Error::validation(
                    field,
                    format!("{zh}最多{max}个字"),
                    format!("{en} has at most {max} characters"),
                ));
            }
        }
        Ok(CheckedBooking {
            input: BookingInput {
                team: team.to_string(),
                bay: bay.to_string(),
                parts: self.parts.trim().to_string(),
                description: self.description.trim().to_string(),
                slot: when
                    .slot
                    .map(|s| s.format("%H:%M").to_string())
                    .unwrap_or_default(),
                day: when.day.to_string(),
                ..self.clone()
            },
            when,
            advisor_id,
        })
    }
}

/// The instant a booking is due: its slot, or the opening time for an untimed booking.
pub fn starts_at(when: When, settings: &AppointmentSettings, tz: chrono_tz::Tz) -> DateTime<Utc> {
    local(when.day, when.slot.unwrap_or(settings.opens()), tz)
}

/// The instant of a local wall-clock time at the dealership.
pub(crate) fn local(day: NaiveDate, time: NaiveTime, tz: chrono_tz::Tz) -> DateTime<Utc> {
    match tz.from_local_datetime(&day.and_time(time)).earliest() {
        Some(at) => at.with_timezone(&Utc),
        None => Utc.from_utc_datetime(&day.and_time(time)),
    }
}

/// From this instant on, an open booking with no arrival is a no-show: the slot plus the
/// grace minutes, or the closing time for an untimed booking.
pub fn no_show_at(when: When, settings: &AppointmentSettings, tz: chrono_tz::Tz) -> DateTime<Utc> {
    match when.slot {
        Some(slot) => local(when.day, slot, tz) + Duration::minutes(settings.no_show_minutes),
        None => local(when.day, settings.closes(), tz),
    }
}

/// From this instant the confirmation call is due: before the slot, or at opening for an
/// untimed booking.
pub fn confirm_call_at(
    when: When,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
) -> DateTime<Utc> {
    match when.slot {
        Some(slot) => local(when.day, slot, tz) - Duration::minutes(settings.confirm_call_minutes),
        None => local(when.day, settings.opens(), tz),
    }
}

/// The advisor's window without walk-ins before a timed booking: `[slot - blocked, slot)`.
pub fn blocked_window(
    when: When,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let slot = local(when.day, when.slot?, tz);
    (settings.blocked_minutes > 0)
        .then(|| (slot - Duration::minutes(settings.blocked_minutes), slot))
}

/// What a booking needs from the desk at `now`, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// The confirmation call is due (booked, not yet confirmed).
    ConfirmCall,
    /// The advisor keeps free for this customer.
    Blocked,
    /// The slot has passed; waiting for the customer until the no-show time.
    Awaiting,
    /// The no-show rule applies.
    NoShow,
}

/// The times around a slot, in one place: which of them applies to an open booking at `now`.
pub fn due(
    status: Status,
    when: When,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Vec<Due> {
    let mut out = Vec::new();
    if !status.is_open() {
        return out;
    }
    if now >= no_show_at(when, settings, tz) {
        out.push(Due::NoShow);
        return out;
    }
    if status == Status::Booked && now >= confirm_call_at(when, settings, tz) {
        out.push(Due::ConfirmCall);
    }
    if let Some((from, to)) = blocked_window(when, settings, tz)
        && from <= now
        && now < to
    {
        out.push(Due::Blocked);
    }
    if when.slot.is_some() && now >= starts_at(when, settings, tz) {
        out.push(Due::Awaiting);
    }
    out
}

/// Compound surnames: 欧阳娜娜 is 欧阳女士, not 欧女士.
const COMPOUND_SURNAMES: [&str; 20] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
    "司徒", "夏侯", "轩辕", "端木", "独孤", "南宫", "西门", "申屠",
];

/// How the welcome board greets a customer: surname with 先生 or 女士, never the full name.
/// A company or a person whose gender is not on file is greeted as 贵宾.
pub fn greeting(name: &str, gender: Option<Gender>, kind: CustomerKind) -> String {
    let name = name.trim();
    let title = match (kind, gender) {
        (CustomerKind::Company, _) | (_, None) => return "贵宾".to_string(),
        (_, Some(Gender::Male)) => "先生",
        (_, Some(Gender::Female)) => "女士",
    };
    let surname: String = match COMPOUND_SURNAMES.iter().find(|s| name.starts_with(**s)) {
        Some(compound) if name.chars().count() >= 3 => compound.to_string(),
        _ => name.chars().take(1).collect(),
    };
    if surname.is_empty() {
        "贵宾".to_string()
    } else {
        format!("{surname}{title}")
    }
}

/// One booking as lists and the day view show it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BookingLine {
    pub id: i64,
    pub number: String,
    pub kind: Kind,
    pub service_type: ServiceType,
    pub status: Status,
    pub day: String,
    /// `HH:MM`, or None for "that day, no exact time".
    pub slot: Option<String>,
    pub customer_id: i64,
    pub customer_name: String,
    /// Surname with 先生/女士, as the welcome board shows it.
    pub greeting: String,
    pub mobile: String,
    pub vehicle_id: i64,
    pub plate: String,
    pub model: String,
    pub advisor_id: i64,
    pub advisor_name: String,
    pub team: String,
    pub bay: String,
    pub expected_minutes: i64,
    pub parts: String,
    pub description: String,
    pub driver: String,
    pub arrived_at: Option<DateTime<Utc>>,
    pub no_show_reason: Option<NoShowReason>,
    pub no_show_note: String,
    pub benefit: Option<Benefit>,
    pub benefit_note: String,
    pub benefit_points: i64,
    pub rescheduled_from: Option<String>,
}

impl BookingLine {
    pub fn when(&self) -> When {
        When {
            day: NaiveDate::parse_from_str(&self.day, "%Y-%m-%d").unwrap_or_default(),
            slot: self
                .slot
                .as_deref()
                .and_then(|s| NaiveTime::parse_from_str(s, "%H:%M").ok()),
        }
    }
}

/// A booking with its history, as the detail panel shows it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BookingFile {
    pub booking: BookingLine,
    pub history: Vec<HistoryLine>,
    /// The booking that replaced this one, when it was rescheduled.
    pub rescheduled_to: Option<String>,
    /// The customer's preferred contact time, for the confirmation call.
    pub contact_window: LocalizedText,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HistoryLine {
    pub at: DateTime<Utc>,
    /// Empty when the app itself acted (the no-show rule).
    pub actor_name: String,
    pub action: String,
    pub from_status: Option<Status>,
    pub to_status: Status,
    pub note: String,
}

/// The confirmation call (确认电话) 30 minutes before the slot.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ConfirmationCall {
    pub reached: bool,
    /// Still coming (when reached). Not coming: cancel or reschedule instead.
    pub coming: bool,
    /// `HH:MM` when the customer named an exact time (an untimed booking gets it as its slot).
    pub exact_time: String,
    /// Who drives the car in.
    pub driver: String,
    pub note: String,
}

/// Where the booking moves when the customer asks for another time.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct RescheduleInput {
    pub day: String,
    pub slot: String,
    pub advisor_id: Option<i64>,
    pub bay: String,
    pub note: String,
    pub overbook: bool,
}

/// The benefit a kept appointment earned; points go to the membership ledger.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BenefitInput {
    pub benefit: Benefit,
    pub note: String,
    pub points: i64,
}

impl BenefitInput {
    pub fn validate(&self) -> Result<BenefitInput> {
        let note = crate::text::line("note", &self.note, 100, "礼遇内容", "benefit note")?;
        match self.benefit {
            Benefit::Points if !(1..=100_000).contains(&self.points) => Err(Error::validation(
                "points",
                "赠送积分应在1到100000之间",
                "Points lie between 1 and 100,000",
            )),
            Benefit::Gift | Benefit::Voucher if note.is_empty() => Err(Error::validation(
                "note",
                "请填写礼品或代金券内容",
                "Say which gift or voucher",
            )),
            _ => Ok(BenefitInput {
                note,
                points: if self.benefit == Benefit::Points {
                    self.points
                } else {
                    0
                },
                ..self.clone()
            }),
        }
    }
}

/// The desk's day: capacity per advisor and per bay, and every booking of the day.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DayView {
    pub day: String,
    pub holiday: bool,
    /// `HH:MM` of every slot.
    pub slots: Vec<String>,
    pub advisors: Vec<CapacityRow>,
    pub bays: Vec<CapacityRow>,
    pub bookings: Vec<BookingLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CapacityRow {
    pub name: String,
    pub advisor_id: Option<i64>,
    /// Bookings per slot, in the order of `slots`.
    pub booked: Vec<i64>,
    pub capacity_per_slot: i64,
    /// Bookings that day (untimed ones included) against the day's capacity.
    pub day_booked: i64,
    pub day_capacity: i64,
}

/// Bookings that hold a place: open ones and those already at the desk.
fn holds_place(status: Status) -> bool {
    status.is_open() || status == Status::Arrived
}

/// The slots a booking occupies in a bay: from its slot for its expected time.
fn bay_slots(line: &BookingLine, settings: &AppointmentSettings) -> Vec<NaiveTime> {
    let Some(start) = line.when().slot else {
        return Vec::new();
    };
    let end = start + Duration::minutes(line.expected_minutes);
    settings
        .slots()
        .into_iter()
        .filter(|s| *s >= start && *s < end)
        .collect()
}

pub fn day_view(
    day: NaiveDate,
    advisors: &[(i64, String)],
    bookings: Vec<BookingLine>,
    settings: &AppointmentSettings,
) -> DayView {
    let slots = settings.slots();
    let per_slot = settings.advisor_capacity_per_slot();
    let placed: Vec<&BookingLine> = bookings.iter().filter(|b| holds_place(b.status)).collect();
    let advisors = advisors
        .iter()
        .map(|(id, name)| {
            let mine: Vec<&&BookingLine> = placed.iter().filter(|b| b.advisor_id == *id).collect();
            CapacityRow {
                name: name.clone(),
                advisor_id: Some(*id),
                booked: slots
                    .iter()
                    .map(|s| mine.iter().filter(|b| b.when().slot == Some(*s)).count() as i64)
                    .collect(),
                capacity_per_slot: per_slot,
                day_booked: mine.len() as i64,
                day_capacity: per_slot * slots.len() as i64,
            }
        })
        .collect();
    let bays = settings
        .bays
        .iter()
        .map(|bay| {
            let mine: Vec<&&BookingLine> = placed.iter().filter(|b| b.bay == *bay).collect();
            let occupied: Vec<NaiveTime> =
                mine.iter().flat_map(|b| bay_slots(b, settings)).collect();
            CapacityRow {
                name: bay.clone(),
                advisor_id: None,
                booked: slots
                    .iter()
                    .map(|s| occupied.iter().filter(|o| *o == s).count() as i64)
                    .collect(),
                capacity_per_slot: 1,
                day_booked: occupied.len() as i64,
                day_capacity: slots.len() as i64,
            }
        })
        .collect();
    DayView {
        day: day.to_string(),
        holiday: settings.is_holiday(day),
        slots: slots
            .iter()
            .map(|s| s.format("%H:%M").to_string())
            .collect(),
        advisors,
        bays,
        bookings,
    }
}

/// Why a new booking would go over capacity; empty when it fits. Each reason is shown and
/// the desk decides whether to book anyway.
pub fn over_capacity(
    new: &BookingLine,
    same_day: &[BookingLine],
    settings: &AppointmentSettings,
) -> Vec<LocalizedText> {
    let mut reasons = Vec::new();
    let when = new.when();
    if settings.is_holiday(when.day) {
        reasons.push(LocalizedText {
            zh_cn: format!("{} 是休息日", when.day),
            en: format!("{} is a holiday", when.day),
        });
    }
    let others: Vec<&BookingLine> = same_day
        .iter()
        .filter(|b| b.id != new.id && holds_place(b.status))
        .collect();
    let per_slot = settings.advisor_capacity_per_slot();
    let advisor: Vec<&&BookingLine> = others
        .iter()
        .filter(|b| b.advisor_id == new.advisor_id)
        .collect();
    match when.slot {
        Some(slot) => {
            let at_slot = advisor
                .iter()
                .filter(|b| b.when().slot == Some(slot))
                .count() as i64;
            if at_slot >= per_slot {
                reasons.push(LocalizedText {
                    zh_cn: format!(
                        "{} 在 {} 已有 {at_slot} 个预约（每时段 {per_slot} 个）",
                        new.advisor_name,
                        slot.format("%H:%M")
                    ),
                    en: format!(
                        "{} already has {at_slot} booking(s) at {} ({per_slot} per slot)",
                        new.advisor_name,
                        slot.format("%H:%M")
                    ),
                });
            }
        }
        None => {
            let capacity = per_slot * settings.slots().len() as i64;
            if advisor.len() as i64 >= capacity {
                reasons.push(LocalizedText {
                    zh_cn: format!("{} 当天已约满（{capacity} 个）", new.advisor_name),
                    en: format!("{} is fully booked that day ({capacity})", new.advisor_name),
                });
            }
        }
    }
    if !new.bay.is_empty() {
        let wanted = bay_slots(new, settings);
        if let Some(clash) = others
            .iter()
            .filter(|b| b.bay == new.bay)
            .find(|b| bay_slots(b, settings).iter().any(|s| wanted.contains(s)))
        {
            reasons.push(LocalizedText {
                zh_cn: format!(
                    "{} 在该时段已被预约 {}（{}）占用",
                    new.bay,
                    clash.number,
                    clash.slot.as_deref().unwrap_or("")
                ),
                en: format!(
                    "{} is taken by booking {} ({}) at that time",
                    new.bay,
                    clash.number,
                    clash.slot.as_deref().unwrap_or("")
                ),
            });
        }
    }
    reasons
}

/// Refuses an over-capacity booking unless the desk confirmed it.
pub fn check_capacity(reasons: Vec<LocalizedText>, overbook: bool) -> Result<()> {
    if reasons.is_empty() || overbook {
        return Ok(());
    }
    Err(Error::Overbooked {
        zh: format!(
            "超出预约容量：{}。仍要预约吗？",
            reasons
                .iter()
                .map(|r| r.zh_cn.as_str())
                .collect::<Vec<_>>()
                .join("；")
        ),
        en: format!(
            "Over capacity: {}. Book anyway?",
            reasons
                .iter()
                .map(|r| r.en.as_str())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    })
}

/// What the desk must do now: confirmation calls, advisors' blocked windows, customers
/// awaited, and no-shows whose reason is still to be asked.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DueNow {
    pub now: DateTime<Utc>,
    pub confirm_calls: Vec<DueLine>,
    pub blocked: Vec<DueLine>,
    pub awaiting: Vec<DueLine>,
    pub reasons_to_ask: Vec<BookingLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DueLine {
    pub booking: BookingLine,
    /// When this item started to be due (call from, window from, slot).
    pub from: DateTime<Utc>,
    /// When it stops: the slot, the end of the window, the no-show time.
    pub until: DateTime<Utc>,
}

pub fn due_items(
    open: Vec<BookingLine>,
    no_shows: Vec<BookingLine>,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> DueNow {
    let mut out = DueNow {
        now,
        confirm_calls: Vec::new(),
        blocked: Vec::new(),
        awaiting: Vec::new(),
        reasons_to_ask: no_shows
            .into_iter()
            .filter(|b| b.no_show_reason.is_none())
            .collect(),
    };
    for line in open {
        let when = line.when();
        for item in due(line.status, when, settings, tz, now) {
            let (list, from, until) = match item {
                Due::ConfirmCall => (
                    &mut out.confirm_calls,
                    confirm_call_at(when, settings, tz),
                    starts_at(when, settings, tz),
                ),
                Due::Blocked => {
                    let Some((from, to)) = blocked_window(when, settings, tz) else {
                        continue;
                    };
                    (&mut out.blocked, from, to)
                }
                Due::Awaiting => (
                    &mut out.awaiting,
                    starts_at(when, settings, tz),
                    no_show_at(when, settings, tz),
                ),
                Due::NoShow => continue,
            };
            list.push(DueLine {
                booking: line.clone(),
                from,
                until,
            });
        }
    }
    out
}

/// One line of the welcome board: nothing beyond time, greeting, plate, advisor and whether
/// the customer is here.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WelcomeLine {
    /// `HH:MM`, or empty for "today, no exact time".
    pub time: String,
    pub greeting: String,
    pub plate: String,
    pub advisor: String,
    pub arrived: bool,
}

/// The day's welcome board: bookings still expected or already here, by time.
pub fn welcome_lines(bookings: &[BookingLine]) -> Vec<WelcomeLine> {
    bookings
        .iter()
        .map(|b| WelcomeLine {
            time: b.slot.clone().unwrap_or_default(),
            greeting: b.greeting.clone(),
            plate: b.plate.clone(),
            advisor: b.advisor_name.clone(),
            arrived: b.status == Status::Arrived,
        })
        .collect()
}

/// Creates a booking (and the customer file when new) and returns it with its history.
pub async fn create(
    store: &Store,
    input: &BookingInput,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    let settings = store::settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let checked = input.validate(&settings, tz, now)?;
    let id = store::create(store, &checked, &settings, actor_id, now).await?;
    store::get(store, id).await
}

/// Records the confirmation call and returns the booking.
pub async fn confirm(
    store: &Store,
    id: i64,
    call: &ConfirmationCall,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    crate::text::note("note", &call.note, 500, "确认电话记录", "note")?;
    crate::text::optional_name("driver", &call.driver, 50, "送修人", "driver's name")?;
    let settings = store::settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    store::confirm(store, id, call, &settings, tz, actor_id, now).await?;
    store::get(store, id).await
}

/// The customer is at the desk: the booking is handed to reception.
pub async fn arrive(
    store: &Store,
    id: i64,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    let line = store::line(store, id).await?;
    let note = if line.status == Status::NoShow {
        "失约后到店（迟到）"
    } else {
        "客户到店，转接待"
    };
    store::act(store, id, Action::Arrive, actor_id, note, now).await?;
    store::get(store, id).await
}

/// Cancels a booking; the reason is required.
pub async fn cancel(
    store: &Store,
    id: i64,
    reason: &str,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    crate::text::note("reason", reason, 500, "取消原因", "reason")?;
    if reason.trim().is_empty() {
        return Err(Error::validation(
            "reason",
            "请填写取消原因",
            "Enter why the booking is cancelled",
        ));
    }
    store::act(store, id, Action::Cancel, actor_id, reason.trim(), now).await?;
    store::get(store, id).await
}

pub async fn record_no_show_reason(
    store: &Store,
    id: i64,
    reason: NoShowReason,
    note: &str,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    if reason == NoShowReason::Other && note.trim().is_empty() {
        return Err(Error::validation(
            "note",
            "选择“其他”时请写明原因",
            "Say what the other reason is",
        ));
    }
    store::record_no_show_reason(store, id, reason, note, actor_id, now).await?;
    store::get(store, id).await
}

pub async fn record_benefit(
    store: &Store,
    id: i64,
    benefit: &BenefitInput,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    store::record_benefit(store, id, &benefit.validate()?, actor_id, now).await?;
    store::get(store, id).await
}

/// Moves the booking to another time and returns the new booking (linked to the old).
pub async fn reschedule(
    store: &Store,
    id: i64,
    input: &RescheduleInput,
    actor_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<BookingFile> {
    crate::text::note("note", &input.note, 500, "改约说明", "note")?;
    let settings = store::settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let new_id = store::reschedule(store, id, input, &settings, tz, actor_id, now).await?;
    store::get(store, new_id).await
}

/// What is due at `now`, after the no-show rule has been applied.
pub async fn due_now(store: &Store, now: DateTime<Utc>) -> Result<DueNow> {
    sweep(store, now).await?;
    store::due_now(store, now).await
}

/// Applies the no-show rule as of `now` and returns the bookings it changed.
/// How far ahead of the clock a sweep may be asked for: a desk's clock a little fast.
pub const SWEEP_AHEAD_MINUTES: i64 = 5;

/// A sweep time must not lie in the future beyond a few minutes of `clock`: a sweep "as of"
/// next year would mark every open booking a no-show.
pub fn check_sweep_time(at: DateTime<Utc>, clock: DateTime<Utc>) -> Result<()> {
    if at > clock + Duration::minutes(SWEEP_AHEAD_MINUTES) {
        return Err(Error::validation(
            "now",
            format!("失约检查的时间不能晚于现在（最多提前{SWEEP_AHEAD_MINUTES}分钟）"),
            format!(
                "The no-show sweep cannot run as of a time in the future (at most {SWEEP_AHEAD_MINUTES} minutes ahead)"
            ),
        ));
    }
    Ok(())
}

pub async fn sweep(store: &Store, now: DateTime<Utc>) -> Result<Vec<BookingLine>> {
    check_sweep_time(now, Utc::now())?;
    let settings = store::settings(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let today = now.with_timezone(&tz).date_naive();
    let mut changed = Vec::new();
    for line in store::open_until(store, today).await? {
        if now >= no_show_at(line.when(), &settings, tz) {
            let note = match line.slot {
                Some(_) => format!("超过预约时间{}分钟未到店", settings.no_show_minutes),
                None => "当天营业结束仍未到店".to_string(),
            };
            if store::change_status(
                store,
                line.id,
                line.status,
                Action::NoShow,
                None,
                &note,
                now,
            )
            .await?
            {
                changed.push(store::line(store, line.id).await?);
            }
        }
    }
    if !changed.is_empty() {
        tracing::info!(count = changed.len(), "no-show rule applied");
    }
    Ok(changed)
}

/// The bookings a day's papers list: all but cancelled and rescheduled ones, by time.
async fn printed_lines(store: &Store, day: NaiveDate) -> Result<Vec<BookingLine>> {
    Ok(store::day_lines(store, day)
        .await?
        .into_iter()
        .filter(|b| holds_place(b.status) || b.status == Status::NoShow)
        .collect())
}

/// 预约客户一览表 for a day as PDF.
pub async fn appointment_list_pdf(
    store: &Store,
    day: NaiveDate,
    preparer: &str,
) -> Result<Vec<u8>> {
    let dealership = crate::dealership::store::required(store).await?;
    let by = crate::print::PrintedBy {
        preparer: crate::text::optional_name(
            "preparer",
            preparer,
            crate::staff::NAME_MAX,
            "制表人",
            "preparer's name",
        )?,
        date: crate::dealership::store::today(store).await?,
    };
    let lines = printed_lines(store, day).await?;
    crate::print::appointment_list::render(&dealership, &day.to_string(), &lines, &by)
}

/// 预约欢迎板 for a day as PDF.
pub async fn welcome_board_pdf(store: &Store, day: NaiveDate) -> Result<Vec<u8>> {
    let dealership = crate::dealership::store::required(store).await?;
    let lines = welcome_lines(&printed_lines(store, day).await?);
    crate::print::welcome_board::render(&dealership, &day.to_string(), &lines)
}

/// What the live lobby board shows for a day.
pub async fn welcome_board(store: &Store, day: NaiveDate) -> Result<Vec<WelcomeLine>> {
    Ok(welcome_lines(&printed_lines(store, day).await?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> chrono_tz::Tz {
        chrono_tz::Asia::Shanghai
    }

    #[test]
    fn a_sweep_may_not_run_as_of_the_future_beyond_a_few_minutes() {
        let clock = at("2026-12-02 10:00");
        for ok in ["2026-12-02 10:00", "2026-12-02 10:05", "2026-11-24 17:30"] {
            assert!(check_sweep_time(at(ok), clock).is_ok(), "{ok}");
        }
        for far in ["2026-12-02 10:06", "9999-12-31 23:59"] {
            let err = check_sweep_time(at(far), clock).unwrap_err();
            assert_eq!(
                (err.code(), err.field()),
                ("validation", Some("now")),
                "{far}"
            );
        }
    }

    fn at(local: &str) -> DateTime<Utc> {
        let naive = chrono::NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
        tz().from_local_datetime(&naive)
            .unwrap()
            .with_timezone(&Utc)
    }

    fn when(day: &str, slot: Option<&str>) -> When {
        When {
            day: NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap(),
            slot: slot.map(|s| NaiveTime::parse_from_str(s, "%H:%M").unwrap()),
        }
    }

    #[test]
    fn every_step_is_allowed_only_from_its_statuses() {
        use Status::*;
        assert_eq!(transition(Booked, Action::Confirm).unwrap(), Confirmed);
        assert_eq!(transition(Confirmed, Action::Arrive).unwrap(), Arrived);
        assert_eq!(transition(NoShow, Action::Arrive).unwrap(), Arrived);
        assert_eq!(transition(Confirmed, Action::NoShow).unwrap(), NoShow);
        assert_eq!(transition(NoShow, Action::Reschedule).unwrap(), Rescheduled);
        for (from, action) in [
            (Confirmed, Action::Confirm),
            (Arrived, Action::Arrive),
            (Arrived, Action::NoShow),
            (Cancelled, Action::Arrive),
            (Rescheduled, Action::Confirm),
            (NoShow, Action::Cancel),
            (Arrived, Action::Reschedule),
        ] {
            let err = transition(from, action).unwrap_err();
            assert_eq!(err.code(), "invalid_transition", "{from:?} {action:?}");
        }
    }

    #[test]
    fn the_three_times_around_a_slot_hold_at_their_edges() {
        let s = AppointmentSettings::default();
        let w = when("2026-11-24", Some("10:00"));
        let due_at = |t: &str| due(Status::Booked, w, &s, tz(), at(t));
        assert_eq!(due_at("2026-11-24 09:29"), vec![]);
        assert_eq!(due_at("2026-11-24 09:30"), vec![Due::ConfirmCall]);
        assert_eq!(due_at("2026-11-24 09:49"), vec![Due::ConfirmCall]);
        assert_eq!(
            due_at("2026-11-24 09:50"),
            vec![Due::ConfirmCall, Due::Blocked]
        );
        assert_eq!(
            due_at("2026-11-24 10:00"),
            vec![Due::ConfirmCall, Due::Awaiting]
        );
        assert_eq!(
            due_at("2026-11-24 10:14"),
            vec![Due::ConfirmCall, Due::Awaiting]
        );
        assert_eq!(due_at("2026-11-24 10:15"), vec![Due::NoShow]);
        // A confirmed booking needs no call; an arrived one needs nothing.
        assert_eq!(
            due(Status::Confirmed, w, &s, tz(), at("2026-11-24 09:55")),
            vec![Due::Blocked]
        );
        assert!(due(Status::Arrived, w, &s, tz(), at("2026-11-24 11:00")).is_empty());
    }

    #[test]
    fn an_untimed_booking_is_called_at_opening_and_a_no_show_at_closing() {
        let s = AppointmentSettings::default();
        let w = when("2026-11-24", None);
        let due_at = |t: &str| due(Status::Booked, w, &s, tz(), at(t));
        assert_eq!(due_at("2026-11-24 08:29"), vec![]);
        assert_eq!(due_at("2026-11-24 08:30"), vec![Due::ConfirmCall]);
        assert_eq!(due_at("2026-11-24 17:29"), vec![Due::ConfirmCall]);
        assert_eq!(due_at("2026-11-24 17:30"), vec![Due::NoShow]);
    }

    #[test]
    fn the_settings_move_the_times() {
        let s = AppointmentSettings {
            confirm_call_minutes: 60,
            blocked_minutes: 20,
            no_show_minutes: 30,
            ..AppointmentSettings::default()
        };
        let w = when("2026-11-24", Some("10:00"));
        assert_eq!(confirm_call_at(w, &s, tz()), at("2026-11-24 09:00"));
        assert_eq!(
            blocked_window(w, &s, tz()).unwrap().0,
            at("2026-11-24 09:40")
        );
        assert_eq!(no_show_at(w, &s, tz()), at("2026-11-24 10:30"));
    }

    #[test]
    fn slots_must_be_on_the_grid_and_in_the_future() {
        let s = AppointmentSettings::default();
        let now = at("2026-11-24 09:00");
        assert!(check_when("2026-11-24", "09:30", &s, tz(), now).is_ok());
        assert!(
            check_when("2026-11-24", "", &s, tz(), now)
                .unwrap()
                .slot
                .is_none()
        );
        for (day, slot, field) in [
            ("2026-11-24", "09:00", "slot"),
            ("2026-11-24", "08:30", "slot"),
            ("2026-11-24", "09:40", "slot"),
            ("2026-11-24", "17:30", "slot"),
            ("2026-11-24", "9点", "slot"),
            ("2026-11-23", "", "day"),
            ("24/11/2026", "", "day"),
        ] {
            let err = check_when(day, slot, &s, tz(), now).unwrap_err();
            assert_eq!(err.field(), Some(field), "{day} {slot}");
        }
    }

    #[test]
    fn the_board_greets_by_surname_and_title_only() {
        use CustomerKind::*;
        assert_eq!(greeting("王建国", Some(Gender::Male), Person), "王先生");
        assert_eq!(greeting("李娜", Some(Gender::Female), Person), "李女士");
        assert_eq!(
            greeting("欧阳娜娜", Some(Gender::Female), Person),
            "欧阳女士"
        );
        assert_eq!(greeting("欧阳", Some(Gender::Male), Person), "欧先生");
        assert_eq!(greeting("张三", None, Person), "贵宾");
        assert_eq!(
            greeting("北京城建集团", Some(Gender::Male), Company),
            "贵宾"
        );
    }

    #[test]
    fn a_benefit_needs_its_detail() {
        let points = BenefitInput {
            benefit: Benefit::Points,
            note: String::new(),
            points: 0,
        };
        assert_eq!(points.validate().unwrap_err().field(), Some("points"));
        let gift = BenefitInput {
            benefit: Benefit::Gift,
            note: " ".into(),
            points: 50,
        };
        assert_eq!(gift.validate().unwrap_err().field(), Some("note"));
        let ok = BenefitInput {
            note: "车载香薰".into(),
            ..gift
        }
        .validate()
        .unwrap();
        assert_eq!(ok.points, 0);
    }
}
