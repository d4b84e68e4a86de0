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
    let dir = std::env::temp_dir().join(format!("servicebay-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let paths = AppPaths::at(&dir);
    let store = Store::open(&paths.database(), &paths.backups()).await?;
    let people = demo::demo_customers(vehicles);
    let mut rng = fastrand::Rng::with_seed(7);
    let now = Utc::now();
    let mut tx = store.writer().begin().await?;
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
    let report = customer::store::import(&store, &sheet, &options, today, &mut |_, _| {}).await?;
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
