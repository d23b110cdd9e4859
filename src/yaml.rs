//! The one place arkiv calls its YAML library, so it can be swapped in one file.
//!
//! In: YAML text. Out: typed values, or an error with a 1-based line and column
//! and a message without the library's own "at line … column …" suffix.

mod explain;

pub use explain::{Explanation, explain};
use serde::de::DeserializeOwned;

/// A YAML error with its position in the YAML text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What is wrong, in the YAML library's words, position removed.
    pub message: String,
    /// 1-based line in the YAML text, when known.
    pub line: Option<usize>,
    /// 1-based column in the YAML text, when known.
    pub column: Option<usize>,
}

/// A parsed YAML value of any shape.
pub type Value = serde_yaml::Value;

/// Parses `text` into `T`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    serde_yaml::from_str(text).map_err(|err| {
        let location = err.location();
        YamlError {
            message: strip_location(&err.to_string()),
            line: location.as_ref().map(|l| l.line()),
            column: location.as_ref().map(|l| l.column()),
        }
    })
}

/// Converts a YAML value to JSON for templates; keys that are not strings are written as text.
pub fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                serde_json::Value::from(i)
            } else if let Some(u) = n.as_u64() {
                serde_json::Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(serde_json::Value::Null, serde_json::Value::Number)
            }
        }
        Value::String(s) => serde_json::Value::String(s.clone()),
        Value::Sequence(items) => serde_json::Value::Array(items.iter().map(to_json).collect()),
        Value::Mapping(map) => {
            serde_json::Value::Object(map.iter().map(|(k, v)| (key_text(k), to_json(v))).collect())
        }
        Value::Tagged(tagged) => to_json(&tagged.value),
    }
}

fn key_text(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        other => serde_yaml::to_string(other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code, reason = "fields are only deserialized")]
    struct Doc {
        title: String,
        count: u32,
    }

    #[test]
    fn errors_carry_one_based_line_and_column() {
        let err = from_str::<Doc>("title: a\ncount: many\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        assert_eq!(err.column, Some(8));
        assert!(!err.message.contains("at line"), "{}", err.message);
    }
}
