//! The proactive call list (主动预约名单): who to call today, why, and when a customer who
//! was called comes back on the list.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use super::AppointmentSettings;
use crate::customer::ContactDays;
use crate::text::text_enum;
use crate::{Error, LocalizedText, Result};

text_enum!(
    /// Why a vehicle is on the list. Left-over items come from work orders once they exist.
    CallReason {
        MaintenanceDue = "maintenance_due",
        LeftOver = "left_over",
        Campaign = "campaign",
        NoVisit = "no_visit",
    }
);
text_enum!(
    CallOutcome {
        Booked = "booked",
        Declined = "declined",
        NotReached = "not_reached",
        WrongPerson = "wrong_person",
        CallBack = "call_back",
    }
);

impl CallReason {
    /// The service type a booking from this reason starts with.
    pub fn service_type(self) -> super::ServiceType {
        match self {
            CallReason::MaintenanceDue | CallReason::NoVisit => super::ServiceType::Maintenance,
            CallReason::LeftOver => super::ServiceType::LeftOver,
            CallReason::Campaign => super::ServiceType::Seasonal,
        }
    }
}

/// One vehicle to call, with every reason it is on the list.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallEntry {
    pub vehicle_id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub mobile: String,
    pub plate: String,
    pub model: String,
    pub reasons: Vec<ReasonLine>,
    /// The customer's preferred contact time, as text.
    pub contact_window: LocalizedText,
    /// Whether `now` lies inside the preferred contact time (outside it, the desk asks first).
    pub callable_now: bool,
    /// Why a customer called before is back on the list (the visible rule).
    pub back_because: Option<LocalizedText>,
    pub last_call: Option<CallLine>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReasonLine {
    pub reason: CallReason,
    pub campaign_id: Option<i64>,
    pub text: LocalizedText,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallLine {
    pub at: DateTime<Utc>,
    pub actor_name: String,
    pub reason: CallReason,
    pub outcome: CallOutcome,
    pub note: String,
    pub call_back_at: Option<DateTime<Utc>>,
    pub appointment_number: Option<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallList {
    pub entries: Vec<CallEntry>,
    /// How many vehicles qualify in all; `entries` holds the first of them.
    pub total: i64,
}

/// What the caller records (booked calls are logged by the booking itself).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CallInput {
    pub vehicle_id: i64,
    pub reason: CallReason,
    pub campaign_id: Option<i64>,
    pub outcome: CallOutcome,
    /// The reason when declined; who answered when it was the wrong person.
    pub note: String,
    /// `YYYY-MM-DD HH:MM` in the dealership's time zone, for a call back.
    pub call_back_at: String,
}

impl CallInput {
    pub fn validate(&self, tz: chrono_tz::Tz, now: DateTime<Utc>) -> Result<Option<DateTime<Utc>>> {
        crate::text::note("note", &self.note, 500, "通话记录", "note")?;
        match self.outcome {
            CallOutcome::Booked => Err(Error::validation(
                "outcome",
                "约好的电话请直接新建预约",
                "For a booked call, make the booking",
            )),
            CallOutcome::Declined if self.note.trim().is_empty() => Err(Error::validation(
                "note",
                "请填写客户婉拒的原因",
                "Enter why the customer declined",
            )),
            CallOutcome::CallBack => {
                let at = chrono::NaiveDateTime::parse_from_str(
                    self.call_back_at.trim(),
                    "%Y-%m-%d %H:%M",
                )
                .ok()
                .and_then(|t| t.and_local_timezone(tz).earliest())
                .map(|t| t.with_timezone(&Utc))
                .ok_or_else(|| {
                    Error::validation(
                        "callBackAt",
                        "请填写回电时间（如 2026-11-24 15:00）",
                        "Enter when to call back (e.g. 2026-11-24 15:00)",
                    )
                })?;
                if at <= now {
                    return Err(Error::validation(
                        "callBackAt",
                        "回电时间应在现在之后",
                        "The call-back time must be later than now",
                    ));
                }
                Ok(Some(at))
            }
            _ => Ok(None),
        }
    }
}

/// A campaign as the list and its form show it.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    pub id: Option<i64>,
    pub name: String,
    pub purpose: String,
    pub from_date: String,
    pub to_date: String,
    pub model_contains: String,
    pub min_age_years: Option<i64>,
}

