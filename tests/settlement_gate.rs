//! Hand-over, settlement, exit passes and the gate on a real SQLite file with the demo
//! dealership — every refusal on the way: the checklist, the other advisor, the follow-up,
//! payments that do not add up, a pass for an unpaid or cancelled order, a forged or altered
//! token, and a second use.

mod common;

use servicebay::gate::{self, OtherPassInput, PassKind, Refusal};
use servicebay::settlement::{
    self, FollowupMethod, FollowupTime, HandOverInput, PayMethod, PaymentInput, SettleInput,
};
use servicebay::staff::Role;
use servicebay::work_order::{self, FormSize, OrderAction, OrderStatus, PayType, WorkOrder};
use servicebay::{Store, demo, staff};

use common::{fresh_store, hand_over_input, pdf_text};

async fn staff_with(store: &Store, role: Role) -> Vec<i64> {
    staff::store::list(store)
        .await
        .unwrap()
        .into_iter()
        .filter(|s| s.role == role)
        .map(|s| s.id)
        .collect()
}

/// The demo's orders in `status`, each with its content.
async fn orders_in(store: &Store, status: OrderStatus) -> Vec<WorkOrder> {
    let mut orders = Vec::new();
    for line in work_order::store::list(store, Some(status), None)
        .await
        .unwrap()
    {
        orders.push(work_order::store::get(store, line.id).await.unwrap());
    }
    orders
}

/// A ready demo car not handed over yet.
async fn ready_not_handed(store: &Store) -> WorkOrder {
    for order in orders_in(store, OrderStatus::Ready).await {
        if settlement::store::get(store, order.id)
            .await
            .unwrap()
            .hand_over
            .is_none()
        {
            return order;
        }
    }
    panic!("the demo has a ready car not handed over");
}

fn hand_over(order: &WorkOrder, advisor_id: i64) -> HandOverInput {
    hand_over_input(order.id, advisor_id)
}

fn pay(order_id: i64, cashier_id: i64, payments: &[(PayMethod, i64)]) -> SettleInput {
    SettleInput {
        order_id,
        cashier_id,
        payments: payments
            .iter()
            .map(|(method, amount_fen)| PaymentInput {
                method: *method,
                amount_fen: *amount_fen,
            })
            .collect(),
        invoice_number: "44031234".into(),
    }
}

async fn status(store: &Store, id: i64) -> OrderStatus {
    work_order::store::get(store, id).await.unwrap().status
}

