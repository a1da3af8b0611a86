//! The CRM's longer Chinese texts, so the UI, CSV headers and messages say the same thing: a
//! state's short form and definition, a role's description, each card field's label and import
//! aliases, and the seeds' lists of sources and loyalty measures. The short label of each
//! vocabulary value is declared with the value itself (`vocabulary.rs`). Wording follows the course
//! documents (seeds 000, 001, 002 and 004).

use super::customer::Role;
use super::field::Field;
use super::state::State;

impl State {
    /// 潜在 … (the short form used in the seed's flow diagram).
    pub fn short_label(self) -> &'static str {
        match self {
            State::Potential => "潜在",
            State::Target => "目标",
            State::Actual => "现实",
            State::Loyal => "忠诚",
            State::Lost => "流失",
            State::NonCustomer => "非客户",
        }
    }

    /// Seed 004's definition.
    pub fn definition(self) -> &'static str {
        match self {
            State::Potential => "对产品和服务有需求和购买动机,有可能但还没有产生购买的人群",
            State::Target => "企业经过挑选后确定的力图开发为现实客户的人群",
            State::Actual => "已经购买的客户",
            State::Loyal => "持续地、指向性地重复购买的客户",
            State::Lost => "曾经是企业的客户,现不再购买的",
            State::NonCustomer => "无关的、对企业有敌意的、不可能购买的",
        }
    }
}

impl Role {
    /// Seed 002's description of the role.
    pub fn description(self) -> &'static str {
        match self {
            Role::Gatekeeper => "收集、过滤、掌握信息的人",
            Role::Buyer => "与销售人员接触的人",
            Role::User => "使用产品或服务的人",
            Role::DecisionMaker => "对是否购买作最后决定的人",
            Role::Influencer => "公开的或在幕后影响决策的人",
        }
    }
}

impl Field {
    /// The label on the card and the CSV header.
    pub fn label(self) -> &'static str {
        match self {
            Field::Kind => "客户类型",
            Field::Name => "客户名称",
            Field::Segment => "客户分组",
            Field::State => "客户状态",
            Field::Man => "MAN评估",
            Field::Phone => "电话",
            Field::Address => "地址",
            Field::Organisation => "工作单位",
            Field::Gender => "性别",
            Field::Age => "年龄",
            Field::Occupation => "职业",
            Field::Income => "月收入(元)",
            Field::Family => "家庭情况",
            Field::Interests => "兴趣爱好",
            Field::Needs => "需求",
            Field::Source => "获知渠道",
            Field::Purchases => "购买次数",
            Field::Revenue => "累计销售额(元)",
            Field::GrossProfit => "累计毛利(元)",
            Field::ServiceCost => "服务成本(元)",
            Field::SelectionTime => "购买挑选时间",
            Field::PriceSensitivity => "价格敏感程度",
            Field::CompetitorAttitude => "对竞争产品的态度",
            Field::IncidentAttitude => "对质量问题的态度",
            Field::NextAction => "已约定的下步行动",
            Field::Note => "备注",
            Field::Industry => "产业类型",
            Field::Size => "集团规模及种类",
            Field::ContactPerson => "主要联络人和头衔",
            Field::Fax => "传真",
            Field::Projects => "项目资料",
            Field::Competitors => "竞争对手资料",
            Field::DecisionGroup => "决策群体",
        }
    }

    /// Other headers accepted on import.
    pub fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => &["姓名", "名称", "公司名称", "客户姓名"],
            Field::State => &["状态"],
            Field::Man => &["MAN"],
            Field::Phone => &["电话号码", "手机", "联系电话", "电话及传真号码"],
            Field::Income => &["月收入", "收入"],
            Field::Needs => &["需要"],
            Field::Source => &["来源", "客户来源", "客户了解本企业的方式"],
            Field::Revenue => &["销售额"],
            Field::GrossProfit => &["毛利"],
            Field::ServiceCost => &["服务成本"],
            Field::Industry => &["行业"],
            Field::Size => &["规模"],
            Field::DecisionGroup => &["决策群体角色"],
            _ => &[],
        }
    }
}

/// Ways of finding customers named in seeds 000 and 004, offered as suggestions for 获知渠道.
pub const SOURCES: [&str; 16] = [
    "逐户寻访法",
    "客户引荐法",
    "光辉效应法",
    "代理人法",
    "直接邮寄法",
    "电话营销法",
    "滚雪球法",
    "资料查阅法",
    "市场咨询法",
    "会议寻找法",
    "俱乐部寻找法",
    "亲朋故友",
    "网络推广",
    "客户主动询价",
    "接收前任销售人员的客户资料",
    "广告",
];

/// Seed 004: how to cultivate loyalty.
pub const LOYALTY_CULTIVATION: [&str; 6] = [
    "保证服务质量、产品质量,使客户满意(基本条件)",
    "购物积分",
    "定期回馈",
    "使不满意者满意",
    "加强同客户接触",
    "使客户参与到企业中",
];
