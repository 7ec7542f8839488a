//! A YAML list of services in `content/services/`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    signpost_fuzz::load("services/health.yaml", data);
});
