//! `servicebay bench`: speed on generated data of a large dealership, measured on a real
//! SQLite file in a temporary folder.

use std::fmt;
use std::time::{Duration, Instant};

use chrono::Utc;
use serde::Serialize;

use crate::customer::{self, CustomerInput};
use crate::vehicle::{self, CheckedVehicle, Plate, VehicleInput};
use crate::{AppPaths, Result, Store, demo};

#[derive(Debug, Serialize)]
pub struct SearchReport {
    pub customers: usize,
    pub vehicles: usize,
    pub queries_per_kind: usize,
    pub kinds: Vec<KindTiming>,
}

#[derive(Debug, Serialize)]
pub struct KindTiming {
    pub kind: &'static str,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
    /// Queries that found at least one customer (a query that finds nothing measures little).
    pub found: usize,
}

impl fmt::Display for SearchReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} customers, {} vehicles, {} queries of each kind",
            self.customers, self.vehicles, self.queries_per_kind
        )?;
        writeln!(
            f,
            "{:<22} {:>8} {:>8} {:>8} {:>6}",
            "kind", "p50 ms", "p95 ms", "max ms", "found"
        )?;
        for k in &self.kinds {
            writeln!(
                f,
                "{:<22} {:>8.2} {:>8.2} {:>8.2} {:>6}",
                k.kind, k.p50_ms, k.p95_ms, k.max_ms, k.found
            )?;
        }
        Ok(())
    }
}

