//! What managers read (报表): every figure over a chosen period with its formula, numerator
//! and denominator, so the dashboard can say how it was counted and open the rows.

pub mod store;
pub mod table;

pub use table::{Figure, Table};

use serde::Serialize;

use crate::LocalizedText;
use crate::appointment::figures::{AppointmentFigures, Ratio};
use crate::complaint::Category;
use crate::work_order::PayType;

/// Checks a period the user chose, `from..=to`: it must run forwards (one day is fine).
/// Every query over a period (the figures, the follow-up calls and their summary) asks here.
pub fn check_period(from: chrono::NaiveDate, to: chrono::NaiveDate) -> crate::Result<()> {
    if to < from {
        return Err(crate::Error::validation(
            "to",
            format!("结束日期（{to}）不能早于开始日期（{from}）"),
            format!("The end date ({to}) cannot be before the start date ({from})"),
        ));
    }
    Ok(())
}

/// A mean with what it divides: hours per work order, work orders per day, a score.
#[derive(Debug, Clone, PartialEq, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Mean {
    pub numerator: i64,
    pub denominator: i64,
    /// Two decimals; None when nothing was counted.
    pub value: Option<f64>,
    pub formula: LocalizedText,
}

impl Mean {
    /// `numerator / denominator / scale` (hours are kept × 100).
    pub fn new(numerator: i64, denominator: i64, scale: f64, zh: &str, en: &str) -> Mean {
        Mean {
            numerator,
            denominator,
            value: (denominator > 0)
                .then(|| (numerator as f64 / scale / denominator as f64 * 100.0).round() / 100.0),
            formula: LocalizedText {
                zh_cn: zh.into(),
                en: en.into(),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Revenue {
    /// Labour and parts of the orders settled in the period, net of line discounts.
    pub labour_fen: i64,
    pub parts_fen: i64,
    pub by_pay_type: Vec<PayTypeRevenue>,
    /// Order discounts given (off the customer's share).
    pub order_discount_fen: i64,
    pub formula: LocalizedText,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct PayTypeRevenue {
    pub pay_type: PayType,
    pub amount_fen: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Satisfaction {
    pub advisor: Mean,
    pub quality: Mean,
    pub on_time: Mean,
    pub price: Mean,
    pub facility: Mean,
    pub overall: Mean,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CategoryCount {
    pub category: Category,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GradeCount {
    /// A to D; empty for customers not graded yet.
    pub grade: String,
    pub count: i64,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct KeyCustomer {
    pub customer_id: i64,
    pub name: String,
    pub grade: String,
    pub visits: i64,
    pub revenue_fen: i64,
}

/// Every figure of the dashboard for `from..=to`.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Kpis {
    pub from: String,
    pub to: String,
    /// Booked share, show rate and no-show reasons.
    pub appointments: AppointmentFigures,
    pub orders_per_day: Mean,
    pub hours_per_order: Mean,
    pub revenue: Revenue,
    pub promise_kept: Ratio,
    pub rework_rate: Ratio,
    pub wash_rate: Ratio,
    pub followup_reach: Ratio,
    pub satisfaction: Satisfaction,
    pub complaints_by_category: Vec<CategoryCount>,
    pub complaints_open: i64,
    pub complaints_overdue: i64,
    pub customers_by_grade: Vec<GradeCount>,
    /// Customers whose last visit is 6–12 months, and more than 12 months, before `to`.
    pub lost_6_months: i64,
    pub lost_12_months: i64,
    /// By revenue in the period.
    pub key_customers: Vec<KeyCustomer>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mean_divides_and_scales_to_two_decimals() {
        let hours = Mean::new(350, 3, 100.0, "a", "b");
        assert_eq!(hours.value, Some(1.17));
        assert_eq!(Mean::new(7, 0, 1.0, "a", "b").value, None);
    }
}
