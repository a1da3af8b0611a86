//! The student app's routes (`#/`, `#/play`, `#/history`; the LMS page's `#/settings`, `#/sync`,
//! `#/export`). A play in progress is not in the URL: a
//! reload lands on the home page, where the pack's entry offers to resume it.

use yew::prelude::*;

use crate::ui::hash;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Play,
    History,
    /// One finished play, by the last part of its storage key (ASCII: time, pack id, seed).
    HistoryEntry(String),
    /// A share link: installs the pack it carries (`ui::share_link`), then goes home.
    Install(String),
    /// The LRS (xAPI) settings and the state of the statement queue (LMS page).
    Settings,
    /// Records and sends the stored plays' statements (LMS page, in a hidden frame).
    Sync,
    /// The identity form and result-file export (LMS page): every finished play, or the one
    /// whose history key ends with this.
    Export(Option<String>),
    NotFound(String),
}

impl Route {
    pub fn parse(hash: &str) -> Route {
        let path = hash::path(hash);
        match path.split_once('/') {
            None => match path {
                "" => Route::Home,
                "play" => Route::Play,
                "history" => Route::History,
                "settings" => Route::Settings,
                "sync" => Route::Sync,
                "export" => Route::Export(None),
                _ => Route::NotFound(path.to_string()),
            },
            Some(("history", key)) if !key.is_empty() => Route::HistoryEntry(key.to_string()),
            Some(("install", data)) if !data.is_empty() => Route::Install(data.to_string()),
            Some(("export", key)) if !key.is_empty() => Route::Export(Some(key.to_string())),
            _ => Route::NotFound(path.to_string()),
        }
    }

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Play => "#/play".into(),
            Route::History => "#/history".into(),
            Route::HistoryEntry(key) => format!("#/history/{key}"),
            Route::Install(data) => format!("#/{}{data}", crate::ui::share_link::INSTALL_ROUTE),
            Route::Settings => "#/settings".into(),
            Route::Sync => "#/sync".into(),
            Route::Export(None) => "#/export".into(),
            Route::Export(Some(key)) => format!("#/export/{key}"),
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
    fn parses_hashes() {
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#/"), Route::Home);
        assert_eq!(Route::parse("#/history"), Route::History);
        assert_eq!(Route::parse("#/play"), Route::Play);
        assert_eq!(Route::parse(&Route::Settings.href()), Route::Settings);
        assert_eq!(Route::parse("#/install/AbC-_9"), Route::Install("AbC-_9".into()));
        assert_eq!(Route::parse(&Route::Install("x".into()).href()), Route::Install("x".into()));
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        for r in [Route::Sync, Route::Export(None), Route::Export(Some("000000000000001-a-2".into()))] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(Route::parse("#/history/"), Route::NotFound("history/".into()));
    }
}