/// Generates `customers` customers owning `vehicles` vehicles (every customer one, the rest
/// to random owners), then times `queries` searches of each kind.
pub async fn search(customers: usize, vehicles: usize, queries: usize) -> Result<SearchReport> {
    counted("customers", customers)?;
    counted("queries", queries)?;
    if vehicles < customers {
        return Err(crate::Error::validation(
            "vehicles",
            format!("车辆数（{vehicles}）不能少于客户数（{customers}）：每位客户至少一辆车"),
            format!(
                "The vehicles ({vehicles}) cannot be fewer than the customers ({customers}): every customer owns one"
            ),
        ));
    }
    let dir = std::env::temp_dir().join(format!("servicebay-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let paths = AppPaths::at(&dir);
    let store = Store::open(&paths.database(), &paths.backups()).await?;
    let people = demo::demo_customers(vehicles);
    let mut rng = fastrand::Rng::with_seed(7);
    let now = Utc::now();
    let mut tx = store.write_tx().await?;
    let mut owners = Vec::with_capacity(customers);
    let mut vins = Vec::with_capacity(vehicles);
    for (index, person) in people.iter().enumerate() {
        let owner = if index < customers {
            let input = CustomerInput {
                employer: format!(
                    "{}公司",
                    ["北京城建", "京东方", "首钢", "中信", "国美"][index % 5]
                ),
                ..CustomerInput::person(&person.name, &person.mobile)
            };
            let id = customer::store::save_in(&mut tx, &input, now).await?;
            owners.push(id);
            id
        } else {
            owners[rng.usize(..owners.len())]
        };
        let vin = demo::demo_vin(2016 + (index % 10) as i32, index);
        let checked = CheckedVehicle {
            input: VehicleInput {
                vin: vin.clone(),
                ..VehicleInput::new(owner, person.plate.as_str())
            },
            plate: person.plate.clone(),
            vin: Some(vin.clone()),
        };
        vehicle::store::save_in(&mut tx, &checked, now).await?;
        vins.push(vin);
    }
    tx.commit().await?;
    let pick = |rng: &mut fastrand::Rng| &people[rng.usize(..customers)];
    let plate_key = |p: &Plate| p.key();
    type Make<'a> = Box<dyn Fn(&mut fastrand::Rng) -> String + 'a>;
    let kinds: Vec<(&'static str, Make)> = vec![
        (
            "plate start 京A1",
            Box::new(|r| plate_key(&pick(r).plate).chars().take(4).collect()),
        ),
        (
            "plate without province",
            Box::new(|r| pick(r).plate.tail().chars().take(4).collect()),
        ),
        (
            "plate any part",
            Box::new(|r| pick(r).plate.tail().chars().skip(2).take(3).collect()),
        ),
        ("mobile", Box::new(|r| pick(r).mobile.clone())),
        (
            "mobile last 4",
            Box::new(|r| pick(r).mobile[7..].to_string()),
        ),
        (
            "name (2 characters)",
            Box::new(|r| pick(r).name.chars().take(2).collect()),
        ),
        (
            "pinyin initials",
            Box::new(|r| customer::pinyin::romanize(&pick(r).name).1),
        ),
        (
            "full pinyin",
            Box::new(|r| {
                customer::pinyin::romanize(&pick(r).name)
                    .0
                    .chars()
                    .take(6)
                    .collect()
            }),
        ),
        (
            "VIN last 6",
            Box::new(|r| vins[r.usize(..vins.len())][11..].to_string()),
        ),
        ("company", Box::new(|_| "京东方".to_string())),
    ];
    let mut timings = Vec::new();
    for (kind, make) in kinds {
        let mut times = Vec::with_capacity(queries);
        let mut found = 0;
        for _ in 0..queries {
            let query = make(&mut rng);
            let started = Instant::now();
            let hits = customer::store::search(&store, &query).await?;
            times.push(started.elapsed());
            found += usize::from(!hits.is_empty());
        }
        times.sort();
        let at = |q: f64| {
            ms(times[((times.len() as f64 * q).ceil() as usize).clamp(1, times.len()) - 1])
        };
        timings.push(KindTiming {
            kind,
            p50_ms: at(0.50),
            p95_ms: at(0.95),
            max_ms: at(1.0),
            found,
        });
    }
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(SearchReport {
        customers,
        vehicles,
        queries_per_kind: queries,
        kinds: timings,
    })
}

/// A count the bench needs at least one of (a p50 of no queries is no figure).
fn counted(field: &'static str, n: usize) -> Result<()> {
    if n == 0 {
        return Err(crate::Error::validation(
            field,
            format!("--{field} 至少为 1"),
            format!("--{field} must be at least 1"),
        ));
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}

#[derive(Debug, Serialize)]
pub struct ImportTiming {
    pub rows: usize,
    pub read_seconds: f64,
    pub import_seconds: f64,
    pub accepted: u32,
}

impl fmt::Display for ImportTiming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} rows: read {:.1} s, checked and stored {:.1} s ({} accepted)",
            self.rows, self.read_seconds, self.import_seconds, self.accepted
        )
    }
}

