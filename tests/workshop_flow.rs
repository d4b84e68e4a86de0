//! The workshop on a real SQLite file with the demo dealership: technicians' clock, lines
//! started and finished, the car reported done, final inspection with one rework, then the
//! wash or the finished-car area — with every refusal on the way.

mod common;

use servicebay::staff::Role;
use servicebay::work_order::{self, OrderAction, OrderStatus, WorkOrder};
use servicebay::workshop::{self, QC_CHECKLIST, QcInput, QcItem};
use servicebay::{Store, demo, staff};

use common::fresh_store;

async fn staff_with(store: &Store, role: Role) -> Vec<i64> {
    staff::store::list(store)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.role == role)
        .map(|s| s.id)
        .collect()
}

/// A dispatched demo order whose customer did (or did not) ask for a wash.
async fn dispatched(store: &Store, wash: bool) -> WorkOrder {
    for line in work_order::store::list(store, Some(OrderStatus::Dispatched), None)
        .await
        .unwrap()
    {
        let order = work_order::store::get(store, line.id).await.unwrap();
        if order.check_in.wash == Some(wash) {
            return order;
        }
    }
    panic!("the demo has a dispatched order with wash = {wash}");
}

fn checklist(ok: bool) -> Vec<QcItem> {
    QC_CHECKLIST
        .iter()
        .map(|item| QcItem {
            item: item.to_string(),
            ok,
        })
        .collect()
}

async fn status(store: &Store, id: i64) -> OrderStatus {
    work_order::store::get(store, id).await.unwrap().status
}

#[tokio::test]
async fn a_car_goes_through_the_workshop_qc_with_one_rework_and_the_wash() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    // The demo keeps one technician clocked on a car in progress; use the others.
    let busy: Vec<i64> =
        sqlx::query_scalar("SELECT technician_id FROM labour_clock WHERE off_at IS NULL")
            .fetch_all(store.reader())
            .await
            .unwrap();
    let technicians: Vec<i64> = staff_with(&store, Role::Technician)
        .await
        .into_iter()
        .filter(|t| !busy.contains(t))
        .collect();
    let inspector = staff_with(&store, Role::QcInspector).await[0];
    let advisor = staff_with(&store, Role::Advisor).await[0];
    let order = dispatched(&store, true).await;
    let labour: Vec<i64> = workshop::store::lines(&store, order.id, chrono::Utc::now())
        .await
        .unwrap()
        .iter()
        .map(|l| l.line_id)
        .collect();
    assert!(labour.len() >= 2, "two labour lines");

    // Only a technician clocks on; the first clock-on starts the line and the order.
    let err = workshop::clock_on(&store, labour[0], advisor)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("technicianId"));
    let lines = workshop::clock_on(&store, labour[0], technicians[0])
        .await
        .unwrap();
    assert_eq!(lines[0].clocked_on.len(), 1);
    assert!(lines[0].started_at.is_some());
    assert_eq!(status(&store, order.id).await, OrderStatus::InProgress);
    // One line at a time per technician.
    let err = workshop::clock_on(&store, labour[1], technicians[0])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    workshop::clock_off(&store, labour[0], technicians[0])
        .await
        .unwrap();
    let err = workshop::clock_off(&store, labour[0], technicians[0])
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");

    // Not done while a labour line is unfinished.
    let err = workshop::report_done(&store, order.id, None)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("lines"));
    for line in &labour {
        workshop::start_line(&store, *line, None).await.unwrap();
        workshop::finish_line(&store, *line, None).await.unwrap();
    }
    let file = workshop::report_done(&store, order.id, None).await.unwrap();
    assert_eq!(file.order.status, OrderStatus::AwaitingQc);

    // QC: only an inspector; a rework needs its reason and is counted.
    let qc = |inspector_id, passed, reason: &str| QcInput {
        order_id: order.id,
        inspector_id,
        checklist: checklist(passed),
        passed,
        reason: reason.into(),
    };
    let err = workshop::quality_check(&store, &qc(advisor, true, ""))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("inspectorId"));
    let err = workshop::quality_check(&store, &qc(inspector, false, " "))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    let file = workshop::quality_check(&store, &qc(inspector, false, "刹车仍有异响"))
        .await
        .unwrap();
    assert_eq!(file.order.status, OrderStatus::Rework);
    let rework_count: i64 = sqlx::query_scalar("SELECT rework_count FROM work_order WHERE id = ?1")
        .bind(order.id)
        .fetch_one(store.reader())
        .await
        .unwrap();
    assert_eq!(rework_count, 1);
    // Back to work on the line, done again, and through QC.
    workshop::start_line(&store, labour[0], None).await.unwrap();
    assert_eq!(status(&store, order.id).await, OrderStatus::InProgress);
    let err = workshop::report_done(&store, order.id, None)
        .await
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("lines"),
        "the restarted line is open again"
    );
    workshop::finish_line(&store, labour[0], None)
        .await
        .unwrap();
    workshop::report_done(&store, order.id, None).await.unwrap();
    workshop::quality_check(&store, &qc(inspector, true, ""))
        .await
        .unwrap();

    // The customer asked for a wash: no parking before it.
    let err = workshop::after_qc(&store, order.id, OrderAction::Park, None)
        .await
        .unwrap_err();
    assert!(err.message_zh().contains("洗车"));
    workshop::after_qc(&store, order.id, OrderAction::StartWash, None)
        .await
        .unwrap();
    let file = workshop::after_qc(&store, order.id, OrderAction::FinishWash, None)
        .await
        .unwrap();
    assert_eq!(file.order.status, OrderStatus::Ready);
    let steps: Vec<OrderAction> = file.history.iter().map(|h| h.action).collect();
    assert!(steps.ends_with(&[
        OrderAction::Start,
        OrderAction::ReportDone,
        OrderAction::Rework,
        OrderAction::Start,
        OrderAction::ReportDone,
        OrderAction::PassQc,
        OrderAction::StartWash,
        OrderAction::FinishWash,
    ]));
    let rework = file
        .history
        .iter()
        .find(|h| h.action == OrderAction::Rework)
        .unwrap();
    assert_eq!(rework.note, "刹车仍有异响");
}

