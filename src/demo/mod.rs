//! The demo dealership: a deterministic, realistic data set for training, screenshots and
//! tests. The same seed always gives the same people, phones and plates.

mod appointments;
mod history;
mod work_orders;

pub use work_orders::sample_work_order;

use std::collections::HashSet;

use chrono::{Datelike, Days, Utc};
use serde::Serialize;

use crate::customer::grading::GradeBands;
use crate::customer::{
    self, ContactDays, CustomerInput, Gender, Membership, NewCustomer, PastVisit,
};
use crate::dealership::{self, Dealership};
use crate::staff::{self, Role};
use crate::vehicle::Plate;
use crate::vehicle::{self, MileageReading, ReadingSource, VehicleInput};
use crate::{Error, Result, Store};

pub const DEMO_CUSTOMERS: usize = 200;
const SEED: u64 = 20_261_123;

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲红志鹏飞宇浩然欣怡晨阳俊峰海燕雪梅春兰德胜立新晓东丹佳琪子涵思远博文";
const STAFF: [(&str, Role); 15] = [
    ("李明轩", Role::Advisor),
    ("赵雅琴", Role::Advisor),
    ("孙浩", Role::Advisor),
    ("周国强", Role::Foreman),
    ("吴师傅", Role::Technician),
    ("郑磊", Role::Technician),
    ("王海涛", Role::Technician),
    ("冯志刚", Role::Technician),
    ("陈检", Role::QcInspector),
    ("褚备件", Role::PartsClerk),
    ("卫小东", Role::Washer),
    ("蒋丽", Role::Cashier),
    ("沈保国", Role::Guard),
    ("韩晓雪", Role::FollowUp),
    ("杨经理", Role::Manager),
];

#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct SeedSummary {
    pub dealership: Dealership,
    pub staff: u32,
    pub customers: u32,
    pub vehicles: u32,
    pub work_orders: u32,
}

pub fn demo_dealership() -> Dealership {
    Dealership {
        name: "华安马自达4S店（演示）".into(),
        address: "北京市朝阳区东四环北路88号".into(),
        hotline: "010-65432100".into(),
        time_zone: dealership::DEFAULT_TIME_ZONE.into(),
    }
}

/// The demo customers, each with one vehicle; deterministic.
pub fn demo_customers(count: usize) -> Vec<NewCustomer> {
    let mut rng = fastrand::Rng::with_seed(SEED);
    let surnames: Vec<char> = SURNAMES.chars().collect();
    let given: Vec<char> = GIVEN.chars().collect();
    let mut plates = HashSet::new();
    let mut mobiles = HashSet::new();
    let mut out = Vec::with_capacity(count);
    while out.len() < count {
        let mut name = String::from(surnames[rng.usize(..surnames.len())]);
        // About one in four has a one-character given name (王伟), as in real files.
        for _ in 0..if rng.u8(..4) == 0 { 1 } else { 2 } {
            name.push(given[rng.usize(..given.len())]);
        }
        let mobile = format!(
            "{}{:08}",
            [
                "135", "136", "138", "139", "150", "158", "177", "186", "189"
            ][rng.usize(..9)],
            rng.u32(..100_000_000)
        );
        let plate = Plate::parse(&random_plate(&mut rng)).expect("demo plates follow the rules");
        if plates.insert(plate.key()) && mobiles.insert(mobile.clone()) {
            out.push(NewCustomer {
                name,
                mobile,
                plate,
                allow_duplicate_mobile: false,
            });
        }
    }
    out
}

fn random_plate(rng: &mut fastrand::Rng) -> String {
    const LETTERS: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    const SERIAL: &[u8] = b"0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let province = ['京', '京', '京', '京', '冀', '津'][rng.usize(..6)];
    let authority = if province == '京' {
        [
            'A', 'B', 'C', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q',
        ][rng.usize(..14)]
    } else {
        LETTERS[rng.usize(..LETTERS.len())] as char
    };
    let serial: String = if rng.u8(..10) == 0 {
        format!("D{:05}", rng.u32(..100_000))
    } else {
        (0..5)
            .map(|i| {
                if i < 2 {
                    SERIAL[rng.usize(..SERIAL.len())] as char
                } else {
                    char::from(b'0' + rng.u8(..10))
                }
            })
            .collect()
    };
    format!("{province}{authority}{serial}")
}

