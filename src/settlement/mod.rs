//! Hand-over and settlement (交车 / 结算): the advisor hands the car back with a checklist and
//! marks the follow-up call the customer accepts; the customer signs the settlement statement
//! (结算清单) and pays; the cashier takes the money, split across methods, and the order is
//! settled.

pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::text::text_enum;
use crate::work_order::WorkOrder;
use crate::{Error, Result, Store};

text_enum!(
    /// How the customer is called back (回访方式).
    FollowupMethod { Mobile = "mobile", Landline = "landline" }
);
text_enum!(
    /// When the customer prefers the call.
    FollowupTime { Any = "any", Morning = "morning", Afternoon = "afternoon", Evening = "evening" }
);
text_enum!(
    /// How the customer pays (付款方式).
    PayMethod { Cash = "cash", Card = "card", Wechat = "wechat", Alipay = "alipay", Transfer = "transfer" }
);

impl PayMethod {
    pub fn label_zh(self) -> &'static str {
        match self {
            PayMethod::Cash => "现金",
            PayMethod::Card => "银行卡",
            PayMethod::Wechat => "微信支付",
            PayMethod::Alipay => "支付宝",
            PayMethod::Transfer => "转账",
        }
    }
}

/// The advisor's hand-over: the checklist and the follow-up call the customer accepts.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HandOverInput {
    pub order_id: i64,
    pub advisor_id: i64,
    /// Another advisor than the one who received the car: the desk showed the warning and
    /// the advisor went on.
    pub other_advisor_confirmed: bool,
    pub work_explained: bool,
    pub old_parts_shown: bool,
    pub covers_removed: bool,
    pub followup_consent: bool,
    pub followup_method: Option<FollowupMethod>,
    pub followup_phone: String,
    pub followup_time: Option<FollowupTime>,
}

/// The follow-up call as marked on the work order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Followup {
    /// Every job but maintenance and body and paint work is followed up.
    pub required: bool,
    /// None until asked at hand-over.
    pub consent: Option<bool>,
    pub method: Option<FollowupMethod>,
    pub phone: String,
    pub time: Option<FollowupTime>,
}

impl HandOverInput {
    /// The checklist and the follow-up; `has_parts`: old parts exist to show.
    pub fn check(&self, required: bool, has_parts: bool) -> Result<Followup> {
        let unticked = [
            (
                !self.work_explained,
                "workExplained",
                "请向客户说明所做的工作",
                "Walk the customer through the work done",
            ),
            (
                has_parts && !self.old_parts_shown,
                "oldPartsShown",
                "请向客户展示更换下来的旧件",
                "Show the customer the old parts",
            ),
            (
                !self.covers_removed,
                "coversRemoved",
                "请取下座椅套、方向盘套等护具",
                "Take off the seat, wheel and floor covers",
            ),
        ];
        if let Some((_, field, zh, en)) = unticked.into_iter().find(|(missing, ..)| *missing) {
            return Err(Error::validation(field, zh, en));
        }
        let consent = required || self.followup_consent;
        if !consent {
            return Ok(Followup {
                required,
                consent: Some(false),
                method: None,
                phone: String::new(),
                time: None,
            });
        }
        let method = self.followup_method.ok_or_else(|| {
            Error::validation(
                "followupMethod",
                if required {
                    "此类维修必须回访：请选择回访方式"
                } else {
                    "请选择回访方式"
                },
                if required {
                    "This job is always followed up: choose how to call"
                } else {
                    "Choose how to call the customer back"
                },
            )
        })?;
        let phone: String = self
            .followup_phone
            .chars()
            .map(crate::text::half_width)
            .filter(|c| !c.is_whitespace())
            .collect();
        let digits = phone.chars().filter(|c| c.is_ascii_digit()).count();
        let shape_ok = phone.chars().all(|c| c.is_ascii_digit() || c == '-');
        let fits = match method {
            FollowupMethod::Mobile => {
                digits == 11 && phone.starts_with('1') && !phone.contains('-')
            }
            FollowupMethod::Landline => (7..=12).contains(&digits),
        };
        if !shape_ok || !fits {
            return Err(Error::validation(
                "followupPhone",
                match method {
                    FollowupMethod::Mobile => "回访手机号应为 11 位数字",
                    FollowupMethod::Landline => "回访座机号应为 7 到 12 位数字（可带区号和“-”）",
                },
                match method {
                    FollowupMethod::Mobile => "The mobile number for the call has 11 digits",
                    FollowupMethod::Landline => {
                        "The landline for the call has 7 to 12 digits (area code and “-” allowed)"
                    }
                },
            ));
        }
        let time = self.followup_time.ok_or_else(|| {
            Error::validation(
                "followupTime",
                "请选择客户方便接听的时间",
                "Choose when the customer prefers the call",
            )
        })?;
        Ok(Followup {
            required,
            consent: Some(true),
            method: Some(method),
            phone,
            time: Some(time),
        })
    }
}

