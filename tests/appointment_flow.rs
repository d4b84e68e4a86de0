//! Appointments on a real SQLite file: booking, capacity, the confirmation call, arrival and
//! its benefit, the no-show rule at its edges, rescheduling, the call list, the figures and the
//! two printed sheets.

mod common;

use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use servicebay::appointment::call_list::{CallInput, CallOutcome, CallReason};
use servicebay::appointment::{
    self, AppointmentSettings, Benefit, BenefitInput, BookingInput, CallSource, ConfirmationCall,
    Kind, NoShowReason, RescheduleInput, ServiceType, Status,
};
use servicebay::customer::{self, CustomerDraft, CustomerInput, Gender, PastVisit};
use servicebay::staff::{self, Role};
use servicebay::{Store, dealership};

use common::{fresh_store, pdf_text};

/// A local time at the dealership (Asia/Shanghai).
fn at(local: &str) -> DateTime<Utc> {
    let naive = NaiveDateTime::parse_from_str(local, "%Y-%m-%d %H:%M").unwrap();
    chrono_tz::Asia::Shanghai
        .from_local_datetime(&naive)
        .unwrap()
        .with_timezone(&Utc)
}

struct Desk {
    store: Store,
    _dir: tempfile::TempDir,
    advisors: Vec<i64>,
    customer_id: i64,
    vehicle_id: i64,
}

/// A dealership with two advisors and one customer, 王建国 (male) with 京A·12345.
async fn desk() -> Desk {
    let (dir, store) = fresh_store().await;
    dealership::save(&store, &servicebay::demo::demo_dealership())
        .await
        .unwrap();
    let mut conn = store.writer().acquire().await.unwrap();
    let mut advisors = Vec::new();
    for name in ["李明轩", "赵雅琴"] {
        advisors.push(
            staff::store::insert(&mut conn, name, Role::Advisor)
                .await
                .unwrap(),
        );
    }
    drop(conn);
    let hit = customer::create(&store, &draft("王建国", "13812348000", "京A12345"))
        .await
        .unwrap();
    let file = customer::store::get(&store, hit.customer_id).await.unwrap();
    customer::save(
        &store,
        &CustomerInput {
            id: Some(hit.customer_id),
            version: Some(1),
            gender: Some(Gender::Male),
            ..file.customer.clone()
        },
    )
    .await
    .unwrap();
    Desk {
        advisors,
        customer_id: hit.customer_id,
        vehicle_id: file.vehicles[0].id,
        store,
        _dir: dir,
    }
}

fn draft(name: &str, mobile: &str, plate: &str) -> CustomerDraft {
    CustomerDraft {
        name: name.into(),
        mobile: mobile.into(),
        plate: plate.into(),
        allow_duplicate_mobile: false,
    }
}

impl Desk {
    fn booking(&self, day: &str, slot: &str) -> BookingInput {
        BookingInput {
            kind: Kind::Passive,
            service_type: ServiceType::Maintenance,
            customer_id: Some(self.customer_id),
            vehicle_id: Some(self.vehicle_id),
            new_customer: None,
            day: day.into(),
            slot: slot.into(),
            advisor_id: Some(self.advisors[0]),
            team: String::new(),
            bay: String::new(),
            expected_minutes: 60,
            parts: "机油4L".into(),
            description: "到期保养".into(),
            call: None,
            overbook: false,
        }
    }

    async fn book(
        &self,
        input: &BookingInput,
        now: &str,
    ) -> servicebay::Result<appointment::BookingFile> {
        appointment::create(&self.store, input, Some(self.advisors[0]), at(now)).await
    }

    /// Logs a call from the proactive list about the customer's vehicle.
    async fn log_call(
        &self,
        outcome: CallOutcome,
        note: &str,
        call_back_at: &str,
        now: &str,
    ) -> servicebay::Result<()> {
        let input = CallInput {
            vehicle_id: self.vehicle_id,
            reason: CallReason::NoVisit,
            campaign_id: None,
            outcome,
            note: note.into(),
            call_back_at: call_back_at.into(),
        };
        appointment::store::log_call(&self.store, &input, None, at(now)).await
    }