const MODELS: [&str; 6] = [
    "马自达3 昂克赛拉",
    "马自达6 阿特兹",
    "CX-4",
    "CX-5",
    "CX-30",
    "CX-50",
];
const COLOURS: [&str; 6] = ["魂动红", "珍珠白", "晶钻黑", "钛金灰", "极地蓝", "银色"];
const EMPLOYERS: [&str; 6] = [
    "北京城建集团",
    "中国银行朝阳支行",
    "朝阳区实验小学",
    "京东方科技",
    "个体经营",
    "北京协和医院",
];
const SERVICES: [(&str, bool); 5] = [
    ("常规保养（机油、机滤）", true),
    ("保养+空调滤芯", true),
    ("更换前刹车片", false),
    ("钣金喷漆（后保险杠）", false),
    ("四轮定位", false),
];

/// A VIN of the demo's make with a correct check digit; `serial` keeps it unique.
pub fn demo_vin(year: i32, serial: usize) -> String {
    const YEAR_CODES: &str = "FGHJKLMNPRST";
    let year_code = YEAR_CODES
        .chars()
        .nth((year - 2015).clamp(0, 11) as usize)
        .unwrap_or('T');
    let draft = format!("LVRHDAEJ0{year_code}N{serial:06}");
    let check = crate::vehicle::vin::check_digit(&draft).unwrap_or('0');
    format!("{}{check}{}", &draft[..8], &draft[9..])
}

/// Loads the demo dealership into an empty database, all or nothing: staff, customers with
/// full files, vehicles with VINs, two years of visits, points, and the grades they give.
///
/// The demo is made through the desks' own steps, each its own transaction, so it is made in
/// a scratch database first and copied into this one in a single transaction: a seed stopped
/// halfway leaves this database as it was.
pub async fn seed(store: &Store) -> Result<SeedSummary> {
    if !store.is_empty().await? {
        return Err(already_set_up());
    }
    let scratch_dir = std::env::temp_dir().join(format!(
        "servicebay-demo-{}-{}",
        std::process::id(),
        fastrand::u64(..)
    ));
    let made = seed_scratch(&scratch_dir).await;
    let copied = match &made {
        Ok(_) => store.fill_from(&scratch_dir.join("demo.db")).await,
        Err(_) => Ok(false),
    };
    let _ = std::fs::remove_dir_all(&scratch_dir);
    let summary = made?;
    if !copied? {
        return Err(already_set_up());
    }
    Ok(summary)
}

fn already_set_up() -> Error {
    Error::conflict(
        "门店已设置，演示数据只能载入空数据库",
        "The dealership is already set up; demo data loads into an empty database only",
    )
}

async fn seed_scratch(dir: &std::path::Path) -> Result<SeedSummary> {
    let scratch = Store::open(&dir.join("demo.db"), &dir.join("backups")).await?;
    let summary = seed_into(&scratch).await;
    scratch.close().await;
    summary
}

