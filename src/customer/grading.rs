//! Customer grades (客户分级) from the share of the last 12 months' revenue: customers are
//! ranked by revenue, the top 1 % are A, the next 4 % B, the next 15 % C, the rest D (bands
//! are a setting). Bad credit or a major accident lowers the grade by one.

use serde::{Deserialize, Serialize};

use crate::money::format_yuan;
use crate::{Error, Result};

/// Cumulative upper bounds of grades A, B and C, in percent of ranked customers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct GradeBands {
    pub a_percent: f64,
    pub b_percent: f64,
    pub c_percent: f64,
}

impl Default for GradeBands {
    fn default() -> Self {
        GradeBands {
            a_percent: 1.0,
            b_percent: 5.0,
            c_percent: 20.0,
        }
    }
}

impl GradeBands {
    /// Bands must grow from A to C and stay within 100 %.
    pub fn validate(self) -> Result<GradeBands> {
        let checks = [
            ("aPercent", self.a_percent, 0.0, "A", "A"),
            ("bPercent", self.b_percent, self.a_percent, "B", "B"),
            ("cPercent", self.c_percent, self.b_percent, "C", "C"),
        ];
        for (field, value, above, zh, en) in checks {
            if !(value > above && value <= 100.0) {
                return Err(Error::validation(
                    field,
                    format!("{zh}级上限须大于 {above}% 且不超过 100%"),
                    format!("The {en} band must be above {above}% and at most 100%"),
                ));
            }
        }
        Ok(self)
    }
}

/// How many customers each grade holds after a regrade.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, specta::Type)]
pub struct GradeCounts {
    pub a: u32,
    pub b: u32,
    pub c: u32,
    pub d: u32,
}

impl GradeCounts {
    pub fn add(&mut self, grade: char) {
        match grade {
            'A' => self.a += 1,
            'B' => self.b += 1,
            'C' => self.c += 1,
            _ => self.d += 1,
        }
    }
}

/// What grading needs to know of one customer.
#[derive(Debug, Clone)]
pub struct GradeFacts {
    pub customer_id: i64,
    pub revenue_fen: i64,
    pub bad_credit: bool,
    pub major_accident: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Graded {
    pub customer_id: i64,
    pub grade: char,
    pub reason_zh: String,
    pub reason_en: String,
}

/// Grades every customer; `facts` in any order.
pub fn grade_all(mut facts: Vec<GradeFacts>, bands: GradeBands) -> Vec<Graded> {
    facts.sort_by(|a, b| {
        b.revenue_fen
            .cmp(&a.revenue_fen)
            .then(a.customer_id.cmp(&b.customer_id))
    });
    let total = facts.len().max(1) as f64;
    facts
        .iter()
        .enumerate()
        .map(|(rank, f)| {
            let percentile = (rank + 1) as f64 * 100.0 / total;
            let by_revenue = if f.revenue_fen <= 0 {
                'D'
            } else if percentile <= bands.a_percent {
                'A'
            } else if percentile <= bands.b_percent {
                'B'
            } else if percentile <= bands.c_percent {
                'C'
            } else {
                'D'
            };
            let (mut reason_zh, mut reason_en) = if f.revenue_fen > 0 {
                let spent = format_yuan(f.revenue_fen);
                (
                    format!("近12个月消费 {spent}，排名前 {percentile:.1}%"),
                    format!("Spent {spent} in the last 12 months, top {percentile:.1}%"),
                )
            } else {
                (
                    "近12个月无消费".to_string(),
                    "No spending in the last 12 months".to_string(),
                )
            };
            let mut grade = by_revenue;
            for (flag, zh, en) in [
                (f.bad_credit, "信用不良", "bad credit"),
                (f.major_accident, "有重大事故", "a major accident"),
            ] {
                if flag {
                    reason_zh.push_str(&format!("；{zh}，降一级"));
                    reason_en.push_str(&format!("; {en}, one grade lower"));
                    grade = lower(grade);
                }
            }
            Graded {
                customer_id: f.customer_id,
                grade,
                reason_zh,
                reason_en,
            }
        })
        .collect()
}

fn lower(grade: char) -> char {
    match grade {
        'A' => 'B',
        'B' => 'C',
        _ => 'D',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts(id: i64, yuan: i64) -> GradeFacts {
        GradeFacts {
            customer_id: id,
            revenue_fen: yuan * 100,
            bad_credit: false,
            major_accident: false,
        }
    }

    #[test]
    fn grades_follow_the_revenue_ranking() {
        let all: Vec<GradeFacts> = (1..=100).map(|id| facts(id, 100_000 - id * 900)).collect();
        let graded = grade_all(all, GradeBands::default());
        let grade_of = |id: i64| graded.iter().find(|g| g.customer_id == id).unwrap().grade;
        assert_eq!(grade_of(1), 'A');
        assert_eq!((grade_of(2), grade_of(5)), ('B', 'B'));
        assert_eq!((grade_of(6), grade_of(20)), ('C', 'C'));
        assert_eq!(grade_of(21), 'D');
        assert!(
            graded[0].reason_zh.contains("¥99,100.00"),
            "{}",
            graded[0].reason_zh
        );
    }

    #[test]
    fn bands_must_grow_from_a_to_c() {
        assert!(GradeBands::default().validate().is_ok());
        let err = GradeBands {
            a_percent: 5.0,
            b_percent: 5.0,
            c_percent: 20.0,
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field(), Some("bPercent"));
        let err = GradeBands {
            a_percent: 1.0,
            b_percent: 5.0,
            c_percent: 120.0,
        }
        .validate()
        .unwrap_err();
        assert_eq!(err.field(), Some("cPercent"));
    }

    #[test]
    fn bad_credit_and_accidents_lower_the_grade_and_say_why() {
        let mut top = facts(1, 50_000);
        top.bad_credit = true;
        top.major_accident = true;
        let graded = grade_all(
            vec![top, facts(2, 10), facts(3, 0)],
            GradeBands {
                a_percent: 40.0,
                b_percent: 60.0,
                c_percent: 80.0,
            },
        );
        assert_eq!(graded[0].grade, 'C');
        assert!(
            graded[0].reason_zh.contains("信用不良")
                && graded[0].reason_en.contains("major accident")
        );
        assert_eq!(
            graded.iter().find(|g| g.customer_id == 3).unwrap().grade,
            'D',
            "no revenue is D"
        );
    }
}
