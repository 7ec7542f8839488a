//! UK postcodes as families type them: `ws3 2xq`, `WS32XQ` and ` WS3 2XQ ` are all `WS3 2XQ`.
//! The browser script (`themes/default/static/near-me.js`) does the same; a Node test feeds both
//! the same cases (`tests/browser/near-me-logic.mjs`).

/// A postcode or postcode district, written the one way the places data uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Postcode {
    /// A full postcode: the outward code (`WS3`) and the inward code (`2XQ`).
    Full {
        /// The district, such as `WS3`.
        outward: String,
        /// The part after the space, such as `2XQ`.
        inward: String,
    },
    /// Only a postcode district, such as `WS3`.
    District(String),
}

impl Postcode {
    /// Reads a postcode or district as typed: any case, any spaces. `None` when it cannot be one.
    pub fn parse(text: &str) -> Option<Postcode> {
        let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_uppercase();
        if !squashed.is_ascii() {
            return None;
        }
        if is_outward(&squashed) {
            return Some(Postcode::District(squashed));
        }
        if squashed.len() < 5 {
            return None;
        }
        let (outward, inward) = squashed.split_at(squashed.len() - 3);
        let inward_ok = {
            let b = inward.as_bytes();
            b[0].is_ascii_digit() && b[1].is_ascii_uppercase() && b[2].is_ascii_uppercase()
        };
        (is_outward(outward) && inward_ok).then(|| Postcode::Full {
            outward: outward.to_string(),
            inward: inward.to_string(),
        })
    }

    /// The district (outward code): `WS3`.
    pub fn outward(&self) -> &str {
        match self {
            Postcode::Full { outward, .. } => outward,
            Postcode::District(outward) => outward,
        }
    }

    /// The sector, which names the lookup file it is in: `WS3-2` (never the whole postcode).
    pub fn sector(&self) -> Option<String> {
        match self {
            Postcode::Full { outward, inward } => Some(format!("{outward}-{}", &inward[..1])),
            Postcode::District(_) => None,
        }
    }

    /// Written as the Royal Mail writes it: `WS3 2XQ`, or `WS3` for a district.
    pub fn written(&self) -> String {
        match self {
            Postcode::Full { outward, inward } => format!("{outward} {inward}"),
            Postcode::District(outward) => outward.clone(),
        }
    }
}

/// Normalises a full postcode: ` ws32xq ` -> `WS3 2XQ`. `None` for anything that is not one.
pub fn normalise(text: &str) -> Option<String> {
    match Postcode::parse(text)? {
        full @ Postcode::Full { .. } => Some(full.written()),
        Postcode::District(_) => None,
    }
}

/// True for an outward code: one or two letters, a digit, then an optional letter or digit
/// (`B1`, `WS3`, `WS10`, `EC1A`).
pub fn is_outward(text: &str) -> bool {
    let b = text.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_uppercase()).count();
    if !(1..=2).contains(&letters) || b.len() <= letters {
        return false;
    }
    let rest = &b[letters..];
    rest[0].is_ascii_digit()
        && match rest.len() {
            1 => true,
            2 => rest[1].is_ascii_digit() || rest[1].is_ascii_uppercase(),
            _ => false,
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_way_of_typing_a_postcode_gives_the_same_one() {
        for typed in ["ws3 2xq", "WS32XQ", " WS3 2XQ ", "Ws3  2xQ", "ws3\t2xq"] {
            assert_eq!(normalise(typed).as_deref(), Some("WS3 2XQ"), "{typed:?}");
        }
        assert_eq!(normalise("b1 1aa").as_deref(), Some("B1 1AA"));
        assert_eq!(normalise("ws10 8ap").as_deref(), Some("WS10 8AP"));
        assert_eq!(normalise("EC1A1BB").as_deref(), Some("EC1A 1BB"));
    }

    #[test]
    fn the_outward_code_and_sector_come_from_the_postcode() {
        let full = Postcode::parse("ws10 8ap").unwrap();
        assert_eq!(full.outward(), "WS10");
        assert_eq!(full.sector().as_deref(), Some("WS10-8"));
        assert_eq!(Postcode::parse(" ws3 "), Some(Postcode::District("WS3".into())));
        assert_eq!(Postcode::parse("WS3").unwrap().sector(), None);
    }

    #[test]
    fn what_is_not_a_postcode_is_refused() {
        for typed in [
            "", "   ", "WS", "3WS 2XQ", "WS3 2X", "WS3 XQ2", "WS3 2XQQ", "WSS3 2XQ", "WS3 2XQ!", "Bloxwich", "WS3 2XÉ", "12345",
        ] {
            assert_eq!(Postcode::parse(typed), None, "{typed:?}");
        }
        assert_eq!(normalise("WS3"), None, "a district is not a full postcode");
    }
}
