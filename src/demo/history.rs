//! Two months of the shop behind today, so the follow-up list, the complaints and the
//! manager's charts have something to show. The settled work orders are written as
//! settlement leaves them (lines, inspection, history, payment, visit); the follow-up calls
//! and the complaints then go through their own steps at the times they happened.

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};

use super::appointments::Driver;
use crate::complaint::{
    Category, ComplaintAction, ComplaintDraft, ComplaintStep, Source, store as complaints,
};
use crate::followup::{FollowupInput, FollowupOutcome, Scores, store as followups};
use crate::staff::Role;
use crate::{Result, Store};

const DAYS: i64 = 60;

/// Labour: code, name, hours × 100, job kind; and the part that goes with it.
const JOBS: [(&str, &str, i64, &str, &str, i64); 5] = [
    (
        "BY-01",
        "更换机油、机油滤清器",
        50,
        "maintenance",
        "机油滤清器",
        4_800,
    ),
    (
        "ZD-01",
        "更换前刹车片",
        120,
        "repair",
        "前刹车片（套）",
        56_000,
    ),
    (
        "KT-01",
        "空调系统检修",
        150,
        "repair",
        "空调冷媒 R134a",
        12_000,
    ),
    ("DQ-01", "更换蓄电池", 30, "repair", "蓄电池 80D26L", 68_000),
    (
        "BJ-01",
        "前保险杠钣金喷漆",
        400,
        "body_paint",
        "前保险杠总成",
        186_000,
    ),
];

struct People {
    advisors: Vec<i64>,
    technicians: Vec<i64>,
    inspector: i64,
    cashier: i64,
    caller: i64,
    manager: i64,
}

async fn people(store: &Store) -> Result<People> {
    let staff = crate::staff::store::list(store).await?;
    let ids = |role: Role| -> Vec<i64> {
        staff
            .iter()
            .filter(|s| s.role == role)
            .map(|s| s.id)
            .collect()
    };
    let first = |role: Role| ids(role).first().copied().unwrap_or(staff[0].id);
    Ok(People {
        advisors: ids(Role::Advisor),
        technicians: ids(Role::Technician),
        inspector: first(Role::QcInspector),
        cashier: first(Role::Cashier),
        caller: first(Role::FollowUp),
        manager: first(Role::Manager),
    })
}

/// A settled order of the past, its id and when it was settled.
struct Settled {
    id: i64,
    settled_at: DateTime<Utc>,
    days_ago: i64,
}

