//! A deterministic generator of realistic Chinese customer cards for scale tests and
//! `benches/crm.rs`: names, phones, addresses, occupations, needs and
//! figures consistent with each card's lifecycle state, plus the edits and contacts a busy CRM
//! would have logged.

use crate::crm::{
    ContactKind, Customer, Field, Gender, Kind, Level, Man, Member, NewContact, Outcome, Role, State,
    Workspace,
};

/// A small xorshift generator: the same seed gives the same cards on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高", "林", "何",
    "郭", "马", "罗", "欧阳", "司马",
];
const GIVEN: &[&str] = &[
    "伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀兰", "霞", "平", "刚", "桂英", "子涵", "浩然", "欣怡", "梓轩", "雨桐",
];
const DISTRICTS: &[&str] = &["朝阳区", "海淀区", "东城区", "西城区", "丰台区", "城南区", "城东区", "开发区"];
const STREETS: &[&str] =
    &["学府路", "阳光大道", "建设路", "人民路", "金色家园", "幸福里", "科技园路", "滨河路"];
const OCCUPATIONS: &[&str] = &[
    "教师",
    "会计",
    "医生",
    "工程师",
    "个体经营",
    "公务员",
    "销售经理",
    "护士",
    "程序员",
    "退休",
    "学生",
    "律师",
    "设计师",
];
const WORKPLACES: &[&str] =
    &["育才中学", "城东医院", "宏达物流", "新创科技", "区税务局", "阳光小学", "建设银行支行", "", "", ""];
const FAMILIES: &[&str] = &[
    "已婚,一个孩子上小学",
    "三口之家,孩子上初中",
    "单身",
    "与父母同住",
    "孩子上幼儿园",
    "二孩家庭",
    "夫妻二人,孩子已工作",
    "",
];
const INTERESTS: &[&str] =
    &["读书", "健身", "旅游", "烘焙", "摄影", "钓鱼", "茶艺", "篮球", "亲子阅读", "广场舞", ""];
const NEEDS: &[&str] = &[
    "孩子每天喝奶",
    "周末亲子阅读空间",
    "更换家用车",
    "公务用车更新",
    "学生课间奶配送",
    "安静的读书环境",
    "高蛋白运动饮品",
    "商务接待用车",
    "儿童绘本",
    "团购员工福利",
    "老人营养品",
];
const SOURCES: &[&str] = &[
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
];
const SEGMENTS: &[&str] = &["阳光少年乳制品", "七彩阳光", "北京现代"];
const COMPANY_HEADS: &[&str] =
    &["宏达", "新创", "鑫源", "华联", "东方", "金桥", "远航", "晨光", "恒通", "博雅"];
const COMPANY_TAILS: &[&str] = &[
    "物流有限公司",
    "科技有限公司",
    "建材集团",
    "实验小学",
    "物业服务中心",
    "机关事务管理局",
    "连锁超市",
    "酒店管理公司",
];
const INDUSTRIES: &[&str] = &["物流", "软件", "建材", "教育", "物业服务", "政府机关", "零售", "酒店"];

fn phone(r: &mut Rng) -> String {
    let prefix = *r.pick(&["138", "139", "137", "186", "152", "135", "188"]);
    let n = r.below(100_000_000);
    match r.below(4) {
        0 => format!("{prefix}{n:08}"),
        1 => format!("{prefix} {:04} {:04}", n / 10_000, n % 10_000),
        2 => format!("+86 {prefix}-{:04}-{:04}", n / 10_000, n % 10_000),
        _ => format!("{prefix}-{:04}-{:04}", n / 10_000, n % 10_000),
    }
}

fn state_for(r: &mut Rng) -> State {
    *r.pick(&[
        State::Potential,
        State::Potential,
        State::Potential,
        State::Target,
        State::Target,
        State::Actual,
        State::Actual,
        State::Loyal,
        State::Lost,
        State::NonCustomer,
    ])
}

