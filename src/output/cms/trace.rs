//! Reads the field names and allowed values straight from the loader's own types: serde hands
//! every `Deserialize` implementation's list of struct fields and enum variants to the
//! deserializer, so a tiny deserializer that only records those lists knows exactly what the
//! loader accepts, renames included (`where`, `type`) and skipped fields left out.

use serde::de::DeserializeOwned;
use serde::de::{self, Visitor};
use std::fmt;

/// What the probe found when a type asked to be read.
#[derive(Debug)]
enum Found {
    Fields(&'static [&'static str]),
    Variants(&'static [&'static str]),
    Other,
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Found::Other
    }
}

/// A deserializer with no data: it stops at the first struct or enum it is asked for.
struct Probe;

impl<'de> de::Deserializer<'de> for Probe {
    type Error = Found;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found::Other)
    }

    fn deserialize_struct<V: Visitor<'de>>(self, _: &'static str, fields: &'static [&'static str], _: V) -> Result<V::Value, Found> {
        Err(Found::Fields(fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(self, _: &'static str, variants: &'static [&'static str], _: V) -> Result<V::Value, Found> {
        Err(Found::Variants(variants))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

/// The field names a struct accepts, as authors write them.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Found::Fields(fields)) => fields,
        _ => &[],
    }
}

/// The values an enum accepts, as authors write them.
pub fn variants_of<T: DeserializeOwned>() -> &'static [&'static str] {
    match T::deserialize(Probe) {
        Err(Found::Variants(variants)) => variants,
        _ => &[],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Access, ContactBlock, Need, PageMeta, ServiceRecord};

    #[test]
    fn reads_renamed_fields_and_values_from_the_loader_types() {
        let service = fields_of::<ServiceRecord>();
        assert!(service.contains(&"where") && !service.contains(&"place"));
        assert!(fields_of::<PageMeta>().contains(&"type") && !fields_of::<PageMeta>().contains(&"news"));
        assert!(!fields_of::<ContactBlock>().contains(&"id"));
        assert_eq!(
            variants_of::<Access>(),
            ["self-referral", "professional-referral", "ehcp", "drop-in"]
        );
        assert_eq!(variants_of::<Need>().len(), Need::ALL.len());
        assert!(fields_of::<Access>().is_empty());
    }
}
