//! The demo dealership: a deterministic, realistic data set for training, screenshots and
//! tests. The same seed always gives the same people, phones and plates.

use std::collections::HashSet;

use chrono::Utc;
use serde::Serialize;

use crate::customer::{self, NewCustomer};
use crate::dealership::{self, Dealership};
use crate::staff::{self, Role};
use crate::vehicle::Plate;
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

/// Loads the demo dealership into an empty database, all or nothing.
pub async fn seed(store: &Store) -> Result<SeedSummary> {
    if dealership::store::get(store).await?.is_some() {
        return Err(Error::conflict(
            "门店已设置，演示数据只能载入空数据库",
            "The dealership is already set up; demo data loads into an empty database only",
        ));
    }
    let dealership = demo_dealership();
    let customers = demo_customers(DEMO_CUSTOMERS);
    let now = Utc::now();
    let mut tx = store.writer().begin().await?;
    dealership::store::save_with(&mut *tx, &dealership, true).await?;
    for (name, role) in STAFF {
        staff::store::insert(&mut tx, name, role).await?;
    }
    for new in &customers {
        customer::store::insert(&mut tx, new, now).await?;
    }
    tx.commit().await?;
    Ok(SeedSummary {
        dealership,
        staff: STAFF.len() as u32,
        customers: customers.len() as u32,
        vehicles: customers.len() as u32,
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
