//! The dealership's booking settings (预约设置): working hours, slots, capacity, the three
//! times around a slot, and when a called customer comes back on the call list.

use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct AppointmentSettings {
    /// `HH:MM`: the first slot starts here.
    pub opens_at: String,
    /// `HH:MM`: the last slot ends here; an untimed booking is a no-show from here on.
    pub closes_at: String,
    pub slot_minutes: i64,
    /// How many booked customers one advisor receives in an hour.
    pub advisor_bookings_per_hour: i64,
    /// Workshop teams (班组) a booking can be given to.
    pub teams: Vec<String>,
    /// Bays (工位); each holds one car at a time.
    pub bays: Vec<String>,
    /// Days the service department is closed, `YYYY-MM-DD`.
    pub holidays: Vec<String>,
    /// The confirmation call is due this many minutes before the slot.
    pub confirm_call_minutes: i64,
    /// The advisor takes no walk-in this many minutes before a booked slot.
    pub blocked_minutes: i64,
    /// A booking with no arrival this many minutes after its slot is a no-show.
    pub no_show_minutes: i64,
    /// A vehicle with no visit for this many months is on the proactive call list.
    pub no_visit_months: i64,
    /// Maintenance due (by date or estimated mileage) within this many days is on the list.
    pub due_within_days: i64,
    /// A customer who declined comes back on the list after this many days.
    pub declined_pause_days: i64,
    /// A customer not reached comes back after this many days ...
    pub not_reached_retry_days: i64,
    /// ... up to this many tries in a row; then after `declined_pause_days`.
    pub not_reached_tries: i64,
    /// Points suggested as the benefit of a kept appointment.
    pub kept_points: i64,
}

impl Default for AppointmentSettings {
    fn default() -> Self {
        AppointmentSettings {
            opens_at: "08:30".into(),
            closes_at: "17:30".into(),
            slot_minutes: 30,
            advisor_bookings_per_hour: 2,
            teams: vec!["机电一组".into(), "机电二组".into(), "钣喷组".into()],
            bays: vec![
                "1号工位".into(),
                "2号工位".into(),
                "3号工位".into(),
                "4号工位".into(),
                "快保工位".into(),
                "钣喷工位".into(),
            ],
            holidays: Vec::new(),
            confirm_call_minutes: 30,
            blocked_minutes: 10,
            no_show_minutes: 15,
            no_visit_months: 3,
            due_within_days: 14,
            declined_pause_days: 30,
            not_reached_retry_days: 1,
            not_reached_tries: 3,
            kept_points: 100,
        }
    }
}

impl AppointmentSettings {
    /// Checks the settings form; each refusal names its field.
    pub fn validate(&self) -> Result<AppointmentSettings> {
        let opens = time(
            "opensAt",
            &self.opens_at,
            "开始营业时间",
            "The opening time",
        )?;
        let closes = time(
            "closesAt",
            &self.closes_at,
            "结束营业时间",
            "The closing time",
        )?;
        if closes <= opens {
            return Err(Error::validation(
                "closesAt",
                "结束营业时间应晚于开始时间",
                "The closing time must be after the opening time",
            ));
        }
        range(
            "slotMinutes",
            self.slot_minutes,
            10,
            120,
            "时段长度（分钟）",
            "The slot length in minutes",
        )?;
        if 60 % self.slot_minutes != 0 && self.slot_minutes % 60 != 0 {
            return Err(Error::validation(
                "slotMinutes",
                "时段长度应能整除60分钟（如15、20、30、60）",
                "The slot length must divide an hour (e.g. 15, 20, 30, 60)",
            ));
        }
        range(
            "advisorBookingsPerHour",
            self.advisor_bookings_per_hour,
            1,
            12,
            "每位顾问每小时预约数",
            "Bookings per advisor per hour",
        )?;
        let teams = names("teams", &self.teams, "班组", "team")?;
        let bays = names("bays", &self.bays, "工位", "bay")?;
        if bays.is_empty() {
            return Err(Error::validation(
                "bays",
                "请至少设置一个工位",
                "Set up at least one bay",
            ));
        }
        let mut holidays = Vec::new();
        for day in &self.holidays {
            let day = day.trim();
            if NaiveDate::parse_from_str(day, "%Y-%m-%d").is_err() {
                return Err(Error::validation(
                    "holidays",
                    format!("休息日“{day}”不是有效日期（格式 2026-10-01）"),
                    format!("Holiday “{day}” is not a date (format 2026-10-01)"),
                ));
            }
            holidays.push(day.to_string());
        }
        holidays.sort();
        holidays.dedup();
        range(
            "confirmCallMinutes",
            self.confirm_call_minutes,
            5,
            240,
            "确认电话提前分钟数",
            "Minutes before the slot for the confirmation call",
        )?;
        range(
            "blockedMinutes",
            self.blocked_minutes,
            0,
            60,
            "顾问预留分钟数",
            "Minutes the advisor keeps free before a slot",
        )?;
        range(
            "noShowMinutes",
            self.no_show_minutes,
            5,
            120,
            "判定失约的分钟数",
            "Minutes after the slot before a no-show",
        )?;
        range(
            "noVisitMonths",
            self.no_visit_months,
            1,
            24,
            "未进厂月数",
            "Months without a visit",
        )?;
        range(
            "dueWithinDays",
            self.due_within_days,
            1,
            60,
            "保养到期提前天数",
            "Days ahead for maintenance due",
        )?;
        range(
            "declinedPauseDays",
            self.declined_pause_days,
            1,
            365,
            "婉拒后再次联系天数",
            "Days before a customer who declined is called again",
        )?;
        range(
            "notReachedRetryDays",
            self.not_reached_retry_days,
            1,
            30,
            "未接通后重拨天数",
            "Days before a customer not reached is tried again",
        )?;
        range(
            "notReachedTries",
            self.not_reached_tries,
            1,
            10,
            "连续未接通次数",
            "Tries in a row before a pause",
        )?;
        range(
            "keptPoints",
            self.kept_points,
            0,
            100_000,
            "守约赠送积分",
            "Points for a kept appointment",
        )?;
        Ok(AppointmentSettings {
            opens_at: opens.format("%H:%M").to_string(),
            closes_at: closes.format("%H:%M").to_string(),
            teams,
            bays,
            holidays,
            ..self.clone()
        })
    }

