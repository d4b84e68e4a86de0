//! Exit passes (出门证) and the gate (门卫). The cashier issues a pass once the work order is
//! paid (or nothing is charged); passes also exist for a road test, a wash-only visit, a
//! rescue vehicle and an inspection trip. The pass carries an ASCII token signed with this
//! installation's secret; the guard scans it (or types the plate) and the gate answers
//! allowed, once, or refused with the reason.

pub mod secret;
pub mod store;
pub mod token;

use serde::{Deserialize, Serialize};

use crate::text::text_enum;
use crate::{Error, Result};

text_enum!(
    /// What a pass lets out.
    PassKind {
        Settled = "settled",
        RoadTest = "road_test",
        WashOnly = "wash_only",
        Rescue = "rescue",
        Inspection = "inspection",
    }
);
text_enum!(
    /// Why the gate refused a car.
    Refusal {
        NotPaid = "not_paid",
        Used = "used",
        Cancelled = "cancelled",
        NotGenuine = "not_genuine",
        NotFound = "not_found",
        Expired = "expired",
    }
);
text_enum!(
    Direction { Entry = "entry", Exit = "exit" }
);

impl PassKind {
    /// A road test or a trip to the wash: the car leaves and comes back.
    pub fn returns(self) -> bool {
        matches!(self, PassKind::RoadTest | PassKind::WashOnly)
    }

    pub fn label_zh(self) -> &'static str {
        match self {
            PassKind::Settled => "结算出厂",
            PassKind::RoadTest => "路试",
            PassKind::WashOnly => "单独洗车",
            PassKind::Rescue => "救援车辆",
            PassKind::Inspection => "年检",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            PassKind::Settled => "paid and leaving",
            PassKind::RoadTest => "road test",
            PassKind::WashOnly => "wash only",
            PassKind::Rescue => "rescue vehicle",
            PassKind::Inspection => "annual inspection",
        }
    }
}

impl Refusal {
    pub fn label_zh(self) -> &'static str {
        match self {
            Refusal::NotPaid => "未付款",
            Refusal::Used => "出门证已使用",
            Refusal::Cancelled => "已作废",
            Refusal::NotGenuine => "出门证无效（非本店签发或被篡改）",
            Refusal::NotFound => "查无出门证",
            Refusal::Expired => "出门证已失效",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Refusal::NotPaid => "not paid",
            Refusal::Used => "pass already used",
            Refusal::Cancelled => "cancelled",
            Refusal::NotGenuine => "not a genuine pass",
            Refusal::NotFound => "no pass found",
            Refusal::Expired => "pass no longer valid",
        }
    }
}

/// A pass as the cash desk and the printed pass show it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PassLine {
    pub id: i64,
    pub kind: PassKind,
    pub token: String,
    pub plate: String,
    pub customer_name: String,
    pub work_order_number: String,
    pub advisor_name: String,
    pub issued_by: String,
    /// Dealership time, `YYYY-MM-DD HH:MM`.
    pub issued_at: String,
    pub note: String,
    /// Dealership time; empty while unused.
    pub used_at: String,
}

/// A pass without a settled work order: road test, wash only, rescue, inspection.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OtherPassInput {
    pub kind: PassKind,
    /// The work order of a road test (required) or of an inspection trip (optional).
    pub work_order_number: String,
    /// The plate when there is no work order.
    pub plate: String,
    pub note: String,
    pub issued_by: i64,
}

impl OtherPassInput {
    pub fn check(&self) -> Result<()> {
        crate::text::note("note", &self.note, 200, "出门事由", "note")?;
        crate::text::line("plate", &self.plate, 20, "车牌", "plate")?;
        crate::text::line(
            "workOrderNumber",
            &self.work_order_number,
            20,
            "工单号",
            "work order number",
        )?;
        match self.kind {
            PassKind::Settled => Err(Error::validation(
                "kind",
                "结算出厂的出门证由收银处在结算后开具",
                "The cash desk issues a leaving pass after settlement",
            )),
            PassKind::RoadTest if self.work_order_number.trim().is_empty() => {
                Err(Error::validation(
                    "workOrderNumber",
                    "路试须填写工单号",
                    "A road test needs its work order number",
                ))
            }
            PassKind::Rescue if self.note.trim().is_empty() => Err(Error::validation(
                "note",
                "请填写救援事由（地点、联系人）",
                "Enter what the rescue is for (where, who)",
            )),
            _ => Ok(()),
        }
    }
}

/// What the gate screen shows the guard: no phone numbers, no amounts.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GateAnswer {
    pub allowed: bool,
    /// Allowed out on a road test or to the wash: the car comes back.
    pub round_trip: bool,
    pub refusal: Option<Refusal>,
    pub message_zh: String,
    pub message_en: String,
    pub plate: String,
    pub customer_name: String,
    pub work_order_number: String,
    pub kind: Option<PassKind>,
    /// Dealership time `HH:MM` of this answer.
    pub at: String,
}

/// One line of the gate's day: an entry, or an exit allowed or refused.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GateEvent {
    pub id: i64,
    /// `HH:MM`, dealership time.
    pub at: String,
    pub direction: Direction,
    pub plate: String,
    pub allowed: bool,
    /// An exit on a road test or to the wash: the car comes back.
    pub round_trip: bool,
    pub refusal: Option<Refusal>,
    pub kind: Option<PassKind>,
    pub work_order_number: String,
}

/// The cashier's pass for a paid (or uncharged) work order; a reprint gives the same pass.
pub async fn issue_for_order(
    store: &crate::Store,
    order_id: i64,
    cashier_id: i64,
) -> Result<PassLine> {
    store::issue_for_order(store, order_id, cashier_id, chrono::Utc::now()).await
}

/// Issues (or reprints) the pass and hands its paper to `save`: nothing is settled or issued
/// unless the paper was made and saved.
pub async fn print_for_order<T>(
    store: &crate::Store,
    order_id: i64,
    cashier_id: i64,
    save: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    store::print_for_order(store, order_id, cashier_id, chrono::Utc::now(), save).await
}

pub async fn issue_other(store: &crate::Store, input: &OtherPassInput) -> Result<PassLine> {
    store::issue_other(store, input, chrono::Utc::now()).await
}

/// The guard's scan (or typed plate): allowed once, or refused with the reason; recorded.
pub async fn verify(
    store: &crate::Store,
    scanned: &str,
    guard_id: Option<i64>,
) -> Result<GateAnswer> {
    store::verify(store, scanned, guard_id, chrono::Utc::now()).await
}

pub async fn register_entry(
    store: &crate::Store,
    plate: &str,
    guard_id: Option<i64>,
) -> Result<()> {
    store::register_entry(store, plate, guard_id, chrono::Utc::now()).await
}

/// Today's entries and exits at the gate.
pub async fn today(store: &crate::Store) -> Result<Vec<GateEvent>> {
    let today = crate::dealership::store::today(store).await?;
    store::day(store, today).await
}

pub async fn exit_pass_pdf(store: &crate::Store, pass_id: i64) -> Result<Vec<u8>> {
    let pass = store::pass(store, pass_id).await?;
    let dealership = crate::dealership::store::required(store).await?;
    crate::print::exit_pass::render(&dealership, &pass)
}
