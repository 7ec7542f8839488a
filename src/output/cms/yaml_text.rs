//! Writes a JSON value as block-style YAML, the way people write Decap's `config.yml`: every
//! text in double quotes (JSON's escapes are YAML's), so no value can be read as another type.

use serde_json::Value;

/// The value as a YAML document.
pub(super) fn to_yaml(value: &Value) -> String {
    let mut out = String::new();
    write_block(value, 0, &mut out);
    out
}

fn scalar(value: &Value) -> String {
    match value {
        Value::String(text) => Value::String(text.clone()).to_string(),
        Value::Array(items) if items.is_empty() => "[]".to_string(),
        Value::Object(map) if map.is_empty() => "{}".to_string(),
        other => other.to_string(),
    }
}

fn is_block(value: &Value) -> bool {
    matches!(value, Value::Array(items) if !items.is_empty()) || matches!(value, Value::Object(map) if !map.is_empty())
}

fn write_block(value: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, item) in map {
                out.push_str(&format!("{pad}{key}:"));
                write_after_key(item, indent, out);
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&format!("{pad}-"));
                match item {
                    Value::Object(map) if !map.is_empty() => {
                        // The first key goes on the dash line; the rest line up under it.
                        for (index, (key, inner)) in map.iter().enumerate() {
                            if index == 0 {
                                out.push_str(&format!(" {key}:"));
                            } else {
                                out.push_str(&format!("{pad}  {key}:"));
                            }
                            write_after_key(inner, indent + 2, out);
                        }
                    }
                    Value::Array(_) if is_block(item) => {
                        out.push('\n');
                        write_block(item, indent + 2, out);
                    }
                    other => out.push_str(&format!(" {}\n", scalar(other))),
                }
            }
        }
        other => out.push_str(&format!("{pad}{}\n", scalar(other))),
    }
}

fn write_after_key(item: &Value, indent: usize, out: &mut String) {
    if is_block(item) {
        out.push('\n');
        write_block(item, indent + 2, out);
    } else {
        out.push_str(&format!(" {}\n", scalar(item)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_back_as_the_same_value() {
        let value = json!({
            "backend": {"name": "git-gateway", "branch": "main"},
            "local_backend": true,
            "collections": [
                {"name": "a: b", "fields": [{"name": "x", "options": ["yes", "no", "1"]}], "empty": []},
                [1, 2.5, null]
            ]
        });
        let text = to_yaml(&value);
        let back: Value = crate::yaml::parse(&text).unwrap();
        assert_eq!(back, value, "{text}");
    }
}
