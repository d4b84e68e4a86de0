//! Reception, check-in, the estimate, signing, versions and dispatch on a real SQLite file,
//! with every refusal on the way; the parts import; the printed work order and check-in form.

mod common;

use chrono::{Duration, Utc};
use servicebay::appointment::{self, BookingInput, Kind, ServiceType};
use servicebay::customer::{self, ContactChannel, CustomerDraft, PastVisit};
use servicebay::parts::{self, JobKind, LabourOperation, Part};
use servicebay::reception::{
    self, CheckIn, CustomerWaits, DamageKind, DamageMark, OldParts, OutlineView, ReceptionStart,
};
use servicebay::staff::{self, Role};
use servicebay::vehicle::{self, MileageReading, ReadingSource};
use servicebay::work_order::{
    self, DispatchInput, FormSize, Line, LineKind, LineTechnician, OrderAction, OrderStatus,
    PartsNotice, PayType, Signature, Stock, WorkOrderDraft, WorkOrderFile,
};
use servicebay::{Error, Store, dealership};

use common::{fresh_store, pdf_pages, pdf_text};

struct Desk {
    store: Store,
    _dir: tempfile::TempDir,
    advisor: i64,
    technician: i64,
    customer_id: i64,
    vehicle_id: i64,
    filter_id: i64,
    pads_id: i64,
    oil_change_id: i64,
}

/// A dealership with an advisor and a technician, 王建国 with 京A·12345 last read at
/// 30,000 km, an oil change in the catalogue, oil filters in stock and brake pads not.
async fn desk() -> Desk {
    let (dir, store) = fresh_store().await;
    dealership::save(&store, &servicebay::demo::demo_dealership())
        .await
        .unwrap();
    let mut conn = store.writer().acquire().await.unwrap();
    let advisor = staff::store::insert(&mut conn, "李明轩", Role::Advisor)
        .await
        .unwrap();
    let technician = staff::store::insert(&mut conn, "王海涛", Role::Technician)
        .await
        .unwrap();
    drop(conn);
    let hit = customer::create(
        &store,
        &CustomerDraft {
            name: "王建国".into(),
            mobile: "13812348000".into(),
            plate: "京A12345".into(),
            allow_duplicate_mobile: false,
        },
    )
    .await
    .unwrap();
    let vehicle_id = customer::store::get(&store, hit.customer_id)
        .await
        .unwrap()
        .vehicles[0]
        .id;
    vehicle::add_reading(
        &store,
        vehicle_id,
        &MileageReading {
            read_on: "2026-08-01".into(),
            km: 30_000,
            source: ReadingSource::Customer,
            reason: String::new(),
        },
    )
    .await
    .unwrap();
    let oil_change_id = parts::store::save_operation(
        &store,
        &LabourOperation {
            id: None,
            code: "BY-01".into(),
            name: "更换机油、机油滤清器".into(),
            standard_hundredths: 50,
            job_kind: JobKind::Maintenance,
        },
    )
    .await
    .unwrap();
    let mut part_ids = Vec::new();
    for (no, name, price, on_hand) in [
        ("PE01-14-302", "机油滤清器", 4_800, 500),
        ("KAY0-33-28Z", "前刹车片（套）", 56_000, 0),
    ] {
        let part = Part {
            id: None,
            part_no: no.into(),
            name: name.into(),
            unit: "个".into(),
            unit_price_fen: price,
            on_hand_hundredths: on_hand,
        };
        part_ids.push(parts::store::save_part(&store, &part).await.unwrap());
    }
    Desk {
        store,
        _dir: dir,
        advisor,
        technician,
        customer_id: hit.customer_id,
        vehicle_id,
        filter_id: part_ids[0],
        pads_id: part_ids[1],
        oil_change_id,
    }
}