async fn seed_into(store: &Store) -> Result<SeedSummary> {
    let dealership = demo_dealership();
    let today = Utc::now().with_timezone(&dealership.tz()).date_naive();
    let customers = demo_customers(DEMO_CUSTOMERS);
    let mut rng = fastrand::Rng::with_seed(SEED + 1);
    let now = Utc::now();
    let mut tx = store.write_tx().await?;
    dealership::store::save_with(&mut *tx, &dealership, true).await?;
    let (mut advisors, mut technicians) = (Vec::new(), Vec::new());
    for (name, role) in STAFF {
        let id = staff::add(&mut tx, name, role).await?;
        match role {
            Role::Advisor => advisors.push(id),
            Role::Technician => technicians.push(id),
            _ => {}
        }
    }
    let mut drivers = Vec::with_capacity(customers.len());
    for (index, new) in customers.iter().enumerate() {
        let birthday_month = if index % 12 == 0 {
            today.month()
        } else {
            rng.u32(1..=12)
        };
        let input = CustomerInput {
            gender: Some(if rng.bool() {
                Gender::Male
            } else {
                Gender::Female
            }),
            birthday: format!(
                "{}-{birthday_month:02}-{:02}",
                rng.i32(1960..=2002),
                rng.u32(1..=28)
            ),
            address: format!(
                "北京市朝阳区{}路{}号",
                ["建国", "朝阳北", "东三环", "望京"][rng.usize(..4)],
                rng.u32(1..200)
            ),
            employer: EMPLOYERS[rng.usize(..EMPLOYERS.len())].into(),
            membership: [
                Membership::Normal,
                Membership::Normal,
                Membership::Silver,
                Membership::Gold,
                Membership::Platinum,
            ][rng.usize(..5)],
            contact_days: [ContactDays::Any, ContactDays::Workday, ContactDays::Weekend]
                [rng.usize(..3)],
            follow_up_accepted: index % 9 != 0,
            bad_credit: index % 50 == 7,
            ..CustomerInput::person(&new.name, &new.mobile)
        };
        let customer_id = customer::store::save_in(&mut tx, &input, now).await?;
        // Most customers come every four months; some stopped coming 6 or 12+ months ago.
        let last_visit = match index % 10 {
            1 => today - Days::new(rng.u64(190..350)),
            2 => today - Days::new(rng.u64(380..700)),
            _ => today - Days::new(rng.u64(3..120)),
        };
        let visits = rng.u64(1..=6);
        let first_visit = last_visit - Days::new((visits - 1) * 120);
        let delivered = first_visit - Days::new(rng.u64(20..2_500));
        let year = delivered.year();
        let vehicle = VehicleInput {
            vin: demo_vin(year, index),
            brand: "马自达".into(),
            model: MODELS[rng.usize(..MODELS.len())].into(),
            model_year: Some(year),
            colour: COLOURS[rng.usize(..COLOURS.len())].into(),
            purchase_date: delivered.to_string(),
            delivery_date: delivered.to_string(),
            ..VehicleInput::new(customer_id, new.plate.as_str())
        }
        .validate(today)?;
        let vehicle_id = vehicle::store::save_in(&mut tx, &vehicle, now).await?;
        drivers.push(appointments::Driver {
            customer_id,
            vehicle_id,
        });
        let mut km = rng.i64(3_000..15_000);
        for visit in 0..visits {
            let date = first_visit + Days::new(visit * 120);
            km += rng.i64(3_000..8_000);
            let (summary, maintenance) = SERVICES[rng.usize(..SERVICES.len())];
            let revenue = rng.i64(300..6_000) * 100;
            let visit = PastVisit {
                customer_id,
                vehicle_id,
                visit_date: date.to_string(),
                mileage: Some(km),
                summary: summary.into(),
                revenue_fen: revenue,
                cost_fen: revenue * 6 / 10,
                is_maintenance: maintenance,
            };
            customer::store::insert_visit(&mut tx, &visit).await?;
            let reading = MileageReading {
                read_on: date.to_string(),
                km,
                source: ReadingSource::Import,
                reason: String::new(),
            };
            vehicle::store::add_reading_in(&mut tx, vehicle_id, &reading).await?;
            customer::store::add_points_in(
                &mut tx,
                customer_id,
                revenue / 1_000,
                &format!("{summary} 消费积分"),
                now,
            )
            .await?;
        }
    }
    appointments::seed(
        &mut tx,
        &mut rng,
        &drivers,
        &advisors,
        today,
        dealership.tz(),
        now,
    )
    .await?;
    tx.commit().await?;
    // The desk's own steps (each its own transaction) open today's work orders.
    work_orders::seed_catalogues(store).await?;
    let work_orders = work_orders::seed_orders(store, &drivers, &advisors, &technicians).await?;
    history::seed(store, &drivers, today, dealership.tz()).await?;
    // Graded on everything above, as the daily regrade would.
    customer::store::regrade(store, today, GradeBands::default()).await?;
    Ok(SeedSummary {
        dealership,
        staff: STAFF.len() as u32,
        customers: customers.len() as u32,
        vehicles: customers.len() as u32,
        work_orders,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_customers_are_deterministic_and_valid() {
        let a = demo_customers(50);
        let b = demo_customers(50);
        assert_eq!(a.len(), 50);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(
                (&x.name, &x.mobile, x.plate.as_str()),
                (&y.name, &y.mobile, y.plate.as_str())
            );
            assert!(crate::customer::phone::normalize_mobile("m", &x.mobile).is_ok());
        }
        assert!(
            a.iter().any(|c| c.name.chars().count() == 2),
            "some two-character names"
        );
    }
}