/// Writes an .xlsx of `rows` customers the way dealers' files look, then imports it into an
/// empty database and times both halves.
pub async fn import(rows: usize) -> Result<ImportTiming> {
    counted("rows", rows)?;
    let dir = std::env::temp_dir().join(format!("servicebay-bench-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let file = dir.join("customers.xlsx");
    let xlsx = |e: rust_xlsxwriter::XlsxError| crate::Error::Io(std::io::Error::other(e));
    let mut book = rust_xlsxwriter::Workbook::new();
    let page = book.add_worksheet();
    for (col, header) in ["姓名", "手机", "车牌", "车架号", "生日"]
        .iter()
        .enumerate()
    {
        page.write_string(0, col as u16, *header).map_err(xlsx)?;
    }
    for (index, person) in demo::demo_customers(rows).iter().enumerate() {
        let line = index as u32 + 1;
        page.write_string(line, 0, &person.name).map_err(xlsx)?;
        page.write_number(line, 1, person.mobile.parse::<f64>().unwrap_or_default())
            .map_err(xlsx)?;
        page.write_string(line, 2, person.plate.as_str())
            .map_err(xlsx)?;
        page.write_string(line, 3, demo::demo_vin(2020, index))
            .map_err(xlsx)?;
        page.write_number(line, 4, 31_114.0 + (index % 5_000) as f64)
            .map_err(xlsx)?;
    }
    book.save(&file).map_err(xlsx)?;
    let paths = AppPaths::at(&dir);
    let store = Store::open(&paths.database(), &paths.backups()).await?;
    let started = Instant::now();
    let sheet = customer::import::read_sheet(&file)?;
    let read_seconds = started.elapsed().as_secs_f64();
    let options = customer::import::ImportOptions {
        dry_run: false,
        skip_invalid: false,
        duplicates: customer::import::Duplicates::Skip,
        mapping: None,
    };
    let today = chrono::Utc::now().date_naive();
    let started = Instant::now();
    let report =
        customer::store::import(&store, &sheet, &options, today, &mut |_, _| {}, &mut |_| {
            Ok(())
        })
        .await?;
    let import_seconds = started.elapsed().as_secs_f64();
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(ImportTiming {
        rows,
        read_seconds,
        import_seconds,
        accepted: report.accepted,
    })
}

#[derive(Debug, Serialize)]
pub struct PdfTiming {
    pub lines: usize,
    pub runs: usize,
    pub paper: &'static str,
    pub p50_ms: f64,
    pub max_ms: f64,
    pub bytes: usize,
}

impl fmt::Display for PdfTiming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:<5} {} lines: p50 {:.1} ms, max {:.1} ms, {} KB",
            self.paper,
            self.lines,
            self.p50_ms,
            self.max_ms,
            self.bytes / 1024
        )
    }
}

/// Renders a work order of `lines` lines `runs` times on each paper, after one render that
/// loads the font, and reports the time per document and its size.
pub fn work_order_pdf(
    lines: usize,
    runs: usize,
    save_to: Option<&std::path::Path>,
) -> Result<PdfReport> {
    counted("runs", runs)?;
    use crate::print::work_order::{FormSize, render};
    let order = demo::sample_work_order(lines);
    let dealership = demo::demo_dealership();
    let terms = crate::work_order::WorkOrderSettings::default().terms;
    let tz = dealership.tz();
    let papers = [FormSize::A4, FormSize::Half]
        .into_iter()
        .map(|size| {
            let pdf = render(&dealership, &order, None, &terms, size, tz)?;
            if let Some(dir) = save_to {
                std::fs::create_dir_all(dir)?;
                std::fs::write(dir.join(format!("work-order-{}.pdf", size.as_str())), &pdf)?;
            }
            let mut times = Vec::with_capacity(runs);
            for _ in 0..runs.max(1) {
                let started = Instant::now();
                render(&dealership, &order, None, &terms, size, tz)?;
                times.push(started.elapsed());
            }
            times.sort();
            Ok(PdfTiming {
                lines,
                runs: times.len(),
                paper: size.as_str(),
                p50_ms: ms(times[times.len() / 2]),
                max_ms: ms(times[times.len() - 1]),
                bytes: pdf.len(),
            })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(PdfReport { papers })
}

#[derive(Debug, Serialize)]
pub struct PdfReport {
    pub papers: Vec<PdfTiming>,
}

impl fmt::Display for PdfReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for paper in &self.papers {
            writeln!(f, "{paper}")?;
        }
        Ok(())
    }
}

#[derive(Debug, Serialize)]
pub struct KpiTiming {
    pub work_orders: usize,
    pub generate_seconds: f64,
    pub period_days: i64,
    pub runs: usize,
    pub p50_ms: f64,
    pub max_ms: f64,
    pub orders_in_period: i64,
}

impl fmt::Display for KpiTiming {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} work orders (generated in {:.0} s); dashboard over {} days ({} orders): p50 {:.1} ms, max {:.1} ms over {} runs",
            self.work_orders,
            self.generate_seconds,
            self.period_days,
            self.orders_in_period,
            self.p50_ms,
            self.max_ms,
            self.runs
        )
    }
}