fn local(at: chrono::DateTime<Utc>) -> String {
    at.with_timezone(&chrono_tz::Asia::Shanghai)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A check-in form the customer can sign.
fn complete_check_in(km: i64) -> CheckIn {
    CheckIn {
        mileage: Some(km),
        fuel_eighths: Some(3),
        damage: vec![DamageMark {
            no: 1,
            view: OutlineView::Side,
            x: 30.0,
            y: 50.0,
            kind: DamageKind::Scratch,
            note: "前保险杠左侧划痕".into(),
        }],
        items_left: "行车记录仪".into(),
        valuables_reminded: true,
        covers_fitted: true,
        customer_waits: Some(CustomerWaits::Leaves),
        contact_phone: "13812348000".into(),
        wash: Some(true),
        old_parts: Some(OldParts::Take),
        test_drive_consent: true,
    }
}

impl Desk {
    async fn walk_in(&self) -> WorkOrderFile {
        reception::start(
            &self.store,
            &ReceptionStart {
                appointment_id: None,
                customer_id: Some(self.customer_id),
                vehicle_id: Some(self.vehicle_id),
                advisor_id: self.advisor,
                actor_id: Some(self.advisor),
            },
        )
        .await
        .unwrap()
    }

    fn labour(&self, pay_type: PayType, discount_fen: i64) -> Line {
        Line {
            id: None,
            kind: LineKind::Labour,
            pay_type,
            operation_id: Some(self.oil_change_id),
            part_id: None,
            code: "BY-01".into(),
            name: "更换机油、机油滤清器".into(),
            quantity_hundredths: 50,
            unit_price_fen: 16_000,
            amount_fen: 0,
            discount_fen,
            stock: None,
            expected_on: None,
            technician_id: None,
            technician_name: String::new(),
        }
    }

    fn part(&self, part_id: i64, name: &str, quantity: i64, price: i64) -> Line {
        Line {
            kind: LineKind::Part,
            operation_id: None,
            part_id: Some(part_id),
            code: "P".into(),
            name: name.into(),
            quantity_hundredths: quantity,
            unit_price_fen: price,
            ..self.labour(PayType::Customer, 0)
        }
    }

    /// The form of a freshly opened order with a complete check-in and an oil change.
    fn draft(&self, file: &WorkOrderFile) -> WorkOrderDraft {
        WorkOrderDraft {
            id: file.order.id,
            revision: file.order.revision,
            diagnosis_only: false,
            interview: reception::Interview {
                what: "到期保养".into(),
                how_much: "约 1 小时，约 200 元".into(),
                ..Default::default()
            },
            check_in: complete_check_in(31_500),
            lines: vec![
                self.labour(PayType::Customer, 0),
                self.part(self.filter_id, "机油滤清器", 100, 4_800),
            ],
            discount_fen: 0,
            promised_at: local(Utc::now() + Duration::hours(4)),
            waiting_parts: false,
            actor_id: Some(self.advisor),
        }
    }

    async fn save(&self, draft: &WorkOrderDraft) -> servicebay::Result<WorkOrderFile> {
        work_order::save(&self.store, draft).await
    }

    async fn act(&self, id: i64, action: OrderAction) -> servicebay::Result<WorkOrderFile> {
        work_order::act(&self.store, id, action, Some(self.advisor), "").await
    }

    async fn sign(&self, id: i64) -> servicebay::Result<WorkOrderFile> {
        work_order::sign(
            &self.store,
            &Signature {
                id,
                signed_by: "王建国".into(),
                actor_id: Some(self.advisor),
            },
        )
        .await
    }

    /// An order saved, submitted and signed.
    async fn signed_order(&self) -> WorkOrderFile {
        let file = self.walk_in().await;
        self.save(&self.draft(&file)).await.unwrap();
        self.act(file.order.id, OrderAction::Submit).await.unwrap();
        self.sign(file.order.id).await.unwrap()
    }
}

/// PDF text without the spaces the layout puts between characters.
fn flat(text: &str) -> String {
    text.split_whitespace().collect()
}

fn field(err: &Error) -> (String, Option<&'static str>) {
    (err.code().to_string(), err.field())
}

#[tokio::test]
async fn a_booked_customer_is_received_with_the_booking_carried_over() {
    let d = desk().await;
    let today = dealership::store::today(&d.store).await.unwrap();
    let now = Utc::now();
    let booking = BookingInput {
        kind: Kind::Passive,
        service_type: ServiceType::Repair,
        customer_id: Some(d.customer_id),
        vehicle_id: Some(d.vehicle_id),
        new_customer: None,
        day: today.to_string(),
        slot: String::new(),
        advisor_id: Some(d.advisor),
        team: "机电一组".into(),
        bay: "2号工位".into(),
        expected_minutes: 60,
        parts: "刹车片".into(),
        description: "刹车异响".into(),
        call: None,
        overbook: true,
    };
    let booked = appointment::create(&d.store, &booking, None, now - Duration::hours(1))
        .await
        .unwrap();
    let id = booked.booking.id;
    let start = ReceptionStart {
        appointment_id: Some(id),
        customer_id: None,
        vehicle_id: None,
        advisor_id: d.advisor,
        actor_id: Some(d.advisor),
    };
    // Not arrived yet: the car is not received.
    let err = reception::start(&d.store, &start).await.unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    assert!(err.message_zh().contains("登记到店"));
    appointment::arrive(&d.store, id, None, now).await.unwrap();
    let waiting = reception::store::waiting(&d.store, today).await.unwrap();
    assert_eq!(waiting.iter().map(|b| b.id).collect::<Vec<_>>(), vec![id]);
    let context = reception::context(&d.store, d.vehicle_id, Some(id))
        .await
        .unwrap();
    assert_eq!(
        context.booking_purpose.as_deref(),
        Some("刹车异响（预约备件：刹车片）")
    );
    assert_eq!(
        context.greeting, None,
        "a first visit is not greeted by surname"
    );
    assert_eq!(context.last_km, Some(30_000));

    let file = reception::start(&d.store, &start).await.unwrap();
    let order = &file.order;
    assert_eq!(order.number, format!("WO{}-0001", today.format("%Y%m%d")));
    assert_eq!(order.status, OrderStatus::Draft);
    assert_eq!(order.interview.what, "刹车异响（预约备件：刹车片）");
    assert_eq!(
        (order.team.as_str(), order.bay.as_str()),
        ("机电一组", "2号工位")
    );
    assert_eq!(
        order.appointment_number.as_deref(),
        Some(booked.booking.number.as_str())
    );
    assert!(
        reception::store::waiting(&d.store, today)
            .await
            .unwrap()
            .is_empty()
    );
    // The same car cannot be received twice while its order is open.
    let again = reception::start(&d.store, &start).await.unwrap_err();
    assert_eq!(again.code(), "conflict");
    assert!(again.message_zh().contains(&order.number));
    let context = reception::context(&d.store, d.vehicle_id, None)
        .await
        .unwrap();
    assert_eq!(
        context.open_work_order.as_deref(),
        Some(order.number.as_str())
    );
    assert_eq!(
        context.greeting.as_deref(),
        Some("贵宾"),
        "a returning customer"
    );
}

#[tokio::test]
async fn a_walk_in_needs_the_customers_own_car_and_a_returning_customer_is_greeted() {
    let d = desk().await;
    let other = customer::create(
        &d.store,
        &CustomerDraft {
            name: "李芳".into(),
            mobile: "13900001111".into(),
            plate: "京B54321".into(),
            allow_duplicate_mobile: false,
        },
    )
    .await
    .unwrap();
    let err = reception::start(
        &d.store,
        &ReceptionStart {
            appointment_id: None,
            customer_id: Some(other.customer_id),
            vehicle_id: Some(d.vehicle_id),
            advisor_id: d.advisor,
            actor_id: None,
        },
    )
    .await
    .unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("vehicleId")));
    let mut conn = d.store.writer().acquire().await.unwrap();
    customer::store::insert_visit(
        &mut conn,
        &PastVisit {
            customer_id: d.customer_id,
            vehicle_id: d.vehicle_id,
            visit_date: "2026-08-01".into(),
            mileage: Some(30_000),
            summary: "常规保养".into(),
            revenue_fen: 65_000,
            cost_fen: 40_000,
            is_maintenance: true,
        },
    )
    .await
    .unwrap();
    drop(conn);
    let context = reception::context(&d.store, d.vehicle_id, None)
        .await
        .unwrap();
    // No gender on file: the honorific without guessing.
    assert_eq!(context.greeting.as_deref(), Some("贵宾"));
    assert_eq!(context.last_visits.len(), 1);
    assert_eq!(context.last_visits[0].summary, "常规保养");
    let first = d.walk_in().await;
    d.act(first.order.id, OrderAction::Cancel)
        .await
        .unwrap_err();
    work_order::act(
        &d.store,
        first.order.id,
        OrderAction::Cancel,
        None,
        "客户改天再来",
    )
    .await
    .unwrap();
    // A cancelled order does not block the car; numbers are never reused.
    let second = d.walk_in().await;
    assert!(second.order.number.ends_with("-0002"));
}