/// One amount taken at the cash desk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PaymentInput {
    pub method: PayMethod,
    pub amount_fen: i64,
}

/// The cashier's settlement: the payments (none when nothing is charged) and the invoice.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SettleInput {
    pub order_id: i64,
    pub cashier_id: i64,
    pub payments: Vec<PaymentInput>,
    pub invoice_number: String,
}

impl SettleInput {
    /// The payments must add up to what the customer owes; returns the invoice number as kept.
    pub fn check(&self, due_fen: i64) -> Result<String> {
        if let Some(no) = self.payments.iter().position(|p| p.amount_fen <= 0) {
            return Err(Error::validation(
                "payments",
                format!("第 {} 笔付款金额应大于 0", no + 1),
                format!("Payment {} must be more than 0", no + 1),
            ));
        }
        let paid: i64 = self.payments.iter().map(|p| p.amount_fen).sum();
        if paid != due_fen {
            let (p, d) = (
                crate::money::format_yuan(paid),
                crate::money::format_yuan(due_fen),
            );
            return Err(Error::validation(
                "payments",
                format!("实收合计 {p} 与客户应付 {d} 不符"),
                format!("The payments add up to {p}; the customer owes {d}"),
            ));
        }
        let invoice = self.invoice_number.trim().to_uppercase();
        if invoice.chars().count() > 30
            || !invoice
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return Err(Error::validation(
                "invoiceNumber",
                "发票号码只能包含字母、数字和“-”，最多 30 位",
                "The invoice number has letters, digits and “-”, at most 30",
            ));
        }
        Ok(invoice)
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct HandOver {
    pub at: DateTime<Utc>,
    pub advisor_name: String,
    pub other_advisor: bool,
    pub work_explained: bool,
    pub old_parts_shown: bool,
    pub covers_removed: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Payment {
    pub method: PayMethod,
    pub amount_fen: i64,
    pub cashier_name: String,
    pub at: DateTime<Utc>,
}

/// What the hand-over desk and the cash desk show of one work order.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Settlement {
    pub order: WorkOrder,
    /// Parts were replaced: there are old parts to show.
    pub has_parts: bool,
    /// A maintenance job: the next service is counted from this visit.
    pub maintenance: bool,
    pub followup: Followup,
    pub hand_over: Option<HandOver>,
    pub payments: Vec<Payment>,
    pub invoice_number: String,
    pub settled_at: Option<DateTime<Utc>>,
    pub cashier_name: String,
    pub statement_prints: i64,
    /// The exit pass of this order, once issued.
    pub exit_pass: Option<crate::gate::PassLine>,
}

impl Settlement {
    /// What the customer owes.
    pub fn due_fen(&self) -> i64 {
        self.order.totals.customer_pays_fen
    }
}

/// Cars ready or settled and not yet out of the gate: the hand-over and cash desks' list.
pub async fn desk(store: &Store) -> Result<Vec<crate::work_order::WorkOrderLine>> {
    let mut lines = Vec::new();
    for status in [
        crate::work_order::OrderStatus::Ready,
        crate::work_order::OrderStatus::Settled,
    ] {
        lines.extend(crate::work_order::store::list(store, Some(status), None).await?);
    }
    Ok(lines)
}

pub async fn hand_over(store: &Store, input: &HandOverInput) -> Result<Settlement> {
    store::hand_over(store, input, Utc::now()).await?;
    store::get(store, input.order_id).await
}

pub async fn settle(store: &Store, input: &SettleInput) -> Result<Settlement> {
    store::settle(store, input, Utc::now()).await?;
    store::get(store, input.order_id).await
}

/// The settlement statement; every print after the first is marked 副本.
/// Renders the settlement statement and hands it to `save`; the print is counted (every
/// print after the first says 副本) only once the paper was made and saved.
pub async fn print_statement<T>(
    store: &Store,
    order_id: i64,
    size: crate::work_order::FormSize,
    save: impl FnOnce(&[u8]) -> Result<T>,
) -> Result<T> {
    let dealership = crate::dealership::store::required(store).await?;
    let settings = crate::work_order::settings::get(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let settlement = store::get(store, order_id).await?;
    let today = Utc::now().with_timezone(&tz).date_naive();
    let next = store::next_service(store, &settlement, today).await?;
    // The write lock is held from the count to the save: two desks printing at once get one
    // original and one copy.
    let mut tx = store.write_tx().await?;
    let copy = store::prints_so_far(&mut tx, order_id).await? > 0;
    let pdf = crate::print::settlement::render(
        &dealership,
        &settlement,
        &settings,
        next,
        copy,
        size,
        Utc::now().with_timezone(&tz),
    )?;
    let saved = save(&pdf)?;
    store::count_print(&mut tx, order_id).await?;
    tx.commit().await?;
    Ok(saved)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> HandOverInput {
        HandOverInput {
            order_id: 1,
            advisor_id: 1,
            other_advisor_confirmed: false,
            work_explained: true,
            old_parts_shown: true,
            covers_removed: true,
            followup_consent: false,
            followup_method: None,
            followup_phone: String::new(),
            followup_time: None,
        }
    }

    #[test]
    fn the_checklist_names_what_is_not_done() {
        let mut hand = input();
        hand.covers_removed = false;
        assert_eq!(
            hand.check(false, true).unwrap_err().field(),
            Some("coversRemoved")
        );
        hand.covers_removed = true;
        hand.old_parts_shown = false;
        assert_eq!(
            hand.check(false, true).unwrap_err().field(),
            Some("oldPartsShown")
        );
        // No parts replaced: no old parts to show.
        assert!(hand.check(false, false).is_ok());
    }

    #[test]
    fn a_mandatory_follow_up_needs_method_phone_and_time_even_when_not_offered() {
        let mut hand = input();
        let asked = hand.check(false, true).unwrap();
        assert_eq!(asked.consent, Some(false));
        assert_eq!(
            hand.check(true, true).unwrap_err().field(),
            Some("followupMethod")
        );
        hand.followup_method = Some(FollowupMethod::Mobile);
        hand.followup_phone = "１３８ 0013 800".into();
        assert_eq!(
            hand.check(true, true).unwrap_err().field(),
            Some("followupPhone")
        );
        hand.followup_phone = "138 0013 8000".into();
        assert_eq!(
            hand.check(true, true).unwrap_err().field(),
            Some("followupTime")
        );
        hand.followup_time = Some(FollowupTime::Evening);
        let marked = hand.check(true, true).unwrap();
        assert_eq!(marked.consent, Some(true));
        assert_eq!(marked.phone, "13800138000");
        hand.followup_method = Some(FollowupMethod::Landline);
        hand.followup_phone = "010-6512 3456".into();
        assert_eq!(hand.check(true, true).unwrap().phone, "010-65123456");
    }

    #[test]
    fn payments_must_add_up_to_what_is_owed() {
        let mut settle = SettleInput {
            order_id: 1,
            cashier_id: 1,
            payments: vec![
                PaymentInput {
                    method: PayMethod::Wechat,
                    amount_fen: 50_000,
                },
                PaymentInput {
                    method: PayMethod::Cash,
                    amount_fen: 8_050,
                },
            ],
            invoice_number: " 44031234 ".into(),
        };
        assert_eq!(settle.check(58_050).unwrap(), "44031234");
        let short = settle.check(58_051).unwrap_err();
        assert!(short.message_zh().contains("580.50"));
        settle.payments[1].amount_fen = 0;
        assert!(
            settle
                .check(50_000)
                .unwrap_err()
                .message_zh()
                .contains("第 2 笔")
        );
        settle.payments.clear();
        assert!(settle.check(0).is_ok());
        settle.invoice_number = "发票1".into();
        assert_eq!(settle.check(0).unwrap_err().field(), Some("invoiceNumber"));
    }
}
