//! What the dealership sets for work orders: the safety margin on promised times and the
//! terms printed above the customer's signature.

use serde::{Deserialize, Serialize};

use crate::{Error, Result, Store};

const KEY: &str = "work_order.settings";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct WorkOrderSettings {
    /// Minutes added to the hours sold before a completion time may be promised.
    pub promise_margin_minutes: i64,
    /// The terms printed on the work order, one per line.
    pub terms: Vec<String>,
}

impl Default for WorkOrderSettings {
    fn default() -> Self {
        WorkOrderSettings {
            promise_margin_minutes: 30,
            terms: vec![
                "1. 本单所列项目及估价经客户确认后施工；如需增加项目或费用，本店先征得客户同意并重新签字。".into(),
                "2. 车内贵重物品请客户自行带走，未取走的物品本店不承担保管责任。".into(),
                "3. 如需路试，本店已事先告知客户；旧件按客户选择的方式处理，索赔旧件须返厂。".into(),
                "4. 完工后请凭结算单及出门证提车。".into(),
            ],
        }
    }
}

impl WorkOrderSettings {
    pub fn validate(&self) -> Result<WorkOrderSettings> {
        if !(0..=480).contains(&self.promise_margin_minutes) {
            return Err(Error::validation(
                "promiseMarginMinutes",
                "交车时间余量应在 0 到 480 分钟之间",
                "The margin on promised times must be 0 to 480 minutes",
            ));
        }
        Ok(WorkOrderSettings {
            promise_margin_minutes: self.promise_margin_minutes,
            terms: self
                .terms
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
        })
    }
}

pub async fn get(store: &Store) -> Result<WorkOrderSettings> {
    crate::dealership::store::setting(store, KEY).await
}

pub async fn save(store: &Store, input: &WorkOrderSettings) -> Result<WorkOrderSettings> {
    let settings = input.validate()?;
    crate::dealership::store::save_setting(store, KEY, &settings).await?;
    Ok(settings)
}