#[tokio::test]
async fn a_car_without_a_wash_is_parked_and_steps_out_of_order_are_refused() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let inspector = staff_with(&store, Role::QcInspector).await[0];
    let order = dispatched(&store, false).await;
    // Not started: nothing to report, nothing to finish, no inspection.
    let err = workshop::report_done(&store, order.id, None)
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("lines"));
    let lines = workshop::store::lines(&store, order.id, chrono::Utc::now())
        .await
        .unwrap();
    let err = workshop::finish_line(&store, lines[0].line_id, None)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    let pass = QcInput {
        order_id: order.id,
        inspector_id: inspector,
        checklist: checklist(true),
        passed: true,
        reason: String::new(),
    };
    let err = workshop::quality_check(&store, &pass).await.unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    for line in &lines {
        workshop::start_line(&store, line.line_id, None)
            .await
            .unwrap();
        workshop::finish_line(&store, line.line_id, None)
            .await
            .unwrap();
    }
    workshop::report_done(&store, order.id, None).await.unwrap();
    workshop::quality_check(&store, &pass).await.unwrap();
    let err = workshop::after_qc(&store, order.id, OrderAction::StartWash, None)
        .await
        .unwrap_err();
    assert!(err.message_zh().contains("没有要求洗车"));
    let file = workshop::after_qc(&store, order.id, OrderAction::Park, None)
        .await
        .unwrap();
    assert_eq!(file.order.status, OrderStatus::Ready);
    // The desk cannot push workshop steps through its own command.
    let err = work_order::act(&store, order.id, OrderAction::Park, None, "")
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
}
