//! Hash routing (`#/history`), so the built `dist/` works from any static host and sub-path with
//! no server rewrites. A play in progress is not in the URL: a reload lands on the home page, where
//! the pack's entry offers to resume it.

use gloo::events::EventListener;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Play,
    History,
    /// One finished play, by the last part of its storage key (ASCII: time, pack id, seed).
    HistoryEntry(String),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        match path.split_once('/') {
            None => match path {
                "" => Route::Home,
                "play" => Route::Play,
                "history" => Route::History,
                _ => Route::NotFound(path.to_string()),
            },
            Some(("history", key)) if !key.is_empty() => Route::HistoryEntry(key.to_string()),
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Play => "#/play".into(),
            Route::History => "#/history".into(),
            Route::HistoryEntry(key) => format!("#/history/{key}"),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

fn current() -> Route {
    Route::parse(&gloo::utils::window().location().hash().unwrap_or_default())
}

pub fn navigate(route: &Route) {
    let _ = gloo::utils::window().location().set_hash(&route.href());
}

/// The current route, updated on every `hashchange`.
#[hook]
pub fn use_route() -> Route {
    let route = use_state(current);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::window(), "hashchange", move |_| route.set(current()));
            move || drop(listener)
        });
    }
    (*route).clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/history"), Route::History);
        assert_eq!(Route::parse("#/play"), Route::Play);
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        assert_eq!(Route::parse("#/history/"), Route::NotFound("history/".into()));
    }
}