#[tokio::test]
async fn a_mileage_below_the_last_reading_is_refused_and_nothing_is_stored() {
    let d = desk().await;
    let file = d.walk_in().await;
    let mut draft = d.draft(&file);
    draft.check_in.mileage = Some(29_999);
    let err = d.save(&draft).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("mileage")));
    assert!(err.message_zh().contains("30000"));
    let stored = work_order::store::get(&d.store, file.order.id)
        .await
        .unwrap();
    assert_eq!(stored.check_in.mileage, None);
    assert!(stored.lines.is_empty());
    assert_eq!(stored.revision, file.order.revision);
    draft.check_in.mileage = Some(31_500);
    let saved = d.save(&draft).await.unwrap();
    assert_eq!(saved.order.check_in.mileage, Some(31_500));
    // A second desk saving over the first desk's change is refused.
    let stale = d.save(&draft).await.unwrap_err();
    assert_eq!(stale.code(), "conflict");
}

#[tokio::test]
async fn the_estimate_adds_up_by_pay_type_and_short_parts_are_ordered() {
    let d = desk().await;
    let file = d.walk_in().await;
    let mut draft = d.draft(&file);
    draft.lines = vec![
        d.labour(PayType::Customer, 2_000),
        d.part(d.filter_id, "机油滤清器", 100, 4_800),
        d.part(d.pads_id, "前刹车片（套）", 100, 56_000),
        d.labour(PayType::Warranty, 0),
    ];
    draft.discount_fen = 800;
    let saved = d.save(&draft).await.unwrap();
    let order = &saved.order;
    let t = &order.totals;
    // 8,000 − 2,000 + 4,800 + 56,000 − 800 = 66,000 fen; the warranty line is not charged.
    assert_eq!(t.customer_pays_fen, 66_000);
    assert_eq!(t.customer_pays_capitals, "陆佰陆拾元整");
    assert_eq!(t.labour_fen, 16_000);
    assert_eq!(t.sold_hundredths, 100);
    assert_eq!(order.lines[1].stock, Some(Stock::InStock));
    assert_eq!(
        order.lines[2].stock,
        Some(Stock::Ordered),
        "no pads on the shelf"
    );
    // An ordered part needs its expected date before the customer signs.
    let err = d.act(order.id, OrderAction::Submit).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("lines")));
    assert!(err.message_zh().contains("第 3 行"));
    let mut draft = d.draft(&saved);
    draft.lines = saved.order.lines.clone();
    draft.lines[2].expected_on = Some("2026-12-01".into());
    draft.waiting_parts = true;
    draft.discount_fen = 80_000;
    let err = d.save(&draft).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("discountFen")));
    draft.discount_fen = 0;
    let saved = d.save(&draft).await.unwrap();
    assert!(saved.order.waiting_parts);
    // Telling the customer is logged on the file.
    work_order::notify_parts(
        &d.store,
        &PartsNotice {
            id: saved.order.id,
            channel: ContactChannel::Call,
            outcome: "客户同意待料，到货后预约".into(),
            actor_id: Some(d.advisor),
        },
    )
    .await
    .unwrap();
    let contacts = customer::store::get(&d.store, d.customer_id)
        .await
        .unwrap()
        .contacts;
    assert!(
        contacts[0]
            .subject
            .contains("前刹车片（套）（预计 2026-12-01 到货）")
    );
    assert_eq!(contacts[0].staff_name, "李明轩");
    d.act(saved.order.id, OrderAction::Submit).await.unwrap();
}

