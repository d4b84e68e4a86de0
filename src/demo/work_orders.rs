//! The demo catalogues (labour operations, parts with stock) and today's work orders, taken
//! through the desk's own steps so that every status of the desk's work is on screen.

use chrono::{Duration, Timelike, Utc};

use super::appointments::Driver;
use crate::parts::{self, JobKind, LabourOperation, Part};
use crate::reception::{
    CheckIn, CustomerWaits, DamageKind, DamageMark, Interview, OldParts, OutlineView,
    ReceptionStart,
};
use crate::work_order::{
    self, DispatchInput, Line, LineKind, LineTechnician, OrderAction, PayType, Signature,
    WorkOrderDraft,
};
use crate::{Result, Store};

/// Code, name, standard hours × 100.
const OPERATIONS: [(&str, &str, i64, JobKind); 14] = [
    ("BY-01", "更换机油、机油滤清器", 50, JobKind::Maintenance),
    ("BY-02", "更换空气滤清器", 20, JobKind::Maintenance),
    ("BY-03", "更换空调滤清器", 30, JobKind::Maintenance),
    ("BY-04", "更换火花塞", 80, JobKind::Maintenance),
    ("DP-01", "四轮定位", 100, JobKind::Repair),
    ("ZD-01", "更换前刹车片", 120, JobKind::Repair),
    ("ZD-02", "更换刹车油", 80, JobKind::Maintenance),
    ("KT-01", "空调系统检修", 150, JobKind::Repair),
    ("FD-01", "发动机故障诊断", 100, JobKind::Repair),
    ("BS-01", "更换变速箱油", 100, JobKind::Maintenance),
    ("DQ-01", "更换蓄电池", 30, JobKind::Repair),
    ("LT-01", "轮胎换位", 50, JobKind::Maintenance),
    ("BJ-01", "前保险杠钣金喷漆", 400, JobKind::BodyPaint),
    ("JQ-01", "清洗节气门", 80, JobKind::Repair),
];

/// Part number, name, unit, price in fen, on hand × 100.
const PARTS: [(&str, &str, &str, i64, i64); 16] = [
    ("PE01-14-302", "机油滤清器", "个", 4_800, 2_400),
    ("0W20-4L", "全合成机油 0W-20 4L", "桶", 39_800, 1_200),
    ("0W20-1L", "全合成机油 0W-20 1L", "升", 10_800, 3_000),
    ("PE07-13-3A0", "空气滤清器", "个", 12_800, 800),
    ("KD45-61-J6X", "空调滤清器", "个", 9_800, 1_000),
    ("PE5R-18-110", "火花塞", "个", 8_600, 1_600),
    ("KAY0-33-28Z", "前刹车片（套）", "套", 56_000, 0),
    ("DOT4-1L", "刹车油 DOT4 1L", "升", 6_800, 600),
    ("ATF-FZ", "自动变速箱油 ATF FZ", "升", 14_800, 2_000),
    ("80D26L", "蓄电池 80D26L", "个", 68_000, 300),
    ("KB7W-50-031", "前保险杠总成", "个", 186_000, 0),
    ("TH-CLEAN", "节气门清洗剂", "瓶", 4_500, 1_500),
    ("AC-R134A", "空调冷媒 R134a", "瓶", 12_000, 1_000),
    ("WB-650", "雨刮片 650mm", "根", 9_800, 1_200),
    ("KF-HUB", "轮毂螺栓", "个", 1_800, 4_000),
    ("TPMS-01", "胎压传感器", "个", 48_000, 0),
];

/// Loads the catalogues.
pub(super) async fn seed_catalogues(store: &Store) -> Result<()> {
    for (code, name, hours, job_kind) in OPERATIONS {
        let op = LabourOperation {
            id: None,
            code: code.into(),
            name: name.into(),
            standard_hundredths: hours,
            job_kind,
        };
        parts::store::save_operation(store, &op.validate()?).await?;
    }
    let parts: Vec<Part> = PARTS
        .iter()
        .map(|(no, name, unit, price, on_hand)| {
            Part {
                id: None,
                part_no: (*no).into(),
                name: (*name).into(),
                unit: (*unit).into(),
                unit_price_fen: *price,
                on_hand_hundredths: *on_hand,
            }
            .validate()
        })
        .collect::<Result<_>>()?;
    parts::store::upsert_parts(store, &parts).await
}