pub(super) async fn seed(
    store: &Store,
    drivers: &[Driver],
    today: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<()> {
    let people = people(store).await?;
    // Regular customers at the front of the list (today's work orders take theirs from the
    // back; every tenth and the one after it stopped coming months ago).
    let regulars: Vec<&Driver> = drivers
        .iter()
        .take(drivers.len() / 2)
        .enumerate()
        .filter(|(i, _)| !matches!(i % 10, 1 | 2))
        .map(|(_, d)| d)
        .collect();
    let mut settled = Vec::new();
    let mut tx = store.write_tx().await?;
    let mut pick = 0usize;
    for days_ago in (1..=DAYS).rev() {
        let day = today - Duration::days(days_ago);
        let opened = 5 + (days_ago * 7 % 6);
        for n in 0..opened {
            pick += 1;
            let driver = regulars[(pick * 7) % regulars.len()];
            let advisor = people.advisors[pick % people.advisors.len()];
            let technician = people.technicians[pick % people.technicians.len()];
            let (code, job, hours, kind, part, part_fen) = JOBS[pick % JOBS.len()];
            let created = crate::appointment::local(day, NaiveTime::MIN, tz)
                + Duration::hours(8)
                + Duration::minutes(n * 25);
            let promised = created + Duration::hours(3);
            // Every seventh car is late; every eleventh went back once for rework.
            let ready = if pick.is_multiple_of(7) {
                promised + Duration::minutes(40)
            } else {
                promised - Duration::minutes(20)
            };
            let rework = i64::from(pick.is_multiple_of(11));
            let wash = !pick.is_multiple_of(3);
            let settled_at = ready + Duration::minutes(35);
            let labour_fen = hours * 160;
            let warranty = pick.is_multiple_of(13);
            let (customer_fen, warranty_fen) = if warranty {
                (0, labour_fen + part_fen)
            } else {
                (labour_fen + part_fen, 0)
            };
            let pay_type = if warranty { "warranty" } else { "customer" };
            let number = format!("WO{}-{:04}", day.format("%Y%m%d"), n + 1);
            let created_on = day.to_string();
            let required = kind == "repair";
            let consent = required || !pick.is_multiple_of(4);
            let mileage = 20_000 + (pick as i64 * 137) % 60_000;
            let id = sqlx::query_scalar!(
                r#"INSERT INTO work_order (number, status, version, customer_id, vehicle_id, advisor_id, mileage,
                       fuel_eighths, customer_waits, wash, old_parts, promised_at, team, bay, created_at, created_on,
                       rework_count, followup_required, followup_consent, followup_method, followup_phone,
                       followup_time, invoice_number, settled_at, cashier_id, statement_prints, ready_at,
                       labour_fen, parts_fen, sold_hundredths, customer_fen, warranty_fen)
                   SELECT ?1, 'exited', 1, ?2, ?3, ?4, ?5, 4, 'lounge', ?6, 'dispose', ?7, '机电一组', '1号工位',
                       ?8, ?9, ?10, ?11, ?12, CASE WHEN ?12 THEN 'mobile' END,
                       CASE WHEN ?12 THEN COALESCE(c.mobile, '') ELSE '' END, CASE WHEN ?12 THEN 'evening' END,
                       '', ?13, ?14, 1, ?15, ?16, ?17, ?18, ?19, ?20
                   FROM customer c WHERE c.id = ?2
                   RETURNING id AS "id!""#,
                number,
                driver.customer_id,
                driver.vehicle_id,
                advisor,
                mileage,
                wash,
                promised,
                created,
                created_on,
                rework,
                required,
                consent,
                settled_at,
                people.cashier,
                ready,
                labour_fen,
                part_fen,
                hours,
                customer_fen,
                warranty_fen
            )
            .fetch_one(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO work_order_line (work_order_id, position, kind, pay_type, code, name,
                     quantity_hundredths, unit_price_fen, amount_fen, technician_id, started_at, finished_at)
                 VALUES (?1, 1, 'labour', ?2, ?3, ?4, ?5, 16000, ?6, ?7, ?8, ?9)",
                id,
                pay_type,
                code,
                job,
                hours,
                labour_fen,
                technician,
                created,
                ready
            )
            .execute(&mut *tx)
            .await?;
            sqlx::query!(
                "INSERT INTO work_order_line (work_order_id, position, kind, pay_type, code, name,
                     quantity_hundredths, unit_price_fen, amount_fen, stock)
                 VALUES (?1, 2, 'part', ?2, '', ?3, 100, ?4, ?4, 'in_stock')",
                id,
                pay_type,
                part,
                part_fen
            )
            .execute(&mut *tx)
            .await?;
            if rework == 1 {
                let failed = ready - Duration::minutes(60);
                sqlx::query!(
                    "INSERT INTO quality_check (work_order_id, at, inspector_id, passed, checklist, reason)
                     VALUES (?1, ?2, ?3, FALSE, '[]', '异响未排除，返工')",
                    id,
                    failed,
                    people.inspector
                )
                .execute(&mut *tx)
                .await?;
            }
            let passed = ready - Duration::minutes(15);
            sqlx::query!(
                "INSERT INTO quality_check (work_order_id, at, inspector_id, passed, checklist)
                 VALUES (?1, ?2, ?3, TRUE, '[]')",
                id,
                passed,
                people.inspector
            )
            .execute(&mut *tx)
            .await?;
            let exited = settled_at + Duration::minutes(10);
            for (at, action, from, to) in [
                (ready, "park", "passed_qc", "ready"),
                (settled_at, "settle", "ready", "settled"),
                (exited, "exit", "settled", "exited"),
            ] {
                sqlx::query!(
                    "INSERT INTO work_order_history (work_order_id, at, action, from_status, to_status, version)
                     VALUES (?1, ?2, ?3, ?4, ?5, 1)",
                    id,
                    at,
                    action,
                    from,
                    to
                )
                .execute(&mut *tx)
                .await?;
            }
            if customer_fen > 0 {
                sqlx::query!(
                    "INSERT INTO payment (work_order_id, method, amount_fen, cashier_id, at)
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                    id,
                    ["wechat", "alipay", "card", "cash"][pick % 4],
                    customer_fen,
                    people.cashier,
                    settled_at
                )
                .execute(&mut *tx)
                .await?;
            }
            let maintenance = kind == "maintenance";
            sqlx::query!(
                "INSERT INTO service_visit (customer_id, vehicle_id, visit_date, mileage, summary, revenue_fen, is_maintenance)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                driver.customer_id,
                driver.vehicle_id,
                created_on,
                mileage,
                job,
                customer_fen,
                maintenance
            )
            .execute(&mut *tx)
            .await?;
            // Two in five came on a booking.
            if pick % 5 < 2 {
                let booking = format!("{}-9{:02}", day.format("%Y%m%d"), n + 1);
                let slot = created.with_timezone(&tz).format("%H:%M").to_string();
                sqlx::query!(
                    "INSERT INTO appointment (number, kind, service_type, customer_id, vehicle_id, day, slot,
                         advisor_id, status, arrived_at, created_at)
                     VALUES (?1, 'proactive', 'maintenance', ?2, ?3, ?4, ?5, ?6, 'arrived', ?7, ?8)",
                    booking,
                    driver.customer_id,
                    driver.vehicle_id,
                    created_on,
                    slot,
                    advisor,
                    created,
                    created
                )
                .execute(&mut *tx)
                .await?;
            }
            if consent {
                settled.push(Settled {
                    id,
                    settled_at,
                    days_ago,
                });
            }
        }
        // Now and then a booked customer does not come.
        if days_ago % 3 == 0 {
            let driver = regulars[(days_ago as usize * 13) % regulars.len()];
            let booking = format!("{}-980", day.format("%Y%m%d"));
            let created = crate::appointment::local(day, NaiveTime::MIN, tz);
            let reason = ["forgot", "busy", "car_fine", "weather"][(days_ago % 4) as usize];
            let created_on = day.to_string();
            sqlx::query!(
                "INSERT INTO appointment (number, kind, service_type, customer_id, vehicle_id, day, slot,
                     advisor_id, status, no_show_reason, created_at)
                 VALUES (?1, 'proactive', 'maintenance', ?2, ?3, ?4, '10:00', ?5, 'no_show', ?6, ?7)",
                booking,
                driver.customer_id,
                driver.vehicle_id,
                created_on,
                people.advisors[0],
                reason,
                created
            )
            .execute(&mut *tx)
            .await?;
        }
    }
    tx.commit().await?;
    calls(store, &people, &settled).await?;
    extra_complaints(store, &people, drivers, today, tz).await
}

