//! The demo's week of bookings around today: every kind, type and status, several per advisor,
//! with the calls that made the proactive ones, a campaign, and visits for the kept bookings.

use chrono::{DateTime, Days, Duration, NaiveDate, NaiveTime, Utc};
use sqlx::SqliteConnection;

use crate::Result;
use crate::appointment::call_list::{CallOutcome, CallReason, Campaign};
use crate::appointment::store::{self, LoggedCall};
use crate::appointment::{
    self, Action, AppointmentSettings, Benefit, BenefitInput, BookingInput, CheckedBooking, Kind,
    NoShowReason, ServiceType, Status, When,
};
use crate::customer::PastVisit;

/// A customer of the demo with the vehicle they drive.
#[derive(Debug, Clone, Copy)]
pub struct Driver {
    pub customer_id: i64,
    pub vehicle_id: i64,
}

const TYPES: [ServiceType; 8] = [
    ServiceType::Maintenance,
    ServiceType::Repair,
    ServiceType::Enquiry,
    ServiceType::Accident,
    ServiceType::Detailing,
    ServiceType::Seasonal,
    ServiceType::LeftOver,
    ServiceType::Recall,
];
const WORDS: [&str; 8] = [
    "到期保养，顺便检查空调",
    "刹车时有异响",
    "仪表盘发动机故障灯亮，想咨询",
    "追尾事故，后保险杠受损",
    "内饰清洗和漆面打蜡",
    "冬季检查：防冻液、电瓶、轮胎",
    "上次建议更换的前刹车片",
    "厂家召回：更换燃油泵",
];
const REASONS: [NoShowReason; 5] = [
    NoShowReason::Forgot,
    NoShowReason::Busy,
    NoShowReason::CarFine,
    NoShowReason::WentElsewhere,
    NoShowReason::Unreachable,
];