/// A line of `kind` with nothing filled in yet.
fn blank(kind: LineKind, pay_type: PayType) -> Line {
    Line {
        id: None,
        kind,
        pay_type,
        operation_id: None,
        part_id: None,
        code: String::new(),
        name: String::new(),
        quantity_hundredths: 100,
        unit_price_fen: 0,
        amount_fen: 0,
        discount_fen: 0,
        stock: None,
        expected_on: None,
        technician_id: None,
        technician_name: String::new(),
    }
}

/// A labour line from the catalogue at the rate for its pay type.
fn labour(ops: &[LabourOperation], code: &str, pay_type: PayType, rate: i64) -> Line {
    let op = ops
        .iter()
        .find(|o| o.code == code)
        .expect("demo operation exists");
    Line {
        operation_id: op.id,
        code: op.code.clone(),
        name: op.name.clone(),
        quantity_hundredths: op.standard_hundredths,
        unit_price_fen: rate,
        ..blank(LineKind::Labour, pay_type)
    }
}

fn part(parts: &[Part], no: &str, quantity_hundredths: i64, pay_type: PayType) -> Line {
    let part = parts
        .iter()
        .find(|p| p.part_no == no)
        .expect("demo part exists");
    Line {
        part_id: part.id,
        code: part.part_no.clone(),
        name: part.name.clone(),
        quantity_hundredths,
        unit_price_fen: part.unit_price_fen,
        ..blank(LineKind::Part, pay_type)
    }
}

/// How far along the desk's steps a demo order goes.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Stage {
    Draft,
    AwaitingSignature,
    Open,
    Dispatched,
    Revised,
    // In the workshop after dispatch.
    InProgress,
    AwaitingQc,
    Rework,
    Washing,
    Ready,
    // At the hand-over and cash desks, and out of the gate.
    HandedOver,
    Settled,
    Exited,
    Cancelled,
}

