//! Follow-up calls and complaints on a real SQLite file with the demo dealership: the 3-day
//! window at its edges, tries until reached, a call that files a complaint, complaint numbers
//! across a month boundary, deadlines and escalation, closing only after the call, comebacks.

mod common;

use chrono::{Duration, TimeZone, Utc};
use servicebay::complaint::{
    self, Category, ComplaintAction, ComplaintDraft, ComplaintStatus, ComplaintStep, Overdue,
    Source,
};
use servicebay::followup::{self, FollowupInput, FollowupOutcome, Scores};
use servicebay::staff::Role;
use servicebay::{Store, dealership, demo, staff};

use common::{fresh_store, pdf_text};

async fn someone(store: &Store, role: Role) -> i64 {
    staff::store::list(store)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.role == role)
        .unwrap()
        .id
}

fn call(order_id: i64, caller_id: i64, outcome: FollowupOutcome) -> FollowupInput {
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

#[tokio::test]
async fn the_window_tries_and_a_call_that_becomes_a_complaint() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let today = dealership::store::today(&store).await.unwrap();
    let caller = someone(&store, Role::FollowUp).await;
    let manager = someone(&store, Role::Manager).await;

    // Settled today: not on today's list, on the next 3 days' lists, gone on the 4th. (The
    // demo's orders settled in the days before today are today's list.)
    let ids = |list: Vec<followup::store::DueCall>| -> Vec<i64> {
        list.into_iter().map(|d| d.order_id).collect()
    };
    let due_on = |days| followup::store::due(&store, today + Duration::days(days));
    let on_today = ids(due_on(0).await.unwrap());
    assert!(!on_today.is_empty(), "the demo has calls due today");
    let first = due_on(1).await.unwrap();
    let fresh: Vec<i64> = first
        .iter()
        .map(|d| d.order_id)
        .filter(|id| !on_today.contains(id))
        .collect();
    assert!(
        fresh.len() >= 2,
        "the demo's cars settled today are called tomorrow"
    );
    let third = ids(due_on(3).await.unwrap());
    assert!(fresh.iter().all(|id| third.contains(id)));
    let fourth = ids(due_on(4).await.unwrap());
    assert!(fresh.iter().all(|id| !fourth.contains(id)));
    let due = first.iter().find(|d| d.order_id == fresh[0]).unwrap();
    assert!(!due.phone.is_empty());

    // Not reached: stays on the list until the third try.
    let tomorrow = today + Duration::days(1);
    for tries in 1..=3 {
        followup::store::record(
            &store,
            &call(due.order_id, caller, FollowupOutcome::NotReached),
            Utc::now(),
        )
        .await
        .unwrap();
        let still = followup::store::due(&store, tomorrow)
            .await
            .unwrap()
            .iter()
            .any(|d| d.order_id == due.order_id);
        assert_eq!(still, tries < 3, "after {tries} tries");
    }

    // Another order: reached, unhappy: the complaint is filed from the call, linked.
    let other = first.iter().find(|d| d.order_id == fresh[1]).unwrap();
    let mut unhappy = call(other.order_id, caller, FollowupOutcome::Reached);
    unhappy.scores = Scores {
        advisor: Some(9),
        quality: Some(3),
        on_time: Some(8),
        price: Some(6),
        facility: Some(9),
        overall: Some(11),
    };
    let err = followup::store::record(&store, &unhappy, Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("overall"));
    unhappy.scores.overall = Some(4);
    unhappy.remarks = "保养后发动机舱有异响".into();
    unhappy.complaint = Some(ComplaintDraft {
        source: Source::Phone,
        category: Category::WorkQuality,
        customer_id: 0,
        vehicle_id: None,
        work_order_id: None,
        description: "保养后发动机舱有异响，客户不满意".into(),
        owner_id: manager,
        actor_id: None,
    });
    let id = followup::store::record(&store, &unhappy, Utc::now())
        .await
        .unwrap();
    let calls = followup::store::calls(&store, today, today, Some(other.order_id))
        .await
        .unwrap();
    let made = calls.iter().find(|c| c.id == id).unwrap();
    let complaint_id = made
        .complaint_id
        .expect("the complaint is linked to the call");
    let filed = complaint::store::get(&store, complaint_id, Utc::now())
        .await
        .unwrap();
    assert_eq!(filed.source, Source::Followup);
    assert_eq!(filed.work_order_number, other.number);
    assert_eq!(filed.plate, other.plate);
    assert!(
        !followup::store::due(&store, tomorrow)
            .await
            .unwrap()
            .iter()
            .any(|d| d.order_id == other.order_id),
        "a reached customer leaves the list"
    );
    // The manager's summary: the tries and the unhappy call with its complaint.
    let summary = pdf_text(&followup::summary::pdf(&store, today, today).await.unwrap());
    assert!(summary.contains("回访汇总") && summary.contains("待处理问题"));
    assert!(
        summary.contains(&other.number),
        "the unhappy call is an open problem"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("回访汇总.xlsx");
    followup::summary::xlsx(&store, today, today, &path)
        .await
        .unwrap();
    let book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    use calamine::Reader;
    assert_eq!(
        book.sheet_names(),
        vec!["回访汇总", "按服务顾问", "待处理问题"]
    );
    let file = servicebay::customer::store::get(&store, other.customer_id)
        .await
        .unwrap();
    assert!(
        file.contacts
            .iter()
            .any(|c| c.subject.contains(&other.number) && c.outcome.contains("4 分"))
    );
}

#[tokio::test]
async fn complaint_numbers_deadlines_escalation_closing_and_comebacks() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let manager = someone(&store, Role::Manager).await;
    let customers: Vec<(i64, i64)> = sqlx::query_as("SELECT customer_id, id FROM vehicle LIMIT 3")
        .fetch_all(store.reader())
        .await
        .unwrap();
    let draft = |(customer_id, vehicle_id): (i64, i64), category| ComplaintDraft {
        source: Source::Phone,
        category,
        customer_id,
        vehicle_id: Some(vehicle_id),
        work_order_id: None,
        description: "等待时间过长".into(),
        owner_id: manager,
        actor_id: Some(manager),
    };
    // Beijing time: 31 Mar 23:00 is still March; 1 Apr 00:30 is April (months the demo's
    // complaints leave alone).
    let at = |m, d, h, min| Utc.with_ymd_and_hms(2027, m, d, h, min, 0).unwrap();
    let mar_last = at(3, 31, 15, 0);
    let apr_first = at(3, 31, 16, 30);
    let a = complaint::store::file(
        &store,
        &draft(customers[0], Category::WaitingTime),
        at(3, 2, 2, 0),
    )
    .await
    .unwrap();
    let b = complaint::store::file(&store, &draft(customers[1], Category::Price), mar_last)
        .await
        .unwrap();
    let c = complaint::store::file(&store, &draft(customers[2], Category::Service), apr_first)
        .await
        .unwrap();
    let number = |id| {
        let store = &store;
        async move {
            complaint::store::get(store, id, Utc::now())
                .await
                .unwrap()
                .number
        }
    };
    assert_eq!(number(a).await, "2703-001");
    assert_eq!(number(b).await, "2703-002");
    assert_eq!(number(c).await, "2704-001");
    let refused = complaint::store::file(
        &store,
        &ComplaintDraft {
            description: "  ".into(),
            ..draft(customers[0], Category::Other)
        },
        apr_first,
    )
    .await
    .unwrap_err();
    assert_eq!(refused.field(), Some("description"));

    // Deadlines: the first answer within 24 hours, the finding within 3 days.
    let c_file = complaint::store::get(&store, c, apr_first).await.unwrap();
    assert_eq!(c_file.respond_by, apr_first + Duration::hours(24));
    assert_eq!(c_file.finding_by, apr_first + Duration::days(3));
    let overdue_at = |now| {
        let store = &store;
        async move {
            complaint::store::list(store, true, now)
                .await
                .unwrap()
                .into_iter()
                .filter(|l| l.id == c)
                .map(|l| l.overdue)
                .next()
        }
    };
    assert_eq!(overdue_at(apr_first + Duration::hours(24)).await, None);
    assert_eq!(
        overdue_at(apr_first + Duration::hours(25)).await,
        Some(Some(Overdue::Response))
    );

    // Acknowledged late is still answered; the finding then falls due on day 3.
    let step = |action, revision| ComplaintStep {
        complaint_id: c,
        revision,
        action,
        note: String::new(),
        finding: String::new(),
        resolution: String::new(),
        customer_satisfied: None,
        actor_id: Some(manager),
    };
    let err = complaint::store::step(&store, &step(ComplaintAction::Acknowledge, 1), apr_first)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("note"));
    complaint::store::step(
        &store,
        &ComplaintStep {
            note: "已致电客户致歉，承诺三日内答复".into(),
            ..step(ComplaintAction::Acknowledge, 1)
        },
        apr_first + Duration::hours(2),
    )
    .await
    .unwrap();
    assert_eq!(overdue_at(apr_first + Duration::hours(30)).await, None);
    assert_eq!(
        overdue_at(apr_first + Duration::days(3) + Duration::minutes(1)).await,
        Some(Some(Overdue::Finding))
    );
    // A stale form is refused.
    let err = complaint::store::step(&store, &step(ComplaintAction::Investigate, 1), apr_first)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    let later = |hours| apr_first + Duration::hours(hours);
    complaint::store::step(&store, &step(ComplaintAction::Investigate, 2), later(3))
        .await
        .unwrap();
    let err = complaint::store::step(&store, &step(ComplaintAction::Close, 3), apr_first)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("customerSatisfied"));
    complaint::store::step(
        &store,
        &ComplaintStep {
            finding: "高峰时段工位不足".into(),
            resolution: "赠送一次免费洗车，调整预约时段".into(),
            ..step(ComplaintAction::Resolve, 3)
        },
        later(4),
    )
    .await
    .unwrap();
    let close = ComplaintStep {
        customer_satisfied: Some(true),
        ..step(ComplaintAction::Close, 4)
    };
    let err = complaint::store::step(&store, &close, apr_first)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("note"));
    complaint::store::step(
        &store,
        &ComplaintStep {
            note: "客户表示满意".into(),
            ..close
        },
        later(5),
    )
    .await
    .unwrap();
    let closed = complaint::store::get(&store, c, apr_first).await.unwrap();
    assert_eq!(closed.status, ComplaintStatus::Closed);
    let sheet = pdf_text(&complaint::sheet_pdf(&store, c).await.unwrap());
    for expected in ["客户抱怨处理表", "2704-001", "高峰时段工位不足", "满意"] {
        assert!(sheet.contains(expected), "{expected} on the sheet");
    }
    assert_eq!(closed.customer_satisfied, Some(true));
    assert_eq!(closed.history.len(), 5);
    assert!(closed.history.last().unwrap().note.contains("客户满意"));

    // The same car, the same kind of complaint: a comeback within 30 days, not after.
    let again = complaint::store::file(
        &store,
        &draft(customers[2], Category::Service),
        apr_first + Duration::days(29),
    )
    .await
    .unwrap();
    assert!(
        complaint::store::get(&store, again, apr_first)
            .await
            .unwrap()
            .comeback
    );
    let other_kind = complaint::store::file(
        &store,
        &draft(customers[2], Category::Price),
        apr_first + Duration::days(29),
    )
    .await
    .unwrap();
    assert!(
        !complaint::store::get(&store, other_kind, apr_first)
            .await
            .unwrap()
            .comeback
    );
    let late = complaint::store::file(
        &store,
        &draft(customers[0], Category::WaitingTime),
        at(3, 2, 2, 0) + Duration::days(31),
    )
    .await
    .unwrap();
    assert!(
        !complaint::store::get(&store, late, apr_first)
            .await
            .unwrap()
            .comeback
    );
}
