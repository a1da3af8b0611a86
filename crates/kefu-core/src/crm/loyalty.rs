//! Seed 004's loyalty measures (客户对某品牌的忠诚,测量标准) read off one card: repeat purchases,
//! selection time, price sensitivity, attitude to competing products, and how the customer takes
//! a quality problem (宽容、谅解、协商解决). Each measure gives a signal; together they give a level.

use super::customer::{CompetitorAttitude, Customer, IncidentAttitude, Level};

/// At least this many purchases count as repeat buying (the first purchase plus two repeats).
pub const REPEAT_PURCHASES: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Measure {
    RepeatPurchases,
    SelectionTime,
    PriceSensitivity,
    CompetitorAttitude,
    IncidentAttitude,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    Unknown,
    Loyal,
    Neutral,
    Disloyal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoyaltyLevel {
    /// Fewer than three measures known.
    NotEnoughData,
    Low,
    Medium,
    High,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub measure: Measure,
    /// The card's value in words.
    pub value: String,
    pub signal: Signal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loyalty {
    pub indicators: Vec<Indicator>,
    pub level: LoyaltyLevel,
}

impl Measure {
    pub fn label(self) -> &'static str {
        match self {
            Measure::RepeatPurchases => "客户重复购买次数",
            Measure::SelectionTime => "客户购买挑选时间",
            Measure::PriceSensitivity => "客户对价格的敏感程度",
            Measure::CompetitorAttitude => "客户对竞争产品的态度",
            Measure::IncidentAttitude => "客户对质量问题的态度",
        }
    }
}

impl Signal {
    pub fn label(self) -> &'static str {
        match self {
            Signal::Unknown => "未知",
            Signal::Loyal => "忠诚表现",
            Signal::Neutral => "一般",
            Signal::Disloyal => "不忠诚表现",
        }
    }
}

impl LoyaltyLevel {
    pub fn label(self) -> &'static str {
        match self {
            LoyaltyLevel::NotEnoughData => "资料不足",
            LoyaltyLevel::Low => "低",
            LoyaltyLevel::Medium => "中",
            LoyaltyLevel::High => "高",
        }
    }
}

/// Short selection time and low price sensitivity are loyal signs; long and high are not.
fn inverse_level(l: Level) -> Signal {
    match l {
        Level::Unknown => Signal::Unknown,
        Level::Low => Signal::Loyal,
        Level::Medium => Signal::Neutral,
        Level::High => Signal::Disloyal,
    }
}

/// The loyalty measures of one card.
pub fn loyalty(c: &Customer) -> Loyalty {
    let purchases = match c.purchases {
        0 => Signal::Unknown,
        n if n >= REPEAT_PURCHASES => Signal::Loyal,
        2 => Signal::Neutral,
        _ => Signal::Disloyal,
    };
    let competitors = match c.competitor_attitude {
        CompetitorAttitude::Unknown => Signal::Unknown,
        CompetitorAttitude::Interested => Signal::Disloyal,
        CompetitorAttitude::Indifferent => Signal::Loyal,
    };
    let incidents = match c.incident_attitude {
        IncidentAttitude::Unknown => Signal::Unknown,
        IncidentAttitude::Tolerant | IncidentAttitude::Negotiates => Signal::Loyal,
        IncidentAttitude::Complains => Signal::Disloyal,
    };
    let indicators = vec![
        Indicator {
            measure: Measure::RepeatPurchases,
            value: if c.purchases == 0 { "未购买".into() } else { format!("{} 次", c.purchases) },
            signal: purchases,
        },
        Indicator {
            measure: Measure::SelectionTime,
            value: c.selection_time.label().into(),
            signal: inverse_level(c.selection_time),
        },
        Indicator {
            measure: Measure::PriceSensitivity,
            value: c.price_sensitivity.label().into(),
            signal: inverse_level(c.price_sensitivity),
        },
        Indicator {
            measure: Measure::CompetitorAttitude,
            value: c.competitor_attitude.label().into(),
            signal: competitors,
        },
        Indicator {
            measure: Measure::IncidentAttitude,
            value: c.incident_attitude.label().into(),
            signal: incidents,
        },
    ];
    let count = |s| indicators.iter().filter(|i| i.signal == s).count();
    let known = indicators.len() - count(Signal::Unknown);
    let (loyal, disloyal) = (count(Signal::Loyal), count(Signal::Disloyal));
    let level = if known < 3 {
        LoyaltyLevel::NotEnoughData
    } else if loyal >= 3 && disloyal == 0 {
        LoyaltyLevel::High
    } else if disloyal >= 2 || disloyal > loyal {
        LoyaltyLevel::Low
    } else {
        LoyaltyLevel::Medium
    };
    Loyalty { indicators, level }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crm::customer::Kind;

    fn card(
        purchases: u32,
        sel: Level,
        price: Level,
        comp: CompetitorAttitude,
        inc: IncidentAttitude,
    ) -> Customer {
        Customer {
            purchases,
            selection_time: sel,
            price_sensitivity: price,
            competitor_attitude: comp,
            incident_attitude: inc,
            ..Customer::new(Kind::Individual, "x")
        }
    }

    #[test]
    fn levels_follow_the_signals() {
        use CompetitorAttitude as C;
        use IncidentAttitude as I;
        let l = |c: Customer| loyalty(&c).level;
        assert_eq!(l(card(12, Level::Low, Level::Low, C::Indifferent, I::Tolerant)), LoyaltyLevel::High);
        assert_eq!(l(card(1, Level::High, Level::High, C::Interested, I::Complains)), LoyaltyLevel::Low);
        assert_eq!(l(card(3, Level::Medium, Level::High, C::Unknown, I::Negotiates)), LoyaltyLevel::Medium);
        assert_eq!(
            l(card(5, Level::Unknown, Level::Low, C::Unknown, I::Unknown)),
            LoyaltyLevel::NotEnoughData
        );
        assert_eq!(l(card(0, Level::Low, Level::Low, C::Interested, I::Unknown)), LoyaltyLevel::Medium);
    }

    #[test]
    fn each_measure_reports_its_value_and_signal() {
        let r = loyalty(&card(
            2,
            Level::High,
            Level::Low,
            CompetitorAttitude::Interested,
            IncidentAttitude::Negotiates,
        ));
        let signals: Vec<Signal> = r.indicators.iter().map(|i| i.signal).collect();
        assert_eq!(
            signals,
            [Signal::Neutral, Signal::Disloyal, Signal::Loyal, Signal::Disloyal, Signal::Loyal]
        );
        assert_eq!(r.indicators[0].value, "2 次");
        assert_eq!(r.indicators[3].value, "有兴趣、有好感");
        assert_eq!(r.indicators.len(), 5);
    }
}
