//! The work order (派工单): the estimate's labour and parts lines with who pays for each, the
//! promised time, the customer's signature on each version, and dispatch to the workshop.

pub mod settings;
pub mod store;

use chrono::{DateTime, Duration, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

pub use settings::WorkOrderSettings;

pub use crate::print::work_order::FormSize;

use crate::reception::{CheckIn, Interview};
use crate::text::text_enum;
use crate::{Error, Result, Store};

text_enum!(
    /// Where a work order stands. This desk work runs draft → awaiting signature →
    /// open → dispatched; the workshop, QC, wash, settlement and the gate take it on.
    OrderStatus {
        Draft = "draft",
        AwaitingSignature = "awaiting_signature",
        Open = "open",
        Dispatched = "dispatched",
        InProgress = "in_progress",
        AwaitingQc = "awaiting_qc",
        Rework = "rework",
        PassedQc = "passed_qc",
        Washing = "washing",
        Ready = "ready",
        Settled = "settled",
        Exited = "exited",
        Cancelled = "cancelled",
    }
);
text_enum!(
    /// The steps the desk takes; `transition` says where each leads.
    OrderAction {
        Create = "create",
        Save = "save",
        Submit = "submit",
        Withdraw = "withdraw",
        Sign = "sign",
        Revise = "revise",
        Dispatch = "dispatch",
        Start = "start",
        ReportDone = "report_done",
        PassQc = "pass_qc",
        Rework = "rework",
        StartWash = "start_wash",
        FinishWash = "finish_wash",
        Park = "park",
        HandOver = "hand_over",
        Settle = "settle",
        Exit = "exit",
        Cancel = "cancel",
        CancelPass = "cancel_pass",
    }
);
text_enum!(
    /// Who pays for a line (付费方式).
    PayType { Customer = "customer", Warranty = "warranty", Internal = "internal", Goodwill = "goodwill" }
);
text_enum!(
    LineKind { Labour = "labour", Part = "part" }
);
text_enum!(
    /// A part line's stock: on the shelf, or ordered (订货) with a date it is expected.
    Stock { InStock = "in_stock", Ordered = "ordered" }
);

impl OrderStatus {
    pub fn label_zh(self) -> &'static str {
        match self {
            OrderStatus::Draft => "草稿",
            OrderStatus::AwaitingSignature => "待客户签字",
            OrderStatus::Open => "待派工",
            OrderStatus::Dispatched => "已派工",
            OrderStatus::InProgress => "施工中",
            OrderStatus::AwaitingQc => "待质检",
            OrderStatus::Rework => "返工",
            OrderStatus::PassedQc => "质检通过",
            OrderStatus::Washing => "洗车中",
            OrderStatus::Ready => "已完工",
            OrderStatus::Settled => "已结算",
            OrderStatus::Exited => "已出厂",
            OrderStatus::Cancelled => "已取消",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            OrderStatus::Draft => "a draft",
            OrderStatus::AwaitingSignature => "awaiting the customer's signature",
            OrderStatus::Open => "signed, awaiting dispatch",
            OrderStatus::Dispatched => "dispatched",
            OrderStatus::InProgress => "in progress",
            OrderStatus::AwaitingQc => "awaiting QC",
            OrderStatus::Rework => "in rework",
            OrderStatus::PassedQc => "through QC",
            OrderStatus::Washing => "being washed",
            OrderStatus::Ready => "ready",
            OrderStatus::Settled => "settled",
            OrderStatus::Exited => "gone out of the gate",
            OrderStatus::Cancelled => "cancelled",
        }
    }
}