/// Adds the bookings, calls and campaign inside the seed's transaction.
pub async fn seed(
    tx: &mut SqliteConnection,
    rng: &mut fastrand::Rng,
    drivers: &[Driver],
    advisors: &[i64],
    today: NaiveDate,
    tz: chrono_tz::Tz,
    now: DateTime<Utc>,
) -> Result<()> {
    let settings = AppointmentSettings::default();
    let slots = settings.slots();
    let winter = Campaign {
        id: None,
        name: "冬季检查".into(),
        purpose: "防冻液、电瓶、轮胎、暖风免费检查".into(),
        from_date: (today - Days::new(8)).to_string(),
        to_date: (today + Days::new(38)).to_string(),
        model_contains: String::new(),
        min_age_years: Some(3),
    };
    let campaign_id = store::insert_campaign(&mut *tx, &winter, now - Duration::days(9)).await?;
    let mut next_driver = drivers.iter().cycle().step_by(7);
    let mut made = 0usize;
    for offset in -3i64..=3 {
        let day = today + Duration::days(offset);
        for (a, advisor_id) in advisors.iter().enumerate() {
            let mut taken: Vec<NaiveTime> = Vec::new();
            for n in 0..(3 + rng.usize(..3)) {
                let Some(driver) = next_driver.next().copied() else {
                    return Ok(());
                };
                // The last booking of some advisors' days is "that day, no exact time".
                let slot = if n == 3 && a == 0 {
                    None
                } else {
                    let mut slot = slots[rng.usize(..slots.len())];
                    while taken.contains(&slot) {
                        slot = slots[rng.usize(..slots.len())];
                    }
                    taken.push(slot);
                    Some(slot)
                };
                let kind = if (made + made / TYPES.len()).is_multiple_of(2) {
                    Kind::Proactive
                } else {
                    Kind::Passive
                };
                let pick = made % TYPES.len();
                let when = When { day, slot };
                let created = (appointment::starts_at(when, &settings, tz)
                    - Duration::days(2 + rng.i64(0..4)))
                .min(now);
                let checked = CheckedBooking {
                    input: BookingInput {
                        kind,
                        service_type: TYPES[pick],
                        customer_id: Some(driver.customer_id),
                        vehicle_id: Some(driver.vehicle_id),
                        new_customer: None,
                        day: day.to_string(),
                        slot: slot
                            .map(|s| s.format("%H:%M").to_string())
                            .unwrap_or_default(),
                        advisor_id: Some(*advisor_id),
                        team: settings.teams[pick % settings.teams.len()].clone(),
                        bay: settings.bays[(made + a) % settings.bays.len()].clone(),
                        expected_minutes: [60, 90, 120, 30][made % 4],
                        parts: if TYPES[pick] == ServiceType::Maintenance {
                            "机油4L、机油滤清器".into()
                        } else {
                            String::new()
                        },
                        description: WORDS[pick].into(),
                        call: None,
                        overbook: false,
                    },
                    when,
                    advisor_id: *advisor_id,
                };
                let id = store::insert(
                    tx,
                    &checked,
                    driver.customer_id,
                    driver.vehicle_id,
                    None,
                    created,
                )
                .await?;
                store::write_history(
                    tx,
                    id,
                    Some(*advisor_id),
                    Action::Create,
                    None,
                    Status::Booked,
                    "",
                    created,
                )
                .await?;
                if kind == Kind::Proactive {
                    let call = LoggedCall {
                        vehicle_id: driver.vehicle_id,
                        customer_id: driver.customer_id,
                        reason: if TYPES[pick] == ServiceType::Seasonal {
                            CallReason::Campaign
                        } else {
                            CallReason::MaintenanceDue
                        },
                        campaign_id: (TYPES[pick] == ServiceType::Seasonal).then_some(campaign_id),
                        outcome: CallOutcome::Booked,
                        note: String::new(),
                        call_back_at: None,
                        appointment_id: Some(id),
                    };
                    store::insert_call(tx, &call, Some(*advisor_id), created).await?;
                }
                let status = play_out(
                    tx,
                    rng,
                    id,
                    driver,
                    when,
                    &settings,
                    tz,
                    *advisor_id,
                    made,
                    now,
                )
                .await?;
                // Now and then a customer still to come asks for the next day instead.
                if status.is_open() && made % 4 == 1 {
                    let later = When {
                        day: day + Duration::days(1),
                        slot: None,
                    };
                    let moved = CheckedBooking {
                        input: BookingInput {
                            day: later.day.to_string(),
                            slot: String::new(),
                            ..checked.input.clone()
                        },
                        when: later,
                        ..checked
                    };
                    let new_id = store::insert(
                        tx,
                        &moved,
                        driver.customer_id,
                        driver.vehicle_id,
                        Some(id),
                        created,
                    )
                    .await?;
                    store::step(
                        tx,
                        id,
                        status,
                        Action::Reschedule,
                        Some(*advisor_id),
                        "客户要求改到次日",
                        now.min(created + Duration::days(1)),
                    )
                    .await?;
                    store::write_history(
                        tx,
                        new_id,
                        Some(*advisor_id),
                        Action::Create,
                        None,
                        Status::Booked,
                        "由改约生成",
                        created,
                    )
                    .await?;
                }
                made += 1;
            }
        }
    }
    // Calls from the list that did not book, for the call log and the figures.
    for (i, driver) in drivers.iter().skip(3).step_by(11).take(12).enumerate() {
        let outcome = [
            CallOutcome::Declined,
            CallOutcome::NotReached,
            CallOutcome::WrongPerson,
        ][i % 3];
        let call = LoggedCall {
            vehicle_id: driver.vehicle_id,
            customer_id: driver.customer_id,
            reason: CallReason::NoVisit,
            campaign_id: None,
            outcome,
            note: match outcome {
                CallOutcome::Declined => "最近出差，下月再说".into(),
                CallOutcome::WrongPerson => "车主家人接听".into(),
                _ => String::new(),
            },
            call_back_at: None,
            appointment_id: None,
        };
        store::insert_call(
            tx,
            &call,
            advisors.first().copied(),
            now - Duration::days(1 + (i as i64 % 6)),
        )
        .await?;
    }
    Ok(())
}

