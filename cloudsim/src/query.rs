//! Query-string parsing: parameters and plain decimal values.

use crate::encode::percent_decode;

/// Decoded query parameters in request order.
#[derive(Clone, Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Parses a raw query (without `?`): `&`-separated `name=value` pairs,
    /// percent-decoded, `+` as space.
    pub fn parse(query: &str) -> Params {
        Params(
            query
                .split('&')
                .filter(|pair| !pair.is_empty())
                .map(|pair| {
                    let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                    (percent_decode(name, true), percent_decode(value, true))
                })
                .collect(),
        )
    }

    /// The first value of `name`; an empty value counts as absent.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }
}

/// Parses a plain unsigned decimal (ASCII digits only; no sign, no spaces).
/// `Some(u64::MAX)` when it has too many digits.
pub fn parse_digits(value: &str) -> Option<u64> {
    if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(value.parse::<u64>().unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::{parse_digits, Params};

    #[test]
    fn parses() {
        let p = Params::parse("limit=20&marker=a%2Cb&x&empty=&limit=30&s=a+b");
        assert_eq!(p.get("limit"), Some("20"));
        assert_eq!(p.get("marker"), Some("a,b"));
        assert_eq!(p.get("x"), None);
        assert_eq!(p.get("empty"), None);
        assert_eq!(p.get("s"), Some("a b"));
        assert_eq!(Params::parse("").get("limit"), None);
        assert_eq!(parse_digits("042"), Some(42));
        assert_eq!(parse_digits("99999999999999999999"), Some(u64::MAX));
        for bad in ["", "+1", "-1", " 1", "1a"] {
            assert_eq!(parse_digits(bad), None, "{bad}");
        }
    }
}