impl OrderAction {
    fn label_zh(self) -> &'static str {
        match self {
            OrderAction::Create => "新建",
            OrderAction::Save => "修改",
            OrderAction::Submit => "打印待签字",
            OrderAction::Withdraw => "撤回修改",
            OrderAction::Sign => "登记签字",
            OrderAction::Revise => "建立新版本",
            OrderAction::Dispatch => "派工",
            OrderAction::Start => "开工",
            OrderAction::ReportDone => "报完工",
            OrderAction::PassQc => "质检通过",
            OrderAction::Rework => "返工",
            OrderAction::StartWash => "开始洗车",
            OrderAction::FinishWash => "洗车完毕",
            OrderAction::Park => "停入竣工区",
            OrderAction::HandOver => "交车",
            OrderAction::Settle => "结算",
            OrderAction::Exit => "出门",
            OrderAction::Cancel => "取消",
            OrderAction::CancelPass => "出门证作废",
        }
    }

    fn label_en(self) -> &'static str {
        match self {
            OrderAction::Create => "created",
            OrderAction::Save => "changed",
            OrderAction::Submit => "printed for signature",
            OrderAction::Withdraw => "withdrawn for changes",
            OrderAction::Sign => "signed",
            OrderAction::Revise => "revised",
            OrderAction::Dispatch => "dispatched",
            OrderAction::Start => "started",
            OrderAction::ReportDone => "reported done",
            OrderAction::PassQc => "passed by QC",
            OrderAction::Rework => "sent back for rework",
            OrderAction::StartWash => "taken to the wash",
            OrderAction::FinishWash => "finished washing",
            OrderAction::Park => "parked as ready",
            OrderAction::HandOver => "handed over",
            OrderAction::Settle => "settled",
            OrderAction::Exit => "let out of the gate",
            OrderAction::Cancel => "cancelled",
            OrderAction::CancelPass => "exit pass cancelled",
        }
    }
}

impl PayType {
    pub fn label_zh(self) -> &'static str {
        match self {
            PayType::Customer => "客户付费",
            PayType::Warranty => "索赔",
            PayType::Internal => "内部",
            PayType::Goodwill => "善意维修",
        }
    }

    pub const ALL: [PayType; 4] = [
        PayType::Customer,
        PayType::Warranty,
        PayType::Internal,
        PayType::Goodwill,
    ];
}

/// Where each step leads from each status; anything else is refused with the reason.
pub fn transition(from: OrderStatus, action: OrderAction) -> Result<OrderStatus> {
    use OrderStatus::*;
    let to = match (from, action) {
        (Draft, OrderAction::Save) => Some(Draft),
        (Draft, OrderAction::Submit) => Some(AwaitingSignature),
        (AwaitingSignature, OrderAction::Withdraw) => Some(Draft),
        (AwaitingSignature, OrderAction::Sign) => Some(Open),
        (Open | Dispatched, OrderAction::Revise) => Some(Draft),
        (Open, OrderAction::Dispatch) => Some(Dispatched),
        (Dispatched | Rework, OrderAction::Start) => Some(InProgress),
        (InProgress, OrderAction::ReportDone) => Some(AwaitingQc),
        (AwaitingQc, OrderAction::PassQc) => Some(PassedQc),
        (AwaitingQc, OrderAction::Rework) => Some(Rework),
        (PassedQc, OrderAction::StartWash) => Some(Washing),
        (Washing, OrderAction::FinishWash) => Some(Ready),
        (PassedQc, OrderAction::Park) => Some(Ready),
        // The hand-over is recorded; the car stays ready until the cashier settles.
        (Ready, OrderAction::HandOver) => Some(Ready),
        (Ready, OrderAction::Settle) => Some(Settled),
        (Settled, OrderAction::Exit) => Some(Exited),
        (Draft | AwaitingSignature | Open | Dispatched, OrderAction::Cancel) => Some(Cancelled),
        _ => None,
    };
    to.ok_or_else(|| match (from, action) {
        (Open | Dispatched, OrderAction::Save) => Error::InvalidTransition {
            zh: "工单已经客户签字，不能直接修改：请先建立新版本，改好后请客户重新签字".into(),
            en: "The customer has signed this work order; start a new version to change it, then have it signed again".into(),
        },
        (AwaitingSignature, OrderAction::Save) => Error::InvalidTransition {
            zh: "工单已打印待签字：请先撤回修改，改好后重新打印".into(),
            en: "The work order is printed for signature; withdraw it to change it, then print again".into(),
        },
        (Open | Dispatched, OrderAction::Sign) => Error::InvalidTransition {
            zh: "这一版本客户已经签过字".into(),
            en: "The customer has already signed this version".into(),
        },
        _ => Error::InvalidTransition {
            zh: format!("工单{}，不能{}", from.label_zh(), action.label_zh()),
            en: format!(
                "The work order is {}; it cannot be {}",
                from.label_en(),
                action.label_en()
            ),
        },
    })
}

