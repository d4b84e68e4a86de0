//! 派工单: the work order the customer signs, on A4 or on the 241 × 140 mm continuous form.
//! Number as text and QR code, customer and car, the 5W2H statement, the lines with who pays,
//! totals in figures and capitals, the customer's choices, the terms and the signature lines.
//! Long orders flow onto more pages; the totals and signatures never split from each other.

use super::layout::{
    Align, Column, Flow, Page, Paper, Style, ascent, line_height, row_height, text_mm,
    wrapped_lines,
};
use crate::Result;
use crate::dealership::Dealership;
use crate::money::format_yuan;
use crate::reception::Interview;
use crate::text::text_enum;
use crate::work_order::{Line, LineKind, Stock, Totals, VersionLine, WorkOrder, hours_text};

text_enum!(
    /// The paper a work order or check-in form is printed on.
    FormSize { A4 = "a4", Half = "half" }
);

/// Sizes of one form: margins, type and how many label–value pairs share a row.
pub(super) struct Form {
    pub paper: Paper,
    pub margin: f32,
    pub body: Style,
    pub small: Style,
    pub bold: Style,
    pub info_columns: usize,
}

impl Form {
    pub fn of(size: FormSize) -> Form {
        match size {
            FormSize::A4 => Form {
                paper: Paper::A4_PORTRAIT,
                margin: 12.0,
                body: Style::regular(9.0),
                small: Style::regular(8.0),
                bold: Style::bold(9.5),
                info_columns: 2,
            },
            FormSize::Half => Form {
                paper: Paper::HALF,
                margin: 8.0,
                body: Style::regular(8.0),
                small: Style::regular(7.0),
                bold: Style::bold(8.5),
                info_columns: 3,
            },
        }
    }

    pub fn width(&self) -> f32 {
        self.paper.width - 2.0 * self.margin
    }

    /// Where content stops: above the page number at the foot.
    pub fn bottom(&self) -> f32 {
        self.paper.height - self.margin - 3.0
    }

    fn half(&self) -> bool {
        self.paper == Paper::HALF
    }
}

/// The first page's head: dealership, title, the number in text and as a QR code. Returns
/// where the content starts.
pub(super) fn first_page(
    form: &Form,
    dealership: &Dealership,
    title: &str,
    order: &WorkOrder,
) -> (Page, f32) {
    let mut page = Page::new(form.paper);
    let (centre, right) = (form.paper.width / 2.0, form.paper.width - form.margin);
    let (name_y, title_y, rule_y, qr) = if form.half() {
        (10.0, 19.0, 24.0, 17.0)
    } else {
        (16.0, 28.0, 34.0, 22.0)
    };
    let name_size = if form.half() { 11.0 } else { 13.0 };
    page.text(
        centre,
        name_y,
        Style::bold(name_size),
        Align::Center,
        &dealership.name,
    );
    page.text(
        centre,
        name_y + 4.5,
        form.small,
        Align::Center,
        &format!("{}　服务热线：{}", dealership.address, dealership.hotline),
    );
    page.text(
        centre,
        title_y,
        Style::bold(name_size + 2.0),
        Align::Center,
        title,
    );
    page.qr(right - qr, rule_y - qr - 1.5, qr, &order.number);
    page.text(
        form.margin,
        title_y - 5.0,
        form.bold,
        Align::Left,
        &order.number,
    );
    page.text(
        form.margin,
        title_y,
        form.body,
        Align::Left,
        &format!("第 {} 版", order.version),
    );
    page.line((form.margin, rule_y), (right, rule_y), 0.8);
    (page, rule_y + line_height(form.body) + 1.0)
}

