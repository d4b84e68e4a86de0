//! The gate's one rule on a real SQLite file: a car goes out only when no work order of it
//! charges the customer and is unpaid. Road tests and trips to the wash go out and come back.
//! The cases that once let an unpaid car out, then the same rule as a property over random
//! sequences of what the desks do.

mod common;

use chrono::{DateTime, Duration, Utc};
use servicebay::gate::{self, GateAnswer, OtherPassInput, PassKind, Refusal};
use servicebay::reception::{self, ReceptionStart};
use servicebay::settlement::{self, HandOverInput, PayMethod, PaymentInput, SettleInput};
use servicebay::staff::Role;
use servicebay::work_order::{self, FormSize, OrderAction, OrderStatus};
use servicebay::{Store, customer, demo, staff};

use common::{fresh_store, hand_over_input, pdf_text};

/// The demo dealership's people, by the role each step needs.
struct Desk {
    advisor: i64,
    cashier: i64,
    foreman: i64,
}

async fn demo_desk() -> (tempfile::TempDir, Store, Desk) {
    let (dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let people = staff::store::list(&store).await.unwrap();
    let first = |role: Role| people.iter().find(|s| s.role == role).unwrap().id;
    let desk = Desk {
        advisor: first(Role::Advisor),
        cashier: first(Role::Cashier),
        foreman: first(Role::Foreman),
    };
    (dir, store, desk)
}

/// A car of a new customer; returns (customer, vehicle, plate as stored).
async fn new_car(store: &Store, n: u32) -> (i64, i64, String) {
    let hit = customer::create(
        store,
        &customer::CustomerDraft {
            name: "门卫测".into(),
            mobile: format!("139{:08}", n),
            plate: format!("津A{}", 10000 + n % 89999),
            allow_duplicate_mobile: false,
        },
    )
    .await
    .unwrap();
    let (vehicle, plate): (i64, String) =
        sqlx::query_as("SELECT id, plate FROM vehicle WHERE customer_id = ?1")
            .bind(hit.customer_id)
            .fetch_one(store.reader())
            .await
            .unwrap();
    (hit.customer_id, vehicle, plate)
}

/// Receives the car as a walk-in and puts one labour line on the order, paid by the customer
/// (¥120.00) or under warranty, then sends it to the workshop the customer agreed to road
/// test. The workshop steps themselves are tested in workshop_flow.rs.
async fn open_order(store: &Store, desk: &Desk, car: (i64, i64), charging: bool) -> i64 {
    let file = reception::start(
        store,
        &ReceptionStart {
            appointment_id: None,
            customer_id: Some(car.0),
            vehicle_id: Some(car.1),
            advisor_id: desk.advisor,
            actor_id: Some(desk.advisor),
        },
    )
    .await
    .unwrap();
    let id = file.order.id;
    let pay_type = if charging { "customer" } else { "warranty" };
    sqlx::query(
        "INSERT INTO work_order_line (work_order_id, position, kind, pay_type, code, name,
             quantity_hundredths, unit_price_fen, amount_fen)
         VALUES (?1, 1, 'labour', ?2, 'T01', '检查异响', 100, 12000, 12000)",
    )
    .bind(id)
    .bind(pay_type)
    .execute(store.writer())
    .await
    .unwrap();
    set_status(store, id, OrderStatus::Dispatched).await;
    sqlx::query("UPDATE work_order SET test_drive_consent = TRUE WHERE id = ?1")
        .bind(id)
        .execute(store.writer())
        .await
        .unwrap();
    id
}

async fn set_status(store: &Store, id: i64, status: OrderStatus) {
    sqlx::query("UPDATE work_order SET status = ?1 WHERE id = ?2")
        .bind(status.as_str())
        .bind(id)
        .execute(store.writer())
        .await
        .unwrap();
}

async fn status(store: &Store, id: i64) -> OrderStatus {
    work_order::store::get(store, id).await.unwrap().status
}

/// The advisor hands the finished car over.
async fn hand_over(store: &Store, desk: &Desk, id: i64) {
    settlement::hand_over(
        store,
        &HandOverInput {
            other_advisor_confirmed: true,
            ..hand_over_input(id, desk.advisor)
        },
    )
    .await
    .unwrap();
}

