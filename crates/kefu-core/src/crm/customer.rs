//! The customer card (客户资料卡). One struct for individuals and organisations: seed 000 and
//! 001 list what to record about a person (age, occupation, income, family, interests, needs, how
//! they came to know the company), seed 002 what a key-account database holds about an
//! organisation (industry, size, main contact and title, projects, competitors, decision group,
//! agreed next steps, past deals). Value and loyalty figures (seed 004) sit on the card too.
//! Field-by-field text forms are in `field.rs`.

use serde::{Deserialize, Serialize};

use super::man::Man;
use super::state::State;

vocabulary! {
    /// A person (个人客户) or an organisation (单位客户, e.g. a 北京现代 key account).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Kind {
        #[default]
        Individual = "个人",
        Organisation = "单位",
    }
}

vocabulary! {
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Gender {
        #[default]
        Unknown = "",
        Male = "男",
        Female = "女",
    }
}

vocabulary! {
    /// 低/中/高, for the loyalty measures "购买挑选时间" and "价格敏感程度".
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Level {
        #[default]
        Unknown = "",
        Low = "低",
        Medium = "中",
        High = "高",
    }
}

vocabulary! {
    /// 客户对竞争产品的态度 (seed 004: 有兴趣、有好感 means the customer may leave).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum CompetitorAttitude {
        #[default]
        Unknown = "",
        /// 有兴趣、有好感
        Interested = "有兴趣、有好感",
        /// 不感兴趣
        Indifferent = "不感兴趣",
    }
}

vocabulary! {
    /// How the customer reacts to a quality problem (seed 004: 宽容、谅解、协商解决 are signs of
    /// loyalty).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum IncidentAttitude {
        #[default]
        Unknown = "",
        /// 宽容、谅解
        Tolerant = "宽容、谅解",
        /// 协商解决
        Negotiates = "协商解决",
        /// 投诉、索赔
        Complains = "投诉、索赔",
    }
}

vocabulary! {
    /// Roles in an organisation's decision group (决策群体, seed 002).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum Role {
        /// 看门者: collects, filters and holds information.
        Gatekeeper = "看门者",
        /// 采购者: the one who deals with the sales rep.
        Buyer = "采购者",
        /// 使用者: uses the product or service.
        User = "使用者",
        /// 决策者: makes the final decision.
        DecisionMaker = "决策者",
        /// 影响者: influences the decision, openly or behind the scenes.
        Influencer = "影响者",
    }
}

/// One person of an organisation's decision group.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Member {
    pub role: Role,
    pub name: String,
    /// 职务, e.g. 采购科长.
    pub title: String,
}

/// A customer card. `id` is given by the workspace; every other field is listed in
/// [`super::field::Field`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Customer {
    pub id: u32,
    pub kind: Kind,
    /// 姓名 for a person, 公司名称 for an organisation.
    pub name: String,
    /// 客户分组: a free grouping, e.g. the business line (七彩阳光, 北京现代 …).
    pub segment: String,
    pub state: State,
    /// `None` until the MAN rule has been applied.
    pub man: Option<Man>,
    pub phone: String,
    pub address: String,
    /// 工作单位 of a person (used with the name to spot duplicates).
    pub organisation: String,
    pub gender: Gender,
    pub age: Option<u8>,
    pub occupation: String,
    /// 月收入, whole yuan.
    pub income: Option<u32>,
    /// 家庭情况 (for an organisation: its main contact's family).
    pub family: String,
    /// 兴趣爱好 (for an organisation: its main contact's).
    pub interests: String,
    pub needs: String,
    /// 获知渠道: how the customer was found / came to know the company.
    pub source: String,
    /// 购买次数 (the first loyalty measure).
    pub purchases: u32,
    /// 累计销售额, whole yuan.
    pub revenue: i64,
    /// 累计毛利, whole yuan (revenue less the cost of the goods).
    pub gross_profit: i64,
    /// 服务成本, whole yuan: what serving this customer cost (visits, discounts, after-sales …).
    pub service_cost: i64,
    pub selection_time: Level,
    pub price_sensitivity: Level,
    pub competitor_attitude: CompetitorAttitude,
    pub incident_attitude: IncidentAttitude,
    /// 以往的答复和已经过协议的下步行动 (seed 002).
    pub next_action: String,
    pub note: String,
    /// 产业类型
    pub industry: String,
    /// 集团规模及种类
    pub size: String,
    /// 主要联络人和头衔
    pub contact_person: String,
    pub fax: String,
    /// 项目资料: purchase plan, problem to solve, timetable, budget, process.
    pub projects: String,
    /// 竞争对手资料: competing products in use, satisfaction, rival reps.
    pub competitors: String,
    pub decision_group: Vec<Member>,
}

impl Customer {
    /// A new card of `kind` named `name`, state 潜在客户, everything else empty.
    pub fn new(kind: Kind, name: &str) -> Customer {
        Customer { kind, name: name.to_string(), ..Customer::default() }
    }

    /// 净利润: gross profit less the cost to serve. Negative for a customer who costs more than
    /// they bring (the bottom of the 80/20/30 rule).
    pub fn net_profit(&self) -> i64 {
        self.gross_profit.saturating_sub(self.service_cost)
    }

    /// The organisation this card belongs to: the card itself for an organisation, the person's
    /// 工作单位 otherwise.
    pub fn organisation_name(&self) -> &str {
        match self.kind {
            Kind::Organisation => &self.name,
            Kind::Individual => &self.organisation,
        }
    }
}
