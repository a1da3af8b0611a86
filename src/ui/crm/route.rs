//! The crm app's routes: `#/` the list, `#/new` a new card, `#/customer/12` a card,
//! `#/analytics` the analytics, `#/visits` the 客户拜访计划表, `#/io` import and export.

use yew::prelude::*;

use crate::ui::hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    List,
    New,
    Customer(u32),
    Analytics,
    Visits,
    Io,
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash::path(hash);
        match path.split_once('/') {
            None => match path {
                "" => Route::List,
                "new" => Route::New,
                "analytics" => Route::Analytics,
                "visits" => Route::Visits,
                "io" => Route::Io,
                _ => Route::NotFound(path.to_string()),
            },
            Some(("customer", id)) => {
                id.parse().map_or_else(|_| Route::NotFound(path.to_string()), Route::Customer)
            }
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::List => "#/".into(),
            Route::New => "#/new".into(),
            Route::Customer(id) => format!("#/customer/{id}"),
            Route::Analytics => "#/analytics".into(),
            Route::Visits => "#/visits".into(),
            Route::Io => "#/io".into(),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

pub fn navigate(route: &Route) {
    hash::set(&route.href());
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
    fn parses_and_links_back() {
        for r in [Route::List, Route::New, Route::Customer(12), Route::Analytics, Route::Visits, Route::Io] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse(""), Route::List);
        assert_eq!(Route::parse("#/customer/x"), Route::NotFound("customer/x".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
    }
}
