//! The six apps of the site, declared once. Each is its own page and wasm file (wasm cannot load
//! code on demand and trunk builds one app per page), so a student's first visit downloads only the
//! student app. Every page's folder, its relative way back to the site root, the cargo bin and
//! feature it is built from, and every link between apps come from this table; `tests/ui/apps.rs`
//! checks the Cargo bins, the `index.html` files and the post-build list against it.

/// One app of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum App {
    /// The role-plays, the debrief and the history (`index.html`, the site's front page).
    Student,
    /// The customer workspace (`crm/`).
    Crm,
    /// Verifying result files and the class dashboard (`teacher/`).
    Teacher,
    /// Loading and checking packs (`teacher/packs/`): the only app with the checker.
    TeacherPacks,
    /// The LMS page (`lms/`): LRS settings, the xAPI sync frame, result export. Plays nothing.
    Lms,
    /// The SCORM page (`lms/scorm/`): the student app in single-pack mode for an LMS launch.
    Scorm,
}

/// Where the compiled built-in packs are, relative to the site root (`packcheck --emit`).
pub const PACKS_DIR: &str = "packs/";

impl App {
    pub const ALL: [App; 6] = [App::Student, App::Crm, App::Teacher, App::TeacherPacks, App::Lms, App::Scorm];

    /// The page's folder relative to the site root (`""` for the root itself), ending in `/`.
    pub const fn dir(self) -> &'static str {
        match self {
            App::Student => "",
            App::Crm => "crm/",
            App::Teacher => "teacher/",
            App::TeacherPacks => "teacher/packs/",
            App::Lms => "lms/",
            App::Scorm => "lms/scorm/",
        }
    }

    /// The cargo bin the page's wasm is built from.
    pub const fn bin(self) -> &'static str {
        match self {
            App::Student | App::Lms | App::Scorm => "kefu-sim",
            App::Crm => "kefu-crm",
            App::Teacher => "kefu-teacher",
            App::TeacherPacks => "kefu-teacher-packs",
        }
    }

    /// The cargo feature the page's wasm is built with, if any (`lms` and `scorm` exclude each other).
    pub const fn feature(self) -> Option<&'static str> {
        match self {
            App::Lms => Some("lms"),
            App::Scorm => Some("scorm"),
            _ => None,
        }
    }

    /// The site root relative to this app's page, so the whole site works from any static host path.
    pub const fn root(self) -> &'static str {
        match self {
            App::Student => "",
            App::Crm | App::Teacher | App::Lms => "../",
            App::TeacherPacks | App::Scorm => "../../",
        }
    }

    /// A site path (`"packs/"`, `"crm/#/"`…) as seen from this app's page.
    pub fn site_path(self, path: &str) -> String {
        format!("{}{path}", self.root())
    }

    /// The link from a page of this app to `hash` (`"#/…"`) in app `to`: the hash alone within an app.
    pub fn href(self, to: App, hash: &str) -> String {
        if self == to {
            hash.to_string()
        } else {
            self.site_path(&format!("{}{hash}", to.dir()))
        }
    }

    /// The app that the `kefu-sim` bin is built as here: the student app, or with a feature the LMS
    /// or SCORM page.
    pub const fn of_student_build() -> App {
        if cfg!(feature = "scorm") {
            App::Scorm
        } else if cfg!(feature = "lms") {
            App::Lms
        } else {
            App::Student
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_between_apps_are_relative() {
        assert_eq!(App::Student.href(App::Student, "#/history"), "#/history");
        assert_eq!(App::Student.href(App::Crm, "#/"), "crm/#/");
        assert_eq!(App::Crm.href(App::Student, "#/history"), "../#/history");
        assert_eq!(App::Crm.href(App::Teacher, "#/"), "../teacher/#/");
        assert_eq!(App::Teacher.href(App::TeacherPacks, "#/"), "../teacher/packs/#/");
        assert_eq!(App::TeacherPacks.href(App::Teacher, "#/results"), "../../teacher/#/results");
        assert_eq!(App::TeacherPacks.href(App::Student, "#/"), "../../#/");
        assert_eq!(App::Scorm.href(App::Lms, "#/sync"), "../../lms/#/sync");
        assert_eq!(App::Student.href(App::Lms, "#/settings"), "lms/#/settings");
        assert_eq!(App::Scorm.site_path(PACKS_DIR), "../../packs/");
        assert_eq!(App::Lms.site_path(""), "../");
    }

    #[test]
    fn every_app_has_its_own_folder_and_its_root_climbs_out_of_it() {
        for (i, a) in App::ALL.iter().enumerate() {
            assert!(App::ALL[..i].iter().all(|b| b.dir() != a.dir()), "{a:?}");
            assert!(a.dir().is_empty() || a.dir().ends_with('/'));
            assert_eq!(a.root(), "../".repeat(a.dir().matches('/').count()), "{a:?}");
        }
    }
}
