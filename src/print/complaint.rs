//! 客户抱怨处理表: one complaint on A4 — who, what, the deadlines, the first answer, the
//! finding and the resolution, the closing call, the history, and the signature lines.

use super::layout::{Align, Column, Flow, Page, Paper, Style, ascent, line_height};
use crate::Result;
use crate::complaint::store::Complaint;
use crate::dealership::Dealership;

const MARGIN: f32 = 15.0;
const WIDTH: f32 = 180.0;

pub fn render(dealership: &Dealership, c: &Complaint, tz: chrono_tz::Tz) -> Result<Vec<u8>> {
    let at = |t: chrono::DateTime<chrono::Utc>| {
        t.with_timezone(&tz).format("%Y-%m-%d %H:%M").to_string()
    };
    let body = Style::regular(10.0);
    let bold = Style::bold(10.5);
    let mut first = Page::new(Paper::A4_PORTRAIT);
    let top = super::dealership_header(&mut first, dealership, "客户抱怨处理表");
    let number = c.number.clone();
    let mut flow = Flow::new(first, top, 280.0, move |page: &mut Page| {
        page.text(
            MARGIN,
            20.0,
            Style::bold(11.0),
            Align::Left,
            &format!("客户抱怨处理表（续）　{number}"),
        );
        26.0
    });
    let pairs = [
        ("投诉编号", c.number.clone()),
        ("状态", c.status.label_zh().to_string()),
        ("受理时间", at(c.received_at)),
        ("来源", c.source.label_zh().to_string()),
        ("类别", c.category.label_zh().to_string()),
        (
            "返修",
            if c.comeback {
                "是（30 天内同类投诉）".into()
            } else {
                "否".into()
            },
        ),
        ("客户", c.customer_name.clone()),
        ("电话", c.mobile.clone()),
        ("车牌", c.plate.clone()),
        ("工单号", c.work_order_number.clone()),
        ("责任人", c.owner_name.clone()),
        ("首次响应时限", at(c.respond_by)),
        (
            "首次响应",
            c.responded_at.map(at).unwrap_or_else(|| "未响应".into()),
        ),
        ("书面结论时限", at(c.finding_by)),
    ];
    let leading = line_height(body) + 1.2;
    for row in pairs.chunks(2) {
        let y = flow.room(leading);
        for (i, (label, value)) in row.iter().enumerate() {
            flow.page().text_fit(
                MARGIN + i as f32 * WIDTH / 2.0,
                y + ascent(body),
                WIDTH / 2.0 - 2.0,
                body,
                Align::Left,
                &format!("{label}：{value}"),
            );
        }
        flow.y += leading;
    }
    let satisfied = match c.customer_satisfied {
        Some(true) => format!("满意（{}）", c.closing_call_at.map(at).unwrap_or_default()),
        Some(false) => format!(
            "不满意（{}）",
            c.closing_call_at.map(at).unwrap_or_default()
        ),
        None => String::new(),
    };
    for (heading, text) in [
        ("投诉内容", c.description.as_str()),
        ("调查结论", c.finding.as_str()),
        ("处理结果", c.resolution.as_str()),
        ("回访客户是否满意", satisfied.as_str()),
    ] {
        // A ruled box, with room to write by hand when it is still empty.
        let lines = super::layout::wrapped_lines(text, WIDTH - 4.0, body).max(3);
        let height = line_height(bold) + lines as f32 * line_height(body) + 3.0;
        let y = flow.room(height + 2.0) + 2.0;
        let page = flow.page();
        page.rect(MARGIN, y, WIDTH, height, 0.5);
        page.text(
            MARGIN + 2.0,
            y + ascent(bold) + 1.0,
            bold,
            Align::Left,
            heading,
        );
        page.wrapped(
            MARGIN + 2.0,
            y + line_height(bold) + ascent(body) + 1.5,
            WIDTH - 4.0,
            body,
            text,
        );
        flow.y = y + height;
    }
    let columns = [
        Column::new("时间", 34.0, Align::Left),
        Column::new("经办人", 24.0, Align::Left),
        Column::new("状态", 20.0, Align::Center),
        Column::new("说明", 102.0, Align::Left),
    ];
    let rows: Vec<Vec<String>> = c
        .history
        .iter()
        .map(|h| {
            vec![
                at(h.at),
                h.actor_name.clone(),
                h.to_status.label_zh().to_string(),
                h.note.clone(),
            ]
        })
        .collect();
    let y = flow.room(line_height(bold) * 3.0) + 3.0;
    flow.page()
        .text(MARGIN, y + ascent(bold), bold, Align::Left, "处理记录");
    flow.y = y + line_height(bold) + 1.0;
    flow.table(MARGIN, &columns, &rows, body);
    flow.y += 6.0;
    let y = flow.room(12.0) + 6.0;
    let page = flow.page();
    for (i, label) in ["责任人签字：", "服务经理签字：", "日期："]
        .iter()
        .enumerate()
    {
        let x = MARGIN + i as f32 * 62.0;
        page.text(x, y, bold, Align::Left, label);
        page.line(
            (x + super::layout::text_mm(label, bold), y + 1.0),
            (x + 58.0, y + 1.0),
            0.5,
        );
    }
    super::render(&format!("客户抱怨处理表 {}", c.number), flow.finish())
}