/// Three years of a busy dealership, written straight in SQL: `orders` settled work orders
/// with a labour and a parts line, inspection, history, visits (each moving the customer's last
/// visit on), a booking for two in five and a follow-up call for half, some complaints. Then times every dashboard query together over
/// the last `period_days` days.
pub async fn kpis(orders: usize, period_days: i64, runs: usize) -> Result<KpiTiming> {
    counted("orders", orders)?;
    counted("runs", runs)?;
    counted("days", usize::try_from(period_days).unwrap_or(0))?;
    let dir = std::env::temp_dir().join(format!("servicebay-bench-kpis-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let paths = AppPaths::at(&dir);
    let store = Store::open(&paths.database(), &paths.backups()).await?;
    let started = Instant::now();
    let days = 3 * 365;
    let end = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
    let start = end - chrono::Duration::days(days - 1);
    let customers = (orders / 20).max(10);
    let script = format!(
        r#"
        PRAGMA foreign_keys = OFF;
        BEGIN;
        INSERT INTO staff (id, name, role) VALUES (1, '顾问一', 'advisor'), (2, '顾问二', 'advisor'),
            (3, '技师', 'technician'), (4, '质检', 'qc_inspector'), (5, '回访', 'follow_up'),
            (6, '经理', 'manager');
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {customers})
        INSERT INTO customer (id, name, mobile, mobile_last4, created_at, updated_at, grade)
        SELECT i, '客户' || i, '139' || printf('%08d', i), printf('%04d', i % 10000),
               '{start}T00:00:00+00:00', '{start}T00:00:00+00:00', substr('ABCCDD', 1 + i % 6, 1) FROM n;
        INSERT INTO vehicle (id, customer_id, plate, plate_key, plate_tail, created_at)
        SELECT id, id, '京A·' || printf('%05d', id), '京A' || printf('%05d', id), 'A' || printf('%05d', id),
               created_at FROM customer;
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {orders}),
             o(i, d, h) AS (SELECT i, date('{start}', '+' || ((i - 1) * {days} / {orders}) || ' days'), i % 9 FROM n)
        INSERT INTO work_order (id, number, status, customer_id, vehicle_id, advisor_id, created_at, created_on,
                                promised_at, ready_at, wash, rework_count, mileage, settled_at,
                                followup_consent, followup_method, followup_phone, followup_time,
                                labour_fen, parts_fen, sold_hundredths, customer_fen, warranty_fen)
        SELECT i, 'B' || i, 'exited', 1 + i % {customers}, 1 + i % {customers}, 1 + i % 2,
               d || 'T0' || h || ':00:00+00:00', d, d || 'T0' || h || ':30:00+00:00',
               d || 'T0' || h || ':' || printf('%02d', 10 + i % 40) || ':00+00:00',
               i % 3 = 0, (i % 17 = 0), 10000 + i % 90000, d || 'T0' || h || ':50:00+00:00',
               TRUE, 'mobile', '13900000000', 'any',
               (50 + i % 200) * 160, 4800, 50 + i % 200,
               4800 + CASE WHEN i % 10 = 0 THEN 0 ELSE (50 + i % 200) * 160 END,
               CASE WHEN i % 10 = 0 THEN (50 + i % 200) * 160 ELSE 0 END FROM o;
        INSERT INTO work_order_line (work_order_id, position, kind, pay_type, code, name,
                                     quantity_hundredths, unit_price_fen, amount_fen, discount_fen, technician_id)
        SELECT id, 1, 'labour', CASE WHEN id % 10 = 0 THEN 'warranty' ELSE 'customer' END, 'BY-01', '保养',
               50 + id % 200, 16000, (50 + id % 200) * 160, 0, 3 FROM work_order;
        INSERT INTO work_order_line (work_order_id, position, kind, pay_type, code, name,
                                     quantity_hundredths, unit_price_fen, amount_fen, discount_fen, stock)
        SELECT id, 2, 'part', 'customer', 'PE01', '机油滤清器', 100, 4800, 4800, 0, 'in_stock' FROM work_order;
        INSERT INTO work_order_history (work_order_id, at, action, from_status, to_status, version)
        SELECT id, substr(created_on, 1, 10) || 'T0' || (id % 9) || ':' || printf('%02d', 10 + id % 40) || ':00+00:00',
               'park', 'passed_qc', 'ready', 1 FROM work_order;
        INSERT INTO quality_check (work_order_id, at, inspector_id, passed, checklist)
        SELECT id, substr(created_on, 1, 10) || 'T0' || (id % 9) || ':05:00+00:00', 4, TRUE, '[]' FROM work_order;
        INSERT INTO service_visit (customer_id, vehicle_id, visit_date, mileage, summary, revenue_fen, is_maintenance)
        SELECT customer_id, vehicle_id, created_on, mileage, number, 13000 + id % 40000, TRUE FROM work_order;
        INSERT INTO followup_call (work_order_id, at, caller_id, outcome, advisor_score, quality_score,
                                   on_time_score, price_score, facility_score, overall_score)
        SELECT id, settled_at, 5, CASE WHEN id % 5 = 0 THEN 'not_reached' ELSE 'reached' END,
               CASE WHEN id % 5 = 0 THEN NULL ELSE 6 + id % 5 END, CASE WHEN id % 5 = 0 THEN NULL ELSE 5 + id % 6 END,
               NULL, NULL, NULL, CASE WHEN id % 5 = 0 THEN NULL ELSE 6 + id % 5 END
        FROM work_order WHERE id % 2 = 0;
        INSERT INTO appointment (number, kind, service_type, customer_id, vehicle_id, day, slot, advisor_id,
                                 status, no_show_reason, created_at)
        SELECT 'B' || id, 'proactive', 'maintenance', customer_id, vehicle_id, created_on, '09:00', advisor_id,
               CASE WHEN id % 25 = 0 THEN 'no_show' ELSE 'arrived' END,
               CASE WHEN id % 25 = 0 THEN 'busy' END, created_at
        FROM work_order WHERE id % 5 < 2;
        INSERT INTO complaint (number, status, source, category, customer_id, vehicle_id, work_order_id,
                               description, owner_id, received_at, respond_by, finding_by, customer_satisfied)
        SELECT 'B' || id, CASE WHEN id % 3 = 0 THEN 'open' ELSE 'closed' END, 'phone',
               CASE id % 3 WHEN 0 THEN 'price' WHEN 1 THEN 'service' ELSE 'work_quality' END,
               customer_id, vehicle_id, id, '等待时间长', 6, settled_at, settled_at, settled_at,
               CASE WHEN id % 3 = 0 THEN NULL ELSE TRUE END
        FROM work_order WHERE id % 200 = 0;
        COMMIT;
        ANALYZE;
        "#,
    );
    // Built from numbers only: nothing typed by anyone reaches it.
    sqlx::raw_sql(sqlx::AssertSqlSafe(script))
        .execute(store.writer())
        .await?;
    let generate_seconds = started.elapsed().as_secs_f64();
    let from = end - chrono::Duration::days(period_days - 1);
    let mut times = Vec::with_capacity(runs);
    let mut orders_in_period = 0;
    for _ in 0..runs.max(1) {
        let started = Instant::now();
        let kpis = crate::report::store::kpis(&store, from, end).await?;
        times.push(started.elapsed());
        orders_in_period = kpis.orders_per_day.numerator;
    }
    times.sort();
    store.close().await;
    let _ = std::fs::remove_dir_all(&dir);
    Ok(KpiTiming {
        work_orders: orders,
        generate_seconds,
        period_days,
        runs: times.len(),
        p50_ms: ms(times[times.len() / 2]),
        max_ms: ms(times[times.len() - 1]),
        orders_in_period,
    })
}
