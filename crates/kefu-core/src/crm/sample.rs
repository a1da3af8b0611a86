//! A sample workspace from the course's three settings: 阳光少年乳制品 (seed 000, "where are this
//! company's potential customers?"), the 七彩阳光 book-and-tea bar (seed 001's 项目训练) and
//! 北京现代's key accounts (seed 002). Names and figures are invented for the exercise; they cover
//! every lifecycle state, all three MAN classes, decision groups, calls, visits and a big customer
//! who is not a good one.
//!
//! Loading never silently overwrites the user's data: [`Workspace::plan_sample`] reports what
//! would happen, and [`Workspace::load_sample`] into a non-empty workspace needs an explicit
//! [`SampleChoice`] (merge, or replace after the user agreed).

use super::contact::{ContactKind, Outcome};
use super::customer::Customer;
use super::duplicate::{Duplicate, DuplicateIndex};
use super::field::Field;
use super::visit::VisitRow;
use super::workspace::{NewContact, Workspace};

/// A sample card as (field, text) pairs.
type Card = &'static [(Field, &'static str)];

use Field as F;

#[rustfmt::skip]
const CARDS: [Card; 12] = [
    &[
        (F::Kind, "个人"), (F::Name, "李秀英"), (F::Segment, "阳光少年乳制品"), (F::State, "潜在客户"),
        (F::Man, "M+A+N"), (F::Phone, "139 1234 5678"), (F::Address, "阳光花园 3 栋 502"),
        (F::Organisation, "城东会计师事务所"), (F::Gender, "女"), (F::Age, "38"), (F::Occupation, "会计"),
        (F::Income, "8000"), (F::Family, "儿子 12 岁,上初一"), (F::Interests, "健身、烘焙"),
        (F::Needs, "孩子正在长身体,想每天订一瓶学生奶"), (F::Source, "逐户寻访法"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "城东实验小学"), (F::Segment, "阳光少年乳制品"), (F::State, "目标客户"),
        (F::Man, "m+A+N"), (F::Phone, "010-6552 1200"), (F::Address, "城东区学府路 8 号"),
        (F::Needs, "学生课间奶配送,每天约 1200 份"), (F::Source, "资料查阅法"),
        (F::NextAction, "下周三与后勤主任面谈配送方案"), (F::Industry, "教育"), (F::Size, "全日制小学,学生约 1200 人"),
        (F::ContactPerson, "王主任(后勤主任)"),
        (F::Projects, "采购计划:新学期课间奶;预算需区教委审批;流程:校务会讨论后公开比选"),
        (F::Competitors, "现由另一家乳企供货,家长反映口味单一"),
        (F::DecisionGroup, "看门者:刘秘书/校办秘书;采购者:王主任/后勤主任;使用者:各班班主任/班主任;决策者:陈校长/校长;影响者:赵女士/家委会主任"),
    ],
    &[
        (F::Kind, "个人"), (F::Name, "张子涵"), (F::Segment, "阳光少年乳制品"), (F::State, "潜在客户"),
        (F::Man, "m+a+N"), (F::Gender, "男"), (F::Age, "14"), (F::Occupation, "初二学生"),
        (F::Needs, "打篮球后想喝高蛋白的奶"), (F::Source, "光辉效应法"),
        (F::Note, "零花钱有限,购买由父母决定:长期观察、培养"),
    ],
    &[
        (F::Kind, "个人"), (F::Name, "陈静"), (F::Segment, "七彩阳光"), (F::State, "现实客户"), (F::Man, "M+A+N"),
        (F::Phone, "138 0013 8000"), (F::Address, "金色家园 12 栋"), (F::Organisation, "金色家园业主"),
        (F::Gender, "女"), (F::Age, "36"), (F::Occupation, "外企经理"), (F::Income, "25000"),
        (F::Family, "女儿 6 岁,上幼儿园大班"), (F::Interests, "亲子阅读、茶艺"),
        (F::Needs, "周末带孩子看绘本,想要安静的亲子阅读空间"), (F::Source, "客户引荐法"),
        (F::Purchases, "2"), (F::Revenue, "680"), (F::GrossProfit, "310"), (F::ServiceCost, "40"),
        (F::SelectionTime, "中"), (F::PriceSensitivity, "低"),
    ],
    &[
        (F::Kind, "个人"), (F::Name, "刘老师"), (F::Segment, "七彩阳光"), (F::State, "忠诚客户"), (F::Man, "M+A+n"),
        (F::Phone, "137 1111 2222"), (F::Organisation, "育才中学"), (F::Gender, "女"), (F::Age, "42"),
        (F::Occupation, "语文教师"), (F::Income, "9000"), (F::Interests, "读书、写作"),
        (F::Needs, "课后安静备课、看新书"), (F::Source, "逐户寻访法"), (F::Purchases, "15"), (F::Revenue, "3600"),
        (F::GrossProfit, "1500"), (F::ServiceCost, "200"), (F::SelectionTime, "低"), (F::PriceSensitivity, "低"),
        (F::CompetitorAttitude, "不感兴趣"), (F::IncidentAttitude, "宽容、谅解"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "金色家园物业服务中心"), (F::Segment, "七彩阳光"), (F::State, "目标客户"),
        (F::Man, "M+a+N"), (F::Phone, "010-8888 6666"), (F::Address, "金色家园南门"),
        (F::Needs, "为业主举办社区读书会、亲子活动"), (F::Source, "会议寻找法"),
        (F::Note, "物业经理能推荐,费用需总公司批准:设法找到有决定权的人"),
        (F::Industry, "物业服务"), (F::Size, "管理高档社区,约 900 户"), (F::ContactPerson, "孙经理(物业经理)"),
        (F::DecisionGroup, "采购者:孙经理/物业经理;决策者:周总/总公司副总;影响者:业委会/业主委员会"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "城南区机关事务管理局"), (F::Segment, "北京现代"), (F::State, "目标客户"),
        (F::Man, "M+A+N"), (F::Phone, "010-6301 2345"), (F::Address, "城南区政府大院 2 号楼"),
        (F::Needs, "更新公务用车 8 辆"), (F::Source, "资料查阅法"), (F::NextAction, "提交书面需求计划,安排试乘试驾"),
        (F::Industry, "政府机关"), (F::Size, "区级机关,车队 40 辆"), (F::ContactPerson, "马科长(采购科科长)"),
        (F::Fax, "010-6301 2346"),
        (F::Projects, "采购计划:年内更新 8 辆;要解决:旧车油耗高、维修多;预算约 120 万元;流程:政府采购公开招标"),
        (F::Competitors, "现用某合资品牌,满意度一般;对手销售代表与车队队长熟识"),
        (F::DecisionGroup, "看门者:小吴/办公室秘书;采购者:马科长/采购科科长;使用者:老郑/车队队长;决策者:何局长/局长;影响者:钱科长/财务科科长"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "宏达物流有限公司"), (F::Segment, "北京现代"), (F::State, "潜在客户"),
        (F::Man, "M+a+N"), (F::Phone, "010-5877 3300"), (F::Address, "城西物流园 A 区"),
        (F::Needs, "公司里有旧车需要更换,和现在的供货商有摩擦"), (F::Source, "保有客户推荐"),
        (F::Industry, "物流"), (F::Size, "中型民营企业,车辆 60 辆"), (F::ContactPerson, "高队长(车队主管)"),
        (F::DecisionGroup, "使用者:高队长/车队主管;决策者:林总/总经理"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "新创科技有限公司"), (F::Segment, "北京现代"), (F::State, "潜在客户"),
        (F::Man, "m+A+N"), (F::Phone, "010-8260 1188"), (F::Needs, "新公司,需要 3 辆商务接待用车,还没有固定供应商"),
        (F::Source, "陌生拜访"), (F::Note, "资金紧张:需调查其业务状况、信用条件,考虑分期融资"),
        (F::Industry, "软件"), (F::Size, "初创企业,员工 50 人"), (F::ContactPerson, "吴总(创始人)"),
    ],
    &[
        (F::Kind, "单位"), (F::Name, "鑫源建材集团"), (F::Segment, "北京现代"), (F::State, "现实客户"),
        (F::Man, "M+A+N"), (F::Phone, "010-6999 8000"), (F::Needs, "团购员工用车,每次压价并要求额外服务"),
        (F::Source, "客户主动询价"), (F::Purchases, "2"), (F::Revenue, "2400000"), (F::GrossProfit, "96000"),
        (F::ServiceCost, "90000"), (F::SelectionTime, "高"), (F::PriceSensitivity, "高"),
        (F::CompetitorAttitude, "有兴趣、有好感"), (F::IncidentAttitude, "投诉、索赔"),
        (F::Note, "大客户不等于好客户:利润薄、服务成本高、常与竞争对手比价"),
        (F::Industry, "建材"), (F::Size, "集团公司,员工 3000 人"), (F::ContactPerson, "冯经理(行政部经理)"),
    ],
    &[
        (F::Kind, "个人"), (F::Name, "周先生"), (F::Segment, "北京现代"), (F::State, "流失客户"),
        (F::Man, "M+A+n"), (F::Phone, "186 0000 1234"), (F::Gender, "男"), (F::Age, "45"),
        (F::Occupation, "个体经营"), (F::Purchases, "1"), (F::Revenue, "150000"), (F::GrossProfit, "9000"),
        (F::ServiceCost, "2000"), (F::CompetitorAttitude, "有兴趣、有好感"),
        (F::Note, "保养时对服务不满,第二辆车买了别的品牌"),
    ],
    &[
        (F::Kind, "个人"), (F::Name, "王先生"), (F::Segment, "七彩阳光"), (F::State, "非客户"), (F::Man, "m+a+n"),
        (F::Gender, "男"), (F::Occupation, "外地游客"), (F::Note, "路过问路,无阅读需求,不会再来:停止接触"),
    ],
];

