//! The job-status board (作业管理目视板): every car in the shop as a card, where it stands,
//! and whether its promised time is near or past.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use crate::work_order::OrderStatus;
use crate::{Result, Store};

/// How a card stands against its promised time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    OnTime,
    /// Amber: the promised time is near.
    Soon,
    /// Red: the promised time has passed.
    Late,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct BoardCard {
    pub order_id: i64,
    pub number: String,
    pub status: OrderStatus,
    pub plate: String,
    pub model: String,
    pub advisor_name: String,
    pub team: String,
    pub bay: String,
    /// Dealership time, `HH:MM` today or `MM-DD HH:MM`.
    pub promised: String,
    pub urgency: Urgency,
    pub wash: bool,
    pub rework_count: i64,
    /// Technicians clocked on this car right now.
    pub clocked_on: Vec<String>,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Board {
    pub cards: Vec<BoardCard>,
    pub amber_minutes: i64,
    pub red_minutes: i64,
}

/// Amber from `amber` minutes before the promise, red from `red` minutes after it; a car that
/// is ready (or further) has kept its promise and stays plain.
pub fn urgency(
    status: OrderStatus,
    promised: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    amber: i64,
    red: i64,
) -> Urgency {
    use OrderStatus::*;
    let Some(promised) = promised else {
        return Urgency::OnTime;
    };
    if matches!(status, Ready | Settled | Exited | Cancelled) {
        return Urgency::OnTime;
    }
    if now > promised && now >= promised + Duration::minutes(red) {
        Urgency::Late
    } else if now >= promised - Duration::minutes(amber) {
        Urgency::Soon
    } else {
        Urgency::OnTime
    }
}

/// Every work order from reception until its car has left, oldest promise first.
pub async fn board(store: &Store, now: DateTime<Utc>) -> Result<Board> {
    let settings = crate::work_order::settings::get(store).await?;
    let tz = crate::dealership::store::time_zone(store).await?;
    let rows = sqlx::query!(
        r#"SELECT w.id AS "id!", w.number, w.status, v.plate, v.model, s.name AS advisor_name, w.team, w.bay,
               w.promised_at AS "promised_at: DateTime<Utc>", COALESCE(w.wash, FALSE) AS "wash!: bool",
               w.rework_count,
               (SELECT group_concat(t.name, '、') FROM labour_clock c
                    JOIN work_order_line l ON l.id = c.line_id JOIN staff t ON t.id = c.technician_id
                    WHERE l.work_order_id = w.id AND c.off_at IS NULL) AS "clocked_on?: String"
           FROM work_order w
           JOIN vehicle v ON v.id = w.vehicle_id
           JOIN staff s ON s.id = w.advisor_id
           WHERE w.status NOT IN ('exited', 'cancelled')
           ORDER BY w.promised_at IS NULL, w.promised_at, w.number"#
    )
    .fetch_all(store.reader())
    .await?;
    let today = now.with_timezone(&tz).date_naive();
    let cards = rows
        .into_iter()
        .map(|r| {
            let status = OrderStatus::parse(&r.status)?;
            let promised = r.promised_at.map(|at| {
                let local = at.with_timezone(&tz);
                let format = if local.date_naive() == today {
                    "%H:%M"
                } else {
                    "%m-%d %H:%M"
                };
                local.format(format).to_string()
            });
            Ok(BoardCard {
                order_id: r.id,
                number: r.number,
                status,
                plate: r.plate,
                model: r.model,
                advisor_name: r.advisor_name,
                team: r.team,
                bay: r.bay,
                promised: promised.unwrap_or_default(),
                urgency: urgency(
                    status,
                    r.promised_at,
                    now,
                    settings.board_amber_minutes,
                    settings.board_red_minutes,
                ),
                wash: r.wash,
                rework_count: r.rework_count,
                clocked_on: r
                    .clocked_on
                    .map(|names| names.split('、').map(String::from).collect())
                    .unwrap_or_default(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Board {
        cards,
        amber_minutes: settings.board_amber_minutes,
        red_minutes: settings.board_red_minutes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_card_turns_amber_near_its_promise_and_red_after_it() {
        let promised = Utc.with_ymd_and_hms(2026, 11, 23, 8, 0, 0).unwrap();
        let at = |h, m| Utc.with_ymd_and_hms(2026, 11, 23, h, m, 0).unwrap();
        let of = |now, red| urgency(OrderStatus::InProgress, Some(promised), now, 30, red);
        assert_eq!(of(at(7, 29), 0), Urgency::OnTime);
        assert_eq!(of(at(7, 30), 0), Urgency::Soon);
        assert_eq!(of(at(8, 0), 0), Urgency::Soon);
        assert_eq!(of(at(8, 1), 0), Urgency::Late);
        assert_eq!(of(at(8, 10), 15), Urgency::Soon);
        assert_eq!(of(at(8, 15), 15), Urgency::Late);
        assert_eq!(
            urgency(OrderStatus::Ready, Some(promised), at(9, 0), 30, 0),
            Urgency::OnTime
        );
        assert_eq!(
            urgency(OrderStatus::InProgress, None, at(9, 0), 30, 0),
            Urgency::OnTime
        );
    }
}