#[tokio::test]
async fn a_ready_car_is_handed_over_paid_for_and_let_out_once() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let order = ready_not_handed(&store).await;
    let cashier = staff_with(&store, Role::Cashier).await[0];
    let other_advisor = staff_with(&store, Role::Advisor)
        .await
        .into_iter()
        .find(|a| *a != order.advisor_id)
        .unwrap();

    // Not paid, not even handed over: no statement refusal, but no settlement and no pass.
    let err = settlement::settle(
        &store,
        &pay(
            order.id,
            cashier,
            &[(PayMethod::Cash, order.totals.customer_pays_fen)],
        ),
    )
    .await
    .unwrap_err();
    assert!(err.message_zh().contains("先交车"), "{err}");
    let err = gate::issue_for_order(&store, order.id, cashier)
        .await
        .unwrap_err();
    assert!(err.message_zh().contains("未付款"), "{err}");

    // The hand-over: a cashier may not; another advisor only once the warning is confirmed.
    let err = settlement::hand_over(&store, &hand_over(&order, cashier))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("advisorId"));
    let err = settlement::hand_over(&store, &hand_over(&order, other_advisor))
        .await
        .unwrap_err();
    assert_eq!(err.field(), Some("advisorId"));
    assert!(err.message_zh().contains(&order.advisor_name), "{err}");
    let mut input = hand_over(&order, other_advisor);
    input.other_advisor_confirmed = true;
    input.covers_removed = false;
    let err = settlement::hand_over(&store, &input).await.unwrap_err();
    assert_eq!(err.field(), Some("coversRemoved"));
    input.covers_removed = true;
    input.followup_phone = "1380013800".into();
    let err = settlement::hand_over(&store, &input).await.unwrap_err();
    assert_eq!(err.field(), Some("followupPhone"));
    // Nothing of the refused attempts was kept.
    let before = settlement::store::get(&store, order.id).await.unwrap();
    assert!(before.hand_over.is_none());
    assert_eq!(before.followup.consent, None);
    input.followup_phone = "13800138000".into();
    let handed = settlement::hand_over(&store, &input).await.unwrap();
    let record = handed.hand_over.as_ref().unwrap();
    assert!(record.other_advisor);
    assert_eq!(handed.followup.method, Some(FollowupMethod::Mobile));
    assert_eq!(handed.followup.time, Some(FollowupTime::Afternoon));
    let file = work_order::store::file(&store, order.id).await.unwrap();
    assert!(
        file.history
            .iter()
            .any(|h| h.note.contains("非接车顾问交车") && h.note.contains(&order.advisor_name)),
        "the other-advisor warning is in the history"
    );
    let err = settlement::hand_over(&store, &input).await.unwrap_err();
    assert_eq!(err.code(), "conflict");

    // The statement: the first print is the original, every later one a copy.
    let first = pdf_text(
        &settlement::print_statement(&store, order.id, FormSize::A4, |pdf| Ok(pdf.to_vec()))
            .await
            .unwrap(),
    );
    assert!(first.contains("结算清单") && first.contains(&order.plate));
    assert!(first.contains(&order.totals.customer_pays_capitals));
    assert!(first.contains("下次保养"));
    assert!(!first.contains("副本"));
    let second = pdf_text(
        &settlement::print_statement(&store, order.id, FormSize::Half, |pdf| Ok(pdf.to_vec()))
            .await
            .unwrap(),
    );
    assert!(second.contains("副本"));

    // Payments: only the cashier; the split must add up to what is owed.
    let due = order.totals.customer_pays_fen;
    let err = settlement::settle(
        &store,
        &pay(order.id, other_advisor, &[(PayMethod::Cash, due)]),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("cashierId"));
    let err = settlement::settle(
        &store,
        &pay(
            order.id,
            cashier,
            &[(PayMethod::Wechat, due - 100), (PayMethod::Cash, 99)],
        ),
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("payments"));
    assert_eq!(status(&store, order.id).await, OrderStatus::Ready);
    let visits_before: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM service_visit WHERE vehicle_id = ?1")
            .bind(order.vehicle_id)
            .fetch_one(store.reader())
            .await
            .unwrap();
    let settled = settlement::settle(
        &store,
        &pay(
            order.id,
            cashier,
            &[(PayMethod::Wechat, due - 100), (PayMethod::Cash, 100)],
        ),
    )
    .await
    .unwrap();
    assert_eq!(settled.order.status, OrderStatus::Settled);
    assert_eq!(settled.payments.len(), 2);
    assert_eq!(settled.invoice_number, "44031234");
    let visits_after: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM service_visit WHERE vehicle_id = ?1")
            .bind(order.vehicle_id)
            .fetch_one(store.reader())
            .await
            .unwrap();
    assert_eq!(
        visits_after,
        visits_before + 1,
        "the visit is on the customer's file"
    );
    let err = settlement::settle(&store, &pay(order.id, cashier, &[(PayMethod::Cash, due)]))
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    // What it came to is kept with the order for the manager's figures.
    let (labour, parts, customer, ready): (i64, i64, i64, Option<String>) = sqlx::query_as(
        "SELECT labour_fen, parts_fen, customer_fen, ready_at FROM work_order WHERE id = ?1",
    )
    .bind(order.id)
    .fetch_one(store.reader())
    .await
    .unwrap();
    assert_eq!(
        labour + parts,
        order.totals.labour_fen + order.totals.parts_fen - order.totals.line_discount_fen
    );
    assert_eq!(customer, due);
    assert!(ready.is_some(), "the time it became ready is kept");

    // The pass: a reprint is the same pass; it opens the gate once.
    let pass = gate::issue_for_order(&store, order.id, cashier)
        .await
        .unwrap();
    assert_eq!(pass.kind, PassKind::Settled);
    assert_eq!(pass.plate, order.plate);
    let again = gate::issue_for_order(&store, order.id, cashier)
        .await
        .unwrap();
    assert_eq!((again.id, &again.token), (pass.id, &pass.token));
    let pdf = pdf_text(&gate::exit_pass_pdf(&store, pass.id).await.unwrap());
    assert!(pdf.contains("出") && pdf.contains(&order.number) && pdf.contains(&pass.token));

    let allowed = gate::verify(&store, &pass.token, None).await.unwrap();
    assert!(allowed.allowed, "{}", allowed.message_zh);
    assert_eq!(allowed.work_order_number, order.number);
    assert_eq!(status(&store, order.id).await, OrderStatus::Exited);
    let second = gate::verify(&store, &pass.token.to_lowercase(), None)
        .await
        .unwrap();
    assert!(!second.allowed);
    assert_eq!(second.refusal, Some(Refusal::Used));
    assert!(second.message_zh.contains("已使用"));
    let by_plate = gate::verify(&store, &order.plate, None).await.unwrap();
    assert_eq!(by_plate.refusal, Some(Refusal::Used));
    let err = gate::issue_for_order(&store, order.id, cashier)
        .await
        .unwrap_err();
    assert!(err.message_zh().contains("出门"));

    // The guard's day: the exit, then the two refusals; no amounts, no phone numbers.
    let day = gate::today(&store).await.unwrap();
    let mine: Vec<_> = day.iter().filter(|e| e.plate == order.plate).collect();
    assert_eq!(mine.len(), 3);
    assert!(mine.iter().filter(|e| e.allowed).count() == 1);
    let json = serde_json::to_string(&day).unwrap();
    assert!(!json.contains("13800138000") && !json.contains("Fen"));
}