impl Campaign {
    pub fn validate(&self) -> Result<Campaign> {
        let name = self.name.trim();
        if name.is_empty() || name.chars().count() > 30 {
            return Err(Error::validation(
                "name",
                "请填写活动名称（最多30字）",
                "Enter the campaign name (at most 30 characters)",
            ));
        }
        let from = super::parse_day("fromDate", &self.from_date)?;
        let to = super::parse_day("toDate", &self.to_date)?;
        if to < from {
            return Err(Error::validation(
                "toDate",
                "结束日期不能早于开始日期",
                "The end date cannot be before the start date",
            ));
        }
        if let Some(years) = self.min_age_years
            && !(0..=30).contains(&years)
        {
            return Err(Error::validation(
                "minAgeYears",
                "车龄应在0到30年之间",
                "The vehicle age lies between 0 and 30 years",
            ));
        }
        Ok(Campaign {
            id: self.id,
            name: name.to_string(),
            purpose: crate::text::note("purpose", &self.purpose, 500, "活动目的", "purpose")?,
            from_date: from.to_string(),
            to_date: to.to_string(),
            model_contains: crate::text::line(
                "modelContains",
                &self.model_contains,
                30,
                "车型",
                "model",
            )?,
            min_age_years: self.min_age_years,
        })
    }
}

/// Whether a vehicle called before shows on the list at `now`, and why it is back.
#[derive(Debug, Clone, PartialEq)]
pub enum Visibility {
    /// Never called: on the list.
    Fresh,
    /// Called before and due again, with the rule that brought it back.
    Back(LocalizedText),
    Hidden,
}