/// Card `i` of a generated set.
pub fn card(r: &mut Rng, i: usize) -> Customer {
    let organisation = r.chance(15);
    let state = state_for(r);
    let man = if r.chance(80) {
        Some(if state == State::NonCustomer {
            Man::new(false, false, false)
        } else {
            Man::from_index(1 + r.below(7) as usize)
        })
    } else {
        None
    };
    let bought = matches!(state, State::Actual | State::Loyal | State::Lost);
    let purchases = match state {
        State::Loyal => 3 + r.below(20) as u32,
        State::Actual | State::Lost => 1 + r.below(3) as u32,
        _ => 0,
    };
    let scale = if organisation { 50_000 } else { 300 };
    let revenue = if bought { (purchases as i64) * (scale + r.below(scale as u64 * 4) as i64) } else { 0 };
    let gross = revenue * (5 + r.below(30) as i64) / 100;
    let service = if bought { gross * r.below(120) as i64 / 100 } else { 0 };
    let mut c = Customer {
        kind: if organisation { Kind::Organisation } else { Kind::Individual },
        segment: r.pick(SEGMENTS).to_string(),
        state,
        man,
        phone: if r.chance(90) { phone(r) } else { String::new() },
        address: format!("{}{}{}号", r.pick(DISTRICTS), r.pick(STREETS), 1 + r.below(200)),
        needs: r.pick(NEEDS).to_string(),
        source: r.pick(SOURCES).to_string(),
        purchases,
        revenue,
        gross_profit: gross,
        service_cost: service,
        ..Customer::default()
    };
    if bought {
        c.selection_time = *r.pick(&Level::ALL);
        c.price_sensitivity = *r.pick(&Level::ALL);
    }
    if organisation {
        c.name = format!(
            "{}{}{}",
            r.pick(COMPANY_HEADS),
            r.pick(COMPANY_TAILS),
            if i % 7 == 0 { format!("第{}分部", i % 50) } else { String::new() }
        );
        c.industry = r.pick(INDUSTRIES).to_string();
        c.size = format!("员工约 {} 人", 20 + r.below(3000));
        c.contact_person = format!("{}经理(采购部)", r.pick(SURNAMES));
        c.projects = format!("年内采购预算约 {} 万元", 10 + r.below(300));
        if r.chance(50) {
            c.decision_group = vec![
                Member {
                    role: Role::Buyer,
                    name: format!("{}科长", r.pick(SURNAMES)),
                    title: "采购科长".into(),
                },
                Member {
                    role: Role::DecisionMaker,
                    name: format!("{}总", r.pick(SURNAMES)),
                    title: "总经理".into(),
                },
            ];
        }
    } else {
        c.name = format!("{}{}", r.pick(SURNAMES), r.pick(GIVEN));
        c.gender = if r.chance(50) { Gender::Male } else { Gender::Female };
        c.age = Some(18 + r.below(60) as u8);
        c.occupation = r.pick(OCCUPATIONS).to_string();
        c.organisation = r.pick(WORKPLACES).to_string();
        c.income = r.chance(70).then(|| 3000 + r.below(30) as u32 * 1000);
        c.family = r.pick(FAMILIES).to_string();
        c.interests = r.pick(INTERESTS).to_string();
    }
    c
}

/// `n` generated cards.
pub fn cards(n: usize, seed: u64) -> Vec<Customer> {
    let mut r = Rng::new(seed);
    (0..n).map(|i| card(&mut r, i)).collect()
}

/// A workspace of `n` generated customers, with the history a CRM in use would have: about one
/// field edit per three cards, one contact per five, one state move per ten.
pub fn workspace(n: usize, seed: u64) -> Workspace {
    let mut ws = Workspace::new();
    let ids = ws.create_many(cards(n, seed), 1_700_000_000_000, "导入").expect("generated cards are valid");
    let mut r = Rng::new(seed ^ 0xABCD);
    let mut at = 1_700_000_100_000;
    for _ in 0..n / 3 {
        at += 60_000;
        let id = *r.pick(&ids);
        let text = format!("{};{}", r.pick(NEEDS), r.pick(NEEDS));
        ws.set_field(id, Field::Needs, &text, at, "").expect("needs are free text");
    }
    for _ in 0..n / 5 {
        at += 60_000;
        let c = NewContact {
            customer: *r.pick(&ids),
            kind: if r.chance(70) { ContactKind::Call } else { ContactKind::Visit },
            person: r.pick(SURNAMES).to_string(),
            outcome: *r.pick(&Outcome::ALL),
            summary: format!("沟通了{}", r.pick(NEEDS)),
        };
        ws.log_contact(c, at).expect("customer exists");
    }
    for _ in 0..n / 10 {
        at += 60_000;
        let id = *r.pick(&ids);
        let from = ws.customer(id).unwrap().state;
        let to = *r.pick(crate::crm::allowed_moves(from));
        let _ = ws.move_state(id, to, at, "跟进后调整");
    }
    ws
}

#[test]
fn generation_is_deterministic_and_plausible() {
    let a = cards(500, 7);
    assert_eq!(a, cards(500, 7));
    assert_ne!(a, cards(500, 8));
    let orgs = a.iter().filter(|c| c.kind == Kind::Organisation).count();
    assert!((30..=120).contains(&orgs), "{orgs} organisations of 500");
    for c in &a {
        let bought = matches!(c.state, State::Actual | State::Loyal | State::Lost);
        assert_eq!(bought, c.purchases > 0, "{c:?}");
        if c.state == State::Loyal {
            assert!(c.purchases >= 3);
        }
    }
    let ws = workspace(300, 1);
    assert_eq!(ws.customers().len(), 300);
    assert!(ws.log().len() > 300 + 100 + 60);
}
