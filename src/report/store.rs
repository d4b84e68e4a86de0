//! The SQL of the manager's figures. Each query reads one period through an index on its
//! date, so the dashboard stays fast on years of work orders.

use chrono::{Duration, Months, NaiveDate, NaiveTime, Utc};

use super::table::{Figure, Table};
use super::{
    CategoryCount, GradeCount, KeyCustomer, Kpis, Mean, PayTypeRevenue, Revenue, Satisfaction,
};
use crate::appointment::figures::Ratio;
use crate::complaint::{Category, ComplaintStatus};
use crate::work_order::PayType;
use crate::{LocalizedText, Result, Store};

/// Dealership days `from..=to` as the queries bind them: as dates, and as the instants
/// they start and end.
struct Period {
    tz: chrono_tz::Tz,
    from_day: String,
    to_day: String,
    from_at: chrono::DateTime<Utc>,
    to_at: chrono::DateTime<Utc>,
}

async fn period(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Period> {
    super::check_period(from, to)?;
    let tz = crate::dealership::store::time_zone(store).await?;
    Ok(Period {
        tz,
        from_day: from.to_string(),
        to_day: to.to_string(),
        from_at: crate::appointment::local(from, NaiveTime::MIN, tz),
        to_at: crate::appointment::local(to + Duration::days(1), NaiveTime::MIN, tz),
    })
}

pub async fn kpis(store: &Store, from: NaiveDate, to: NaiveDate) -> Result<Kpis> {
    let db = store.reader();
    let Period {
        tz: _,
        from_day,
        to_day,
        from_at,
        to_at,
    } = period(store, from, to).await?;
    let days = (to - from).num_days() + 1;
    let appointments = crate::appointment::store::figures(store, from, to).await?;

    let received = sqlx::query_scalar!(
        r#"SELECT COUNT(*) AS "n!: i64" FROM work_order
           WHERE created_on BETWEEN ?1 AND ?2 AND status != 'cancelled'"#,
        from_day,
        to_day
    )
    .fetch_one(db)
    .await?;
    let settled = sqlx::query!(
        r#"SELECT COUNT(*) AS "orders!: i64", COALESCE(SUM(discount_fen), 0) AS "discount!: i64",
               COALESCE(SUM(labour_fen), 0) AS "labour!: i64", COALESCE(SUM(parts_fen), 0) AS "parts!: i64",
               COALESCE(SUM(sold_hundredths), 0) AS "hours!: i64",
               COALESCE(SUM(customer_fen), 0) AS "customer!: i64", COALESCE(SUM(warranty_fen), 0) AS "warranty!: i64",
               COALESCE(SUM(internal_fen), 0) AS "internal!: i64", COALESCE(SUM(goodwill_fen), 0) AS "goodwill!: i64",
               COALESCE(SUM(promised_at IS NOT NULL AND ready_at IS NOT NULL), 0) AS "promised!: i64",
               COALESCE(SUM(ready_at <= promised_at), 0) AS "kept!: i64",
               COALESCE(SUM(rework_count > 0), 0) AS "reworked!: i64",
               COALESCE(SUM(COALESCE(wash, FALSE)), 0) AS "washed!: i64"
           FROM work_order WHERE settled_at >= ?1 AND settled_at < ?2"#,
        from_at,
        to_at
    )
    .fetch_one(db)
    .await?;
    let revenue = Revenue {
        labour_fen: settled.labour,
        parts_fen: settled.parts,
        by_pay_type: [
            (PayType::Customer, settled.customer),
            (PayType::Warranty, settled.warranty),
            (PayType::Internal, settled.internal),
            (PayType::Goodwill, settled.goodwill),
        ]
        .into_iter()
        .filter(|(_, fen)| *fen != 0)
        .map(|(pay_type, amount_fen)| PayTypeRevenue {
            pay_type,
            amount_fen,
        })
        .collect(),
        order_discount_fen: settled.discount,
        formula: LocalizedText {
            zh_cn: "本期结算工单的工时费、配件费（扣除项目优惠）；按付费方式分列，客户付费扣除整单优惠".into(),
            en: "Labour and parts of the work orders settled in the period, net of line discounts; by who pays, the customer's share net of order discounts".into(),
        },
    };
    let calls = sqlx::query!(
        r#"SELECT COUNT(DISTINCT work_order_id) AS "called!: i64",
               COUNT(DISTINCT CASE WHEN outcome = 'reached' THEN work_order_id END) AS "reached!: i64",
               COALESCE(SUM(advisor_score), 0) AS "advisor!: i64", COUNT(advisor_score) AS "advisor_n!: i64",
               COALESCE(SUM(quality_score), 0) AS "quality!: i64", COUNT(quality_score) AS "quality_n!: i64",
               COALESCE(SUM(on_time_score), 0) AS "on_time!: i64", COUNT(on_time_score) AS "on_time_n!: i64",
               COALESCE(SUM(price_score), 0) AS "price!: i64", COUNT(price_score) AS "price_n!: i64",
               COALESCE(SUM(facility_score), 0) AS "facility!: i64", COUNT(facility_score) AS "facility_n!: i64",
               COALESCE(SUM(overall_score), 0) AS "overall!: i64", COUNT(overall_score) AS "overall_n!: i64"
           FROM followup_call WHERE at >= ?1 AND at < ?2"#,
        from_at,
        to_at
    )
    .fetch_one(db)
    .await?;
    let score = |sum, n, zh: &str, en: &str| {
        Mean::new(
            sum,
            n,
            1.0,
            &format!("回访评分之和 ÷ 评分次数（{zh}，1–10 分）"),
            &format!("Sum of scores ÷ calls scored ({en}, 1–10)"),
        )
    };

    let by_category = sqlx::query!(
        r#"SELECT category, COUNT(*) AS "n!: i64" FROM complaint
           WHERE received_at >= ?1 AND received_at < ?2 GROUP BY category ORDER BY 2 DESC"#,
        from_at,
        to_at
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| {
        Ok(CategoryCount {
            category: Category::parse(&r.category)?,
            count: r.n,
        })
    })
    .collect::<Result<Vec<_>>>()?;
    let open = sqlx::query!(
        r#"SELECT status, responded_at IS NOT NULL AS "responded!: bool",
               respond_by AS "respond_by: chrono::DateTime<Utc>", finding_by AS "finding_by: chrono::DateTime<Utc>"
           FROM complaint WHERE status NOT IN ('resolved', 'closed')"#
    )
    .fetch_all(db)
    .await?;
    let now = Utc::now();
    let mut overdue = 0;
    for c in &open {
        let status = ComplaintStatus::parse(&c.status)?;
        if crate::complaint::overdue(status, c.responded, c.respond_by, c.finding_by, now).is_some()
        {
            overdue += 1;
        }
    }

    let grades = sqlx::query!(
        r#"SELECT COALESCE(grade, '') AS "grade!: String", COUNT(*) AS "n!: i64"
           FROM customer GROUP BY grade ORDER BY grade IS NULL, grade"#
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| GradeCount {
        grade: r.grade,
        count: r.n,
    })
    .collect();
    let (six, twelve) = (
        to.checked_sub_months(Months::new(6))
            .unwrap_or(to)
            .to_string(),
        to.checked_sub_months(Months::new(12))
            .unwrap_or(to)
            .to_string(),
    );
    let lost = sqlx::query!(
        r#"SELECT (SELECT COUNT(*) FROM customer WHERE last_visit_on < ?1 AND last_visit_on >= ?2) AS "six!: i64",
               (SELECT COUNT(*) FROM customer WHERE last_visit_on < ?2) AS "twelve!: i64""#,
        six,
        twelve
    )
    .fetch_one(db)
    .await?;
    let key_customers = sqlx::query!(
        r#"SELECT c.id, c.name, COALESCE(c.grade, '') AS "grade!: String", k.visits AS "visits!: i64",
               k.revenue AS "revenue!: i64"
           FROM (SELECT customer_id, COUNT(*) AS visits, SUM(revenue_fen) AS revenue FROM service_visit
                 WHERE visit_date BETWEEN ?1 AND ?2 GROUP BY customer_id ORDER BY revenue DESC LIMIT 10) k
           JOIN customer c ON c.id = k.customer_id ORDER BY k.revenue DESC"#,
        from_day,
        to_day
    )
    .fetch_all(db)
    .await?
    .into_iter()
    .map(|r| KeyCustomer {
        customer_id: r.id,
        name: r.name,
        grade: r.grade,
        visits: r.visits,
        revenue_fen: r.revenue,
    })
    .collect();

    Ok(Kpis {
        from: from_day,
        to: to_day,
        appointments,
        orders_per_day: Mean::new(
            received,
            days,
            1.0,
            "本期接车工单数（不含取消） ÷ 天数",
            "Work orders opened in the period (not cancelled) ÷ days",
        ),
        hours_per_order: Mean::new(
            settled.hours,
            settled.orders,
            100.0,
            "本期结算工单的销售工时 ÷ 结算工单数",
            "Labour hours sold on the orders settled ÷ orders settled",
        ),
        revenue,
        promise_kept: Ratio::new(
            settled.kept,
            settled.promised,
            "本期结算工单中按约定时间（或之前）完工的 ÷ 有约定交车时间的结算工单",
            "Settled orders ready by their promised time ÷ settled orders with a promise",
        ),
        rework_rate: Ratio::new(
            settled.reworked,
            settled.orders,
            "本期结算工单中曾返工的 ÷ 结算工单数",
            "Settled orders sent back for rework at least once ÷ orders settled",
        ),
        wash_rate: Ratio::new(
            settled.washed,
            settled.orders,
            "本期结算工单中洗车的 ÷ 结算工单数",
            "Settled orders washed ÷ orders settled",
        ),
        followup_reach: Ratio::new(
            calls.reached,
            calls.called,
            "本期回访接通的工单 ÷ 本期拨打过回访电话的工单",
            "Orders whose customer was reached ÷ orders called in the period",
        ),
        satisfaction: Satisfaction {
            advisor: score(calls.advisor, calls.advisor_n, "服务顾问", "advisor"),
            quality: score(calls.quality, calls.quality_n, "维修质量", "work quality"),
            on_time: score(calls.on_time, calls.on_time_n, "按时交车", "on time"),
            price: score(calls.price, calls.price_n, "价格", "price"),
            facility: score(calls.facility, calls.facility_n, "环境设施", "facility"),
            overall: score(calls.overall, calls.overall_n, "总体", "overall"),
        },
        complaints_by_category: by_category,
        complaints_open: open.len() as i64,
        complaints_overdue: overdue,
        customers_by_grade: grades,
        lost_6_months: lost.six,
        lost_12_months: lost.twelve,
        key_customers,
    })
}

/// Fen as a plain number of yuan for a table cell.
fn yuan(fen: i64) -> String {
    format!("{:.2}", fen as f64 / 100.0)
}

/// The rows a figure counts over `from..=to`, as the dashboard opens them.
pub async fn rows(store: &Store, figure: Figure, from: NaiveDate, to: NaiveDate) -> Result<Table> {
    let db = store.reader();
    let Period {
        tz,
        from_day,
        to_day,
        from_at,
        to_at,
    } = period(store, from, to).await?;
    let local =
        |at: chrono::DateTime<Utc>| at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string();
    let optional = |at: Option<chrono::DateTime<Utc>>| at.map(local).unwrap_or_default();
    Ok(match figure {
        Figure::OrdersOpened => {
            let rows = sqlx::query!(
                r#"SELECT w.number, w.created_on, w.status, v.plate, c.name AS customer, s.name AS advisor
                   FROM work_order w JOIN vehicle v ON v.id = w.vehicle_id JOIN customer c ON c.id = w.customer_id
                   JOIN staff s ON s.id = w.advisor_id
                   WHERE w.created_on BETWEEN ?1 AND ?2 AND w.status != 'cancelled' ORDER BY w.number"#,
                from_day,
                to_day
            )
            .fetch_all(db)
            .await?;
            let mut cells = Vec::new();
            for r in rows {
                let status = crate::work_order::OrderStatus::parse(&r.status)?;
                cells.push(vec![
                    r.number,
                    r.created_on,
                    r.plate,
                    r.customer,
                    r.advisor,
                    status.label_zh().into(),
                ]);
            }
            Table::new(
                "进厂工单|Orders opened",
                &[
                    "工单号|Work order",
                    "进厂日期|Opened",
                    "车牌|Plate",
                    "客户|Customer",
                    "服务顾问|Advisor",
                    "状态|Status",
                ],
                cells,
            )
        }
        Figure::OrdersSettled | Figure::PromiseLate | Figure::Reworked | Figure::Washed => {
            let rows = sqlx::query!(
                r#"SELECT w.number, v.plate, c.name AS customer, s.name AS advisor,
                       w.settled_at AS "settled_at!: chrono::DateTime<Utc>",
                       w.promised_at AS "promised_at: chrono::DateTime<Utc>", w.ready_at AS "ready_at: chrono::DateTime<Utc>",
                       w.sold_hundredths, w.labour_fen, w.parts_fen, w.customer_fen, w.rework_count,
                       COALESCE(w.wash, FALSE) AS "wash!: bool",
                       (SELECT q.reason FROM quality_check q WHERE q.work_order_id = w.id AND NOT q.passed
                        ORDER BY q.at DESC LIMIT 1) AS "rework_reason?: String"
                   FROM work_order w JOIN vehicle v ON v.id = w.vehicle_id JOIN customer c ON c.id = w.customer_id
                   JOIN staff s ON s.id = w.advisor_id
                   WHERE w.settled_at >= ?1 AND w.settled_at < ?2 ORDER BY w.settled_at"#,
                from_at,
                to_at
            )
            .fetch_all(db)
            .await?;
            match figure {
                Figure::PromiseLate => Table::new(
                    "超时交车|Ready late",
                    &[
                        "工单号|Work order",
                        "车牌|Plate",
                        "服务顾问|Advisor",
                        "约定交车|Promised",
                        "实际完工|Ready",
                        "#超时分钟|Minutes late",
                    ],
                    rows.into_iter()
                        .filter_map(|r| {
                            let (promised, ready) = (r.promised_at?, r.ready_at?);
                            (ready > promised).then(|| {
                                vec![
                                    r.number,
                                    r.plate,
                                    r.advisor,
                                    local(promised),
                                    local(ready),
                                    (ready - promised).num_minutes().to_string(),
                                ]
                            })
                        })
                        .collect(),
                ),
                Figure::Reworked => Table::new(
                    "返工工单|Reworked orders",
                    &[
                        "工单号|Work order",
                        "车牌|Plate",
                        "服务顾问|Advisor",
                        "#返工次数|Reworks",
                        "返工原因|Rework reason",
                    ],
                    rows.into_iter()
                        .filter(|r| r.rework_count > 0)
                        .map(|r| {
                            vec![
                                r.number,
                                r.plate,
                                r.advisor,
                                r.rework_count.to_string(),
                                r.rework_reason.unwrap_or_default(),
                            ]
                        })
                        .collect(),
                ),
                Figure::Washed => Table::new(
                    "洗车工单|Washed orders",
                    &[
                        "工单号|Work order",
                        "车牌|Plate",
                        "客户|Customer",
                        "结算时间|Settled",
                    ],
                    rows.into_iter()
                        .filter(|r| r.wash)
                        .map(|r| vec![r.number, r.plate, r.customer, local(r.settled_at)])
                        .collect(),
                ),
                _ => Table::new(
                    "结算工单|Settled orders",
                    &[
                        "工单号|Work order",
                        "车牌|Plate",
                        "客户|Customer",
                        "服务顾问|Advisor",
                        "结算时间|Settled",
                        "#工时|Hours",
                        "#工时费|Labour",
                        "#配件费|Parts",
                        "#客户付费|Customer pays",
                    ],
                    rows.into_iter()
                        .map(|r| {
                            vec![
                                r.number,
                                r.plate,
                                r.customer,
                                r.advisor,
                                local(r.settled_at),
                                format!("{:.2}", r.sold_hundredths as f64 / 100.0),
                                yuan(r.labour_fen),
                                yuan(r.parts_fen),
                                yuan(r.customer_fen),
                            ]
                        })
                        .collect(),
                ),
            }
        }
        Figure::FollowupCalls => {
            let calls = crate::followup::store::calls(store, from, to, None).await?;
            Table::new(
                "回访记录|Follow-up calls",
                &[
                    "工单号|Work order",
                    "服务顾问|Advisor",
                    "回访时间|Called",
                    "回访人|Caller",
                    "结果|Outcome",
                    "#总体满意度|Overall",
                    "备注|Remarks",
                ],
                calls
                    .into_iter()
                    .map(|c| {
                        vec![
                            c.number,
                            c.advisor_name,
                            local(c.at),
                            c.caller_name,
                            c.outcome.label_zh().into(),
                            c.scores.overall.map(|s| s.to_string()).unwrap_or_default(),
                            c.remarks,
                        ]
                    })
                    .collect(),
            )
        }
        Figure::Complaints => {
            let rows = sqlx::query!(
                r#"SELECT c.number, c.category, c.status, u.name AS customer, o.name AS owner,
                       c.received_at AS "received_at: chrono::DateTime<Utc>", c.responded_at AS "responded_at: chrono::DateTime<Utc>",
                       c.comeback
                   FROM complaint c JOIN customer u ON u.id = c.customer_id JOIN staff o ON o.id = c.owner_id
                   WHERE c.received_at >= ?1 AND c.received_at < ?2 ORDER BY c.received_at"#,
                from_at,
                to_at
            )
            .fetch_all(db)
            .await?;
            let mut cells = Vec::new();
            for r in rows {
                cells.push(vec![
                    r.number,
                    Category::parse(&r.category)?.label_zh().into(),
                    ComplaintStatus::parse(&r.status)?.label_zh().into(),
                    r.customer,
                    r.owner,
                    local(r.received_at),
                    optional(r.responded_at),
                    if r.comeback { "返修" } else { "" }.into(),
                ]);
            }
            Table::new(
                "投诉|Complaints",
                &[
                    "编号|Number",
                    "类别|Category",
                    "状态|Status",
                    "客户|Customer",
                    "责任人|Owner",
                    "受理时间|Received",
                    "首次响应|First answer",
                    "返修|Comeback",
                ],
                cells,
            )
        }
        Figure::NoShows => {
            let rows = sqlx::query!(
                r#"SELECT a.number, a.day, v.plate, c.name AS customer, a.no_show_reason
                   FROM appointment a JOIN vehicle v ON v.id = a.vehicle_id JOIN customer c ON c.id = a.customer_id
                   WHERE a.day BETWEEN ?1 AND ?2 AND a.status = 'no_show' ORDER BY a.day, a.number"#,
                from_day,
                to_day
            )
            .fetch_all(db)
            .await?;
            let mut cells = Vec::new();
            for r in rows {
                let reason = match r.no_show_reason.as_deref() {
                    Some(reason) => crate::appointment::NoShowReason::parse(reason)?
                        .label_zh()
                        .to_string(),
                    None => "待问".into(),
                };
                cells.push(vec![r.number, r.day, r.plate, r.customer, reason]);
            }
            Table::new(
                "失约预约|No-shows",
                &[
                    "预约编号|Booking",
                    "预约日期|Day",
                    "车牌|Plate",
                    "客户|Customer",
                    "失约原因|Reason",
                ],
                cells,
            )
        }
        Figure::BookedArrivals => {
            let rows = sqlx::query!(
                r#"SELECT a.number, a.day, v.plate, c.name AS customer, s.name AS advisor
                   FROM appointment a JOIN vehicle v ON v.id = a.vehicle_id JOIN customer c ON c.id = a.customer_id
                   JOIN staff s ON s.id = a.advisor_id
                   WHERE a.day BETWEEN ?1 AND ?2 AND a.status = 'arrived' ORDER BY a.day, a.number"#,
                from_day,
                to_day
            )
            .fetch_all(db)
            .await?;
            Table::new(
                "预约进厂|Booked arrivals",
                &[
                    "预约编号|Booking",
                    "预约日期|Day",
                    "车牌|Plate",
                    "客户|Customer",
                    "服务顾问|Advisor",
                ],
                rows.into_iter()
                    .map(|r| vec![r.number, r.day, r.plate, r.customer, r.advisor])
                    .collect(),
            )
        }
        Figure::Grades => {
            let rows = sqlx::query!(
                r#"SELECT name, COALESCE(mobile, '') AS "mobile!: String", COALESCE(grade, '') AS "grade!: String",
                       COALESCE(last_visit_on, '') AS "last_visit_on!: String"
                   FROM customer ORDER BY grade IS NULL, grade, name LIMIT 5000"#
            )
            .fetch_all(db)
            .await?;
            Table::new(
                "客户分级|Customers by grade",
                &[
                    "客户|Customer",
                    "手机|Mobile",
                    "等级|Grade",
                    "最后来店|Last visit",
                ],
                rows.into_iter()
                    .map(|r| vec![r.name, r.mobile, r.grade, r.last_visit_on])
                    .collect(),
            )
        }
        Figure::LostCustomers => {
            let six = to
                .checked_sub_months(Months::new(6))
                .unwrap_or(to)
                .to_string();
            let rows = sqlx::query!(
                r#"SELECT name, COALESCE(mobile, '') AS "mobile!: String", COALESCE(grade, '') AS "grade!: String",
                       last_visit_on AS "last_visit_on!: String"
                   FROM customer WHERE last_visit_on < ?1 ORDER BY last_visit_on DESC LIMIT 5000"#,
                six
            )
            .fetch_all(db)
            .await?;
            Table::new(
                "流失客户|Lost customers",
                &[
                    "客户|Customer",
                    "手机|Mobile",
                    "等级|Grade",
                    "最后来店|Last visit",
                ],
                rows.into_iter()
                    .map(|r| vec![r.name, r.mobile, r.grade, r.last_visit_on])
                    .collect(),
            )
        }
        Figure::KeyCustomers => {
            let rows = sqlx::query!(
                r#"SELECT c.name, COALESCE(c.mobile, '') AS "mobile!: String", COALESCE(c.grade, '') AS "grade!: String",
                       COUNT(*) AS "visits!: i64", SUM(s.revenue_fen) AS "revenue!: i64"
                   FROM service_visit s JOIN customer c ON c.id = s.customer_id
                   WHERE s.visit_date BETWEEN ?1 AND ?2
                   GROUP BY c.id ORDER BY 5 DESC LIMIT 50"#,
                from_day,
                to_day
            )
            .fetch_all(db)
            .await?;
            Table::new(
                "重点客户|Key customers",
                &[
                    "客户|Customer",
                    "手机|Mobile",
                    "等级|Grade",
                    "#来店次数|Visits",
                    "#消费金额|Revenue",
                ],
                rows.into_iter()
                    .map(|r| {
                        vec![
                            r.name,
                            r.mobile,
                            r.grade,
                            r.visits.to_string(),
                            yuan(r.revenue),
                        ]
                    })
                    .collect(),
            )
        }
    })
}