/// Sample calls and visits: (card index, kind, person, outcome, summary).
const CONTACTS: [(usize, ContactKind, &str, Outcome, &str); 6] = [
    (0, ContactKind::Visit, "李秀英", Outcome::Progress, "社区推广时试饮,孩子喜欢,留下电话"),
    (1, ContactKind::Call, "刘秘书", Outcome::Refused, "对不起,我现在很忙"),
    (1, ContactKind::Call, "王主任", Outcome::Appointment, "约定下周三面谈课间奶配送方案"),
    (6, ContactKind::Call, "马科长", Outcome::Refused, "我们和现在的供货商合作得很愉快"),
    (6, ContactKind::Visit, "马科长", Outcome::Progress, "了解到年内更新 8 辆车,预算约 120 万元"),
    (3, ContactKind::Visit, "陈静", Outcome::Deal, "办理亲子阅读年卡"),
];

/// Sample rows of the 客户拜访计划表 (card index and the row's cells).
fn sample_visits() -> Vec<(usize, VisitRow)> {
    let row =
        |date: &str, person: &str, purpose: &str, method: &str, materials: &str, expected: &str| VisitRow {
            salesperson: "小王".into(),
            date: date.into(),
            person: person.into(),
            purpose: purpose.into(),
            method: method.into(),
            materials: materials.into(),
            expected: expected.into(),
            ..VisitRow::default()
        };
    vec![
        (
            6,
            VisitRow {
                result: "了解到采购预算和招标流程".into(),
                next: "两周后送书面需求计划".into(),
                ..row(
                    "2024-03-05",
                    "马科长",
                    "初次拜访,了解公务用车更新计划",
                    "电话约访后上门",
                    "名片、车型资料、政府采购案例",
                    "确认采购时间表和预算",
                )
            },
        ),
        (
            6,
            row(
                "2024-03-19",
                "何局长",
                "递交书面需求计划,邀请试乘试驾",
                "上门拜访",
                "书面需求计划、试驾安排表、老客户证言",
                "约定试乘试驾时间",
            ),
        ),
        (
            7,
            row(
                "2024-03-12",
                "高队长",
                "了解旧车更换需求,找到决策人",
                "电话约访后上门",
                "名片、车型对比资料",
                "约见林总",
            ),
        ),
        (
            1,
            row(
                "2024-04-10",
                "王主任",
                "介绍课间奶配送方案",
                "上门拜访",
                "样品、检测报告、配送方案",
                "争取试供一周",
            ),
        ),
    ]
}

