//! Every figure of the manager's dashboard on a small data set checked by hand, in a real
//! SQLite file: orders received, settled, promised, reworked and washed; calls and scores;
//! complaints; grades; lost and key customers. Rows go in as the steps leave them.

mod common;

use chrono::NaiveDate;
use servicebay::complaint::Category;
use servicebay::report::{self, Figure};
use servicebay::work_order::PayType;

use common::fresh_store;

const DATA: &str = r#"
INSERT INTO staff (id, name, role) VALUES (1, '张顾问', 'advisor'), (2, '周回访', 'follow_up'), (3, '王经理', 'manager');
INSERT INTO customer (id, name, created_at, updated_at, grade) VALUES
    (1, '甲', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 'A'),
    (2, '乙', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', 'B'),
    (3, '丙', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00', NULL);
INSERT INTO vehicle (id, customer_id, plate, plate_key, plate_tail, created_at) VALUES
    (1, 1, '京A·10001', '京A10001', 'A10001', '2026-01-01T00:00:00+00:00'),
    (2, 2, '京A·10002', '京A10002', 'A10002', '2026-01-01T00:00:00+00:00'),
    (3, 3, '京A·10003', '京A10003', 'A10003', '2026-01-01T00:00:00+00:00');
-- O1: settled 2 Nov, ready before its promise, washed; labour 100, parts 50, order discount 10.
-- O2: settled 3 Nov, warranty labour 80, ready after its promise, reworked once.
-- O3: cancelled. O4: still in the workshop. O5: settled the day before the period.
INSERT INTO work_order (id, number, status, customer_id, vehicle_id, advisor_id, created_at, created_on,
        promised_at, ready_at, settled_at, wash, rework_count, discount_fen,
        labour_fen, parts_fen, sold_hundredths, customer_fen, warranty_fen) VALUES
    (1, 'WO20261102-0001', 'exited', 1, 1, 1, '2026-11-02T01:00:00+00:00', '2026-11-02',
        '2026-11-02T05:00:00+00:00', '2026-11-02T04:30:00+00:00', '2026-11-02T06:00:00+00:00', TRUE, 0, 1000,
        10000, 5000, 150, 14000, 0),
    (2, 'WO20261103-0001', 'settled', 2, 2, 1, '2026-11-03T01:00:00+00:00', '2026-11-03',
        '2026-11-03T05:00:00+00:00', '2026-11-03T06:00:00+00:00', '2026-11-03T07:00:00+00:00', FALSE, 1, 0,
        8000, 0, 100, 0, 8000),
    (3, 'WO20261105-0001', 'cancelled', 3, 3, 1, '2026-11-05T01:00:00+00:00', '2026-11-05',
        NULL, NULL, NULL, NULL, 0, 0, 0, 0, 0, 0, 0),
    (4, 'WO20261105-0002', 'in_progress', 3, 3, 1, '2026-11-05T02:00:00+00:00', '2026-11-05',
        '2026-11-05T09:00:00+00:00', NULL, NULL, TRUE, 0, 0, 0, 0, 0, 0, 0),
    (5, 'WO20261031-0001', 'exited', 1, 1, 1, '2026-10-31T01:00:00+00:00', '2026-10-31',
        '2026-10-31T05:00:00+00:00', '2026-10-31T04:00:00+00:00', '2026-10-31T06:00:00+00:00', TRUE, 1, 0,
        20000, 0, 200, 20000, 0);
-- Calls: O1 reached (overall 9, quality 8); O2 not reached. A call before the period.
INSERT INTO followup_call (work_order_id, at, caller_id, outcome, quality_score, overall_score) VALUES
    (1, '2026-11-05T02:00:00+00:00', 2, 'reached', 8, 9),
    (2, '2026-11-06T02:00:00+00:00', 2, 'not_reached', NULL, NULL),
    (5, '2026-10-31T10:00:00+00:00', 2, 'reached', 2, 2);
-- Complaints in the period: service (open, no answer, long overdue) and price (closed).
INSERT INTO complaint (number, status, source, category, customer_id, description, owner_id,
        received_at, respond_by, finding_by, customer_satisfied) VALUES
    ('2611-001', 'open', 'phone', 'service', 1, '态度差', 3,
        '2026-11-04T02:00:00+00:00', '2026-11-05T02:00:00+00:00', '2026-11-07T02:00:00+00:00', NULL),
    ('2611-002', 'closed', 'visit', 'price', 2, '价格高', 3,
        '2026-11-06T02:00:00+00:00', '2026-11-07T02:00:00+00:00', '2026-11-09T02:00:00+00:00', TRUE),
    ('2610-001', 'closed', 'visit', 'price', 2, '上月的', 3,
        '2026-10-06T02:00:00+00:00', '2026-10-07T02:00:00+00:00', '2026-10-09T02:00:00+00:00', TRUE);
-- Visits: 甲 in the period, 乙 eight months before its end, 丙 almost two years before.
INSERT INTO service_visit (customer_id, vehicle_id, visit_date, revenue_fen) VALUES
    (1, 1, '2026-11-02', 14000), (1, 1, '2026-10-31', 20000),
    (2, 2, '2026-03-01', 30000), (3, 3, '2025-01-01', 1000);
"#;

#[tokio::test]
async fn every_figure_follows_its_formula_on_a_hand_checked_set() {
    let (_dir, store) = fresh_store().await;
    sqlx::raw_sql(DATA).execute(store.writer()).await.unwrap();
    let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).unwrap();
    let k = report::store::kpis(&store, day(1), day(10)).await.unwrap();

    // 3 orders opened (the cancelled one left out) over 10 days.
    assert_eq!(
        (k.orders_per_day.numerator, k.orders_per_day.denominator),
        (3, 10)
    );
    assert_eq!(k.orders_per_day.value, Some(0.3));
    // Settled in the period: O1 and O2; 1.5 + 1.0 hours.
    assert_eq!(k.hours_per_order.value, Some(1.25));
    assert_eq!(k.revenue.labour_fen, 18_000);
    assert_eq!(k.revenue.parts_fen, 5_000);
    assert_eq!(k.revenue.order_discount_fen, 1_000);
    let by: Vec<(PayType, i64)> = k
        .revenue
        .by_pay_type
        .iter()
        .map(|p| (p.pay_type, p.amount_fen))
        .collect();
    assert_eq!(
        by,
        vec![(PayType::Customer, 14_000), (PayType::Warranty, 8_000)]
    );
    // O1 ready in time, O2 late; O2 reworked; O1 washed.
    assert_eq!(
        (k.promise_kept.numerator, k.promise_kept.denominator),
        (1, 2)
    );
    assert_eq!(k.promise_kept.percent, Some(50.0));
    assert_eq!((k.rework_rate.numerator, k.rework_rate.denominator), (1, 2));
    assert_eq!((k.wash_rate.numerator, k.wash_rate.denominator), (1, 2));
    // Two orders called in the period, one reached; the October call is left out.
    assert_eq!(
        (k.followup_reach.numerator, k.followup_reach.denominator),
        (1, 2)
    );
    assert_eq!(k.satisfaction.overall.value, Some(9.0));
    assert_eq!(k.satisfaction.quality.value, Some(8.0));
    assert_eq!(k.satisfaction.price.value, None);
    // Complaints received in the period by category; one open, and it is overdue now.
    let mut categories: Vec<(Category, i64)> = k
        .complaints_by_category
        .iter()
        .map(|c| (c.category, c.count))
        .collect();
    categories.sort_by_key(|c| c.0.as_str());
    assert_eq!(
        categories,
        vec![(Category::Price, 1), (Category::Service, 1)]
    );
    assert_eq!((k.complaints_open, k.complaints_overdue), (1, 1));
    // Grades now; lost counted from the end of the period; key customers by revenue in it.
    let grades: Vec<(String, i64)> = k
        .customers_by_grade
        .iter()
        .map(|g| (g.grade.clone(), g.count))
        .collect();
    assert_eq!(
        grades,
        vec![("A".into(), 1), ("B".into(), 1), (String::new(), 1)]
    );
    assert_eq!((k.lost_6_months, k.lost_12_months), (1, 1));
    assert_eq!(k.key_customers.len(), 1);
    assert_eq!(k.key_customers[0].name, "甲");
    assert_eq!(k.key_customers[0].revenue_fen, 14_000);
    // Every figure says how it is counted.
    assert!(k.rework_rate.formula.zh_cn.contains("返工"));
    assert!(k.hours_per_order.formula.en.contains("hours"));

    // And opens the rows it counts, which export to .xlsx with numbers as numbers.
    let rows = |figure| report::store::rows(&store, figure, day(1), day(10));
    let late = rows(Figure::PromiseLate).await.unwrap();
    assert_eq!(late.rows.len(), 1);
    assert_eq!(late.rows[0][0], "WO20261103-0001");
    assert_eq!(late.rows[0].last().unwrap(), "60");
    assert_eq!(rows(Figure::Reworked).await.unwrap().rows.len(), 1);
    assert_eq!(rows(Figure::Washed).await.unwrap().rows.len(), 1);
    assert_eq!(rows(Figure::OrdersOpened).await.unwrap().rows.len(), 3);
    assert_eq!(rows(Figure::FollowupCalls).await.unwrap().rows.len(), 2);
    assert_eq!(rows(Figure::Complaints).await.unwrap().rows.len(), 2);
    let lost = rows(Figure::LostCustomers).await.unwrap();
    assert_eq!(lost.rows.len(), 2);
    assert_eq!(rows(Figure::BookedArrivals).await.unwrap().rows.len(), 0);
    let grades = rows(Figure::Grades).await.unwrap();
    assert_eq!(grades.rows.len(), 3);
    assert_eq!(grades.title.en, "Customers by grade");
    let settled = rows(Figure::OrdersSettled).await.unwrap();
    assert_eq!(settled.columns[8].title.zh_cn, "客户付费");
    assert_eq!(settled.columns[8].title.en, "Customer pays");
    assert_eq!(settled.rows[0][8], "140.00");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("结算工单.xlsx");
    report::table::write_xlsx(&path, &[settled]).unwrap();
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&path).unwrap();
    use calamine::Reader;
    let sheet = book.worksheet_range("结算工单").unwrap();
    assert_eq!(
        sheet.get_value((0, 0)),
        Some(&calamine::Data::String("工单号".into()))
    );
    assert_eq!(sheet.get_value((1, 8)), Some(&calamine::Data::Float(140.0)));
}