/// One line of the estimate. Labour: hours × rate per hour; parts: quantity × unit price.
/// The form sends it without the amount; the core works the amount out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Line {
    /// None for a line added in this edit.
    #[serde(default)]
    pub id: Option<i64>,
    pub kind: LineKind,
    pub pay_type: PayType,
    pub operation_id: Option<i64>,
    pub part_id: Option<i64>,
    /// Operation code or part number.
    pub code: String,
    pub name: String,
    /// Hours (labour) or quantity (parts) × 100.
    pub quantity_hundredths: i64,
    /// Rate per hour (labour) or unit price (parts), fen.
    pub unit_price_fen: i64,
    #[serde(default)]
    pub amount_fen: i64,
    pub discount_fen: i64,
    /// Parts only; the core sets it from the stock on hand unless the line is ordered.
    #[serde(default)]
    pub stock: Option<Stock>,
    /// `YYYY-MM-DD` an ordered part is expected.
    #[serde(default)]
    pub expected_on: Option<String>,
    #[serde(default)]
    pub technician_id: Option<i64>,
    #[serde(default)]
    pub technician_name: String,
}

/// Quantity × unit price in fen, rounded half up.
pub fn line_amount(quantity_hundredths: i64, unit_price_fen: i64) -> i64 {
    (quantity_hundredths * unit_price_fen + 50).div_euclid(100)
}

impl Line {
    /// Checks one line (numbered from 1 in messages) and works out its amount.
    fn checked(&self, no: usize) -> Result<Line> {
        let refuse = |zh: String, en: String| Error::validation("lines", zh, en);
        for (value, max, zh, en) in [
            (&self.code, 30, "代码", "code"),
            (&self.name, 100, "项目名称", "name"),
        ] {
            if let Err(err) = crate::text::printed_line("lines", value, max, zh, en) {
                return Err(refuse(
                    format!("第 {no} 行：{}", err.message_zh()),
                    format!("Line {no}: {}", err.message_en()),
                ));
            }
        }
        if self.name.trim().is_empty() {
            return Err(refuse(
                format!("第 {no} 行：请填写项目名称"),
                format!("Line {no}: enter what the line is"),
            ));
        }
        if self.quantity_hundredths <= 0 || self.quantity_hundredths > 10_000_000 {
            let what = match self.kind {
                LineKind::Labour => ("工时", "hours"),
                LineKind::Part => ("数量", "quantity"),
            };
            return Err(refuse(
                format!("第 {no} 行：{}应大于 0", what.0),
                format!("Line {no}: the {} must be more than 0", what.1),
            ));
        }
        if !(0..=10_000_000_000).contains(&self.unit_price_fen) {
            return Err(refuse(
                format!("第 {no} 行：单价不能为负数或过大"),
                format!("Line {no}: the price cannot be negative or that large"),
            ));
        }
        let amount_fen = line_amount(self.quantity_hundredths, self.unit_price_fen);
        if !(0..=amount_fen).contains(&self.discount_fen) {
            return Err(refuse(
                format!(
                    "第 {no} 行：优惠应在 0 到 {} 之间",
                    crate::money::format_yuan(amount_fen)
                ),
                format!(
                    "Line {no}: the discount must be between 0 and {}",
                    crate::money::format_yuan(amount_fen)
                ),
            ));
        }
        let (stock, expected_on) = match self.kind {
            LineKind::Labour => (None, None),
            LineKind::Part => {
                let expected = match self.expected_on.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(day) => Some(
                        chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d")
                            .map_err(|_| {
                                refuse(
                                    format!("第 {no} 行：预计到货日期应为 年-月-日"),
                                    format!("Line {no}: the expected date must be YYYY-MM-DD"),
                                )
                            })?
                            .to_string(),
                    ),
                };
                (Some(self.stock.unwrap_or(Stock::InStock)), expected)
            }
        };
        Ok(Line {
            name: self.name.trim().to_string(),
            code: self.code.trim().to_string(),
            amount_fen,
            stock,
            expected_on,
            ..self.clone()
        })
    }

    /// The amount after the line's discount.
    pub fn net_fen(&self) -> i64 {
        self.amount_fen - self.discount_fen
    }
}

/// Sums of the lines: by kind, by who pays, and what the customer pays (in figures and in
/// capitals).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Totals {
    pub labour_fen: i64,
    pub parts_fen: i64,
    pub line_discount_fen: i64,
    /// The discount on the whole order (off the customer's share).
    pub order_discount_fen: i64,
    /// Net of line discounts, per pay type, in the order of [`PayType::ALL`], zero ones left out.
    pub by_pay_type: Vec<PayTypeTotal>,
    pub customer_pays_fen: i64,
    pub customer_pays_capitals: String,
    /// Labour hours sold × 100.
    pub sold_hundredths: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PayTypeTotal {
    pub pay_type: PayType,
    pub amount_fen: i64,
}