#[tokio::test]
async fn submitting_waits_for_a_complete_form_and_a_promise_with_margin() {
    let d = desk().await;
    let file = d.walk_in().await;
    let mut draft = d.draft(&file);
    draft.check_in.covers_fitted = false;
    draft.promised_at = local(Utc::now() + Duration::minutes(40));
    let saved = d.save(&draft).await.unwrap();
    let err = d.act(file.order.id, OrderAction::Submit).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("coversFitted")));
    let mut draft = d.draft(&saved);
    // Half an hour of work plus the 30-minute margin does not fit into 40 minutes.
    draft.promised_at = local(Utc::now() + Duration::minutes(40));
    let saved = d.save(&draft).await.unwrap();
    let err = d.act(file.order.id, OrderAction::Submit).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("promisedAt")));
    assert!(err.message_zh().contains("30 分钟余量"));
    let mut draft = d.draft(&saved);
    draft.promised_at = "明天下午".into();
    assert_eq!(
        field(&d.save(&draft).await.unwrap_err()),
        ("validation".into(), Some("promisedAt"))
    );
    draft.promised_at = local(Utc::now() + Duration::minutes(65));
    d.save(&draft).await.unwrap();
    let submitted = d.act(file.order.id, OrderAction::Submit).await.unwrap();
    assert_eq!(submitted.order.status, OrderStatus::AwaitingSignature);
    // Printed for signature: changes need a withdrawal first.
    let mut draft = d.draft(&submitted);
    draft.interview.what = "保养并检查空调".into();
    let err = d.save(&draft).await.unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    assert!(err.message_zh().contains("撤回"));
    let withdrawn = d.act(file.order.id, OrderAction::Withdraw).await.unwrap();
    assert_eq!(withdrawn.order.status, OrderStatus::Draft);
}