/// Today's work orders, walked through reception, check-in, estimate, signature and
/// dispatch as the desk would.
pub(super) async fn seed_orders(
    store: &Store,
    drivers: &[Driver],
    advisors: &[i64],
    technicians: &[i64],
) -> Result<u32> {
    let ops = parts::store::operations(store, "").await?;
    let stock = parts::store::parts(store, "").await?;
    let rates = parts::store::rates(store).await?;
    let rate = |pay| parts::rate_for(&rates, pay);
    let tz = crate::dealership::store::time_zone(store).await?;
    // Cars received before 11:00 are promised for 17:30 today, later ones for tomorrow.
    let local_now = Utc::now().with_timezone(&tz);
    let promised_on = local_now.date_naive() + Duration::days(i64::from(local_now.hour() >= 11));
    let promised = format!("{promised_on} 17:30");
    let maintenance = |km_note: &str| Interview {
        what: format!("{km_note}常规保养"),
        how_fix: "按保养手册更换机油机滤，全车检查".into(),
        how_much: "约 1 小时，费用约 650 元".into(),
        ..Interview::default()
    };
    let brake = Interview {
        where_: "市区低速刹车时".into(),
        when: "近一周，早上冷车明显".into(),
        who: "车主本人驾驶".into(),
        what: "刹车时前轮有尖锐异响".into(),
        why: "初步判断前刹车片磨损到极限".into(),
        how_fix: "更换前刹车片，检查刹车盘".into(),
        how_much: "约 1.5 小时，费用约 800 元；刹车片需订货".into(),
    };
    let engine = Interview {
        where_: "高速行驶".into(),
        when: "昨天下午起".into(),
        who: "车主本人".into(),
        what: "发动机故障灯亮，加速无力".into(),
        why: "待诊断".into(),
        how_fix: "先读取故障码并检查点火系统，结果出来后再估价".into(),
        how_much: "诊断约 1 小时".into(),
    };
    let bumper = Interview {
        where_: "小区停车场".into(),
        when: "前天".into(),
        who: "家人倒车".into(),
        what: "前保险杠右侧刮擦、凹陷".into(),
        how_fix: "前保险杠钣金喷漆".into(),
        how_much: "约 1 天，费用约 2,000 元".into(),
        ..Interview::default()
    };
    let plans: Vec<(Stage, Interview, Vec<Line>, bool)> = vec![
        (
            Stage::Draft,
            maintenance("3 万公里"),
            vec![
                labour(&ops, "BY-01", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "PE01-14-302", 100, PayType::Customer),
                part(&stock, "0W20-4L", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Draft,
            engine.clone(),
            vec![labour(
                &ops,
                "FD-01",
                PayType::Customer,
                rate(PayType::Customer),
            )],
            true,
        ),
        (
            Stage::AwaitingSignature,
            brake.clone(),
            vec![
                labour(&ops, "ZD-01", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "KAY0-33-28Z", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Open,
            maintenance("4 万公里"),
            vec![
                labour(&ops, "BY-01", PayType::Customer, rate(PayType::Customer)),
                labour(&ops, "BY-03", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "PE01-14-302", 100, PayType::Customer),
                part(&stock, "0W20-4L", 100, PayType::Customer),
                part(&stock, "KD45-61-J6X", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Dispatched,
            bumper,
            vec![
                labour(&ops, "BJ-01", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "KB7W-50-031", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Dispatched,
            Interview {
                what: "空调不制冷（保修期内）".into(),
                why: "冷媒泄漏".into(),
                how_fix: "检修空调系统，补充冷媒".into(),
                ..Interview::default()
            },
            vec![
                labour(&ops, "KT-01", PayType::Warranty, rate(PayType::Warranty)),
                part(&stock, "AC-R134A", 200, PayType::Warranty),
                labour(&ops, "BY-03", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "KD45-61-J6X", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Revised,
            maintenance("5 万公里"),
            vec![
                labour(&ops, "BY-01", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "PE01-14-302", 100, PayType::Customer),
                part(&stock, "0W20-4L", 100, PayType::Customer),
            ],
            false,
        ),
        (
            Stage::Cancelled,
            maintenance("2 万公里"),
            vec![labour(
                &ops,
                "LT-01",
                PayType::Customer,
                rate(PayType::Customer),
            )],
            false,
        ),
    ];
    // Cars in the workshop: each a service with two labour lines. The one still in progress
    // comes last: its technician stays clocked on.
    let in_shop = [
        (Stage::AwaitingQc, "7 万公里"),
        (Stage::Rework, "8 万公里"),
        (Stage::Washing, "9 万公里"),
        (Stage::Ready, "10 万公里"),
        (Stage::HandedOver, "11 万公里"),
        (Stage::Settled, "12 万公里"),
        (Stage::Exited, "13 万公里"),
        (Stage::InProgress, "6 万公里"),
    ]
    .map(|(stage, km)| {
        let lines = vec![
            labour(&ops, "BY-01", PayType::Customer, rate(PayType::Customer)),
            labour(&ops, "BY-02", PayType::Customer, rate(PayType::Customer)),
            part(&stock, "PE01-14-302", 100, PayType::Customer),
            part(&stock, "PE07-13-3A0", 100, PayType::Customer),
        ];
        (stage, maintenance(km), lines, false)
    });
    // A warranty repair handed over: nothing to pay, only the exit pass.
    let warranty = (
        Stage::HandedOver,
        Interview {
            when: "近三天早上".into(),
            what: "冷车启动困难，仪表盘蓄电池灯亮".into(),
            why: "检测蓄电池内阻超标，在质保期内".into(),
            how_fix: "更换蓄电池（厂家索赔）".into(),
            how_much: "约 0.5 小时，索赔不收费".into(),
            ..Interview::default()
        },
        vec![
            labour(&ops, "DQ-01", PayType::Warranty, rate(PayType::Warranty)),
            part(&stock, "80D26L", 100, PayType::Warranty),
        ],
        false,
    );
    let plans = plans.into_iter().chain(in_shop).chain([warranty]);
    let inspector = crate::staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| s.role == crate::staff::Role::QcInspector)
        .map(|s| s.id);
    let mut count = 0;
    for (index, (stage, interview, lines, diagnosis_only)) in plans.enumerate() {
        let driver = &drivers[drivers.len() - 1 - index];
        let advisor = advisors[index % advisors.len()];
        let actor = Some(advisor);
        let file = crate::reception::start(
            store,
            &ReceptionStart {
                appointment_id: None,
                customer_id: Some(driver.customer_id),
                vehicle_id: Some(driver.vehicle_id),
                advisor_id: advisor,
                actor_id: actor,
            },
        )
        .await?;
        let id = file.order.id;
        let last_km = crate::vehicle::store::last_km(store, driver.vehicle_id).await?;
        let expected = (Utc::now() + Duration::days(3))
            .with_timezone(&tz)
            .date_naive()
            .to_string();
        let out_of_stock = |line: &Line| {
            stock
                .iter()
                .any(|s| s.id.is_some() && s.id == line.part_id && s.on_hand_hundredths == 0)
        };
        let ordered_part = lines.iter().any(out_of_stock);
        let lines: Vec<Line> = lines
            .into_iter()
            .map(|line| {
                if out_of_stock(&line) {
                    Line {
                        stock: Some(work_order::Stock::Ordered),
                        expected_on: Some(expected.clone()),
                        ..line
                    }
                } else {
                    line
                }
            })
            .collect();
        let draft = WorkOrderDraft {
            id,
            revision: file.order.revision,
            diagnosis_only,
            interview,
            check_in: CheckIn {
                mileage: Some(last_km.unwrap_or(10_000) + 1_200 + index as i64 * 37),
                fuel_eighths: Some(2 + (index as i64 % 6)),
                damage: if index % 2 == 0 {
                    vec![
                        DamageMark {
                            no: 1,
                            view: OutlineView::Side,
                            x: 30.0,
                            y: 50.0,
                            kind: DamageKind::Scratch,
                            note: "前保险杠左侧轻微划痕".into(),
                        },
                        DamageMark {
                            no: 2,
                            view: OutlineView::Top,
                            x: 120.0,
                            y: 12.0,
                            kind: DamageKind::Dent,
                            note: "左后门小凹陷".into(),
                        },
                    ]
                } else {
                    Vec::new()
                },
                items_left: if index % 3 == 0 {
                    "行车记录仪、儿童座椅".into()
                } else {
                    String::new()
                },
                valuables_reminded: true,
                covers_fitted: true,
                customer_waits: Some(if index % 2 == 0 {
                    CustomerWaits::Lounge
                } else {
                    CustomerWaits::Leaves
                }),
                contact_phone: if index % 2 == 0 {
                    String::new()
                } else {
                    "13911112222".into()
                },
                wash: Some(index % 3 != 1 || stage == Stage::Washing),
                old_parts: Some(if index == 5 {
                    OldParts::WarrantyReturn
                } else if index % 2 == 0 {
                    OldParts::Dispose
                } else {
                    OldParts::Take
                }),
                test_drive_consent: index % 2 == 0,
            },
            lines,
            discount_fen: 0,
            promised_at: promised.clone(),
            waiting_parts: ordered_part,
            actor_id: actor,
        };
        work_order::save(store, &draft).await?;
        count += 1;
        if stage == Stage::Cancelled {
            work_order::act(store, id, OrderAction::Cancel, actor, "客户改天再来").await?;
            continue;
        }
        if stage == Stage::Draft {
            continue;
        }
        work_order::act(store, id, OrderAction::Submit, actor, "").await?;
        if stage == Stage::AwaitingSignature {
            if ordered_part {
                let notice = work_order::PartsNotice {
                    id,
                    channel: crate::customer::ContactChannel::Visit,
                    outcome: "客户同意待料，到货后预约回店".into(),
                    actor_id: actor,
                };
                work_order::notify_parts(store, &notice).await?;
            }
            continue;
        }
        let signature = |id| Signature {
            id,
            signed_by: file.order.customer_name.clone(),
            actor_id: actor,
        };
        let signed = work_order::sign(store, &signature(id)).await?;
        if stage == Stage::Revised {
            // The customer agreed to new spark plugs after the first signature.
            work_order::act(store, id, OrderAction::Revise, actor, "客户同意加换火花塞").await?;
            let mut second = draft.clone();
            second.revision = signed.order.revision + 1;
            second.lines = signed.order.lines.clone();
            second.lines.extend([
                labour(&ops, "BY-04", PayType::Customer, rate(PayType::Customer)),
                part(&stock, "PE5R-18-110", 400, PayType::Customer),
            ]);
            work_order::save(store, &second).await?;
            work_order::act(store, id, OrderAction::Submit, actor, "").await?;
            work_order::sign(store, &signature(id)).await?;
        }
        if stage >= Stage::Dispatched {
            let order = work_order::store::get(store, id).await?;
            let settings = crate::appointment::store::settings(store).await?;
            let input = DispatchInput {
                id,
                team: settings.teams[index % settings.teams.len()].clone(),
                bay: settings.bays[index % settings.bays.len()].clone(),
                technicians: order
                    .lines
                    .iter()
                    .filter(|l| l.kind == LineKind::Labour)
                    .enumerate()
                    .map(|(i, l)| LineTechnician {
                        line_id: l.id.unwrap_or_default(),
                        technician_id: technicians[(index + i) % technicians.len()],
                    })
                    .collect(),
                actor_id: actor,
            };
            work_order::dispatch(store, &input).await?;
        }
        if stage >= Stage::InProgress
            && let Some(inspector) = inspector
        {
            workshop_steps(
                store,
                id,
                stage,
                inspector,
                technicians[index % technicians.len()],
            )
            .await?;
        }
    }
    Ok(count)
}

/// Takes a dispatched demo order through the workshop as far as `stage`.
async fn workshop_steps(
    store: &Store,
    id: i64,
    stage: Stage,
    inspector: i64,
    technician: i64,
) -> Result<()> {
    use crate::workshop::{self, QC_CHECKLIST, QcInput, QcItem};
    let lines = workshop::store::lines(store, id, Utc::now()).await?;
    workshop::clock_on(store, lines[0].line_id, technician).await?;
    if stage == Stage::InProgress {
        return Ok(());
    }
    for line in &lines {
        workshop::start_line(store, line.line_id, None).await?;
        workshop::finish_line(store, line.line_id, None).await?;
    }
    workshop::report_done(store, id, None).await?;
    if stage == Stage::AwaitingQc {
        return Ok(());
    }
    let passed = stage != Stage::Rework;
    let qc = QcInput {
        order_id: id,
        inspector_id: inspector,
        checklist: QC_CHECKLIST
            .iter()
            .map(|item| QcItem {
                item: item.to_string(),
                ok: passed || !item.contains("液位"),
            })
            .collect(),
        passed,
        reason: if passed {
            ""
        } else {
            "机油液位偏低，需补加后复检"
        }
        .into(),
    };
    let file = workshop::quality_check(store, &qc).await?;
    if !passed {
        return Ok(());
    }
    if file.order.check_in.wash == Some(true) {
        workshop::after_qc(store, id, OrderAction::StartWash, None).await?;
        if stage >= Stage::Ready {
            workshop::after_qc(store, id, OrderAction::FinishWash, None).await?;
        }
    } else {
        workshop::after_qc(store, id, OrderAction::Park, None).await?;
    }
    if stage > Stage::Ready {
        hand_over_and_pay(store, id, stage).await?;
    }
    Ok(())
}

/// Hands a ready demo car over, and as far as `stage` settles it (WeChat and cash), issues
/// the exit pass and lets it out of the gate.
async fn hand_over_and_pay(store: &Store, id: i64, stage: Stage) -> Result<()> {
    use crate::settlement::{
        self, FollowupMethod, FollowupTime, HandOverInput, PayMethod, PaymentInput, SettleInput,
    };
    let order = work_order::store::get(store, id).await?;
    let has_mobile = order.mobile.len() == 11;
    settlement::hand_over(
        store,
        &HandOverInput {
            order_id: id,
            advisor_id: order.advisor_id,
            other_advisor_confirmed: false,
            work_explained: true,
            old_parts_shown: true,
            covers_removed: true,
            followup_consent: has_mobile,
            followup_method: has_mobile.then_some(FollowupMethod::Mobile),
            followup_phone: order.mobile.clone(),
            followup_time: has_mobile.then_some(FollowupTime::Evening),
        },
    )
    .await?;
    if stage == Stage::HandedOver {
        return Ok(());
    }
    let cashier = crate::staff::store::list(store)
        .await?
        .into_iter()
        .find(|s| s.role == crate::staff::Role::Cashier)
        .map(|s| s.id)
        .unwrap_or(order.advisor_id);
    let due = order.totals.customer_pays_fen;
    let cash = due % 10_000;
    let payments = [(PayMethod::Wechat, due - cash), (PayMethod::Cash, cash)]
        .into_iter()
        .filter(|(_, fen)| *fen > 0)
        .map(|(method, amount_fen)| PaymentInput { method, amount_fen })
        .collect();
    settlement::settle(
        store,
        &SettleInput {
            order_id: id,
            cashier_id: cashier,
            payments,
            invoice_number: format!("4403{:08}", id),
        },
    )
    .await?;
    let pass = crate::gate::issue_for_order(store, id, cashier).await?;
    if stage == Stage::Exited {
        crate::gate::verify(store, &pass.token, None).await?;
    }
    Ok(())
}

/// A work order of `lines` lines (labour and parts in turn, every pay type), built in
/// memory from the demo catalogues: for the PDF benchmark and layout checks.
pub fn sample_work_order(lines: usize) -> work_order::WorkOrder {
    let pay_types = PayType::ALL;
    let lines: Vec<Line> = (0..lines)
        .map(|i| {
            let pay_type = pay_types[i % 7 / 4 + i % 3 / 2];
            let mut line = if i % 2 == 0 {
                let (code, name, hours, _) = OPERATIONS[i / 2 % OPERATIONS.len()];
                Line {
                    code: code.into(),
                    name: name.into(),
                    quantity_hundredths: hours,
                    unit_price_fen: 16_000,
                    technician_name: "王海涛".into(),
                    ..blank(LineKind::Labour, pay_type)
                }
            } else {
                let (no, name, _, price, on_hand) = PARTS[i / 2 % PARTS.len()];
                Line {
                    code: no.into(),
                    name: name.into(),
                    unit_price_fen: price,
                    stock: Some(if on_hand == 0 {
                        work_order::Stock::Ordered
                    } else {
                        work_order::Stock::InStock
                    }),
                    expected_on: (on_hand == 0).then(|| "2026-11-26".to_string()),
                    ..blank(LineKind::Part, pay_type)
                }
            };
            line.amount_fen =
                work_order::line_amount(line.quantity_hundredths, line.unit_price_fen);
            line.discount_fen = if i % 5 == 0 { line.amount_fen / 10 } else { 0 };
            line
        })
        .collect();
    let totals = work_order::totals(&lines, 0).expect("sample totals add up");
    work_order::WorkOrder {
        id: 1,
        number: "WO20261123-0001".into(),
        status: work_order::OrderStatus::AwaitingSignature,
        version: 1,
        revision: 1,
        customer_id: 1,
        customer_name: "欧阳建国".into(),
        mobile: "13800138000".into(),
        vehicle_id: 1,
        plate: "京A·12345".into(),
        vin: Some("JM7BN327XK1234567".into()),
        brand: "马自达".into(),
        model: "CX-5 2.5L 智尊型".into(),
        appointment_number: Some("20261123-003".into()),
        advisor_id: 1,
        advisor_name: "李明轩".into(),
        diagnosis_only: false,
        interview: Interview {
            where_: "市区低速刹车时".into(),
            when: "近一周，早上冷车明显".into(),
            who: "车主本人驾驶".into(),
            what: "刹车时前轮有尖锐异响，方向盘轻微抖动".into(),
            why: "初步判断前刹车片磨损到极限，刹车盘可能不平".into(),
            how_fix: "更换前刹车片，检查并光盘；同时做 6 万公里保养".into(),
            how_much: "约 3 小时，费用约 2,800 元；刹车片需订货".into(),
        },
        check_in: CheckIn {
            mileage: Some(61_250),
            fuel_eighths: Some(3),
            damage: vec![DamageMark {
                no: 1,
                view: OutlineView::Side,
                x: 30.0,
                y: 50.0,
                kind: DamageKind::Scratch,
                note: "前保险杠左侧轻微划痕".into(),
            }],
            items_left: "行车记录仪".into(),
            valuables_reminded: true,
            covers_fitted: true,
            customer_waits: Some(CustomerWaits::Leaves),
            contact_phone: "13800138000".into(),
            wash: Some(true),
            old_parts: Some(OldParts::Take),
            test_drive_consent: true,
        },
        lines,
        totals,
        promised_at: Some("2026-11-23 17:30".into()),
        waiting_parts: true,
        team: "机电一组".into(),
        bay: "2号工位".into(),
        created_at: chrono::DateTime::parse_from_rfc3339("2026-11-23T01:20:00Z")
            .expect("a fixed instant")
            .with_timezone(&Utc),
    }
}