/// The sample cards (ids 0; the workspace numbers them).
pub fn sample_customers() -> Vec<Customer> {
    CARDS
        .iter()
        .map(|card| {
            let mut c = Customer::default();
            for (f, text) in card.iter() {
                f.set(&mut c, text).expect("sample data is valid");
            }
            c
        })
        .collect()
}

/// A sample card that looks like one the user already has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleConflict {
    pub sample_name: String,
    pub duplicate: Duplicate,
}

/// What loading the sample would do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SamplePlan {
    /// Cards the user has now.
    pub existing: usize,
    /// Sample cards, by name.
    pub sample: Vec<String>,
    /// Sample cards that look like existing ones (skipped by a merge).
    pub conflicts: Vec<SampleConflict>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SampleChoice {
    /// Only into an empty workspace; otherwise the plan is returned for the user to choose.
    IfEmpty,
    /// Add the sample cards that do not look like existing ones.
    Merge,
    /// Remove every existing card (logged, so the history keeps them), then add the sample.
    Replace,
}

/// What loading did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SampleLoaded {
    pub created: Vec<u32>,
    pub skipped: Vec<String>,
    pub removed: usize,
}

impl Workspace {
    /// What loading the sample would do, to show the user before asking.
    pub fn plan_sample(&self) -> SamplePlan {
        let index = DuplicateIndex::of(self.customers());
        let sample = sample_customers();
        let conflicts = sample
            .iter()
            .filter_map(|c| {
                index
                    .find(c)
                    .into_iter()
                    .next()
                    .map(|d| SampleConflict { sample_name: c.name.clone(), duplicate: d })
            })
            .collect();
        SamplePlan {
            existing: self.customers().len(),
            sample: sample.into_iter().map(|c| c.name).collect(),
            conflicts,
        }
    }