/// The visible rule for a vehicle called before. `calls` are its calls, newest first;
/// `booking_open` says whether the booking of a booked call is still expected; `file_updated`
/// is when the customer file last changed (a wrong number comes back once it is corrected).
pub fn visibility(
    calls: &[CallLine],
    booking_open: bool,
    file_updated: DateTime<Utc>,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Visibility {
    let Some(last) = calls.first() else {
        return Visibility::Fresh;
    };
    let day = |d: DateTime<Utc>| d.with_timezone(&tz).format("%Y-%m-%d").to_string();
    let after = |days: i64| last.at + Duration::days(days);
    match last.outcome {
        CallOutcome::Booked if booking_open => Visibility::Hidden,
        CallOutcome::Booked => Visibility::Back(text(
            format!(
                "上次约好的预约 {} 未履约",
                last.appointment_number.as_deref().unwrap_or("")
            ),
            format!(
                "The booking {} made on the last call was not kept",
                last.appointment_number.as_deref().unwrap_or("")
            ),
        )),
        CallOutcome::Declined if now < after(settings.declined_pause_days) => Visibility::Hidden,
        CallOutcome::Declined => Visibility::Back(text(
            format!(
                "{} 婉拒（{}），已满 {} 天",
                day(last.at),
                last.note,
                settings.declined_pause_days
            ),
            format!(
                "Declined on {} ({}); {} days have passed",
                day(last.at),
                last.note,
                settings.declined_pause_days
            ),
        )),
        CallOutcome::NotReached => {
            let tries = calls
                .iter()
                .take_while(|c| c.outcome == CallOutcome::NotReached)
                .count() as i64;
            let pause = if tries >= settings.not_reached_tries {
                settings.declined_pause_days
            } else {
                settings.not_reached_retry_days
            };
            if now < after(pause) {
                Visibility::Hidden
            } else {
                Visibility::Back(text(
                    format!(
                        "{} 未接通（连续第 {tries} 次），{pause} 天后重拨",
                        day(last.at)
                    ),
                    format!(
                        "Not reached on {} ({tries} in a row); tried again after {pause} days",
                        day(last.at)
                    ),
                ))
            }
        }
        CallOutcome::WrongPerson if file_updated <= last.at => Visibility::Hidden,
        CallOutcome::WrongPerson => Visibility::Back(text(
            format!("{} 接听人不是车主，客户档案已更新", day(last.at)),
            format!(
                "The wrong person answered on {}; the customer file has been updated",
                day(last.at)
            ),
        )),
        CallOutcome::CallBack => match last.call_back_at {
            Some(back) if now < back => Visibility::Hidden,
            _ => Visibility::Back(text(
                format!(
                    "约定回电：{}",
                    last.call_back_at
                        .map(|t| t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string())
                        .unwrap_or_default()
                ),
                "Call back as agreed".to_string(),
            )),
        },
    }
}

fn text(zh: String, en: String) -> LocalizedText {
    LocalizedText { zh_cn: zh, en }
}

/// The customer's preferred contact time as text, and whether `local_now` lies inside it.
pub fn contact_window(
    days: ContactDays,
    from: Option<NaiveTime>,
    to: Option<NaiveTime>,
    local_now: chrono::NaiveDateTime,
) -> (LocalizedText, bool) {
    use chrono::Datelike;
    let weekend = local_now.weekday().number_from_monday() >= 6;
    let day_ok = match days {
        ContactDays::Any => true,
        ContactDays::Workday => !weekend,
        ContactDays::Weekend => weekend,
    };
    let (days_zh, days_en) = match days {
        ContactDays::Any => ("每天", "any day"),
        ContactDays::Workday => ("工作日", "workdays"),
        ContactDays::Weekend => ("周末", "weekends"),
    };
    let (hours_zh, hours_en, time_ok) = match (from, to) {
        (Some(from), Some(to)) => {
            let t = local_now.time();
            let inside = if from <= to {
                from <= t && t < to
            } else {
                t >= from || t < to
            };
            let span = format!("{}–{}", from.format("%H:%M"), to.format("%H:%M"));
            (span.clone(), span, inside)
        }
        _ => ("不限时段".to_string(), "any time".to_string(), true),
    };
    (
        text(
            format!("{days_zh} {hours_zh}"),
            format!("{days_en}, {hours_en}"),
        ),
        day_ok && time_ok,
    )
}

/// Maintenance due by date or by estimated mileage within `within_days` of `today`, from the
/// last service (or the delivery) and the readings. A service due before `since` is long past:
/// the no-visit rule covers it. Mileage counts only after a service whose mileage is known.
/// Returns the reason text when due.
#[allow(clippy::too_many_arguments)]
pub fn maintenance_due(
    last_service: Option<(NaiveDate, Option<i64>)>,
    readings: Option<((NaiveDate, i64), (NaiveDate, i64))>,
    interval_km: i64,
    interval_months: u32,
    today: NaiveDate,
    within_days: i64,
    since: NaiveDate,
) -> Option<LocalizedText> {
    let (due_date, due_km) = crate::vehicle::next_service(
        last_service.map(|(date, km)| (date, km.unwrap_or(0))),
        interval_km,
        interval_months,
    );
    let due_km = due_km.filter(|_| last_service.is_some_and(|(_, km)| km.is_some()));
    let horizon = today + Duration::days(within_days);
    if let Some(date) = due_date
        && since <= date
        && date <= horizon
    {
        let overdue = date < today;
        return Some(text(
            format!(
                "保养{}：{}（上次保养后 {} 个月）",
                if overdue { "已到期" } else { "将到期" },
                date,
                interval_months
            ),
            format!(
                "Maintenance {} {date} ({interval_months} months after the last)",
                if overdue { "overdue since" } else { "due on" }
            ),
        ));
    }
    // Kilometres per day from the first and last readings, over at least 30 days.
    let ((first_day, first_km), (last_day, last_km)) = readings?;
    let days = (last_day - first_day).num_days();
    if days < 30 || last_km <= first_km {
        return None;
    }
    let per_day = (last_km - first_km) as f64 / days as f64;
    let estimated = last_km + (per_day * (horizon - last_day).num_days() as f64) as i64;
    let due_km = due_km?;
    (estimated >= due_km).then(|| {
        text(
            format!("按行驶里程估算将到保养里程 {due_km} 公里（估计 {estimated} 公里）"),
            format!("By the estimated mileage ({estimated} km), the {due_km} km service is due"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz() -> chrono_tz::Tz {
        chrono_tz::Asia::Shanghai
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    fn call(at: &str, outcome: CallOutcome) -> CallLine {
        CallLine {
            at: t(at),
            actor_name: String::new(),
            reason: CallReason::NoVisit,
            outcome,
            note: "已在别处保养".into(),
            call_back_at: None,
            appointment_number: Some("20261120-001".into()),
        }
    }

    #[test]
    fn declined_comes_back_after_the_pause_to_the_minute() {
        let s = AppointmentSettings::default();
        let calls = [call("2026-10-01T02:00:00Z", CallOutcome::Declined)];
        let old = t("2026-01-01T00:00:00Z");
        assert_eq!(
            visibility(&calls, false, old, &s, tz(), t("2026-10-31T01:59:00Z")),
            Visibility::Hidden
        );
        assert!(matches!(
            visibility(&calls, false, old, &s, tz(), t("2026-10-31T02:00:00Z")),
            Visibility::Back(_)
        ));
    }

    #[test]
    fn not_reached_is_retried_next_day_then_paused_after_the_tries() {
        let s = AppointmentSettings::default();
        let old = t("2026-01-01T00:00:00Z");
        let one = [call("2026-11-20T02:00:00Z", CallOutcome::NotReached)];
        assert_eq!(
            visibility(&one, false, old, &s, tz(), t("2026-11-21T01:00:00Z")),
            Visibility::Hidden
        );
        assert!(matches!(
            visibility(&one, false, old, &s, tz(), t("2026-11-21T02:00:00Z")),
            Visibility::Back(_)
        ));
        let three = [
            call("2026-11-22T02:00:00Z", CallOutcome::NotReached),
            call("2026-11-21T02:00:00Z", CallOutcome::NotReached),
            call("2026-11-20T02:00:00Z", CallOutcome::NotReached),
        ];
        assert_eq!(
            visibility(&three, false, old, &s, tz(), t("2026-11-23T02:00:00Z")),
            Visibility::Hidden
        );
        assert!(matches!(
            visibility(&three, false, old, &s, tz(), t("2026-12-22T02:00:00Z")),
            Visibility::Back(_)
        ));
    }

    #[test]
    fn wrong_person_waits_for_the_file_and_call_back_for_its_time() {
        let s = AppointmentSettings::default();
        let wrong = [call("2026-11-20T02:00:00Z", CallOutcome::WrongPerson)];
        let now = t("2026-11-23T02:00:00Z");
        assert_eq!(
            visibility(&wrong, false, t("2026-11-01T00:00:00Z"), &s, tz(), now),
            Visibility::Hidden
        );
        assert!(matches!(
            visibility(&wrong, false, t("2026-11-21T00:00:00Z"), &s, tz(), now),
            Visibility::Back(_)
        ));
        let mut back = call("2026-11-20T02:00:00Z", CallOutcome::CallBack);
        back.call_back_at = Some(t("2026-11-23T07:00:00Z"));
        let old = t("2026-01-01T00:00:00Z");
        assert_eq!(
            visibility(
                std::slice::from_ref(&back),
                false,
                old,
                &s,
                tz(),
                t("2026-11-23T06:59:00Z")
            ),
            Visibility::Hidden
        );
        let Visibility::Back(why) =
            visibility(&[back], false, old, &s, tz(), t("2026-11-23T07:00:00Z"))
        else {
            panic!("the call-back time has come");
        };
        assert_eq!(
            why.zh_cn, "约定回电：2026-11-23 15:00",
            "in the dealership's time"
        );
    }

    #[test]
    fn a_booked_call_hides_the_vehicle_while_the_booking_is_open() {
        let s = AppointmentSettings::default();
        let calls = [call("2026-11-20T02:00:00Z", CallOutcome::Booked)];
        let old = t("2026-01-01T00:00:00Z");
        let now = t("2026-11-23T02:00:00Z");
        assert_eq!(
            visibility(&calls, true, old, &s, tz(), now),
            Visibility::Hidden
        );
        assert!(matches!(
            visibility(&calls, false, old, &s, tz(), now),
            Visibility::Back(_)
        ));
    }

    #[test]
    fn the_contact_window_knows_workdays_and_hours() {
        let at = |s: &str| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap();
        let hm = |s: &str| Some(NaiveTime::parse_from_str(s, "%H:%M").unwrap());
        // 2026-11-23 is a Monday, 2026-11-28 a Saturday.
        let (label, ok) = contact_window(
            ContactDays::Workday,
            hm("18:00"),
            hm("21:00"),
            at("2026-11-23 18:30"),
        );
        assert_eq!(label.zh_cn, "工作日 18:00–21:00");
        assert!(ok);
        assert!(
            !contact_window(
                ContactDays::Workday,
                hm("18:00"),
                hm("21:00"),
                at("2026-11-23 17:59")
            )
            .1
        );
        assert!(!contact_window(ContactDays::Workday, None, None, at("2026-11-28 10:00")).1);
        assert!(contact_window(ContactDays::Weekend, None, None, at("2026-11-28 10:00")).1);
    }

    #[test]
    fn maintenance_is_due_by_date_or_by_estimated_mileage() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let (today, since) = (d("2026-11-23"), d("2026-08-23"));
        let due = |last: Option<(&str, Option<i64>)>, readings, interval_km| {
            maintenance_due(
                last.map(|(day, km)| (d(day), km)),
                readings,
                interval_km,
                6,
                today,
                14,
                since,
            )
        };
        // Six months after 2026-06-01 is 2026-12-01: inside 14 days; after 06-20 it is not.
        assert!(due(Some(("2026-06-01", Some(20_000))), None, 5_000).is_some());
        assert!(due(Some(("2026-06-20", Some(20_000))), None, 5_000).is_none());
        // Due since 2024: long past, the no-visit rule covers it.
        assert!(due(Some(("2024-01-10", Some(20_000))), None, 5_000).is_none());
        // 50 km a day since 2026-08-01 at 20,000 km: about 25,950 km by 2026-12-07.
        let readings = Some(((d("2026-05-01"), 15_300), (d("2026-08-01"), 20_000)));
        let by_km = due(Some(("2026-08-01", Some(20_000))), readings, 5_000).unwrap();
        assert!(by_km.zh_cn.contains("25000"), "{}", by_km.zh_cn);
        assert!(due(Some(("2026-08-01", Some(20_000))), readings, 8_000).is_none());
        // With no service of known mileage, mileage says nothing (not "due at 5,000 km").
        assert!(due(Some(("2026-08-01", None)), readings, 5_000).is_none());
    }
}