    /// Applies the no-show rule as of a local time; the ids of the bookings it changed.
    async fn sweep(&self, now: &str) -> Vec<i64> {
        let changed = appointment::sweep(&self.store, at(now)).await.unwrap();
        assert!(changed.iter().all(|b| b.status == Status::NoShow));
        changed.iter().map(|b| b.id).collect()
    }

    async fn status(&self, id: i64) -> Status {
        appointment::store::line(&self.store, id)
            .await
            .unwrap()
            .status
    }
}

#[tokio::test]
async fn bookings_are_numbered_by_day_and_a_new_customer_is_filed_in_the_same_step() {
    let d = desk().await;
    let first = d
        .book(&d.booking("2026-11-24", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap();
    assert_eq!(first.booking.number, "20261124-001");
    assert_eq!(first.booking.greeting, "王先生");
    assert_eq!(first.history.len(), 1);
    assert_eq!(first.history[0].actor_name, "李明轩");
    let walk_in = BookingInput {
        customer_id: None,
        vehicle_id: None,
        new_customer: Some(draft("欧阳娜娜", "13987650000", "沪B12399")),
        slot: String::new(),
        ..d.booking("2026-11-24", "")
    };
    let second = d.book(&walk_in, "2026-11-23 09:00").await.unwrap();
    assert_eq!(second.booking.number, "20261124-002");
    assert_eq!(second.booking.plate, "沪B·12399");
    assert_eq!(second.booking.slot, None);
    // No gender on file yet: greeted as 贵宾, never by full name.
    assert_eq!(second.booking.greeting, "贵宾");
    let other_day = d
        .book(&d.booking("2026-11-25", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap();
    assert_eq!(other_day.booking.number, "20261125-001");
}

#[tokio::test]
async fn a_refused_booking_stores_nothing_not_even_the_new_customer() {
    let d = desk().await;
    let bad_slot = BookingInput {
        customer_id: None,
        vehicle_id: None,
        new_customer: Some(draft("李娜", "13987650000", "沪B12399")),
        ..d.booking("2026-11-24", "10:10")
    };
    let err = d.book(&bad_slot, "2026-11-23 09:00").await.unwrap_err();
    assert_eq!(err.field(), Some("slot"));
    assert!(
        customer::store::search(&d.store, "李娜")
            .await
            .unwrap()
            .is_empty()
    );
    for (input, field) in [
        (d.booking("2026-11-22", ""), "day"),
        (d.booking("2026-11-23", "08:30"), "slot"),
        (
            BookingInput {
                advisor_id: None,
                ..d.booking("2026-11-24", "")
            },
            "advisorId",
        ),
        (
            BookingInput {
                bay: "9号工位".into(),
                ..d.booking("2026-11-24", "")
            },
            "bay",
        ),
        (
            BookingInput {
                expected_minutes: 5,
                ..d.booking("2026-11-24", "")
            },
            "expectedMinutes",
        ),
        (
            BookingInput {
                vehicle_id: Some(d.vehicle_id + 100),
                ..d.booking("2026-11-24", "")
            },
            "vehicleId",
        ),
        (
            BookingInput {
                customer_id: None,
                ..d.booking("2026-11-24", "")
            },
            "customerId",
        ),
    ] {
        let err = d.book(&input, "2026-11-23 09:00").await.unwrap_err();
        assert_eq!(err.field(), Some(field), "{err}");
    }
    assert!(
        appointment::store::day_lines(&d.store, "2026-11-24".parse().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn overbooking_an_advisor_a_bay_or_a_holiday_asks_first() {
    let d = desk().await;
    let settings = AppointmentSettings {
        holidays: vec!["2026-11-26".into()],
        ..AppointmentSettings::default()
    };
    appointment::store::save_settings(&d.store, &settings)
        .await
        .unwrap();
    let with_bay = BookingInput {
        bay: "1号工位".into(),
        expected_minutes: 90,
        ..d.booking("2026-11-24", "10:00")
    };
    d.book(&with_bay, "2026-11-23 09:00").await.unwrap();
    // The same advisor at the same slot.
    let err = d
        .book(&d.booking("2026-11-24", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "overbooked");
    assert!(err.message_zh().contains("李明轩"), "{}", err.message_zh());
    // Another advisor, but the bay is still taken at 11:00 (90 minutes from 10:00).
    let bay_clash = BookingInput {
        advisor_id: Some(d.advisors[1]),
        ..with_bay.clone()
    };
    let bay_clash = BookingInput {
        slot: "11:00".into(),
        ..bay_clash
    };
    let err = d.book(&bay_clash, "2026-11-23 09:00").await.unwrap_err();
    assert_eq!(err.code(), "overbooked");
    assert!(err.message_zh().contains("1号工位"));
    // 11:30 is free again.
    d.book(
        &BookingInput {
            slot: "11:30".into(),
            ..bay_clash.clone()
        },
        "2026-11-23 09:00",
    )
    .await
    .unwrap();
    let holiday = d
        .book(&d.booking("2026-11-26", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap_err();
    assert_eq!(holiday.code(), "overbooked");
    assert!(holiday.message_zh().contains("休息日"));
    // The desk confirms: booked anyway.
    let anyway = d
        .book(
            &BookingInput {
                overbook: true,
                ..d.booking("2026-11-24", "10:00")
            },
            "2026-11-23 09:00",
        )
        .await
        .unwrap();
    assert_eq!(anyway.booking.status, Status::Booked);
    let day = appointment::store::day_view(&d.store, "2026-11-24".parse().unwrap())
        .await
        .unwrap();
    let ten = day.slots.iter().position(|s| s == "10:00").unwrap();
    assert_eq!(
        day.advisors[0].booked[ten], 2,
        "the day view shows the overbooked slot"
    );
    assert_eq!(day.advisors[0].capacity_per_slot, 1);
    let bay = day.bays.iter().find(|b| b.name == "1号工位").unwrap();
    assert_eq!(
        bay.day_booked, 6,
        "10:00–11:30 and 11:30–13:00: three half-hour slots each"
    );
}

#[tokio::test]
async fn the_confirmation_call_arrival_and_the_kept_appointment_benefit() {
    let d = desk().await;
    let untimed = d
        .book(&d.booking("2026-11-24", ""), "2026-11-23 09:00")
        .await
        .unwrap();
    let id = untimed.booking.id;
    let actor = Some(d.advisors[1]);
    let not_reached = ConfirmationCall {
        reached: false,
        coming: false,
        exact_time: String::new(),
        driver: String::new(),
        note: String::new(),
    };
    let after = appointment::confirm(&d.store, id, &not_reached, actor, at("2026-11-24 08:35"))
        .await
        .unwrap();
    assert_eq!(after.booking.status, Status::Booked);
    assert!(after.history.last().unwrap().note.contains("未接通"));
    let refused = ConfirmationCall {
        reached: true,
        exact_time: "10:10".into(),
        coming: true,
        ..not_reached.clone()
    };
    let err = appointment::confirm(&d.store, id, &refused, actor, at("2026-11-24 08:40"))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("exactTime"));
    let not_coming = ConfirmationCall {
        reached: true,
        ..not_reached.clone()
    };
    assert_eq!(
        appointment::confirm(&d.store, id, &not_coming, actor, at("2026-11-24 08:40"))
            .await
            .unwrap_err()
            .field(),
        Some("coming")
    );
    let coming = ConfirmationCall {
        reached: true,
        coming: true,
        exact_time: "10:30".into(),
        driver: "司机小张".into(),
        note: String::new(),
    };
    let confirmed = appointment::confirm(&d.store, id, &coming, actor, at("2026-11-24 08:40"))
        .await
        .unwrap();
    assert_eq!(confirmed.booking.status, Status::Confirmed);
    assert_eq!(
        confirmed.booking.slot.as_deref(),
        Some("10:30"),
        "the exact time named becomes the slot"
    );
    assert_eq!(confirmed.booking.driver, "司机小张");
    assert_eq!(confirmed.history.last().unwrap().actor_name, "赵雅琴");
    // Confirming twice is refused.
    let twice = appointment::confirm(
        &d.store,
        id,
        &ConfirmationCall {
            exact_time: String::new(),
            ..coming.clone()
        },
        actor,
        at("2026-11-24 08:45"),
    )
    .await;
    assert_eq!(twice.unwrap_err().code(), "invalid_transition");

    // No benefit before arrival; after arrival once, and points reach the ledger.
    let points = BenefitInput {
        benefit: Benefit::Points,
        note: String::new(),
        points: 100,
    };
    let early =
        appointment::record_benefit(&d.store, id, &points, actor, at("2026-11-24 10:20")).await;
    assert_eq!(early.unwrap_err().code(), "invalid_transition");
    let arrived = appointment::arrive(&d.store, id, actor, at("2026-11-24 10:25"))
        .await
        .unwrap();
    assert_eq!(arrived.booking.status, Status::Arrived);
    assert_eq!(arrived.booking.arrived_at, Some(at("2026-11-24 10:25")));
    let before = customer::store::get(&d.store, d.customer_id)
        .await
        .unwrap()
        .points;
    appointment::record_benefit(&d.store, id, &points, actor, at("2026-11-24 10:26"))
        .await
        .unwrap();
    let file = customer::store::get(&d.store, d.customer_id).await.unwrap();
    assert_eq!(file.points, before + 100);
    assert!(
        file.points_ledger
            .iter()
            .any(|p| p.reason.contains("20261124-001"))
    );
    let again =
        appointment::record_benefit(&d.store, id, &points, actor, at("2026-11-24 10:27")).await;
    assert_eq!(again.unwrap_err().code(), "conflict");
    // Arrived is final for cancel; a cancelled booking cannot arrive.
    assert_eq!(
        appointment::cancel(&d.store, id, "客户改主意", actor, at("2026-11-24 10:30"))
            .await
            .unwrap_err()
            .code(),
        "invalid_transition"
    );
    let other = d
        .book(&d.booking("2026-11-25", "09:00"), "2026-11-23 09:00")
        .await
        .unwrap();
    assert_eq!(
        appointment::cancel(
            &d.store,
            other.booking.id,
            " ",
            actor,
            at("2026-11-23 10:00")
        )
        .await
        .unwrap_err()
        .field(),
        Some("reason")
    );
    appointment::cancel(
        &d.store,
        other.booking.id,
        "车辆已出售",
        actor,
        at("2026-11-23 10:00"),
    )
    .await
    .unwrap();
    let late = appointment::arrive(&d.store, other.booking.id, actor, at("2026-11-25 09:00")).await;
    assert_eq!(late.unwrap_err().code(), "invalid_transition");
}

#[tokio::test]
async fn the_no_show_rule_applies_at_fifteen_minutes_to_the_minute_and_follows_the_setting() {
    let d = desk().await;
    let timed = d
        .book(&d.booking("2026-11-24", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap()
        .booking
        .id;
    let untimed = d
        .book(&d.booking("2026-11-24", ""), "2026-11-23 09:00")
        .await
        .unwrap()
        .booking
        .id;
    assert!(d.sweep("2026-11-24 10:14").await.is_empty());
    assert_eq!(d.status(timed).await, Status::Booked);
    assert_eq!(d.sweep("2026-11-24 10:15").await, vec![timed], "a no-show");
    let file = appointment::store::get(&d.store, timed).await.unwrap();
    let last = file.history.last().unwrap();
    assert_eq!(
        (last.actor_name.as_str(), last.to_status),
        ("", Status::NoShow),
        "the app itself acted"
    );
    // Sweeping again changes nothing; the untimed booking waits for the closing time.
    assert!(d.sweep("2026-11-24 17:29").await.is_empty());
    assert_eq!(d.sweep("2026-11-24 17:30").await, vec![untimed]);

    // The reason is asked and recorded; only a no-show has one.
    let due = appointment::due_now(&d.store, at("2026-11-24 17:31"))
        .await
        .unwrap();
    assert_eq!(due.reasons_to_ask.len(), 2);
    let err = appointment::record_no_show_reason(
        &d.store,
        timed,
        NoShowReason::Other,
        "",
        None,
        at("2026-11-24 18:00"),
    )
    .await;
    assert_eq!(err.unwrap_err().field(), Some("note"));
    appointment::record_no_show_reason(
        &d.store,
        timed,
        NoShowReason::Forgot,
        "",
        None,
        at("2026-11-24 18:00"),
    )
    .await
    .unwrap();
    let file = appointment::store::get(&d.store, timed).await.unwrap();
    assert_eq!(file.history.last().unwrap().note, "失约原因：忘记了");
    let due = appointment::due_now(&d.store, at("2026-11-24 18:01"))
        .await
        .unwrap();
    assert_eq!(due.reasons_to_ask.len(), 1);
    // A late customer is still received.
    let late = appointment::arrive(&d.store, timed, None, at("2026-11-24 18:05"))
        .await
        .unwrap();
    assert_eq!(late.booking.status, Status::Arrived);
    let err = appointment::record_no_show_reason(
        &d.store,
        timed,
        NoShowReason::Busy,
        "",
        None,
        at("2026-11-24 18:06"),
    )
    .await;
    assert_eq!(err.unwrap_err().code(), "invalid_transition");

    // With 30 minutes set, 10:29 is still waiting and 10:30 is a no-show.
    let settings = AppointmentSettings {
        no_show_minutes: 30,
        ..AppointmentSettings::default()
    };
    appointment::store::save_settings(&d.store, &settings)
        .await
        .unwrap();
    let next = d
        .book(&d.booking("2026-11-25", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap()
        .booking
        .id;
    assert!(d.sweep("2026-11-25 10:29").await.is_empty());
    assert_eq!(d.sweep("2026-11-25 10:30").await, vec![next]);
}

#[tokio::test]
async fn what_is_due_now_follows_the_slot_call_window_and_grace() {
    let d = desk().await;
    let id = d
        .book(&d.booking("2026-11-24", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap()
        .booking
        .id;
    let due = |t: &'static str| {
        let store = d.store.clone();
        async move { appointment::due_now(&store, at(t)).await.unwrap() }
    };
    let early = due("2026-11-24 09:29").await;
    assert!(early.confirm_calls.is_empty() && early.blocked.is_empty());
    let call = due("2026-11-24 09:30").await;
    assert_eq!(call.confirm_calls[0].booking.id, id);
    assert_eq!(call.confirm_calls[0].until, at("2026-11-24 10:00"));
    assert!(call.blocked.is_empty());
    let blocked = due("2026-11-24 09:50").await;
    assert_eq!(blocked.blocked[0].booking.advisor_name, "李明轩");
    assert_eq!(
        (blocked.blocked[0].from, blocked.blocked[0].until),
        (at("2026-11-24 09:50"), at("2026-11-24 10:00"))
    );
    let waiting = due("2026-11-24 10:05").await;
    assert!(waiting.blocked.is_empty());
    assert_eq!(waiting.awaiting[0].until, at("2026-11-24 10:15"));
    let gone = due("2026-11-24 10:15").await;
    assert!(gone.awaiting.is_empty() && gone.confirm_calls.is_empty());
    assert_eq!(gone.reasons_to_ask[0].id, id);
}

#[tokio::test]
async fn a_reschedule_keeps_the_link_and_both_histories() {
    let d = desk().await;
    let old = d
        .book(&d.booking("2026-11-24", "10:00"), "2026-11-23 09:00")
        .await
        .unwrap()
        .booking;
    let input = RescheduleInput {
        day: "2026-11-26".into(),
        slot: "14:00".into(),
        advisor_id: Some(d.advisors[1]),
        bay: String::new(),
        note: "客户出差".into(),
        overbook: false,
    };
    let new = appointment::reschedule(&d.store, old.id, &input, None, at("2026-11-23 11:00"))
        .await
        .unwrap();
    assert_eq!(new.booking.number, "20261126-001");
    assert_eq!(
        new.booking.rescheduled_from.as_deref(),
        Some(old.number.as_str())
    );
    assert_eq!(new.booking.advisor_name, "赵雅琴");
    assert_eq!(new.booking.description, "到期保养");
    let old_file = appointment::store::get(&d.store, old.id).await.unwrap();
    assert_eq!(old_file.booking.status, Status::Rescheduled);
    assert_eq!(old_file.rescheduled_to.as_deref(), Some("20261126-001"));
    assert!(
        old_file
            .history
            .last()
            .unwrap()
            .note
            .contains("2026-11-26 14:00")
    );
    let twice =
        appointment::reschedule(&d.store, old.id, &input, None, at("2026-11-23 11:01")).await;
    assert_eq!(twice.unwrap_err().code(), "invalid_transition");
}

/// A customer last seen four months ago is on the call list until called; each outcome brings
/// them back by its rule; a booking from the list takes them off it and counts in the figures.
#[tokio::test]
async fn the_call_list_and_its_return_rules() {
    let d = desk().await;
    customer::store::insert_visit(
        &mut d.store.writer().acquire().await.unwrap(),
        &PastVisit {
            customer_id: d.customer_id,
            vehicle_id: d.vehicle_id,
            visit_date: "2026-03-01".into(),
            mileage: Some(20_000),
            summary: "保养".into(),
            revenue_fen: 50_000,
            cost_fen: 0,
            is_maintenance: true,
        },
    )
    .await
    .unwrap();
    let list = |t: &'static str| {
        let store = d.store.clone();
        async move {
            appointment::store::call_list(&store, at(t), 200)
                .await
                .unwrap()
        }
    };
    let first = list("2026-11-23 10:00").await;
    assert_eq!(first.total, 1);
    let entry = &first.entries[0];
    assert_eq!(entry.plate, "京A·12345");
    let reasons: Vec<CallReason> = entry.reasons.iter().map(|r| r.reason).collect();
    assert_eq!(
        reasons,
        vec![CallReason::MaintenanceDue, CallReason::NoVisit],
        "{:?}",
        entry.reasons
    );
    assert!(entry.back_because.is_none());

    let err = d
        .log_call(CallOutcome::Declined, "", "", "2026-11-23 10:05")
        .await;
    assert_eq!(err.unwrap_err().field(), Some("note"));
    d.log_call(
        CallOutcome::Declined,
        "已在别处保养",
        "",
        "2026-11-23 10:05",
    )
    .await
    .unwrap();
    assert_eq!(list("2026-11-23 10:06").await.total, 0);
    assert_eq!(
        list("2026-12-23 10:04").await.total,
        0,
        "29 days and 23 hours later"
    );
    let back = list("2026-12-23 10:05").await;
    assert_eq!(back.total, 1, "30 days later");
    assert!(
        back.entries[0]
            .back_because
            .as_ref()
            .unwrap()
            .zh_cn
            .contains("婉拒")
    );

    let err = d
        .log_call(
            CallOutcome::CallBack,
            "",
            "2026-12-23 09:00",
            "2026-12-23 10:10",
        )
        .await;
    assert_eq!(err.unwrap_err().field(), Some("callBackAt"));
    d.log_call(
        CallOutcome::CallBack,
        "",
        "2026-12-23 15:00",
        "2026-12-23 10:10",
    )
    .await
    .unwrap();
    assert_eq!(list("2026-12-23 14:59").await.total, 0);
    assert_eq!(list("2026-12-23 15:00").await.total, 1);

    // Booked from the list: off the list while the booking is open.
    let from_list = BookingInput {
        kind: Kind::Proactive,
        call: Some(CallSource {
            reason: CallReason::NoVisit,
            campaign_id: None,
        }),
        ..d.booking("2026-12-24", "09:30")
    };
    d.book(&from_list, "2026-12-23 15:01").await.unwrap();
    assert_eq!(list("2026-12-23 15:02").await.total, 0);
    let calls = appointment::store::calls(&d.store, d.vehicle_id)
        .await
        .unwrap();
    assert_eq!(calls.len(), 3);
    assert_eq!(
        (calls[0].outcome, calls[0].appointment_number.as_deref()),
        (CallOutcome::Booked, Some("20261224-001"))
    );

    let figures = appointment::store::figures(
        &d.store,
        "2026-11-01".parse().unwrap(),
        "2026-12-31".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            figures.call_success.numerator,
            figures.call_success.denominator
        ),
        (1, 3)
    );
}

/// The figures on a small hand-checked set: 3 bookings kept, 1 no-show (reason asked), one
/// cancelled (not counted); 2 visits of which one is the kept booking's.
#[tokio::test]
async fn the_figures_count_what_their_formulas_say() {
    let d = desk().await;
    let mut ids = Vec::new();
    for slot in ["09:00", "10:00", "11:00", "14:00", "15:00"] {
        let input = BookingInput {
            advisor_id: Some(d.advisors[ids.len() % 2]),
            ..d.booking("2026-11-24", slot)
        };
        ids.push(
            d.book(
                &BookingInput {
                    overbook: true,
                    ..input
                },
                "2026-11-23 09:00",
            )
            .await
            .unwrap()
            .booking
            .id,
        );
    }
    for id in &ids[..3] {
        appointment::arrive(&d.store, *id, None, at("2026-11-24 09:00"))
            .await
            .unwrap();
    }
    appointment::cancel(&d.store, ids[4], "改期", None, at("2026-11-23 10:00"))
        .await
        .unwrap();
    assert_eq!(d.sweep("2026-11-24 16:00").await, vec![ids[3]]);
    appointment::record_no_show_reason(
        &d.store,
        ids[3],
        NoShowReason::Busy,
        "",
        None,
        at("2026-11-24 16:05"),
    )
    .await
    .unwrap();
    let mut conn = d.store.writer().acquire().await.unwrap();
    for (customer_id, vehicle_id) in [(d.customer_id, d.vehicle_id)] {
        for date in ["2026-11-24", "2026-11-20"] {
            let visit = PastVisit {
                customer_id,
                vehicle_id,
                visit_date: date.into(),
                mileage: None,
                summary: String::new(),
                revenue_fen: 0,
                cost_fen: 0,
                is_maintenance: false,
            };
            customer::store::insert_visit(&mut conn, &visit)
                .await
                .unwrap();
        }
    }
    drop(conn);
    let f = appointment::store::figures(
        &d.store,
        "2026-11-20".parse().unwrap(),
        "2026-11-24".parse().unwrap(),
    )
    .await
    .unwrap();
    assert_eq!(
        (
            f.show_rate.numerator,
            f.show_rate.denominator,
            f.show_rate.percent
        ),
        (3, 4, Some(75.0))
    );
    // 3 booked arrivals + the 11-20 visit without a booking (the 11-24 visit is a booked one).
    assert_eq!(
        (f.booked_share.numerator, f.booked_share.denominator),
        (3, 4)
    );
    assert_eq!(f.no_show_reasons.len(), 1);
    assert_eq!(
        (f.no_show_reasons[0].reason, f.no_show_reasons[0].count),
        (Some(NoShowReason::Busy), 1)
    );
}

#[tokio::test]
async fn the_welcome_board_greets_by_surname_only_and_the_list_has_the_phones() {
    let d = desk().await;
    let mut numbers = Vec::new();
    for (i, slot) in [
        "09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "13:00", "13:30", "14:00",
    ]
    .iter()
    .enumerate()
    {
        let input = BookingInput {
            advisor_id: Some(d.advisors[i % 2]),
            ..d.booking("2026-11-24", slot)
        };
        numbers.push(
            d.book(
                &BookingInput {
                    overbook: true,
                    ..input
                },
                "2026-11-23 09:00",
            )
            .await
            .unwrap()
            .booking
            .number,
        );
    }
    let day = "2026-11-24".parse().unwrap();
    let board = pdf_text(&appointment::welcome_board_pdf(&d.store, day).await.unwrap());
    assert!(board.contains("预约欢迎板"));
    assert!(board.contains("王先生") && board.contains("京A·12345") && board.contains("赵雅琴"));
    assert!(!board.contains("王建国"), "never the full name");
    assert!(
        !board.contains("13812348000") && !board.contains("8000"),
        "never the phone"
    );
    assert!(
        board.replace(' ', "").contains("第2/2页"),
        "nine rows take two pages:\n{board}"
    );
    let list = pdf_text(
        &appointment::appointment_list_pdf(&d.store, day, "李明轩")
            .await
            .unwrap(),
    );
    assert!(list.contains("预约客户一览表") && list.contains("华安马自达4S店"));
    assert!(list.contains("王建国") && list.contains("13812348000"));
    assert!(list.contains("制表人：李明轩"));
    for number in &numbers {
        assert!(list.contains(number.as_str()), "{number}");
    }
}