/// Adds up checked lines. The order discount comes off the customer's share and may not
/// exceed it.
pub fn totals(lines: &[Line], order_discount_fen: i64) -> Result<Totals> {
    let sum = |keep: &dyn Fn(&Line) -> bool, value: &dyn Fn(&Line) -> i64| -> i64 {
        lines.iter().filter(|l| keep(l)).map(value).sum()
    };
    let by_pay_type: Vec<PayTypeTotal> = PayType::ALL
        .into_iter()
        .map(|pay_type| PayTypeTotal {
            pay_type,
            amount_fen: sum(&|l| l.pay_type == pay_type, &Line::net_fen),
        })
        .filter(|t| t.amount_fen != 0)
        .collect();
    let customer_share = sum(&|l| l.pay_type == PayType::Customer, &Line::net_fen);
    if !(0..=customer_share).contains(&order_discount_fen) {
        return Err(Error::validation(
            "discountFen",
            format!(
                "整单优惠应在 0 到客户付费金额 {} 之间",
                crate::money::format_yuan(customer_share)
            ),
            format!(
                "The order discount must be between 0 and the customer's share of {}",
                crate::money::format_yuan(customer_share)
            ),
        ));
    }
    let customer_pays_fen = customer_share - order_discount_fen;
    Ok(Totals {
        labour_fen: sum(&|l| l.kind == LineKind::Labour, &|l| l.amount_fen),
        parts_fen: sum(&|l| l.kind == LineKind::Part, &|l| l.amount_fen),
        line_discount_fen: sum(&|_| true, &|l| l.discount_fen),
        order_discount_fen,
        by_pay_type,
        customer_pays_fen,
        customer_pays_capitals: crate::money::to_capitals(customer_pays_fen),
        sold_hundredths: sum(&|l| l.kind == LineKind::Labour, &|l| l.quantity_hundredths),
    })
}

/// The earliest completion the desk may promise: the hours sold plus the safety margin.
pub fn earliest_promise(
    now: DateTime<Utc>,
    sold_hundredths: i64,
    margin_minutes: i64,
) -> DateTime<Utc> {
    now + Duration::minutes(sold_hundredths * 60 / 100 + margin_minutes)
}

/// What the work order form saves: everything the advisor writes before the signature.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkOrderDraft {
    pub id: i64,
    /// The revision the form was loaded at; a save over a newer one is refused.
    pub revision: i64,
    pub diagnosis_only: bool,
    pub interview: Interview,
    pub check_in: CheckIn,
    pub lines: Vec<Line>,
    pub discount_fen: i64,
    /// `YYYY-MM-DD HH:MM` in the dealership's time zone.
    pub promised_at: String,
    pub waiting_parts: bool,
    pub actor_id: Option<i64>,
}

/// A draft whose every field passed; only this reaches the store.
#[derive(Debug, Clone)]
pub struct CheckedDraft {
    pub draft: WorkOrderDraft,
    pub lines: Vec<Line>,
    pub promised_at: Option<DateTime<Utc>>,
}

impl WorkOrderDraft {
    /// The rules for every save; `last_km` is the car's last reading before this visit.
    pub fn check(&self, last_km: Option<i64>, tz: chrono_tz::Tz) -> Result<CheckedDraft> {
        self.check_in.check(last_km)?;
        self.interview.check()?;
        let lines = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| line.checked(i + 1))
            .collect::<Result<Vec<_>>>()?;
        totals(&lines, self.discount_fen)?;
        let promised_at = parse_local(&self.promised_at, tz)?;
        Ok(CheckedDraft {
            draft: self.clone(),
            lines,
            promised_at,
        })
    }
}

/// `YYYY-MM-DD HH:MM` in the dealership's zone as an instant; empty is none.
fn parse_local(text: &str, tz: chrono_tz::Tz) -> Result<Option<DateTime<Utc>>> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let bad = || {
        Error::validation(
            "promisedAt",
            "交车时间应为 年-月-日 时:分",
            "The promised time must be YYYY-MM-DD HH:MM",
        )
    };
    let local = NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").map_err(|_| bad())?;
    let at = tz.from_local_datetime(&local).earliest().ok_or_else(bad)?;
    Ok(Some(at.with_timezone(&Utc)))
}