    /// Loads the sample. With [`SampleChoice::IfEmpty`] into a non-empty workspace nothing
    /// happens and the plan comes back as `Err`, so the UI can ask "merge or replace?".
    pub fn load_sample(&mut self, choice: SampleChoice, at: i64) -> Result<SampleLoaded, SamplePlan> {
        if choice == SampleChoice::IfEmpty && !self.is_empty() {
            return Err(self.plan_sample());
        }
        let mut removed = 0;
        if choice == SampleChoice::Replace {
            let ids: Vec<u32> = self.customers().iter().map(|c| c.id).collect();
            for id in ids {
                self.remove(id, at, "载入示例数据(替换)").expect("existing card");
                removed += 1;
            }
        }
        let index = DuplicateIndex::of(self.customers());
        let mut ids: Vec<Option<u32>> = Vec::new();
        let mut skipped = Vec::new();
        for card in sample_customers() {
            if !index.find(&card).is_empty() {
                skipped.push(card.name);
                ids.push(None);
                continue;
            }
            ids.push(Some(self.create(card, at, "载入示例数据").expect("sample data is valid").id));
        }
        for (i, kind, person, outcome, summary) in CONTACTS {
            if let Some(customer) = ids[i] {
                let c =
                    NewContact { customer, kind, person: person.into(), outcome, summary: summary.into() };
                self.log_contact(c, at).expect("sample customer exists");
            }
        }
        for (i, row) in sample_visits() {
            if let Some(customer) = ids[i] {
                self.plan_visit(VisitRow { customer, ..row }, at).expect("sample visit is valid");
            }
        }
        Ok(SampleLoaded { created: ids.into_iter().flatten().collect(), skipped, removed })
    }
}
