//! 结算清单: the settlement statement the customer signs before paying. Every line with its
//! amount, discount and who pays; warranty, internal and goodwill work shown but not charged;
//! the total in figures and capitals; the payments once taken; the reminders (warranty
//! rights, running in after key parts, the next service); the signature lines. A reprint is
//! marked 副本.

use super::layout::{Align, Flow, Style, line_height, row_height};
use super::work_order::{
    Form, FormSize, amount_cells, columns, continuation, customer_pays, first_page, heading,
    info_grid, kind_label, order_pairs, paragraph, signatures, table,
};
use crate::Result;
use crate::dealership::Dealership;
use crate::money::format_yuan;
use crate::settlement::Settlement;
use crate::work_order::{LineKind, PayType, WorkOrderSettings};

/// The reminders printed on this statement: the dealership's own, running in when a key
/// part was replaced, and the next service.
pub fn reminders(
    settlement: &Settlement,
    settings: &WorkOrderSettings,
    next: &(Option<String>, Option<i64>),
) -> Vec<String> {
    let mut reminders = settings.statement_reminders.clone();
    let key_parts: Vec<&str> = settlement
        .order
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Part)
        .filter(|l| {
            settings
                .running_in_parts
                .iter()
                .any(|k| l.name.contains(k.as_str()))
        })
        .map(|l| l.name.as_str())
        .collect();
    if !key_parts.is_empty() {
        reminders.push(format!(
            "磨合提示：本次更换了{}，新件需要磨合，前 300 公里内请避免急加速、急刹车和高速长时间行驶。",
            key_parts.join("、")
        ));
    }
    match next {
        (Some(date), Some(km)) => reminders.push(format!(
            "下次保养：行驶至 {km} 公里或 {date}，以先到者为准。"
        )),
        (Some(date), None) => reminders.push(format!("下次保养：{date} 前。")),
        (None, Some(km)) => reminders.push(format!("下次保养：行驶至 {km} 公里。")),
        (None, None) => {}
    }
    reminders
        .iter()
        .enumerate()
        .map(|(i, r)| format!("{}. {r}", i + 1))
        .collect()
}

pub fn render(
    dealership: &Dealership,
    settlement: &Settlement,
    settings: &WorkOrderSettings,
    next: (Option<String>, Option<i64>),
    copy: bool,
    size: FormSize,
    now: chrono::DateTime<chrono_tz::Tz>,
) -> Result<Vec<u8>> {
    let order = &settlement.order;
    let form = Form::of(size);
    let title = "结算清单";
    let (mut first, top) = first_page(&form, dealership, title, order);
    if copy {
        // Beside the title, where a stamp would go: this is not the first print.
        let x = form.paper.width / 2.0 + 22.0;
        let y = top - line_height(form.body) - 10.0;
        first.rect(x, y, 16.0, 8.0, 1.0);
        first.text(x + 8.0, y + 6.2, Style::bold(13.0), Align::Center, "副本");
    }
    let mut flow = Flow::new(first, top, form.bottom(), continuation(&form, title, order));
    let tz = now.timezone();
    let mut pairs = order_pairs(order, tz);
    pairs.retain(|(label, _)| !matches!(*label, "预约号" | "约定交车"));
    pairs.push((
        "结算时间",
        match settlement.settled_at {
            Some(at) => at.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string(),
            None => "未结算".into(),
        },
    ));
    pairs.push(("打印时间", now.format("%Y-%m-%d %H:%M").to_string()));
    info_grid(&mut flow, &form, &pairs);
    heading(&mut flow, &form, "结算明细", row_height(form.body) * 3.0);
    let columns = columns(
        &form,
        &[
            ("序号", 7.0, Align::Center),
            ("类别", 9.0, Align::Center),
            ("项目名称", 52.0, Align::Left),
            ("工时/数量", 14.0, Align::Right),
            ("单价", 17.0, Align::Right),
            ("金额", 17.0, Align::Right),
            ("优惠", 14.0, Align::Right),
            ("付费方式", 15.0, Align::Center),
            ("客户应付", 18.0, Align::Right),
        ],
    );
    let rows: Vec<Vec<String>> = order
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let [quantity, unit, amount, discount] = amount_cells(l);
            vec![
                (i + 1).to_string(),
                kind_label(l.kind).into(),
                l.name.clone(),
                quantity,
                unit,
                amount,
                discount,
                l.pay_type.label_zh().to_string(),
                if l.pay_type == PayType::Customer {
                    format_yuan(l.net_fen())
                } else {
                    "不收费".into()
                },
            ]
        })
        .collect();
    if rows.is_empty() {
        paragraph(
            &mut flow,
            &form,
            form.body,
            2.0,
            "（仅检查诊断，无收费项目）",
        );
    } else {
        table(&mut flow, &form, &columns, &rows);
    }
    let t = &order.totals;
    let not_charged: Vec<String> = t
        .by_pay_type
        .iter()
        .filter(|p| p.pay_type != PayType::Customer)
        .map(|p| format!("{} {}", p.pay_type.label_zh(), format_yuan(p.amount_fen)))
        .collect();
    let mut summary = vec![format!(
        "工时费 {}　配件费 {}　项目优惠 {}　整单优惠 {}",
        format_yuan(t.labour_fen),
        format_yuan(t.parts_fen),
        format_yuan(t.line_discount_fen),
        format_yuan(t.order_discount_fen),
    )];
    if !not_charged.is_empty() {
        summary.push(format!(
            "不向客户收取（由厂家或本店承担）：{}",
            not_charged.join("　")
        ));
    }
    if !settlement.payments.is_empty() {
        let paid: Vec<String> = settlement
            .payments
            .iter()
            .map(|p| format!("{} {}", p.method.label_zh(), format_yuan(p.amount_fen)))
            .collect();
        summary.push(format!("实收：{}", paid.join("　")));
    }
    if !settlement.invoice_number.is_empty() {
        summary.push(format!("发票号码：{}", settlement.invoice_number));
    }
    let reminders = reminders(settlement, settings, &next);
    let closing = line_height(form.body) * (summary.len() as f32 + 2.5)
        + line_height(form.small) * (reminders.len() as f32 * 1.6 + 1.0)
        + line_height(form.body) * 4.0;
    if flow.y + closing > flow.bottom {
        flow.next_page();
    }
    for line in &summary {
        paragraph(&mut flow, &form, form.body, 0.0, line);
    }
    customer_pays(&mut flow, &form, "客户应付合计", t);
    heading(&mut flow, &form, "温馨提示", line_height(form.small) * 2.0);
    for reminder in &reminders {
        paragraph(&mut flow, &form, form.small, 2.0, reminder);
    }
    signatures(
        &mut flow,
        &form,
        &[
            ("客户签字", String::new()),
            ("服务顾问", order.advisor_name.clone()),
            ("收银（盖章）", settlement.cashier_name.clone()),
        ],
    );
    super::render(&format!("{title} {}", order.number), flow.finish())
}
