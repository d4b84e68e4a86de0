//! Reception (接待) and check-in (接车登记): the fault interview by 5W2H, the walk-round of
//! the car with damage marked on an outline, and what the customer chose (wait or leave,
//! wash, old parts, test drive). A reception opens a work order in draft.

pub mod store;

use serde::{Deserialize, Serialize};

use crate::customer::VisitLine;
use crate::text::text_enum;
use crate::work_order::{self, WorkOrderFile};
use crate::{Error, Result, Store};

text_enum!(
    /// Where the customer is while the car is in the shop.
    CustomerWaits { Lounge = "lounge", Leaves = "leaves" }
);
text_enum!(
    /// What happens to the parts taken off (旧件处理).
    OldParts { Take = "take", Dispose = "dispose", WarrantyReturn = "warranty_return" }
);
text_enum!(
    DamageKind { Scratch = "scratch", Dent = "dent", Crack = "crack", Other = "other" }
);
text_enum!(
    /// Which drawing of the car a damage mark is on.
    OutlineView { Top = "top", Side = "side" }
);

impl CustomerWaits {
    pub fn label_zh(self) -> &'static str {
        match self {
            CustomerWaits::Lounge => "在休息室等候",
            CustomerWaits::Leaves => "离店，完工后联系",
        }
    }
}

impl OldParts {
    pub fn label_zh(self) -> &'static str {
        match self {
            OldParts::Take => "客户带走",
            OldParts::Dispose => "由本店处理",
            OldParts::WarrantyReturn => "索赔件返厂",
        }
    }
}

impl DamageKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            DamageKind::Scratch => "划痕",
            DamageKind::Dent => "凹陷",
            DamageKind::Crack => "裂纹",
            DamageKind::Other => "其他",
        }
    }
}

/// The fault interview (5W2H), in the customer's words where they gave them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Interview {
    /// WHERE: where the fault shows (on the motorway, in the car park).
    #[serde(rename = "where")]
    pub where_: String,
    /// WHEN: since when, how often, cold or warm.
    pub when: String,
    /// WHO: who was driving.
    pub who: String,
    /// WHAT: the symptom, or what the customer came for.
    pub what: String,
    /// WHY: the likely cause as first judged.
    pub why: String,
    /// HOW (to fix): what the workshop will do.
    pub how_fix: String,
    /// HOW MUCH: time and cost as told to the customer.
    pub how_much: String,
}

impl Interview {
    /// The five questions and two answers as the papers print them.
    pub fn labelled(&self) -> [(&'static str, &str); 7] {
        [
            ("现象 What", &self.what),
            ("地点 Where", &self.where_),
            ("时间 When", &self.when),
            ("当事人 Who", &self.who),
            ("原因 Why", &self.why),
            ("排除 How", &self.how_fix),
            ("估价 How much", &self.how_much),
        ]
    }

    /// Each answer is a note of at most 500 characters (`interview.what`, ...).
    pub fn check(&self) -> Result<()> {
        for (field, value) in [
            ("interview.what", &self.what),
            ("interview.where", &self.where_),
            ("interview.when", &self.when),
            ("interview.who", &self.who),
            ("interview.why", &self.why),
            ("interview.howFix", &self.how_fix),
            ("interview.howMuch", &self.how_much),
        ] {
            crate::text::printed_note(field, value, 500, "问诊记录", "interview answer")?;
        }
        Ok(())
    }
}

/// One mark on the car outline: a numbered spot with what was found there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DamageMark {
    pub no: u32,
    pub view: OutlineView,
    /// Position in the view's units (see [`car_outline`]).
    pub x: f32,
    pub y: f32,
    pub kind: DamageKind,
    pub note: String,
}

/// The check-in form (接车登记表) as the advisor fills it at the car.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub mileage: Option<i64>,
    /// Fuel gauge in eighths: 0 empty … 8 full.
    pub fuel_eighths: Option<i64>,
    pub damage: Vec<DamageMark>,
    pub items_left: String,
    pub valuables_reminded: bool,
    pub covers_fitted: bool,
    pub customer_waits: Option<CustomerWaits>,
    /// Where to reach the customer when they leave.
    pub contact_phone: String,
    pub wash: Option<bool>,
    pub old_parts: Option<OldParts>,
    pub test_drive_consent: bool,
}