/// The advisor hands the finished car over and the cashier takes what it owes.
async fn hand_over_and_settle(store: &Store, desk: &Desk, id: i64) {
    hand_over(store, desk, id).await;
    let due = work_order::store::get(store, id)
        .await
        .unwrap()
        .totals
        .customer_pays_fen;
    let payments = if due > 0 {
        vec![PaymentInput {
            method: PayMethod::Cash,
            amount_fen: due,
        }]
    } else {
        Vec::new()
    };
    settlement::settle(
        store,
        &SettleInput {
            order_id: id,
            cashier_id: desk.cashier,
            payments,
            invoice_number: String::new(),
        },
    )
    .await
    .unwrap();
}

async fn other_pass(
    store: &Store,
    kind: PassKind,
    number: &str,
    plate: &str,
    by: i64,
) -> servicebay::Result<gate::PassLine> {
    gate::issue_other(
        store,
        &OtherPassInput {
            kind,
            work_order_number: number.into(),
            plate: plate.into(),
            note: String::new(),
            issued_by: by,
        },
    )
    .await
}

async fn at_gate(store: &Store, scanned: &str, now: DateTime<Utc>) -> GateAnswer {
    gate::store::verify(store, scanned, None, now)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_settled_pass_never_scanned_is_void_once_the_car_is_received_again() {
    let (_dir, store, desk) = demo_desk().await;
    let (customer, vehicle, plate) = new_car(&store, 1).await;
    let first = open_order(&store, &desk, (customer, vehicle), true).await;
    set_status(&store, first, OrderStatus::Ready).await;
    hand_over_and_settle(&store, &desk, first).await;
    let pass = gate::issue_for_order(&store, first, desk.cashier)
        .await
        .unwrap();

    // The car left without the pass being scanned, and comes back with a new problem.
    let second = open_order(&store, &desk, (customer, vehicle), true).await;
    let now = Utc::now();
    for scanned in [pass.token.as_str(), plate.as_str()] {
        let answer = at_gate(&store, scanned, now).await;
        assert!(!answer.allowed, "{scanned}: {}", answer.message_zh);
    }
    let by_token = at_gate(&store, &pass.token, now).await;
    assert_eq!(by_token.refusal, Some(Refusal::Cancelled));
    let by_plate = at_gate(&store, &plate, now).await;
    assert_eq!(by_plate.refusal, Some(Refusal::NotPaid));
    let second_number = work_order::store::get(&store, second).await.unwrap().number;
    assert!(by_plate.message_zh.contains(&second_number));

    // The first order says why its pass is void.
    let history = work_order::store::file(&store, first)
        .await
        .unwrap()
        .history;
    let cancelled = history
        .iter()
        .find(|h| h.action == OrderAction::CancelPass)
        .expect("the cancelled pass is in the first order's history");
    assert!(cancelled.note.contains(&second_number));
    assert_eq!(cancelled.to_status, OrderStatus::Settled);
    assert_eq!(status(&store, first).await, OrderStatus::Settled);

    // Once the new bill is paid, the car goes out on its own pass.
    set_status(&store, second, OrderStatus::Ready).await;
    hand_over_and_settle(&store, &desk, second).await;
    let new_pass = gate::issue_for_order(&store, second, desk.cashier)
        .await
        .unwrap();
    let out = at_gate(&store, &plate, now).await;
    assert!(out.allowed, "{}", out.message_zh);
    assert!(!out.round_trip);
    assert_eq!(out.work_order_number, second_number);
    assert_eq!(new_pass.work_order_number, second_number);
    assert_eq!(status(&store, second).await, OrderStatus::Exited);
}

#[tokio::test]
async fn road_test_and_wash_passes_do_not_let_a_finished_unpaid_car_out() {
    let (_dir, store, desk) = demo_desk().await;
    let (customer, vehicle, plate) = new_car(&store, 2).await;
    let order = open_order(&store, &desk, (customer, vehicle), true).await;
    let number = work_order::store::get(&store, order).await.unwrap().number;
    let road = other_pass(&store, PassKind::RoadTest, &number, "", desk.foreman)
        .await
        .unwrap();
    let now = Utc::now();

    // In the workshop, the road test goes out and comes back.
    let out = at_gate(&store, &road.token, now).await;
    assert!(out.allowed && out.round_trip, "{}", out.message_zh);
    assert!(out.message_zh.contains("须返回"));
    let day = gate::today(&store).await.unwrap();
    let recorded = day.iter().find(|e| e.plate == plate).unwrap();
    assert!(recorded.allowed && recorded.round_trip);

    // A second road test pass, unused, and a wash pass; then the car is finished, unpaid.
    let unused_road = other_pass(&store, PassKind::RoadTest, &number, "", desk.foreman)
        .await
        .unwrap();
    let wash = other_pass(&store, PassKind::WashOnly, "", &plate, desk.advisor)
        .await
        .unwrap();
    set_status(&store, order, OrderStatus::Ready).await;
    for scanned in [
        plate.as_str(),
        unused_road.token.as_str(),
        wash.token.as_str(),
    ] {
        let answer = at_gate(&store, scanned, now).await;
        assert_eq!(answer.refusal, Some(Refusal::NotPaid), "{scanned}");
    }

    // A warranty car finished: nothing unpaid, but its road test is over.
    let (customer, vehicle, _) = new_car(&store, 3).await;
    let warranty = open_order(&store, &desk, (customer, vehicle), false).await;
    let number = work_order::store::get(&store, warranty)
        .await
        .unwrap()
        .number;
    let road = other_pass(&store, PassKind::RoadTest, &number, "", desk.foreman)
        .await
        .unwrap();
    set_status(&store, warranty, OrderStatus::Ready).await;
    let answer = at_gate(&store, &road.token, now).await;
    assert_eq!(answer.refusal, Some(Refusal::Expired));
}

#[tokio::test]
async fn an_unused_settled_pass_expires_and_the_cash_desk_issues_a_new_one() {
    let (_dir, store, desk) = demo_desk().await;
    let (customer, vehicle, plate) = new_car(&store, 4).await;
    let order = open_order(&store, &desk, (customer, vehicle), true).await;
    set_status(&store, order, OrderStatus::Ready).await;
    hand_over_and_settle(&store, &desk, order).await;
    let issued = Utc::now();
    let pass = gate::store::issue_for_order(&store, order, desk.cashier, issued)
        .await
        .unwrap();
    // Seven days (the default setting) are still good; a minute more is not.
    let late = issued + Duration::days(7) + Duration::minutes(1);
    let answer = at_gate(&store, &pass.token, late).await;
    assert_eq!(answer.refusal, Some(Refusal::Expired));
    assert_eq!(
        at_gate(&store, &plate, late).await.refusal,
        Some(Refusal::Expired)
    );
    assert_eq!(status(&store, order).await, OrderStatus::Settled);

    let again = gate::store::issue_for_order(&store, order, desk.cashier, late)
        .await
        .unwrap();
    assert_ne!(again.token, pass.token);
    assert_eq!(
        at_gate(&store, &pass.token, late).await.refusal,
        Some(Refusal::Expired)
    );
    let out = at_gate(&store, &again.token, late).await;
    assert!(out.allowed, "{}", out.message_zh);
    assert_eq!(status(&store, order).await, OrderStatus::Exited);
}

#[tokio::test]
async fn nothing_is_settled_issued_or_counted_when_the_paper_cannot_be_saved() {
    let (_dir, store, desk) = demo_desk().await;
    let (customer, vehicle, _) = new_car(&store, 5).await;
    // Warranty work: the pass settles the order on the spot.
    let order = open_order(&store, &desk, (customer, vehicle), false).await;
    set_status(&store, order, OrderStatus::Ready).await;
    hand_over(&store, &desk, order).await;
    let disk_full = |_: &[u8]| -> servicebay::Result<()> {
        Err(std::io::Error::new(std::io::ErrorKind::StorageFull, "no space left").into())
    };

    let err = gate::print_for_order(&store, order, desk.cashier, disk_full)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "io");
    assert_eq!(status(&store, order).await, OrderStatus::Ready);
    assert!(
        gate::store::pass_of_order(&store, order)
            .await
            .unwrap()
            .is_none()
    );

    let err = settlement::print_statement(&store, order, FormSize::A4, disk_full)
        .await
        .unwrap_err();
    assert_eq!(err.code(), "io");
    let first = settlement::print_statement(&store, order, FormSize::A4, |pdf| Ok(pdf_text(pdf)))
        .await
        .unwrap();
    assert!(first.contains("结算清单") && !first.contains("副本"));

    let token = gate::print_for_order(&store, order, desk.cashier, |pdf| Ok(pdf_text(pdf)))
        .await
        .unwrap();
    let pass = gate::store::pass_of_order(&store, order)
        .await
        .unwrap()
        .unwrap();
    assert!(token.contains(&pass.work_order_number));
    assert_eq!(status(&store, order).await, OrderStatus::Settled);
}

