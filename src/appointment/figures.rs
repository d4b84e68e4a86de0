//! The manager's appointment figures over a period: computed here, shown in the appointment
//! panel now and reused by the reports.

use serde::Serialize;

use super::NoShowReason;
use crate::LocalizedText;

/// A share with what it counts, so every figure can show its formula.
#[derive(Debug, Clone, Serialize, specta::Type, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Ratio {
    pub numerator: i64,
    pub denominator: i64,
    /// Percent with one decimal; None when nothing was counted.
    pub percent: Option<f64>,
    pub formula: LocalizedText,
}

impl Ratio {
    pub fn new(numerator: i64, denominator: i64, zh: &str, en: &str) -> Ratio {
        Ratio {
            numerator,
            denominator,
            percent: (denominator > 0)
                .then(|| (numerator as f64 * 1000.0 / denominator as f64).round() / 10.0),
            formula: LocalizedText {
                zh_cn: zh.to_string(),
                en: en.to_string(),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentFigures {
    pub from: String,
    pub to: String,
    /// Booked arrivals among all vehicles received.
    pub booked_share: Ratio,
    /// Arrivals among bookings that were due (arrived + no-show).
    pub show_rate: Ratio,
    /// No-shows by reason; `None` counts those whose reason is still to be asked.
    pub no_show_reasons: Vec<ReasonCount>,
    /// Bookings made on calls from the proactive list, among the calls made.
    pub call_success: Ratio,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReasonCount {
    pub reason: Option<NoShowReason>,
    pub count: i64,
}

/// The figures from their counts.
pub fn figures(
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
    counts: Counts,
    no_show_reasons: Vec<ReasonCount>,
) -> AppointmentFigures {
    AppointmentFigures {
        from: from.to_string(),
        to: to.to_string(),
        booked_share: Ratio::new(
            counts.arrived,
            counts.arrived + counts.walk_ins,
            "预约进厂台次 ÷ 进厂台次（预约到店 + 非预约进厂）",
            "Booked arrivals ÷ vehicles received (booked arrivals + visits without a booking)",
        ),
        show_rate: Ratio::new(
            counts.arrived,
            counts.arrived + counts.no_shows,
            "到店预约数 ÷ （到店 + 失约）预约数",
            "Bookings kept ÷ (kept + no-show) bookings",
        ),
        no_show_reasons,
        call_success: Ratio::new(
            counts.calls_booked,
            counts.calls,
            "主动预约电话中约成的次数 ÷ 拨打次数",
            "Proactive calls that booked ÷ calls made",
        ),
    }
}

/// What the store counts for a period.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    pub arrived: i64,
    pub no_shows: i64,
    /// Visits in the period with no arrived booking for that vehicle that day.
    pub walk_ins: i64,
    pub calls: i64,
    pub calls_booked: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ratio_keeps_its_counts_and_rounds_to_one_decimal() {
        let r = Ratio::new(2, 3, "a", "b");
        assert_eq!((r.numerator, r.denominator, r.percent), (2, 3, Some(66.7)));
        assert_eq!(Ratio::new(0, 0, "a", "b").percent, None);
    }

    #[test]
    fn figures_follow_their_formulas() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
        let f = figures(
            d,
            d,
            Counts {
                arrived: 8,
                no_shows: 2,
                walk_ins: 12,
                calls: 20,
                calls_booked: 5,
            },
            Vec::new(),
        );
        assert_eq!(f.booked_share.percent, Some(40.0));
        assert_eq!(f.show_rate.percent, Some(80.0));
        assert_eq!(f.call_success.percent, Some(25.0));
    }
}