/// The work order as the desk, the papers and a signed version show it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkOrder {
    pub id: i64,
    pub number: String,
    pub status: OrderStatus,
    pub version: i64,
    pub revision: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub mobile: String,
    pub vehicle_id: i64,
    pub plate: String,
    pub vin: Option<String>,
    pub brand: String,
    pub model: String,
    pub appointment_number: Option<String>,
    pub advisor_id: i64,
    pub advisor_name: String,
    pub diagnosis_only: bool,
    pub interview: Interview,
    pub check_in: CheckIn,
    pub lines: Vec<Line>,
    pub totals: Totals,
    /// `YYYY-MM-DD HH:MM` in the dealership's time zone.
    pub promised_at: Option<String>,
    pub waiting_parts: bool,
    pub team: String,
    pub bay: String,
    pub created_at: DateTime<Utc>,
}

impl WorkOrder {
    /// Lines of parts still on order: the car may wait for them.
    pub fn ordered_parts(&self) -> impl Iterator<Item = &Line> {
        self.lines
            .iter()
            .filter(|l| l.stock == Some(Stock::Ordered))
    }

    /// What must be right before the customer is asked to sign.
    pub fn check_ready_for_signature(
        &self,
        now: DateTime<Utc>,
        margin_minutes: i64,
        tz: chrono_tz::Tz,
    ) -> Result<()> {
        self.check_in.check_complete()?;
        if self.interview.what.trim().is_empty() {
            return Err(Error::validation(
                "interview.what",
                "请填写故障现象或客户的委托事项",
                "Enter the symptom or what the customer asks for",
            ));
        }
        if self.lines.is_empty() && !self.diagnosis_only {
            return Err(Error::validation(
                "lines",
                "请至少填写一个维修项目（或标为“仅诊断”）",
                "Add at least one line (or mark the order diagnosis only)",
            ));
        }
        if let Some((no, line)) = self
            .lines
            .iter()
            .enumerate()
            .find(|(_, l)| l.stock == Some(Stock::Ordered) && l.expected_on.is_none())
        {
            return Err(Error::validation(
                "lines",
                format!("第 {} 行 {}：订货件请填写预计到货日期", no + 1, line.name),
                format!(
                    "Line {} {}: give the date the ordered part is expected",
                    no + 1,
                    line.name
                ),
            ));
        }
        let Some(promised) = self.promised_at.as_deref() else {
            return Err(Error::validation(
                "promisedAt",
                "请填写约定交车时间",
                "Enter the promised completion time",
            ));
        };
        let promised = parse_local(promised, tz)?.unwrap_or(now);
        let earliest = earliest_promise(now, self.totals.sold_hundredths, margin_minutes);
        if promised < earliest {
            let shown = earliest.with_timezone(&tz).format("%Y-%m-%d %H:%M");
            return Err(Error::validation(
                "promisedAt",
                format!(
                    "交车时间太紧：工时 {} 小时加 {margin_minutes} 分钟余量，最早 {shown}",
                    hours_text(self.totals.sold_hundredths)
                ),
                format!(
                    "Too tight: {} h of work plus a {margin_minutes}-minute margin, {shown} at the earliest",
                    hours_text(self.totals.sold_hundredths)
                ),
            ));
        }
        Ok(())
    }
}

/// Hundredths as people write them: `1.5`, `2`, `0.25`.
pub fn hours_text(hundredths: i64) -> String {
    let whole = hundredths / 100;
    match hundredths % 100 {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole}.{}", f / 10),
        f => format!("{whole}.{f:02}"),
    }
}

/// The work order with its history and signed versions, as the desk opens it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkOrderFile {
    pub order: WorkOrder,
    pub history: Vec<OrderHistoryLine>,
    pub versions: Vec<VersionLine>,
    /// The earliest completion the desk may promise now.
    pub earliest_promise: String,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct OrderHistoryLine {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub action: OrderAction,
    pub from_status: Option<OrderStatus>,
    pub to_status: OrderStatus,
    pub version: i64,
    pub note: String,
}

/// A version the customer signed: who signed and when, and who recorded it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct VersionLine {
    pub version: i64,
    pub signed_by: String,
    pub signed_at: DateTime<Utc>,
    pub recorded_by: String,
}