#[tokio::test]
async fn forged_altered_and_unknown_tokens_are_refused_and_recorded() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let settled = orders_in(&store, OrderStatus::Settled).await;
    let order = &settled[0];
    let pass = settlement::store::get(&store, order.id)
        .await
        .unwrap()
        .exit_pass
        .expect("the demo's settled car has its pass");

    // Altered: another pass id under the same signature, or one changed hex digit.
    let (head, signature) = pass.token.rsplit_once('.').unwrap();
    let other_id = format!("SB1.{}.{signature}", pass.id + 1000);
    let mut flipped = signature.to_string().into_bytes();
    flipped[0] = if flipped[0] == b'A' { b'B' } else { b'A' };
    let flipped = format!("{head}.{}", String::from_utf8(flipped).unwrap());
    // Forged: the right shape signed with another installation's secret.
    let (_other_dir, other_store) = fresh_store().await;
    demo::seed(&other_store).await.unwrap();
    let foreign = settlement::store::get(&other_store, order.id)
        .await
        .unwrap()
        .exit_pass
        .unwrap();
    assert_eq!(
        foreign.id, pass.id,
        "the same pass number in the other shop"
    );
    assert_ne!(foreign.token, pass.token);

    for (scanned, refusal) in [
        (flipped.as_str(), Refusal::NotGenuine),
        (foreign.token.as_str(), Refusal::NotGenuine),
        (other_id.as_str(), Refusal::NotFound),
        ("SOMETHING ELSE", Refusal::NotGenuine),
        ("京Z99999", Refusal::NotFound),
    ] {
        let answer = gate::verify(&store, scanned, None).await.unwrap();
        assert!(!answer.allowed, "{scanned}");
        assert_eq!(answer.refusal, Some(refusal), "{scanned}");
        assert!(answer.message_zh.starts_with("禁止放行"));
    }
    assert_eq!(status(&store, order.id).await, OrderStatus::Settled);
    let refused = gate::today(&store)
        .await
        .unwrap()
        .iter()
        .filter(|e| !e.allowed)
        .count();
    assert!(refused >= 5, "every refusal is recorded");
    // The genuine pass still works after all that.
    assert!(
        gate::verify(&store, &pass.token, None)
            .await
            .unwrap()
            .allowed
    );
}

