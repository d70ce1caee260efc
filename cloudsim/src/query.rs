//! Query-string parsing.

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

#[cfg(test)]
mod tests {
    use super::Params;

    #[test]
    fn parses() {
        let p = Params::parse("limit=20&marker=a%2Cb&x&empty=&limit=30&s=a+b");
        assert_eq!(p.get("limit"), Some("20"));
        assert_eq!(p.get("marker"), Some("a,b"));
        assert_eq!(p.get("x"), None);
        assert_eq!(p.get("empty"), None);
        assert_eq!(p.get("s"), Some("a b"));
        assert_eq!(Params::parse("").get("limit"), None);
    }
}
