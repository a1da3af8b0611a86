//! The core's tests, one binary: every module below is a former test file. Fixtures and players
//! they share are in `kefu_core::testing`.

mod best_paths;
mod crm_effects;
mod crm_link;
mod crm_roundtrip;
mod crm_sample;
mod crm_storage;
mod decoded_packs;
mod diagnostics;
mod engine_exercises;
mod engine_play;
mod fast_toml;
mod hostile_packs;
mod results_class_record;
mod results_dashboard;
mod results_marking;
mod results_scorm;
mod results_verify;
mod results_xapi;
mod seed_coverage;
mod storage_faults;
