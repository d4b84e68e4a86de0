//! The SQL of customer care: the day's to-do list and items done.

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

use super::{CareDone, CareItem, CareKind, CareSettings};
use crate::appointment::call_list::CallReason;
use crate::staff::Role;
use crate::{Error, Result, Store};

const SETTINGS: &str = "care.settings";

pub async fn settings(store: &Store) -> Result<CareSettings> {
    crate::dealership::store::setting(store, SETTINGS).await
}

pub async fn save_settings(store: &Store, input: &CareSettings) -> Result<()> {
    input.validate()?;
    crate::dealership::store::save_setting(store, SETTINGS, input).await
}

/// A customer an item is about, before the message is prepared.
struct Who {
    customer_id: i64,
    name: String,
    gender: Option<String>,
    mobile: String,
    plate: String,
}

/// The day's to-do list for `role` (everything for the manager or no role), done items left out.
pub async fn todo(
    store: &Store,
    day: NaiveDate,
    role: Option<Role>,
    now: DateTime<Utc>,
) -> Result<Vec<CareItem>> {
    let settings = settings(store).await?;
    let dealership = crate::dealership::store::get(store)
        .await?
        .map(|d| d.name)
        .unwrap_or_default();
    let wanted = |kind: CareKind| match role {
        None | Some(Role::Manager) => true,
        Some(role) => kind.role() == role,
    };
    let mut items = Vec::new();
    let mut add =
        |kind: CareKind, who: Who, occasion: String, due: String, extra: &[(&str, &str)]| {
            let title = match who.gender.as_deref() {
                Some("male") => "先生",
                Some("female") => "女士",
                _ => "",
            };
            let mut fields = vec![
                ("customer", who.name.as_str()),
                ("title", title),
                ("dealership", dealership.as_str()),
                ("plate", who.plate.as_str()),
                ("due", due.as_str()),
            ];
            fields.extend_from_slice(extra);
            let message = crate::text::fill(&settings.template(kind), &fields);
            items.push(CareItem {
                kind,
                occasion,
                customer_id: who.customer_id,
                customer_name: who.name,
                mobile: who.mobile,
                plate: who.plate,
                due,
                role: kind.role(),
                message,
            });
        };

    if wanted(CareKind::Birthday) {
        // Today and the six days after, across the new year.
        let days: Vec<NaiveDate> = (0..7).map(|n| day + Duration::days(n)).collect();
        let month_days = serde_json::to_string(
            &days
                .iter()
                .map(|d| d.format("%m-%d").to_string())
                .collect::<Vec<_>>(),
        )
        .map_err(|e| Error::Io(e.into()))?;
        let rows = sqlx::query!(
            r#"SELECT c.id, c.name, c.gender, COALESCE(c.mobile, '') AS "mobile!: String",
                   c.birthday AS "birthday!: String",
                   COALESCE((SELECT plate FROM vehicle v WHERE v.customer_id = c.id ORDER BY v.id LIMIT 1), '') AS "plate!: String"
               FROM customer c
               WHERE substr(c.birthday, 6, 5) IN (SELECT value FROM json_each(?1))
               ORDER BY substr(c.birthday, 6, 5), c.name"#,
            month_days
        )
        .fetch_all(store.reader())
        .await?;
        for r in rows {
            let Some(date) = days
                .iter()
                .find(|d| d.format("%m-%d").to_string() == r.birthday[5..])
            else {
                continue;
            };
            add(
                CareKind::Birthday,
                Who {
                    customer_id: r.id,
                    name: r.name,
                    gender: r.gender,
                    mobile: r.mobile,
                    plate: r.plate,
                },
                format!("birthday:{}", date.year()),
                date.to_string(),
                &[],
            );
        }
    }

    if wanted(CareKind::MaintenanceDue) {
        // The proactive call list decides who is due; one reminder a month per car.
        let list = crate::appointment::store::call_list(store, now, 500).await?;
        let month = day.format("%Y-%m");
        for entry in list.entries {
            let Some(reason) = entry
                .reasons
                .iter()
                .find(|r| r.reason == CallReason::MaintenanceDue)
            else {
                continue;
            };
            let gender = sqlx::query_scalar!(
                "SELECT gender FROM customer WHERE id = ?1",
                entry.customer_id
            )
            .fetch_one(store.reader())
            .await?;
            add(
                CareKind::MaintenanceDue,
                Who {
                    customer_id: entry.customer_id,
                    name: entry.customer_name,
                    gender,
                    mobile: entry.mobile,
                    plate: entry.plate,
                },
                format!("maintenance:{}:{month}", entry.vehicle_id),
                reason.text.zh_cn.clone(),
                &[],
            );
        }
    }

    if wanted(CareKind::KeyCustomer) {
        let since = crate::appointment::local(
            day - Duration::days(settings.key_contact_days),
            chrono::NaiveTime::MIN,
            crate::dealership::store::time_zone(store).await?,
        );
        let rows = sqlx::query!(
            r#"SELECT c.id, c.name, c.gender, COALESCE(c.mobile, '') AS "mobile!: String",
                   COALESCE((SELECT plate FROM vehicle v WHERE v.customer_id = c.id ORDER BY v.id LIMIT 1), '') AS "plate!: String",
                   (SELECT MAX(at) FROM contact_entry e WHERE e.customer_id = c.id) AS "last_contact?: String"
               FROM customer c
               WHERE c.grade = 'A' AND NOT EXISTS (SELECT 1 FROM contact_entry e
                                                   WHERE e.customer_id = c.id AND e.at >= ?1)
               ORDER BY c.name"#,
            since
        )
        .fetch_all(store.reader())
        .await?;
        for r in rows {
            let last = r
                .last_contact
                .as_deref()
                .map(|at| at.chars().take(10).collect::<String>())
                .unwrap_or_else(|| "从未联系".into());
            add(
                CareKind::KeyCustomer,
                Who {
                    customer_id: r.id,
                    name: r.name,
                    gender: r.gender,
                    mobile: r.mobile,
                    plate: r.plate,
                },
                format!("key:{day}"),
                last,
                &[],
            );
        }
    }

    if wanted(CareKind::Holiday) {
        for holiday in &settings.holidays {
            let Ok(date) = NaiveDate::parse_from_str(&holiday.date, "%Y-%m-%d") else {
                continue;
            };
            if date < day || date > day + Duration::days(settings.holiday_lead_days) {
                continue;
            }
            let rows = sqlx::query!(
                r#"SELECT c.id, c.name, c.gender, COALESCE(c.mobile, '') AS "mobile!: String",
                       COALESCE((SELECT plate FROM vehicle v WHERE v.customer_id = c.id ORDER BY v.id LIMIT 1), '') AS "plate!: String"
                   FROM customer c WHERE c.grade IN ('A', 'B') ORDER BY c.grade, c.name"#
            )
            .fetch_all(store.reader())
            .await?;
            for r in rows {
                add(
                    CareKind::Holiday,
                    Who {
                        customer_id: r.id,
                        name: r.name,
                        gender: r.gender,
                        mobile: r.mobile,
                        plate: r.plate,
                    },
                    format!("holiday:{}", holiday.date),
                    holiday.date.clone(),
                    &[("holiday", holiday.name.as_str())],
                );
            }
        }
    }

    for kind in [
        CareKind::Delivery24h,
        CareKind::Delivery3d,
        CareKind::Delivery7d,
    ] {
        let Some(after) = kind.days_after_delivery().filter(|_| wanted(kind)) else {
            continue;
        };
        let delivered = (day - Duration::days(after)).to_string();
        let rows = sqlx::query!(
            r#"SELECT v.id AS vehicle_id, c.id, c.name, c.gender, COALESCE(c.mobile, '') AS "mobile!: String", v.plate
               FROM vehicle v JOIN customer c ON c.id = v.customer_id
               WHERE v.delivery_date = ?1 ORDER BY v.plate"#,
            delivered
        )
        .fetch_all(store.reader())
        .await?;
        for r in rows {
            add(
                kind,
                Who {
                    customer_id: r.id,
                    name: r.name,
                    gender: r.gender,
                    mobile: r.mobile,
                    plate: r.plate,
                },
                format!("{}:{}", kind.as_str(), r.vehicle_id),
                delivered.clone(),
                &[],
            );
        }
    }

    let done = sqlx::query!("SELECT customer_id, occasion FROM care_done")
        .fetch_all(store.reader())
        .await?;
    items.retain(|i| {
        !done
            .iter()
            .any(|d| d.customer_id == i.customer_id && d.occasion == i.occasion)
    });
    Ok(items)
}

/// Marks an item done and logs the contact on the customer's file.
pub async fn done(store: &Store, input: &CareDone, now: DateTime<Utc>) -> Result<()> {
    input.check()?;
    let staff = crate::staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| s.id == input.staff_id)
        .ok_or_else(|| Error::validation("staffId", "请选择经办人", "Choose who did it"))?;
    let mut tx = store.write_tx().await?;
    let inserted = sqlx::query!(
        "INSERT INTO care_done (customer_id, occasion, done_at, staff_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (customer_id, occasion) DO NOTHING",
        input.customer_id,
        input.occasion,
        now,
        input.staff_id
    )
    .execute(&mut *tx)
    .await?
    .rows_affected();
    if inserted == 0 {
        return Err(Error::conflict(
            "这一项已经办过",
            "This item is already done",
        ));
    }
    let (channel, subject, outcome) = (
        input.channel.as_str(),
        input.kind.label_zh(),
        input.outcome.trim(),
    );
    sqlx::query!(
        "INSERT INTO contact_entry (customer_id, at, channel, staff_name, subject, outcome)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        input.customer_id,
        now,
        channel,
        staff.name,
        subject,
        outcome
    )
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}