#[tokio::test]
async fn signing_keeps_the_version_and_a_change_after_signing_is_a_new_version() {
    let d = desk().await;
    let signed = d.signed_order().await;
    let id = signed.order.id;
    assert_eq!(signed.order.status, OrderStatus::Open);
    assert_eq!(signed.versions.len(), 1);
    assert_eq!(signed.versions[0].signed_by, "王建国");
    assert_eq!(signed.versions[0].recorded_by, "李明轩");
    // The check-in mileage became the car's reading.
    assert_eq!(
        vehicle::store::last_km(&d.store, d.vehicle_id)
            .await
            .unwrap(),
        Some(31_500)
    );
    // Signing twice is refused.
    let twice = d.sign(id).await.unwrap_err();
    assert_eq!(twice.code(), "invalid_transition");
    assert!(twice.message_zh().contains("已经签过字"));
    // So is editing the signed order without a new version.
    let mut draft = d.draft(&signed);
    draft
        .lines
        .push(d.part(d.filter_id, "机油滤清器", 100, 4_800));
    let err = d.save(&draft).await.unwrap_err();
    assert_eq!(err.code(), "invalid_transition");
    assert!(err.message_zh().contains("新版本"));
    assert_eq!(
        work_order::store::get(&d.store, id)
            .await
            .unwrap()
            .lines
            .len(),
        2
    );

    let revised = d.act(id, OrderAction::Revise).await.unwrap();
    assert_eq!(
        (revised.order.status, revised.order.version),
        (OrderStatus::Draft, 2)
    );
    let mut draft = d.draft(&revised);
    draft.lines = revised.order.lines.clone();
    draft
        .lines
        .push(d.part(d.filter_id, "空调滤清器", 100, 9_800));
    // The reading this order recorded does not count against its own mileage.
    d.save(&draft).await.unwrap();
    d.act(id, OrderAction::Submit).await.unwrap();
    let second = d.sign(id).await.unwrap();
    assert_eq!(
        second
            .versions
            .iter()
            .map(|v| v.version)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    let first = work_order::store::version(&d.store, id, 1).await.unwrap();
    assert_eq!(first.lines.len(), 2, "version 1 stays as signed");
    assert_eq!(second.order.lines.len(), 3);
    // One reading for the visit, not one per signature.
    let readings = vehicle::store::get(&d.store, d.vehicle_id)
        .await
        .unwrap()
        .readings;
    assert_eq!(readings.iter().filter(|r| r.km == 31_500).count(), 1);
    let actions: Vec<OrderAction> = second.history.iter().map(|h| h.action).collect();
    assert_eq!(
        actions,
        [
            OrderAction::Create,
            OrderAction::Submit,
            OrderAction::Sign,
            OrderAction::Revise,
            OrderAction::Submit,
            OrderAction::Sign
        ]
    );
    assert!(second.history.iter().all(|h| h.actor_name == "李明轩"));

    // The printed copy shows the version; version 1 prints as signed.
    let current = work_order::work_order_pdf(&d.store, id, None, FormSize::A4)
        .await
        .unwrap();
    let text = flat(&pdf_text(&current));
    assert!(
        text.contains("第2版") && text.contains("空调滤清器"),
        "{text}"
    );
    let old = work_order::work_order_pdf(&d.store, id, Some(1), FormSize::A4)
        .await
        .unwrap();
    let text = flat(&pdf_text(&old));
    assert!(
        text.contains("第1版") && !text.contains("空调滤清器"),
        "{text}"
    );
    assert!(text.contains("由王建国签字确认"), "{text}");
}

#[tokio::test]
async fn dispatch_needs_a_team_a_bay_and_a_technician_on_every_labour_line() {
    let d = desk().await;
    let signed = d.signed_order().await;
    let id = signed.order.id;
    let labour_line = signed.order.lines[0].id.unwrap();
    let input = |team: &str, technicians: Vec<LineTechnician>| DispatchInput {
        id,
        team: team.into(),
        bay: "2号工位".into(),
        technicians,
        actor_id: Some(d.advisor),
    };
    let err = work_order::dispatch(&d.store, &input("不存在的组", vec![]))
        .await
        .unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("team")));
    let err = work_order::dispatch(&d.store, &input("机电一组", vec![]))
        .await
        .unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("technicians")));
    assert!(err.message_zh().contains("第 1 行"));
    // An advisor is not a technician.
    let err = work_order::dispatch(
        &d.store,
        &input(
            "机电一组",
            vec![LineTechnician {
                line_id: labour_line,
                technician_id: d.advisor,
            }],
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("technicians")));
    let done = work_order::dispatch(
        &d.store,
        &input(
            "机电一组",
            vec![LineTechnician {
                line_id: labour_line,
                technician_id: d.technician,
            }],
        ),
    )
    .await
    .unwrap();
    assert_eq!(done.order.status, OrderStatus::Dispatched);
    assert_eq!(done.order.team, "机电一组");
    assert_eq!(done.order.lines[0].technician_name, "王海涛");
    assert_eq!(done.history.last().unwrap().note, "机电一组 · 2号工位");
    let listed = work_order::store::list(&d.store, Some(OrderStatus::Dispatched), None)
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].customer_pays_fen, 12_800);
    // Dispatching twice is refused; a cancel needs a reason.
    assert_eq!(
        work_order::dispatch(&d.store, &input("机电一组", vec![]))
            .await
            .unwrap_err()
            .code(),
        "invalid_transition"
    );
    let err = work_order::act(&d.store, id, OrderAction::Cancel, None, " ")
        .await
        .unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("note")));
}

