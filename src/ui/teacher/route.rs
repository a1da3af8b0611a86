//! The teacher (results) app's routes: `#/` (or `#/results`) the results page; `#/packs`, where the
//! packs page was before it became its own app, forwards to it.

use yew::prelude::*;

use crate::ui::hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Packs,
    Results,
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        match hash::path(hash) {
            "" | "results" => Route::Results,
            "packs" => Route::Packs,
            other => Route::NotFound(other.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Packs => "#/packs".into(),
            Route::Results => "#/results".into(),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

/// The current route, updated on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    Route::parse(&hash::use_hash())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        assert_eq!(Route::parse(""), Route::Results);
        assert_eq!(Route::parse("#/"), Route::Results);
        assert_eq!(Route::parse("#/packs"), Route::Packs);
        assert_eq!(Route::parse("#/results"), Route::Results);
        assert_eq!(Route::parse("#/x"), Route::NotFound("x".into()));
        assert_eq!(Route::parse(&Route::Results.href()), Route::Results);
    }
}