/// The head of every later page: what it continues, the number and version.
pub(super) fn continuation(
    form: &Form,
    title: &str,
    order: &WorkOrder,
) -> impl Fn(&mut Page) -> f32 {
    let (margin, right, body) = (form.margin, form.paper.width - form.margin, form.body);
    let head = format!("{title}（续）　{}　第 {} 版", order.number, order.version);
    move |page: &mut Page| {
        page.text(
            margin,
            margin + 4.0,
            Style::bold(body.size + 1.0),
            Align::Left,
            &head,
        );
        page.line((margin, margin + 6.0), (right, margin + 6.0), 0.6);
        margin + 6.0 + line_height(body) + 1.0
    }
}

/// Label–value pairs in rows of `form.info_columns`.
pub(super) fn info_grid(flow: &mut Flow, form: &Form, pairs: &[(&str, String)]) {
    let width = form.width() / form.info_columns as f32;
    let leading = line_height(form.body) + 0.6;
    for row in pairs.chunks(form.info_columns) {
        let top = flow.room(leading);
        let page = flow.page();
        for (i, (label, value)) in row.iter().enumerate() {
            page.text_fit(
                form.margin + i as f32 * width,
                top + ascent(form.body),
                width - 2.0,
                form.body,
                Align::Left,
                &format!("{label}：{value}"),
            );
        }
        flow.y += leading;
    }
}

/// A bold heading over a block, kept on the page with at least `keep` mm of what follows.
pub(super) fn heading(flow: &mut Flow, form: &Form, text: &str, keep: f32) {
    let leading = line_height(form.bold) + 0.8;
    let top = flow.room(leading + keep) + 1.0;
    flow.page().text(
        form.margin,
        top + ascent(form.bold),
        form.bold,
        Align::Left,
        text,
    );
    flow.y = top + leading;
}

/// Text wrapped to the form's width, kept whole on one page.
pub(super) fn paragraph(flow: &mut Flow, form: &Form, style: Style, indent: f32, text: &str) {
    let width = form.width() - indent;
    let height = wrapped_lines(text, width, style) as f32 * line_height(style);
    let top = flow.room(height);
    flow.y = flow.page().wrapped(
        form.margin + indent,
        top + ascent(style),
        width,
        style,
        text,
    ) - ascent(style);
}

/// The 5W2H statement; questions the customer did not answer are left out.
pub(super) fn interview(flow: &mut Flow, form: &Form, interview: &Interview) {
    heading(flow, form, "故障描述（5W2H）", line_height(form.body) * 2.0);
    for (label, answer) in interview.labelled() {
        if !answer.trim().is_empty() {
            paragraph(
                flow,
                form,
                form.body,
                2.0,
                &format!("{label}：{}", answer.trim()),
            );
        }
    }
}

/// The customer's signature and date, and the advisor's name, each on a line to sign on.
pub(super) fn customer_signs(order: &WorkOrder) -> [(&'static str, String); 3] {
    [
        ("客户签字", String::new()),
        ("日期", String::new()),
        ("服务顾问", order.advisor_name.clone()),
    ]
}

/// Labelled lines to sign on, side by side; a value is written on its line.
pub(super) fn signatures(flow: &mut Flow, form: &Form, fields: &[(&str, String)]) {
    let height = line_height(form.body) * 2.6;
    let top = flow.room(height) + line_height(form.body) * 1.4;
    let width = form.width() / fields.len() as f32;
    let page = flow.page();
    for (i, (label, written)) in fields.iter().enumerate() {
        let left = form.margin + i as f32 * width;
        let label = format!("{label}：");
        let label_end = left + text_mm(&label, form.bold);
        page.text(left, top, form.bold, Align::Left, &label);
        page.line((label_end, top + 1.0), (left + width - 4.0, top + 1.0), 0.5);
        page.text(label_end + 1.0, top - 0.6, form.body, Align::Left, written);
    }
    flow.y += height;
}

/// The lines as a ruled table at the form's margin and type.
pub(super) fn table(flow: &mut Flow, form: &Form, columns: &[Column], rows: &[Vec<String>]) {
    flow.table(form.margin, columns, rows, form.body);
}

/// Column widths given as shares of the form's width.
pub(super) fn columns(form: &Form, spec: &[(&str, f32, Align)]) -> Vec<Column> {
    let total: f32 = spec.iter().map(|c| c.1).sum();
    spec.iter()
        .map(|(title, share, align)| Column::new(title, form.width() * share / total, *align))
        .collect()
}

pub(super) fn kind_label(kind: LineKind) -> &'static str {
    match kind {
        LineKind::Labour => "工时",
        LineKind::Part => "配件",
    }
}