#[tokio::test]
async fn a_parts_list_imports_all_or_nothing_with_a_row_report() {
    let d = desk().await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("备件价格表.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let rows: [[&str; 4]; 4] = [
        ["零件号", "零件名称", "单价", "库存"],
        ["pe01-14-302", "机油滤清器", "52", "10"],
        ["PE07-13-3A0", "空气滤清器", "128.5", "4"],
        ["KD45-61-J6X", "空调滤清器", "面议", "2"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let report = parts::import_file(&d.store, &path, false, false)
        .await
        .unwrap();
    assert!(!report.imported);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(
        (report.rejected[0].row, report.rejected[0].field.as_str()),
        (4, "unitPriceFen")
    );
    let rejected = report.rejected_report.unwrap();
    assert!(
        rejected.ends_with("备件价格表-未导入.xlsx") && std::path::Path::new(&rejected).exists()
    );
    assert_eq!(
        parts::store::part_count(&d.store).await.unwrap(),
        2,
        "nothing stored"
    );
    let report = parts::import_file(&d.store, &path, false, true)
        .await
        .unwrap();
    assert!(report.imported);
    assert_eq!(report.accepted, 2);
    let filters = parts::store::parts(&d.store, "PE01").await.unwrap();
    assert_eq!(
        filters.len(),
        1,
        "a known part number is updated, not added"
    );
    assert_eq!(
        (filters[0].unit_price_fen, filters[0].on_hand_hundredths),
        (5_200, 1_000)
    );
    assert_eq!(parts::store::part_count(&d.store).await.unwrap(), 3);
}

#[tokio::test]
async fn a_thirty_line_order_prints_on_two_pages_and_the_check_in_form_on_one() {
    let d = desk().await;
    let file = d.walk_in().await;
    let mut draft = d.draft(&file);
    draft.lines = (0..30)
        .map(|i| {
            if i % 2 == 0 {
                d.labour(PayType::ALL[i % 4], 0)
            } else {
                d.part(d.filter_id, &format!("机油滤清器 {i}"), 100, 4_800)
            }
        })
        .collect();
    let saved = d.save(&draft).await.unwrap();
    let number = saved.order.number.clone();
    for size in [FormSize::A4, FormSize::Half] {
        let pdf = work_order::work_order_pdf(&d.store, file.order.id, None, size)
            .await
            .unwrap();
        assert!(pdf.len() < 100 * 1024, "{} bytes", pdf.len());
        let pages = pdf_pages(&pdf);
        let text = flat(&pdf_text(&pdf));
        assert!(text.contains(&number) && text.contains("派工单"));
        assert!(text.contains(&saved.order.totals.customer_pays_capitals));
        assert!(text.contains("机油滤清器29") && text.contains("客户签字"));
        assert!(text.contains(&format!("第{pages}/{pages}页")), "{text}");
        match size {
            FormSize::A4 => assert_eq!(pages, 2),
            FormSize::Half => assert!(pages >= 3, "{pages} half pages"),
        }
    }
    let pdf = work_order::check_in_pdf(&d.store, file.order.id, FormSize::A4)
        .await
        .unwrap();
    assert_eq!(pdf_pages(&pdf), 1);
    let text = flat(&pdf_text(&pdf));
    assert!(text.contains("接车登记表") && text.contains("31500km"));
    assert!(text.contains("前保险杠左侧划痕") && text.contains("行车记录仪"));
}

#[tokio::test]
async fn a_diagnosis_only_order_goes_for_signature_without_lines() {
    let d = desk().await;
    let file = d.walk_in().await;
    let mut draft = d.draft(&file);
    draft.lines.clear();
    draft.interview.what = "发动机故障灯亮，原因待查".into();
    d.save(&draft).await.unwrap();
    let err = d.act(file.order.id, OrderAction::Submit).await.unwrap_err();
    assert_eq!(field(&err), ("validation".into(), Some("lines")));
    draft.revision += 1;
    draft.diagnosis_only = true;
    d.save(&draft).await.unwrap();
    let submitted = d.act(file.order.id, OrderAction::Submit).await.unwrap();
    assert_eq!(submitted.order.status, OrderStatus::AwaitingSignature);
    let pdf = work_order::work_order_pdf(&d.store, file.order.id, None, FormSize::Half)
        .await
        .unwrap();
    let text = flat(&pdf_text(&pdf));
    assert!(
        text.contains("诊断派工单") && text.contains("仅诊断"),
        "{text}"
    );
}