#[tokio::test]
async fn no_pass_for_an_unpaid_car_a_warranty_car_needs_none_and_a_cancelled_order_is_refused() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let cashier = staff_with(&store, Role::Cashier).await[0];
    let mut unpaid = None;
    let mut warranty = None;
    for order in orders_in(&store, OrderStatus::Ready).await {
        let handed = settlement::store::get(&store, order.id)
            .await
            .unwrap()
            .hand_over
            .is_some();
        if handed && order.totals.customer_pays_fen > 0 {
            unpaid = Some(order);
        } else if handed {
            warranty = Some(order);
        }
    }
    let (unpaid, warranty) = (unpaid.unwrap(), warranty.unwrap());

    let err = gate::issue_for_order(&store, unpaid.id, cashier)
        .await
        .unwrap_err();
    assert!(err.message_zh().contains("未付款"), "{err}");
    let at_gate = gate::verify(&store, &unpaid.plate, None).await.unwrap();
    assert_eq!(at_gate.refusal, Some(Refusal::NotPaid));
    assert!(at_gate.message_zh.contains("未付款"));
    assert_eq!(status(&store, unpaid.id).await, OrderStatus::Ready);

    // Warranty work: nothing charged, so the pass settles it with no payment.
    assert!(
        warranty
            .lines
            .iter()
            .all(|l| l.pay_type == PayType::Warranty)
    );
    let pass = gate::issue_for_order(&store, warranty.id, cashier)
        .await
        .unwrap();
    assert_eq!(status(&store, warranty.id).await, OrderStatus::Settled);
    let statement = pdf_text(
        &settlement::print_statement(&store, warranty.id, FormSize::A4, |pdf| Ok(pdf.to_vec()))
            .await
            .unwrap(),
    );
    assert!(statement.contains("不收费") && statement.contains("索赔"));
    // Typing the plate finds its pass.
    let out = gate::verify(&store, &warranty.plate, None).await.unwrap();
    assert!(out.allowed, "{}", out.message_zh);
    assert_eq!(out.kind, Some(pass.kind));
    assert_eq!(status(&store, warranty.id).await, OrderStatus::Exited);

    // A road test pass, then the order is cancelled: the pass no longer opens the gate.
    let dispatched = orders_in(&store, OrderStatus::Dispatched).await;
    let consenting = dispatched
        .iter()
        .find(|o| o.check_in.test_drive_consent)
        .expect("a dispatched demo car whose customer agreed to a road test");
    let foreman = staff_with(&store, Role::Foreman).await[0];
    let road = OtherPassInput {
        kind: PassKind::RoadTest,
        work_order_number: consenting.number.clone(),
        plate: String::new(),
        note: "路试确认异响".into(),
        issued_by: foreman,
    };
    let err = gate::issue_other(
        &store,
        &OtherPassInput {
            issued_by: cashier,
            ..road.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("issuedBy"));
    let road_pass = gate::issue_other(&store, &road).await.unwrap();
    assert_eq!(road_pass.plate, consenting.plate);
    work_order::act(
        &store,
        consenting.id,
        OrderAction::Cancel,
        None,
        "客户临时取消",
    )
    .await
    .unwrap();
    let refused = gate::verify(&store, &road_pass.token, None).await.unwrap();
    assert_eq!(refused.refusal, Some(Refusal::Cancelled));
    assert!(refused.message_zh.contains("作废"));

    // Other passes need what they need, and are good once.
    let advisor = staff_with(&store, Role::Advisor).await[0];
    let rescue = OtherPassInput {
        kind: PassKind::Rescue,
        work_order_number: String::new(),
        plate: "京B12345".into(),
        note: String::new(),
        issued_by: advisor,
    };
    let err = gate::issue_other(&store, &rescue).await.unwrap_err();
    assert_eq!(err.field(), Some("note"));
    let err = gate::issue_other(
        &store,
        &OtherPassInput {
            plate: "京".into(),
            note: "高速救援".into(),
            ..rescue.clone()
        },
    )
    .await
    .unwrap_err();
    assert_eq!(err.field(), Some("plate"));
    let wash = gate::issue_other(
        &store,
        &OtherPassInput {
            kind: PassKind::WashOnly,
            note: String::new(),
            ..rescue
        },
    )
    .await
    .unwrap();
    assert!(
        gate::verify(&store, &wash.token, None)
            .await
            .unwrap()
            .allowed
    );
    assert_eq!(
        gate::verify(&store, &wash.token, None)
            .await
            .unwrap()
            .refusal,
        Some(Refusal::Used)
    );
}
