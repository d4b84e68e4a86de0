//! The vehicle file on a real SQLite file: VIN and plate rules with their overrides, mileage
//! readings, owners and the next service.

mod common;

use servicebay::Store;
use servicebay::customer::{self, CustomerInput};
use servicebay::vehicle::{self, MileageReading, ReadingSource, VehicleInput};

use common::fresh_store;

async fn store_with_customer() -> (tempfile::TempDir, Store, i64) {
    let (dir, store) = fresh_store().await;
    let id = customer::save(&store, &CustomerInput::person("王建国", "13812348000"))
        .await
        .unwrap()
        .customer
        .id
        .unwrap();
    (dir, store, id)
}

fn reading(read_on: &str, km: i64, reason: &str) -> MileageReading {
    MileageReading {
        read_on: read_on.into(),
        km,
        source: ReadingSource::Manual,
        reason: reason.into(),
    }
}

#[tokio::test]
async fn a_vehicle_file_keeps_its_identity_and_its_readings() {
    let (_dir, store, owner) = store_with_customer().await;
    let input = VehicleInput {
        vin: "lvsht9ae8fs123456".into(),
        brand: "马自达".into(),
        model: "CX-5".into(),
        delivery_date: "2024-05-08".into(),
        ..VehicleInput::new(owner, "京A12345")
    };
    let file = vehicle::save(&store, &input).await.unwrap();
    let id = file.vehicle.id.unwrap();
    assert_eq!(
        (file.vehicle.plate.as_str(), file.vehicle.vin.as_str()),
        ("京A·12345", "LVSHT9AE8FS123456")
    );
    assert_eq!(file.owners.len(), 1);
    assert_eq!(
        file.owners[0].from_date, "2024-05-08",
        "owned since delivery"
    );
    assert_eq!(
        (file.next_service_date.as_deref(), file.next_service_km),
        (Some("2024-11-08"), Some(5_000))
    );

    vehicle::add_reading(&store, id, &reading("2025-01-10", 12_000, ""))
        .await
        .unwrap();
    let err = vehicle::add_reading(&store, id, &reading("2025-02-10", 9_000, ""))
        .await
        .unwrap_err();
    assert_eq!(
        err.field(),
        Some("reason"),
        "a lower reading needs a reason"
    );
    let file = vehicle::add_reading(&store, id, &reading("2025-02-10", 9_000, "更换仪表"))
        .await
        .unwrap();
    assert_eq!((file.readings.len(), file.last_km), (2, Some(9_000)));
}

#[tokio::test]
async fn plate_and_vin_overrides_need_a_reason_and_duplicates_are_refused() {
    let (_dir, store, owner) = store_with_customer().await;
    let police = VehicleInput::new(owner, "京A1234警");
    assert_eq!(
        vehicle::save(&store, &police).await.unwrap_err().field(),
        Some("plate")
    );
    let saved = vehicle::save(
        &store,
        &VehicleInput {
            plate_override_reason: "警用车辆".into(),
            ..police
        },
    )
    .await
    .unwrap();
    assert_eq!(saved.vehicle.plate, "京A1234警");

    let imported = VehicleInput {
        vin: "1HGCM82623A004352".into(),
        ..VehicleInput::new(owner, "京B12345")
    };
    assert_eq!(
        vehicle::save(&store, &imported).await.unwrap_err().field(),
        Some("vin")
    );
    let waived = VehicleInput {
        vin_check_waived_reason: "平行进口，无校验位".into(),
        ..imported
    };
    let saved = vehicle::save(&store, &waived).await.unwrap();
    assert_eq!(saved.vehicle.vin_check_waived_reason, "平行进口，无校验位");

    let same_vin = VehicleInput {
        vin: "1HGCM82623A004352".into(),
        vin_check_waived_reason: "同上".into(),
        ..VehicleInput::new(owner, "京C12345")
    };
    assert_eq!(
        vehicle::save(&store, &same_vin).await.unwrap_err().field(),
        Some("vin")
    );
    let same_plate = VehicleInput::new(owner, "京B·12345");
    assert_eq!(
        vehicle::save(&store, &same_plate)
            .await
            .unwrap_err()
            .field(),
        Some("plate")
    );
}

#[tokio::test]
async fn a_vehicle_changes_owner_and_keeps_its_history() {
    let (_dir, store, first_owner) = store_with_customer().await;
    let file = vehicle::save(&store, &VehicleInput::new(first_owner, "京A12345"))
        .await
        .unwrap();
    let id = file.vehicle.id.unwrap();
    vehicle::add_reading(&store, id, &reading("2025-01-10", 12_000, ""))
        .await
        .unwrap();
    let buyer = customer::save(&store, &CustomerInput::person("李娜", "13987650000"))
        .await
        .unwrap()
        .customer
        .id
        .unwrap();

    let refused = vehicle::transfer(&store, id, first_owner)
        .await
        .unwrap_err();
    assert_eq!(
        refused.field(),
        Some("customerId"),
        "the owner cannot buy their own car"
    );
    let file = vehicle::transfer(&store, id, buyer).await.unwrap();
    assert_eq!(file.owner_name, "李娜");
    let owners: Vec<(&str, bool)> = file
        .owners
        .iter()
        .map(|o| (o.name.as_str(), o.to_date.is_some()))
        .collect();
    assert!(
        owners.contains(&("王建国", true)) && owners.contains(&("李娜", false)),
        "{owners:?}"
    );
    assert_eq!(file.readings.len(), 1, "the readings stay with the vehicle");

    let seller = customer::store::get(&store, first_owner).await.unwrap();
    assert!(seller.vehicles.is_empty(), "the car left the seller's file");
    let hits = customer::store::search(&store, "京A12345").await.unwrap();
    assert_eq!(hits[0].name, "李娜", "the plate now finds the new owner");
}
