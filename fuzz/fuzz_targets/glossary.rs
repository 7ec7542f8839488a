//! `content/glossary.yaml`, and the contact blocks and "You said, we did" file, which are YAML too.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    signpost_fuzz::load("glossary.yaml", data);
    signpost_fuzz::load("contacts/sendiass.yaml", data);
    signpost_fuzz::load("you-said-we-did.yaml", data);
});
