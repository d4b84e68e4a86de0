//! The customer care to-do list on the demo dealership: birthdays this week, a delivery call
//! on its day, key customers not contacted, holiday greetings, maintenance due for the
//! advisors; done items leave the list once and go on the customer's file.

mod common;

use chrono::{Duration, Utc};
use servicebay::care::{self, CareDone, CareKind, CareSettings, Holiday};
use servicebay::customer::ContactChannel;
use servicebay::staff::Role;
use servicebay::{dealership, demo, staff};

use common::fresh_store;

#[tokio::test]
async fn the_days_list_by_role_and_items_done_once() {
    let (_dir, store) = fresh_store().await;
    demo::seed(&store).await.unwrap();
    let today = dealership::store::today(&store).await.unwrap();
    let service = staff::store::list(&store)
        .await
        .unwrap()
        .into_iter()
        .find(|s| s.role == Role::FollowUp)
        .unwrap()
        .id;
    // One customer's birthday in two days, another's car delivered three days ago.
    let (birthday_customer, delivered_vehicle): (i64, i64) = (1, 2);
    let birthday = format!("1985-{}", (today + Duration::days(2)).format("%m-%d"));
    sqlx::query("UPDATE customer SET birthday = ?1 WHERE id = ?2")
        .bind(&birthday)
        .bind(birthday_customer)
        .execute(store.writer())
        .await
        .unwrap();
    sqlx::query("UPDATE vehicle SET delivery_date = ?1 WHERE id = ?2")
        .bind((today - Duration::days(3)).to_string())
        .bind(delivered_vehicle)
        .execute(store.writer())
        .await
        .unwrap();
    let settings = CareSettings {
        holidays: vec![Holiday {
            date: (today + Duration::days(1)).to_string(),
            name: "测试节".into(),
        }],
        ..CareSettings::default()
    };
    care::store::save_settings(&store, &settings).await.unwrap();

    let list = care::store::todo(&store, today, Some(Role::FollowUp), Utc::now())
        .await
        .unwrap();
    let of = |kind| list.iter().filter(move |i| i.kind == kind);
    let birthday_item = of(CareKind::Birthday)
        .find(|i| i.customer_id == birthday_customer)
        .expect("a birthday this week");
    assert!(birthday_item.message.contains("生日快乐"));
    assert!(birthday_item.message.contains(&birthday_item.customer_name));
    assert!(of(CareKind::Delivery3d).count() >= 1);
    assert_eq!(of(CareKind::Delivery24h).count(), 0);
    let greeting = of(CareKind::Holiday)
        .next()
        .expect("key customers are greeted");
    assert!(greeting.message.contains("测试节"));
    assert!(
        of(CareKind::MaintenanceDue).next().is_none(),
        "maintenance is the advisors'"
    );
    let advisors = care::store::todo(&store, today, Some(Role::Advisor), Utc::now())
        .await
        .unwrap();
    assert!(advisors.iter().all(|i| i.kind == CareKind::MaintenanceDue));
    assert!(!advisors.is_empty(), "the demo has cars due for a service");

    // Done: off the list, on the customer's file; twice is refused.
    let done = CareDone {
        customer_id: birthday_item.customer_id,
        kind: CareKind::Birthday,
        occasion: birthday_item.occasion.clone(),
        channel: ContactChannel::Sms,
        outcome: "已发送生日短信".into(),
        staff_id: service,
    };
    care::store::done(&store, &done, Utc::now()).await.unwrap();
    let err = care::store::done(&store, &done, Utc::now())
        .await
        .unwrap_err();
    assert_eq!(err.code(), "conflict");
    let after = care::store::todo(&store, today, Some(Role::FollowUp), Utc::now())
        .await
        .unwrap();
    assert!(
        !after
            .iter()
            .any(|i| i.kind == CareKind::Birthday && i.customer_id == birthday_customer)
    );
    let file = servicebay::customer::store::get(&store, birthday_customer)
        .await
        .unwrap();
    assert!(
        file.contacts
            .iter()
            .any(|c| c.subject == "生日祝福" && c.outcome == "已发送生日短信")
    );
    // A setting out of range is refused with its field.
    let bad = CareSettings {
        key_contact_days: 3,
        ..settings
    };
    assert_eq!(
        care::store::save_settings(&store, &bad)
            .await
            .unwrap_err()
            .field(),
        Some("keyContactDays")
    );
}