/// Moves a booking along as a real week would have: the past kept, missed or cancelled, the
/// near future confirmed, one rescheduled.
#[allow(clippy::too_many_arguments)]
async fn play_out(
    tx: &mut SqliteConnection,
    rng: &mut fastrand::Rng,
    id: i64,
    driver: Driver,
    when: When,
    settings: &AppointmentSettings,
    tz: chrono_tz::Tz,
    advisor_id: i64,
    made: usize,
    now: DateTime<Utc>,
) -> Result<Status> {
    let actor = Some(advisor_id);
    let start = appointment::starts_at(when, settings, tz);
    let call_due = appointment::confirm_call_at(when, settings, tz);
    let call_at = call_due.min(now);
    let over = now >= appointment::no_show_at(when, settings, tz);
    let roll = rng.u8(..20);
    if over {
        if roll < 2 {
            from_booked(
                tx,
                id,
                Action::Cancel,
                actor,
                "客户临时出差",
                (start - Duration::days(1)).min(now),
            )
            .await?;
            return Ok(Status::Cancelled);
        }
        confirm(tx, id, actor, call_at).await?;
        if roll < 5 {
            store::step(
                tx,
                id,
                Status::Confirmed,
                Action::NoShow,
                None,
                "超过预约时间15分钟未到店",
                appointment::no_show_at(when, settings, tz),
            )
            .await?;
            // Today's newest no-shows still wait for their reason.
            if when.day < now.with_timezone(&tz).date_naive() || roll < 3 {
                store::no_show_reason_in(tx, id, REASONS[made % REASONS.len()], "").await?;
            }
            return Ok(Status::NoShow);
        }
        let arrived = (start + Duration::minutes(rng.i64(-10..10))).min(now);
        store::step(
            tx,
            id,
            Status::Confirmed,
            Action::Arrive,
            actor,
            "客户到店，转接待",
            arrived,
        )
        .await?;
        if roll.is_multiple_of(3) {
            let benefit = BenefitInput {
                benefit: Benefit::Points,
                note: String::new(),
                points: settings.kept_points,
            };
            store::benefit_in(tx, id, driver.customer_id, "demo", &benefit, arrived).await?;
        } else if roll % 3 == 1 {
            let benefit = BenefitInput {
                benefit: Benefit::Gift,
                note: "车载香薰".into(),
                points: 0,
            };
            store::benefit_in(tx, id, driver.customer_id, "demo", &benefit, arrived).await?;
        }
        if when.day < now.with_timezone(&tz).date_naive() {
            let visit = PastVisit {
                customer_id: driver.customer_id,
                vehicle_id: driver.vehicle_id,
                visit_date: when.day.to_string(),
                mileage: None,
                summary: "预约进厂".into(),
                revenue_fen: rng.i64(300..3_000) * 100,
                cost_fen: 0,
                is_maintenance: made.is_multiple_of(8),
            };
            crate::customer::store::insert_visit(tx, &visit).await?;
        }
        return Ok(Status::Arrived);
    }
    // Still ahead: some confirmed early, most once the call is due; some cancelled.
    if roll < 6 || (now >= call_due && roll < 14) {
        confirm(tx, id, actor, call_at).await?;
        return Ok(Status::Confirmed);
    }
    if roll == 19 {
        from_booked(
            tx,
            id,
            Action::Cancel,
            actor,
            "车辆已在外地保养",
            now - Duration::hours(3),
        )
        .await?;
        return Ok(Status::Cancelled);
    }
    Ok(Status::Booked)
}

/// The confirmation call reached the customer, who drives in themselves.
async fn confirm(
    tx: &mut SqliteConnection,
    id: i64,
    actor: Option<i64>,
    at: DateTime<Utc>,
) -> Result<()> {
    from_booked(tx, id, Action::Confirm, actor, "确认来店，送车人：本人", at).await?;
    store::set_driver(tx, id, "本人").await
}

/// One step from a booking just made (confirmed, called off).
async fn from_booked(
    tx: &mut SqliteConnection,
    id: i64,
    action: Action,
    actor: Option<i64>,
    note: &str,
    at: DateTime<Utc>,
) -> Result<()> {
    store::step(tx, id, Status::Booked, action, actor, note, at).await?;
    Ok(())
}