/// Hours or quantity, unit price, amount, and the discount (blank when none) of a line.
pub(super) fn amount_cells(line: &Line) -> [String; 4] {
    [
        hours_text(line.quantity_hundredths),
        format_yuan(line.unit_price_fen),
        format_yuan(line.amount_fen),
        if line.discount_fen == 0 {
            String::new()
        } else {
            format_yuan(line.discount_fen)
        },
    ]
}

/// What the customer pays, in figures and in capitals, in bold on its own line.
pub(super) fn customer_pays(flow: &mut Flow, form: &Form, label: &str, totals: &Totals) {
    let top = flow.room(line_height(form.bold) + 1.0);
    flow.page().text(
        form.margin,
        top + ascent(form.bold),
        Style::bold(form.bold.size + 0.5),
        Align::Left,
        &format!(
            "{label}：{}　　大写：{}",
            format_yuan(totals.customer_pays_fen),
            totals.customer_pays_capitals
        ),
    );
    flow.y = top + line_height(form.bold) + 1.5;
}

fn yes_no(value: Option<bool>, yes: &str, no: &str) -> String {
    match value {
        Some(true) => yes.into(),
        Some(false) => no.into(),
        None => "未选".into(),
    }
}

/// The customer, the car and the visit as both papers head them.
pub(super) fn order_pairs(order: &WorkOrder, tz: chrono_tz::Tz) -> Vec<(&'static str, String)> {
    let c = &order.check_in;
    vec![
        ("客户", order.customer_name.clone()),
        ("电话", order.mobile.clone()),
        ("车牌", order.plate.clone()),
        (
            "车型",
            format!("{} {}", order.brand, order.model)
                .trim()
                .to_string(),
        ),
        ("VIN", order.vin.clone().unwrap_or_default()),
        (
            "进厂里程",
            c.mileage.map(|km| format!("{km} km")).unwrap_or_default(),
        ),
        ("服务顾问", order.advisor_name.clone()),
        (
            "进厂时间",
            order
                .created_at
                .with_timezone(&tz)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ),
        (
            "预约号",
            order
                .appointment_number
                .clone()
                .unwrap_or_else(|| "非预约".into()),
        ),
        ("约定交车", order.promised_at.clone().unwrap_or_default()),
    ]
}

/// The customer's choices, as the work order must state them.
pub(super) fn choice_pairs(order: &WorkOrder) -> Vec<(&'static str, String)> {
    let c = &order.check_in;
    vec![
        (
            "客户等候",
            c.customer_waits
                .map(|w| w.label_zh().to_string())
                .unwrap_or_else(|| "未选".into()),
        ),
        ("联系电话", c.contact_phone.clone()),
        ("洗车", yes_no(c.wash, "需要免费洗车", "不洗车")),
        (
            "旧件处理",
            c.old_parts
                .map(|o| o.label_zh().to_string())
                .unwrap_or_else(|| "未选".into()),
        ),
        (
            "路试",
            if c.test_drive_consent {
                "已告知，客户同意路试".into()
            } else {
                "客户未同意路试".into()
            },
        ),
    ]
}