#[tokio::test]
async fn two_cash_desks_printing_one_pass_at_once_get_the_same_pass() {
    let (dir, store, desk) = demo_desk().await;
    let (customer, vehicle, _) = new_car(&store, 6).await;
    let order = open_order(&store, &desk, (customer, vehicle), false).await;
    set_status(&store, order, OrderStatus::Ready).await;
    hand_over(&store, &desk, order).await;
    // The second desk has its own connection to the same file, as another PC's app would.
    let paths = servicebay::AppPaths::at(dir.path());
    let other = Store::open(&paths.database(), &paths.backups())
        .await
        .unwrap();
    let (a, b) = tokio::join!(
        gate::issue_for_order(&store, order, desk.cashier),
        gate::issue_for_order(&other, order, desk.cashier)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    assert_eq!((a.id, &a.token), (b.id, &b.token));
}

/// What the desks do to one car, in any order.
#[derive(Debug, Clone, Copy)]
enum Step {
    Open { charging: bool },
    Finish,
    Settle,
    Issue,
    RoadTest,
    Wash,
    ScanLatest,
    ScanOldest,
    TypePlate,
    DaysPass(i64),
}

/// The test's own account of one order: whether it charges the customer and where it is.
#[derive(Debug)]
struct Order {
    id: i64,
    number: String,
    charging: bool,
    status: OrderStatus,
}

impl Order {
    fn unpaid(&self) -> bool {
        self.charging && !matches!(self.status, OrderStatus::Settled | OrderStatus::Exited)
    }
}

/// Half the time the next step of the car's latest visit (so sequences reach the cash desk
/// and the gate), otherwise anything at all.
fn random_step(rng: &mut fastrand::Rng, orders: &[Order], tokens: usize) -> Step {
    if rng.bool() {
        match orders.last().map(|o| o.status) {
            None | Some(OrderStatus::Exited) => {
                return Step::Open {
                    charging: rng.bool(),
                };
            }
            Some(OrderStatus::Dispatched) => return Step::Finish,
            Some(OrderStatus::Ready) => return Step::Settle,
            Some(OrderStatus::Settled) if tokens == 0 => return Step::Issue,
            _ => {}
        }
    }
    match rng.u8(0..20) {
        0..=2 => Step::Open {
            charging: rng.bool(),
        },
        3..=4 => Step::Finish,
        5..=6 => Step::Settle,
        7..=8 => Step::Issue,
        9..=10 => Step::RoadTest,
        11 => Step::Wash,
        12..=14 => Step::ScanLatest,
        15 => Step::ScanOldest,
        16..=18 => Step::TypePlate,
        _ => Step::DaysPass(rng.i64(1..=5)),
    }
}

/// `cases` random sequences on cars of one dealership of its own; returns how many answers
/// let a car out for good, out and back, and refused it.
async fn sequences(seed: u64, cases: u32) -> (u32, u32, u32) {
    let mut rng = fastrand::Rng::with_seed(seed);
    let (mut allowed_out, mut allowed_round_trips, mut refused) = (0, 0, 0);
    let (_dir, store, desk) = demo_desk().await;
    let (store, desk) = (&store, &desk);
    for case in 0..cases {
        let car = new_car(store, 100 + case).await;
        let mut orders: Vec<Order> = Vec::new();
        let mut tokens: Vec<String> = Vec::new();
        let mut now = Utc::now();
        let mut done: Vec<Step> = Vec::new();
        for _ in 0..rng.usize(1..=12) {
            let step = random_step(&mut rng, &orders, tokens.len());
            done.push(step);
            let open = orders
                .iter()
                .rposition(|o| !matches!(o.status, OrderStatus::Settled | OrderStatus::Exited));
            let latest_settled = orders
                .iter()
                .rposition(|o| o.status == OrderStatus::Settled);
            let answer = match step {
                Step::Open { charging } if open.is_none() => {
                    let id = open_order(store, desk, (car.0, car.1), charging).await;
                    let number = work_order::store::get(store, id).await.unwrap().number;
                    orders.push(Order {
                        id,
                        number,
                        charging,
                        status: OrderStatus::Dispatched,
                    });
                    None
                }
                Step::Finish => {
                    if let Some(i) = open.filter(|i| orders[*i].status == OrderStatus::Dispatched) {
                        set_status(store, orders[i].id, OrderStatus::Ready).await;
                        orders[i].status = OrderStatus::Ready;
                    }
                    None
                }
                Step::Settle => {
                    if let Some(i) = open.filter(|i| orders[*i].status == OrderStatus::Ready) {
                        hand_over_and_settle(store, desk, orders[i].id).await;
                        orders[i].status = OrderStatus::Settled;
                    }
                    None
                }
                Step::Issue => {
                    if let Some(i) = latest_settled {
                        // A settled order of an earlier visit may have had its pass used
                        // for that visit's exit: then the cash desk refuses, rightly.
                        if let Ok(pass) =
                            gate::store::issue_for_order(store, orders[i].id, desk.cashier, now)
                                .await
                        {
                            tokens.push(pass.token);
                        }
                    }
                    None
                }
                Step::RoadTest => {
                    // Refused unless the car is in the workshop and the customer agreed.
                    if let Some(i) = open
                        && let Ok(pass) = other_pass(
                            store,
                            PassKind::RoadTest,
                            &orders[i].number,
                            "",
                            desk.foreman,
                        )
                        .await
                    {
                        tokens.push(pass.token);
                    }
                    None
                }
                Step::Wash => {
                    let pass = other_pass(store, PassKind::WashOnly, "", &car.2, desk.advisor)
                        .await
                        .unwrap();
                    tokens.push(pass.token);
                    None
                }
                Step::ScanLatest if !tokens.is_empty() => {
                    Some(at_gate(store, tokens.last().unwrap(), now).await)
                }
                Step::ScanOldest if !tokens.is_empty() => {
                    Some(at_gate(store, &tokens[0], now).await)
                }
                Step::TypePlate => Some(at_gate(store, &car.2, now).await),
                Step::DaysPass(days) => {
                    now += Duration::days(days);
                    None
                }
                _ => None,
            };
            let Some(answer) = answer else { continue };
            let owes = orders.iter().find(|o| o.unpaid());
            if !answer.allowed {
                refused += 1;
                continue;
            }
            if answer.round_trip {
                allowed_round_trips += 1;
                // A trip out and back: a road test of the order in the workshop, or a wash
                // when nothing is owed.
                let on_test = answer.kind == Some(PassKind::RoadTest)
                    && orders.iter().any(|o| {
                        o.number == answer.work_order_number && o.status == OrderStatus::Dispatched
                    });
                assert!(
                    on_test || owes.is_none(),
                    "seed {seed} case {case}: {} while {owes:?} is unpaid after {done:?}",
                    answer.message_zh
                );
            } else {
                allowed_out += 1;
                assert!(
                    owes.is_none(),
                    "seed {seed} case {case}: {} while {owes:?} is unpaid after {done:?}",
                    answer.message_zh
                );
                if let Some(order) = orders
                    .iter_mut()
                    .find(|o| o.number == answer.work_order_number)
                {
                    order.status = OrderStatus::Exited;
                }
            }
        }
    }
    (allowed_out, allowed_round_trips, refused)
}

/// Dealerships that run their sequences side by side, each in its own database.
const DEALERSHIPS: u32 = 4;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_gate_never_lets_a_car_out_while_it_owes_for_a_work_order() {
    let cases: u32 = std::env::var("GATE_PROPERTY_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let seed: u64 = std::env::var("GATE_PROPERTY_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(20261202);
    let runs: Vec<_> = (0..DEALERSHIPS)
        .map(|d| tokio::spawn(sequences(seed + u64::from(d), cases.div_ceil(DEALERSHIPS))))
        .collect();
    let (mut allowed_out, mut allowed_round_trips, mut refused) = (0, 0, 0);
    for run in runs {
        let (out, trips, no) = run.await.unwrap();
        (allowed_out, allowed_round_trips, refused) =
            (allowed_out + out, allowed_round_trips + trips, refused + no);
    }
    // The sequences reach every kind of answer, so the rule above was really put to the test.
    assert!(
        allowed_out > 0 && allowed_round_trips > 0 && refused > 0,
        "out {allowed_out}, trips {allowed_round_trips}, refused {refused}"
    );
    println!(
        "{cases} sequences: {allowed_out} let out, {allowed_round_trips} trips out and back, {refused} refused"
    );
}
