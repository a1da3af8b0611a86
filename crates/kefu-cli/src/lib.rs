//! The native command-line tools of 客服实训, over kefu-core: `packcheck` (the pack checker pack
//! authors and the build run) and `scorm` (packages a built `dist/` for an LMS). What they share
//! with their tests lives here.

pub mod scorm_package;