const MAX_KM: i64 = 2_000_000;

impl CheckIn {
    /// The rules for every save: what is filled in must be right.
    pub fn check(&self, last_km: Option<i64>) -> Result<()> {
        if let Some(km) = self.mileage {
            if !(0..=MAX_KM).contains(&km) {
                return Err(Error::validation(
                    "mileage",
                    "里程应在 0 到 2,000,000 公里之间",
                    "Mileage must be between 0 and 2,000,000 km",
                ));
            }
            if let Some(last) = last_km.filter(|last| km < *last) {
                return Err(Error::validation(
                    "mileage",
                    format!("里程 {km} 公里低于该车上次记录的 {last} 公里，请核对仪表"),
                    format!(
                        "{km} km is lower than this car's last reading of {last} km; check the odometer"
                    ),
                ));
            }
        }
        if self.fuel_eighths.is_some_and(|f| !(0..=8).contains(&f)) {
            return Err(Error::validation(
                "fuelEighths",
                "油量按八分之几填写：0（空）到 8（满）",
                "Fuel is in eighths: 0 (empty) to 8 (full)",
            ));
        }
        let mut numbers: Vec<u32> = self.damage.iter().map(|m| m.no).collect();
        numbers.sort_unstable();
        numbers.dedup();
        if numbers.len() != self.damage.len() {
            return Err(Error::validation(
                "damage",
                "外观标记的编号重复",
                "Two damage marks have the same number",
            ));
        }
        if let Some(mark) = self.damage.iter().find(|m| !on_outline(m)) {
            return Err(Error::validation(
                "damage",
                format!("外观标记 {} 不在车身图内", mark.no),
                format!("Damage mark {} lies outside the car outline", mark.no),
            ));
        }
        if !self.contact_phone.trim().is_empty() {
            crate::customer::phone::normalize_mobile("contactPhone", &self.contact_phone)?;
        }
        crate::text::printed_note("itemsLeft", &self.items_left, 500, "车内物品", "items left")?;
        for mark in &self.damage {
            crate::text::printed_line("damage", &mark.note, 100, "外观标记说明", "damage note")?;
        }
        Ok(())
    }

    /// What must be filled in before the customer signs.
    pub fn check_complete(&self) -> Result<()> {
        let missing = |field, zh: &str, en: &str| {
            Error::validation(field, format!("请填写{zh}"), format!("Enter {en}"))
        };
        if self.mileage.is_none() {
            return Err(missing("mileage", "进厂里程", "the mileage"));
        }
        if self.fuel_eighths.is_none() {
            return Err(missing("fuelEighths", "油量", "the fuel level"));
        }
        if !self.covers_fitted {
            return Err(Error::validation(
                "coversFitted",
                "请先在客户面前安装车辆护具（座椅套、方向盘套、脚垫）",
                "Fit the protective covers (seat, wheel, floor) in front of the customer first",
            ));
        }
        if !self.valuables_reminded {
            return Err(Error::validation(
                "valuablesReminded",
                "请提醒客户带走车内贵重物品",
                "Remind the customer to take valuables out of the car",
            ));
        }
        match self.customer_waits {
            None => {
                return Err(missing(
                    "customerWaits",
                    "客户是否在店等候",
                    "whether the customer waits",
                ));
            }
            Some(CustomerWaits::Leaves) if self.contact_phone.trim().is_empty() => {
                return Err(Error::validation(
                    "contactPhone",
                    "客户离店：请留下随时能联系到的手机号码",
                    "The customer leaves: enter a mobile number to reach them",
                ));
            }
            _ => {}
        }
        if self.wash.is_none() {
            return Err(missing("wash", "是否洗车", "whether the car is washed"));
        }
        if self.old_parts.is_none() {
            return Err(missing(
                "oldParts",
                "旧件处理方式",
                "what happens to the old parts",
            ));
        }
        Ok(())
    }
}

/// One drawing of the car: its box in view units and the lines that draw it.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct Outline {
    pub view: OutlineView,
    pub width: f32,
    pub height: f32,
    /// Polylines, each a list of `[x, y]` points; the screen and the paper draw the same.
    pub paths: Vec<Vec<[f32; 2]>>,
}