/// One line of the work order list.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct WorkOrderLine {
    pub id: i64,
    pub number: String,
    pub status: OrderStatus,
    pub version: i64,
    pub plate: String,
    pub model: String,
    pub customer_name: String,
    pub advisor_name: String,
    pub created_on: String,
    pub promised_at: Option<String>,
    pub customer_pays_fen: i64,
    pub waiting_parts: bool,
    pub diagnosis_only: bool,
    pub team: String,
    pub bay: String,
}

/// The customer signs the printed copy (or the driver who brought the car does).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Signature {
    pub id: i64,
    pub signed_by: String,
    pub actor_id: Option<i64>,
}

/// Team and bay for the order, a technician for each labour line.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DispatchInput {
    pub id: i64,
    pub team: String,
    pub bay: String,
    pub technicians: Vec<LineTechnician>,
    pub actor_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct LineTechnician {
    pub line_id: i64,
    pub technician_id: i64,
}

/// Telling the customer that parts are on order, logged on the customer's file.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PartsNotice {
    pub id: i64,
    pub channel: crate::customer::ContactChannel,
    /// What the customer said (wait, come back, book a return visit).
    pub outcome: String,
    pub actor_id: Option<i64>,
}

/// Saves the form of a draft work order.
pub async fn save(store: &Store, draft: &WorkOrderDraft) -> Result<WorkOrderFile> {
    store::save(store, draft).await?;
    store::file(store, draft.id).await
}

/// Takes one step without new content (submit, withdraw, revise, cancel).
pub async fn act(
    store: &Store,
    id: i64,
    action: OrderAction,
    actor_id: Option<i64>,
    note: &str,
) -> Result<WorkOrderFile> {
    store::act(store, id, action, actor_id, note, Utc::now()).await?;
    store::file(store, id).await
}

pub async fn sign(store: &Store, signature: &Signature) -> Result<WorkOrderFile> {
    let signed_by = crate::text::optional_name(
        "signedBy",
        &signature.signed_by,
        50,
        "签字人",
        "signer's name",
    )?;
    if signed_by.is_empty() {
        return Err(Error::validation(
            "signedBy",
            "请填写签字人（客户本人或送修人）",
            "Enter who signed (the customer or the driver)",
        ));
    }
    let signature = &Signature {
        signed_by,
        ..signature.clone()
    };
    store::sign(store, signature, Utc::now()).await?;
    store::file(store, signature.id).await
}

pub async fn dispatch(store: &Store, input: &DispatchInput) -> Result<WorkOrderFile> {
    store::dispatch(store, input, Utc::now()).await?;
    store::file(store, input.id).await
}

pub async fn notify_parts(store: &Store, notice: &PartsNotice) -> Result<WorkOrderFile> {
    crate::text::note("outcome", &notice.outcome, 500, "通知结果", "outcome")?;
    store::notify_parts(store, notice, Utc::now()).await?;
    store::file(store, notice.id).await
}

/// The work order as printed for signing: the current content, or a signed `version` as
/// the customer signed it.
pub async fn work_order_pdf(
    store: &Store,
    id: i64,
    version: Option<i64>,
    size: FormSize,
) -> Result<Vec<u8>> {
    let dealership = crate::dealership::store::required(store).await?;
    let (order, signed) = match version {
        Some(v) => {
            let signed = store::file(store, id)
                .await?
                .versions
                .into_iter()
                .find(|s| s.version == v);
            (store::version(store, id, v).await?, signed)
        }
        None => (store::get(store, id).await?, None),
    };
    let terms = settings::get(store).await?.terms;
    crate::print::work_order::render(
        &dealership,
        &order,
        signed.as_ref(),
        &terms,
        size,
        dealership.tz(),
    )
}