/// Renders the work order (or a signed version of it) for the customer's signature.
pub fn render(
    dealership: &Dealership,
    order: &WorkOrder,
    signed: Option<&VersionLine>,
    terms: &[String],
    size: FormSize,
    tz: chrono_tz::Tz,
) -> Result<Vec<u8>> {
    let form = Form::of(size);
    let title = if order.diagnosis_only {
        "诊断派工单"
    } else {
        "派工单"
    };
    let (first, top) = first_page(&form, dealership, title, order);
    let mut flow = Flow::new(first, top, form.bottom(), continuation(&form, title, order));
    info_grid(&mut flow, &form, &order_pairs(order, tz));
    interview(&mut flow, &form, &order.interview);
    heading(&mut flow, &form, "维修项目", row_height(form.body) * 3.0);
    let columns = columns(
        &form,
        &[
            ("序号", 7.0, Align::Center),
            ("类别", 9.0, Align::Center),
            ("代码/零件号", 22.0, Align::Left),
            ("项目名称", 44.0, Align::Left),
            ("工时/数量", 14.0, Align::Right),
            ("单价", 17.0, Align::Right),
            ("金额", 17.0, Align::Right),
            ("优惠", 14.0, Align::Right),
            ("付费", 13.0, Align::Center),
            ("技师/备注", 19.0, Align::Left),
        ],
    );
    let rows: Vec<Vec<String>> = order
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let note = match (l.kind, l.stock) {
                (LineKind::Part, Some(Stock::Ordered)) => match &l.expected_on {
                    Some(day) => format!("订货 {}", &day[5..]),
                    None => "订货".into(),
                },
                _ => l.technician_name.clone(),
            };
            let [quantity, unit, amount, discount] = amount_cells(l);
            vec![
                (i + 1).to_string(),
                kind_label(l.kind).into(),
                l.code.clone(),
                l.name.clone(),
                quantity,
                unit,
                amount,
                discount,
                l.pay_type.label_zh().to_string(),
                note,
            ]
        })
        .collect();
    if rows.is_empty() {
        paragraph(
            &mut flow,
            &form,
            form.body,
            2.0,
            "（仅诊断：检查结果出来后另行估价，经客户同意后施工）",
        );
    } else {
        table(&mut flow, &form, &columns, &rows);
    }
    // Totals, choices, terms and signatures stay together on the last page.
    let t = &order.totals;
    let by_pay: Vec<String> = t
        .by_pay_type
        .iter()
        .map(|p| format!("{} {}", p.pay_type.label_zh(), format_yuan(p.amount_fen)))
        .collect();
    let summary = [
        format!(
            "工时费 {}　配件费 {}　项目优惠 {}　整单优惠 {}　工时合计 {} 小时",
            format_yuan(t.labour_fen),
            format_yuan(t.parts_fen),
            format_yuan(t.line_discount_fen),
            format_yuan(t.order_discount_fen),
            hours_text(t.sold_hundredths)
        ),
        format!("按付费方式：{}", by_pay.join("　")),
    ];
    let terms_height: f32 = terms
        .iter()
        .map(|term| wrapped_lines(term, form.width(), form.small) as f32 * line_height(form.small))
        .sum();
    let choices = choice_pairs(order);
    let closing = line_height(form.body) * (summary.len() as f32 + 2.5)
        + (line_height(form.body) + 0.6) * choices.len().div_ceil(form.info_columns) as f32
        + terms_height
        + line_height(form.body) * 4.0;
    if flow.y + closing > flow.bottom {
        flow.next_page();
    }
    for line in &summary {
        paragraph(&mut flow, &form, form.body, 0.0, line);
    }
    customer_pays(&mut flow, &form, "客户应付", t);
    info_grid(&mut flow, &form, &choices);
    for term in terms {
        paragraph(&mut flow, &form, form.small, 0.0, term);
    }
    if let Some(v) = signed {
        paragraph(
            &mut flow,
            &form,
            form.small,
            0.0,
            &format!(
                "本版本已于 {} 由 {} 签字确认。",
                v.signed_at.with_timezone(&tz).format("%Y-%m-%d %H:%M"),
                v.signed_by
            ),
        );
    }
    signatures(&mut flow, &form, &customer_signs(order));
    super::render(&format!("{title} {}", order.number), flow.finish())
}