const VIEW_WIDTH: f32 = 200.0;
const VIEW_HEIGHT: f32 = 90.0;

fn on_outline(mark: &DamageMark) -> bool {
    (0.0..=VIEW_WIDTH).contains(&mark.x) && (0.0..=VIEW_HEIGHT).contains(&mark.y)
}

/// The car seen from above and from the left, for marking damage; the front points left.
pub fn car_outline() -> Vec<Outline> {
    let top = vec![
        // Body.
        vec![
            [12.0, 30.0],
            [22.0, 16.0],
            [60.0, 10.0],
            [150.0, 10.0],
            [182.0, 14.0],
            [190.0, 26.0],
            [190.0, 64.0],
            [182.0, 76.0],
            [150.0, 80.0],
            [60.0, 80.0],
            [22.0, 74.0],
            [12.0, 60.0],
            [12.0, 30.0],
        ],
        // Windscreen, roof and rear window.
        vec![
            [62.0, 18.0],
            [78.0, 22.0],
            [78.0, 68.0],
            [62.0, 72.0],
            [62.0, 18.0],
        ],
        vec![[78.0, 22.0], [148.0, 22.0], [148.0, 68.0], [78.0, 68.0]],
        vec![[148.0, 22.0], [162.0, 18.0], [162.0, 72.0], [148.0, 68.0]],
        // Bonnet line and mirrors.
        vec![[26.0, 20.0], [26.0, 70.0]],
        vec![[66.0, 10.0], [62.0, 4.0], [56.0, 4.0], [58.0, 10.0]],
        vec![[66.0, 80.0], [62.0, 86.0], [56.0, 86.0], [58.0, 80.0]],
    ];
    let side = vec![
        // Body with bonnet, cabin and boot.
        vec![
            [10.0, 62.0],
            [12.0, 48.0],
            [50.0, 42.0],
            [72.0, 22.0],
            [140.0, 20.0],
            [166.0, 40.0],
            [190.0, 44.0],
            [192.0, 62.0],
            [172.0, 62.0],
        ],
        vec![[148.0, 62.0], [58.0, 62.0]],
        vec![[34.0, 62.0], [10.0, 62.0]],
        // Windows and door line.
        vec![
            [76.0, 26.0],
            [104.0, 25.0],
            [104.0, 42.0],
            [58.0, 42.0],
            [76.0, 26.0],
        ],
        vec![
            [108.0, 25.0],
            [138.0, 24.0],
            [156.0, 42.0],
            [108.0, 42.0],
            [108.0, 25.0],
        ],
        vec![[106.0, 24.0], [106.0, 62.0]],
        // Wheels (octagons).
        wheel(46.0, 64.0, 12.0),
        wheel(160.0, 64.0, 12.0),
    ];
    vec![
        Outline {
            view: OutlineView::Top,
            width: VIEW_WIDTH,
            height: VIEW_HEIGHT,
            paths: top,
        },
        Outline {
            view: OutlineView::Side,
            width: VIEW_WIDTH,
            height: VIEW_HEIGHT,
            paths: side,
        },
    ]
}

fn wheel(cx: f32, cy: f32, r: f32) -> Vec<[f32; 2]> {
    (0..=16)
        .map(|i| {
            let a = i as f32 * std::f32::consts::TAU / 16.0;
            [cx + r * a.cos(), cy + r * a.sin()]
        })
        .collect()
}

/// Who is at the desk: a booked customer (with what the booking is for) or a walk-in.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceptionStart {
    /// The arrived booking; its customer, car, advisor, team, bay and words are carried over.
    pub appointment_id: Option<i64>,
    /// A walk-in: the customer and the car on file (new ones are filed first).
    pub customer_id: Option<i64>,
    pub vehicle_id: Option<i64>,
    pub advisor_id: i64,
    pub actor_id: Option<i64>,
}

