//! What the dealership sets for work orders: the safety margin on promised times, the terms
//! printed above the customer's signature, when the job-status board warns, and the reminders
//! on the settlement statement and how long an exit pass stays good.

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
    /// A card on the job-status board turns amber this many minutes before its promised time…
    pub board_amber_minutes: i64,
    /// …and red this many minutes after it (0: as soon as it has passed).
    pub board_red_minutes: i64,
    /// Reminders printed on the settlement statement, one per line.
    pub statement_reminders: Vec<String>,
    /// Part names that need running in: the statement then prints the running-in reminder.
    pub running_in_parts: Vec<String>,
    /// Days a settled order's exit pass stays good; an unused pass expires after them.
    pub exit_pass_valid_days: i64,
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
            board_amber_minutes: 30,
            board_red_minutes: 0,
            statement_reminders: vec![
                "质量担保：本次更换的原厂备件及工时享受厂家规定的质量担保，请妥善保存本结算清单。".into(),
                "索赔权益：新车质量担保期内的索赔项目由厂家承担，客户无需付费。".into(),
            ],
            running_in_parts: ["刹车片", "制动片", "刹车盘", "制动盘", "轮胎", "离合器", "发动机", "变速箱"]
                .map(String::from)
                .to_vec(),
            exit_pass_valid_days: 7,
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
        if !(1..=480).contains(&self.board_amber_minutes) {
            return Err(Error::validation(
                "boardAmberMinutes",
                "目视板提前变黄的时间应在 1 到 480 分钟之间",
                "The board turns a card amber 1 to 480 minutes before its promised time",
            ));
        }
        if !(0..=480).contains(&self.board_red_minutes) {
            return Err(Error::validation(
                "boardRedMinutes",
                "超时变红的时间应在 0 到 480 分钟之间",
                "A card turns red 0 to 480 minutes after its promised time",
            ));
        }
        if !(1..=90).contains(&self.exit_pass_valid_days) {
            return Err(Error::validation(
                "exitPassValidDays",
                "出门证有效天数应在 1 到 90 天之间",
                "An exit pass stays good for 1 to 90 days",
            ));
        }
        for (field, list, zh, en) in [
            ("terms", &self.terms, "条款", "term"),
            (
                "statementReminders",
                &self.statement_reminders,
                "结算提示",
                "reminder",
            ),
            (
                "runningInParts",
                &self.running_in_parts,
                "磨合件",
                "running-in part",
            ),
        ] {
            for line in list {
                crate::text::line(field, line, 300, zh, en)?;
            }
        }
        Ok(WorkOrderSettings {
            promise_margin_minutes: self.promise_margin_minutes,
            terms: lines(&self.terms),
            board_amber_minutes: self.board_amber_minutes,
            board_red_minutes: self.board_red_minutes,
            statement_reminders: lines(&self.statement_reminders),
            running_in_parts: lines(&self.running_in_parts),
            exit_pass_valid_days: self.exit_pass_valid_days,
        })
    }
}

/// Lines as typed, trimmed, without the empty ones.
fn lines(typed: &[String]) -> Vec<String> {
    typed
        .iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

pub async fn get(store: &Store) -> Result<WorkOrderSettings> {
    crate::dealership::store::setting(store, KEY).await
}

pub async fn save(store: &Store, input: &WorkOrderSettings) -> Result<WorkOrderSettings> {
    let settings = input.validate()?;
    crate::dealership::store::save_setting(store, KEY, &settings).await?;
    Ok(settings)
}