/// The follow-up calls, two days after settlement; the last three days' orders are today's
/// list (one of them already tried once).
async fn calls(store: &Store, people: &People, settled: &[Settled]) -> Result<()> {
    for (index, order) in settled.iter().enumerate() {
        let at = order.settled_at + Duration::days(2);
        if order.days_ago <= 3 {
            if index % 5 == 0 {
                let tried = input(order.id, people.caller, FollowupOutcome::NotReached);
                followups::record(store, &tried, order.settled_at + Duration::hours(4)).await?;
            }
            continue;
        }
        let outcome = match index % 10 {
            0 => FollowupOutcome::NotReached,
            9 => FollowupOutcome::Declined,
            _ => FollowupOutcome::Reached,
        };
        if outcome == FollowupOutcome::NotReached {
            let tried = input(order.id, people.caller, outcome);
            followups::record(store, &tried, at).await?;
            continue;
        }
        let mut call = input(order.id, people.caller, outcome);
        if outcome == FollowupOutcome::Reached {
            let base = 7 + (index % 4) as i64;
            // A few recent calls turn up an unhappy customer (their complaints are still open).
            let unhappy = index % 23 == 5 && order.days_ago <= 10;
            call.scores = Scores {
                advisor: Some(base.min(10)),
                quality: Some(if unhappy { 3 } else { (base + 1).min(10) }),
                on_time: Some((base - (index % 2) as i64).min(10)),
                price: Some((base - 1).max(1)),
                facility: Some((base + 1).min(10)),
                overall: Some(if unhappy { 4 } else { base.min(10) }),
            };
            if unhappy {
                call.remarks = "保养后仍有异响，客户不满意".into();
                call.complaint = Some(ComplaintDraft {
                    source: Source::Followup,
                    category: Category::WorkQuality,
                    customer_id: 0,
                    vehicle_id: None,
                    work_order_id: None,
                    description: "回访中客户反映保养后发动机舱仍有异响".into(),
                    owner_id: people.manager,
                    actor_id: Some(people.caller),
                });
            }
        }
        followups::record(store, &call, at).await?;
    }
    Ok(())
}