/// What the advisor sees on greeting: the surname with title from the second visit on,
/// the last visits, the booking's purpose, the last mileage and any order still open.
#[derive(Debug, Clone, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ReceptionContext {
    pub customer_id: i64,
    pub customer_name: String,
    /// Surname with 先生/女士 for a customer who has been here before; None on a first visit.
    pub greeting: Option<String>,
    pub vehicle_id: i64,
    pub plate: String,
    pub model: String,
    pub last_km: Option<i64>,
    pub last_visits: Vec<VisitLine>,
    /// What the booking is for, to say it to the customer.
    pub booking_purpose: Option<String>,
    pub booking_number: Option<String>,
    /// A work order of this car that is not yet closed, to continue instead of opening another.
    pub open_work_order: Option<String>,
}

/// Starts a reception: checks who and what, then opens the work order in draft.
pub async fn start(store: &Store, start: &ReceptionStart) -> Result<WorkOrderFile> {
    let id = store::start(store, start).await?;
    work_order::store::file(store, id).await
}

/// The greeting panel for a car at the desk.
pub async fn context(
    store: &Store,
    vehicle_id: i64,
    appointment_id: Option<i64>,
) -> Result<ReceptionContext> {
    store::context(store, vehicle_id, appointment_id).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn complete() -> CheckIn {
        CheckIn {
            mileage: Some(35_000),
            fuel_eighths: Some(4),
            valuables_reminded: true,
            covers_fitted: true,
            customer_waits: Some(CustomerWaits::Lounge),
            wash: Some(true),
            old_parts: Some(OldParts::Dispose),
            ..CheckIn::default()
        }
    }

    #[test]
    fn mileage_may_not_go_below_the_last_reading() {
        let form = CheckIn {
            mileage: Some(29_999),
            ..complete()
        };
        let err = form.check(Some(30_000)).unwrap_err();
        assert_eq!(err.field(), Some("mileage"));
        assert!(err.message_zh().contains("30000"));
        assert!(form.check(Some(29_999)).is_ok());
    }

    #[test]
    fn fuel_is_in_eighths_and_marks_stay_on_the_drawing() {
        let fuel = CheckIn {
            fuel_eighths: Some(9),
            ..complete()
        };
        assert_eq!(fuel.check(None).unwrap_err().field(), Some("fuelEighths"));
        let mark = |no, x| DamageMark {
            no,
            view: OutlineView::Side,
            x,
            y: 40.0,
            kind: DamageKind::Dent,
            note: String::new(),
        };
        let outside = CheckIn {
            damage: vec![mark(1, 250.0)],
            ..complete()
        };
        assert_eq!(outside.check(None).unwrap_err().field(), Some("damage"));
        let twice = CheckIn {
            damage: vec![mark(1, 20.0), mark(1, 30.0)],
            ..complete()
        };
        assert_eq!(twice.check(None).unwrap_err().field(), Some("damage"));
    }

    #[test]
    fn a_customer_who_leaves_needs_a_number_to_be_reached() {
        let leaves = CheckIn {
            customer_waits: Some(CustomerWaits::Leaves),
            ..complete()
        };
        assert_eq!(
            leaves.check_complete().unwrap_err().field(),
            Some("contactPhone")
        );
        let reachable = CheckIn {
            contact_phone: "13800138000".into(),
            ..leaves
        };
        assert!(reachable.check_complete().is_ok());
    }

    #[test]
    fn signing_waits_for_covers_valuables_wash_and_old_parts() {
        for (form, field) in [
            (
                CheckIn {
                    covers_fitted: false,
                    ..complete()
                },
                "coversFitted",
            ),
            (
                CheckIn {
                    valuables_reminded: false,
                    ..complete()
                },
                "valuablesReminded",
            ),
            (
                CheckIn {
                    wash: None,
                    ..complete()
                },
                "wash",
            ),
            (
                CheckIn {
                    old_parts: None,
                    ..complete()
                },
                "oldParts",
            ),
        ] {
            assert_eq!(form.check_complete().unwrap_err().field(), Some(field));
        }
    }

    #[test]
    fn the_outline_has_both_views_inside_their_boxes() {
        let views = car_outline();
        assert_eq!(views.len(), 2);
        for view in views {
            for point in view.paths.iter().flatten() {
                assert!((0.0..=view.width).contains(&point[0]));
                assert!((0.0..=view.height).contains(&point[1]), "{point:?}");
            }
        }
    }
}