/// The check-in form (接车登记表) of a work order.
pub async fn check_in_pdf(store: &Store, id: i64, size: FormSize) -> Result<Vec<u8>> {
    let dealership = crate::dealership::store::required(store).await?;
    let order = store::get(store, id).await?;
    crate::print::check_in::render(&dealership, &order, size, dealership.tz())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(kind: LineKind, pay_type: PayType, q: i64, price: i64, discount: i64) -> Line {
        Line {
            id: None,
            kind,
            pay_type,
            operation_id: None,
            part_id: None,
            code: "X".into(),
            name: "项目".into(),
            quantity_hundredths: q,
            unit_price_fen: price,
            amount_fen: 0,
            discount_fen: discount,
            stock: None,
            expected_on: None,
            technician_id: None,
            technician_name: String::new(),
        }
    }

    #[test]
    fn the_desk_path_runs_to_dispatch_and_signed_orders_need_a_new_version() {
        use OrderStatus::*;
        let path = [
            (Draft, OrderAction::Submit, AwaitingSignature),
            (AwaitingSignature, OrderAction::Sign, Open),
            (Open, OrderAction::Dispatch, Dispatched),
            (Dispatched, OrderAction::Revise, Draft),
            (AwaitingSignature, OrderAction::Withdraw, Draft),
        ];
        for (from, action, to) in path {
            assert_eq!(transition(from, action).unwrap(), to, "{from:?} {action:?}");
        }
        let err = transition(Open, OrderAction::Save).unwrap_err();
        assert_eq!(err.code(), "invalid_transition");
        assert!(err.message_zh().contains("新版本"));
        assert!(
            transition(Open, OrderAction::Sign)
                .unwrap_err()
                .message_zh()
                .contains("已经签过")
        );
        assert!(transition(Draft, OrderAction::Dispatch).is_err());
        assert!(transition(Settled, OrderAction::Cancel).is_err());
    }

    #[test]
    fn amounts_round_half_up_and_only_customer_lines_are_charged() {
        assert_eq!(line_amount(150, 16_000), 24_000);
        assert_eq!(line_amount(33, 999), 330); // 329.67 → 330
        assert_eq!(line_amount(450, 4_850), 21_825);
        let lines: Vec<Line> = [
            line(LineKind::Labour, PayType::Customer, 150, 16_000, 4_000),
            line(LineKind::Part, PayType::Customer, 450, 4_850, 0),
            line(LineKind::Labour, PayType::Warranty, 200, 12_000, 0),
            line(LineKind::Part, PayType::Internal, 100, 9_900, 0),
        ]
        .iter()
        .enumerate()
        .map(|(i, l)| l.checked(i + 1).unwrap())
        .collect();
        let t = totals(&lines, 1_825).unwrap();
        assert_eq!(t.labour_fen, 48_000);
        assert_eq!(t.parts_fen, 31_725);
        assert_eq!(t.line_discount_fen, 4_000);
        // 24,000 − 4,000 + 21,825 − 1,825 = 40,000
        assert_eq!(t.customer_pays_fen, 40_000);
        assert_eq!(t.customer_pays_capitals, "肆佰元整");
        assert_eq!(t.sold_hundredths, 350);
        assert_eq!(
            t.by_pay_type
                .iter()
                .map(|p| (p.pay_type, p.amount_fen))
                .collect::<Vec<_>>(),
            vec![
                (PayType::Customer, 41_825),
                (PayType::Warranty, 24_000),
                (PayType::Internal, 9_900)
            ]
        );
        let err = totals(&lines, 41_826).unwrap_err();
        assert_eq!(err.field(), Some("discountFen"));
    }

    #[test]
    fn a_line_is_refused_with_its_number() {
        let bad = line(LineKind::Labour, PayType::Customer, 0, 16_000, 0);
        let err = bad.checked(3).unwrap_err();
        assert_eq!(err.field(), Some("lines"));
        assert!(err.message_zh().starts_with("第 3 行"));
        let too_much_off = line(LineKind::Part, PayType::Customer, 100, 1_000, 1_001);
        assert!(
            too_much_off
                .checked(1)
                .unwrap_err()
                .message_zh()
                .contains("优惠")
        );
        let part = line(LineKind::Part, PayType::Customer, 100, 1_000, 0)
            .checked(1)
            .unwrap();
        assert_eq!(part.stock, Some(Stock::InStock));
    }

    #[test]
    fn the_promise_keeps_the_margin() {
        let now = Utc.with_ymd_and_hms(2026, 11, 23, 1, 0, 0).unwrap();
        assert_eq!(
            earliest_promise(now, 250, 30),
            Utc.with_ymd_and_hms(2026, 11, 23, 4, 0, 0).unwrap()
        );
        assert_eq!(hours_text(250), "2.5");
        assert_eq!(hours_text(200), "2");
        assert_eq!(hours_text(25), "0.25");
    }
}