fn input(order_id: i64, caller_id: i64, outcome: FollowupOutcome) -> FollowupInput {
    FollowupInput {
        order_id,
        caller_id,
        outcome,
        scores: Scores::default(),
        remarks: String::new(),
        vehicle_problem: String::new(),
        appointment_id: None,
        complaint: None,
    }
}

/// Complaints in every status, two of them overdue: the manager's escalation list.
async fn extra_complaints(
    store: &Store,
    people: &People,
    drivers: &[Driver],
    today: NaiveDate,
    tz: chrono_tz::Tz,
) -> Result<()> {
    let plans: [(i64, Category, Source, &str, &[ComplaintAction]); 5] = [
        (
            2,
            Category::WaitingTime,
            Source::Phone,
            "保养等了三个多小时，没人告知进度",
            &[],
        ),
        (
            6,
            Category::Price,
            Source::Visit,
            "配件价格比外面贵很多",
            &[ComplaintAction::Acknowledge, ComplaintAction::Investigate],
        ),
        (
            1,
            Category::Service,
            Source::Email,
            "服务顾问接待态度冷淡",
            &[ComplaintAction::Acknowledge],
        ),
        (
            9,
            Category::Parts,
            Source::Letter,
            "订的配件一周还没到",
            &[
                ComplaintAction::Acknowledge,
                ComplaintAction::Investigate,
                ComplaintAction::Resolve,
            ],
        ),
        (
            20,
            Category::Other,
            Source::Phone,
            "停车场车位不够",
            &[
                ComplaintAction::Acknowledge,
                ComplaintAction::Investigate,
                ComplaintAction::Resolve,
                ComplaintAction::Close,
            ],
        ),
    ];
    for (index, (days_ago, category, source, description, steps)) in plans.into_iter().enumerate() {
        let driver = &drivers[index * 17 % drivers.len()];
        let received =
            crate::appointment::local(today - Duration::days(days_ago), NaiveTime::MIN, tz)
                + Duration::hours(10);
        let draft = ComplaintDraft {
            source,
            category,
            customer_id: driver.customer_id,
            vehicle_id: Some(driver.vehicle_id),
            work_order_id: None,
            description: description.into(),
            owner_id: people.manager,
            actor_id: Some(people.manager),
        };
        let id = complaints::file(store, &draft, received).await?;
        for (n, action) in steps.iter().enumerate() {
            let step = ComplaintStep {
                complaint_id: id,
                revision: 1 + n as i64,
                action: *action,
                note: match action {
                    ComplaintAction::Acknowledge => "已致电客户致歉，说明调查安排".into(),
                    ComplaintAction::Close => "回访客户，表示满意".into(),
                    _ => String::new(),
                },
                finding: "已查明原因，属实".into(),
                resolution: "已向客户道歉并改进流程".into(),
                customer_satisfied: Some(true),
                actor_id: Some(people.manager),
            };
            complaints::step(store, &step, received + Duration::hours(2 + 3 * n as i64)).await?;
        }
    }
    Ok(())
}