    pub fn opens(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.opens_at, "%H:%M").unwrap_or(NaiveTime::MIN)
    }

    pub fn closes(&self) -> NaiveTime {
        NaiveTime::parse_from_str(&self.closes_at, "%H:%M").unwrap_or(NaiveTime::MIN)
    }

    /// The start of every slot of a working day.
    pub fn slots(&self) -> Vec<NaiveTime> {
        let step = chrono::Duration::minutes(self.slot_minutes.max(1));
        let mut slots = Vec::new();
        let mut at = self.opens();
        while at + step <= self.closes() && at >= self.opens() {
            slots.push(at);
            at += step;
        }
        slots
    }

    /// How many booked customers one advisor can receive in one slot.
    pub fn advisor_capacity_per_slot(&self) -> i64 {
        (self.advisor_bookings_per_hour * self.slot_minutes / 60).max(1)
    }

    pub fn is_holiday(&self, day: NaiveDate) -> bool {
        self.holidays.iter().any(|h| *h == day.to_string())
    }
}

fn time(field: &'static str, value: &str, zh: &str, en: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(value.trim(), "%H:%M").map_err(|_| {
        Error::validation(
            field,
            format!("{zh}应为 时:分，如 08:30"),
            format!("{en} is hours:minutes, e.g. 08:30"),
        )
    })
}

fn range(field: &'static str, value: i64, min: i64, max: i64, zh: &str, en: &str) -> Result<()> {
    if !(min..=max).contains(&value) {
        return Err(Error::validation(
            field,
            format!("{zh}应在 {min} 到 {max} 之间"),
            format!("{en} lies between {min} and {max}"),
        ));
    }
    Ok(())
}

fn names(field: &'static str, values: &[String], zh: &str, en: &str) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for value in values {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        if value.chars().count() > 20 {
            return Err(Error::validation(
                field,
                format!("{zh}名称“{value}”最多20个字"),
                format!("The {en} name “{value}” has at most 20 characters"),
            ));
        }
        if out.iter().any(|v| v == value) {
            return Err(Error::validation(
                field,
                format!("{zh}“{value}”重复"),
                format!("The {en} “{value}” is listed twice"),
            ));
        }
        out.push(value.to_string());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_day_has_eighteen_half_hour_slots_of_one_booking_each() {
        let s = AppointmentSettings::default().validate().unwrap();
        let slots = s.slots();
        assert_eq!(slots.len(), 18);
        assert_eq!(slots[0].to_string(), "08:30:00");
        assert_eq!(slots[17].to_string(), "17:00:00");
        assert_eq!(s.advisor_capacity_per_slot(), 1);
    }

    #[test]
    fn bad_settings_name_their_field() {
        let field = |s: AppointmentSettings| s.validate().unwrap_err().field();
        let ok = AppointmentSettings::default();
        assert_eq!(
            field(AppointmentSettings {
                closes_at: "08:00".into(),
                ..ok.clone()
            }),
            Some("closesAt")
        );
        assert_eq!(
            field(AppointmentSettings {
                slot_minutes: 25,
                ..ok.clone()
            }),
            Some("slotMinutes")
        );
        assert_eq!(
            field(AppointmentSettings {
                bays: vec![" ".into()],
                ..ok.clone()
            }),
            Some("bays")
        );
        assert_eq!(
            field(AppointmentSettings {
                holidays: vec!["2026-02-30".into()],
                ..ok.clone()
            }),
            Some("holidays")
        );
        assert_eq!(
            field(AppointmentSettings {
                no_show_minutes: 0,
                ..ok
            }),
            Some("noShowMinutes")
        );
    }
}
