//! Reading what an `SDK-HMAC-SHA256` request carries: its `Authorization`
//! header and its `X-Sdk-Date`.

use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time};

/// The algorithm and the space that start a signed `Authorization` header.
pub const SCHEME: &str = "SDK-HMAC-SHA256 ";

/// `Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`.
#[derive(Debug, PartialEq, Eq)]
pub struct Authorization<'a> {
    pub access: &'a str,
    /// The signed header names, lowercased, in the order listed.
    pub signed_headers: Vec<String>,
    pub signature: &'a str,
}

/// Parses an `Authorization` value that starts with [`SCHEME`]: its
/// comma-separated `name=value` parameters in any order (names compared
/// case-insensitively). `None` when a parameter is missing or repeated, or
/// `SignedHeaders` names an empty header.
pub fn authorization(value: &str) -> Option<Authorization<'_>> {
    let params = value.strip_prefix(SCHEME)?;
    let (mut access, mut signed, mut signature) = (None, None, None);
    for param in params.split(',') {
        let (name, value) = param.trim().split_once('=')?;
        let slot = match name.trim() {
            n if n.eq_ignore_ascii_case("Access") => &mut access,
            n if n.eq_ignore_ascii_case("SignedHeaders") => &mut signed,
            n if n.eq_ignore_ascii_case("Signature") => &mut signature,
            _ => continue,
        };
        if slot.replace(value.trim()).is_some() {
            return None;
        }
    }
    let signed_headers: Vec<String> = signed?.split(';').map(|h| h.trim().to_ascii_lowercase()).collect();
    if signed_headers.iter().any(String::is_empty) {
        return None;
    }
    Some(Authorization {
        access: access?,
        signed_headers,
        signature: signature?,
    })
}

/// `YYYYMMDDTHHMMSSZ` as Unix ms; `None` when it is not exactly that form
/// or not a real moment.
pub fn sdk_date_ms(value: &str) -> Option<i64> {
    let b = value.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    let digits = |from: usize, to: usize| -> Option<u32> {
        let part = value.get(from..to)?;
        part.bytes().all(|c| c.is_ascii_digit()).then(|| part.parse().ok())?
    };
    let year = i32::try_from(digits(0, 4)?).ok()?;
    let month = Month::try_from(u8::try_from(digits(4, 6)?).ok()?).ok()?;
    let day = u8::try_from(digits(6, 8)?).ok()?;
    let hms = |at: usize| digits(at, at + 2).and_then(|v| u8::try_from(v).ok());
    let time = Time::from_hms(hms(9)?, hms(11)?, hms(13)?).ok()?;
    let date = Date::from_calendar_date(year, month, day).ok()?;
    let moment: OffsetDateTime = PrimitiveDateTime::new(date, time).assume_utc();
    Some(moment.unix_timestamp() * 1000)
}

/// `hex` (either case) as bytes; `None` when it is not an even number of
/// hex digits.
pub fn unhex(hex: &str) -> Option<Vec<u8>> {
    if !hex.len().is_multiple_of(2) {
        return None;
    }
    hex.as_bytes()
        .chunks(2)
        .map(|pair| {
            let digit = |b: u8| char::from(b).to_digit(16);
            Some((digit(pair[0])? << 4 | digit(pair[1])?) as u8)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_header_and_the_date() {
        let a = authorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host;x-sdk-date, Signature=ab").unwrap();
        assert_eq!(a.access, "AK");
        assert_eq!(a.signed_headers, ["host", "x-sdk-date"]);
        assert_eq!(a.signature, "ab");
        let reordered = authorization("SDK-HMAC-SHA256 Signature=ab,Access=AK,SignedHeaders=x-sdk-date").unwrap();
        assert_eq!(reordered.access, "AK");
        for bad in [
            "SDK-HMAC-SHA256 Access=AK, Signature=ab",
            "SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;;b, Signature=ab",
            "SDK-HMAC-SHA256 Access=AK, Access=B, SignedHeaders=a, Signature=ab",
            "SDK-HMAC-SHA256 garbage",
            "Bearer x",
        ] {
            assert_eq!(authorization(bad), None, "{bad}");
        }
        assert_eq!(sdk_date_ms("20060102T150405Z"), Some(1_136_214_245_000));
        for bad in [
            "",
            "20060102T150405",
            "2006-01-02T15:04:05Z",
            "20061302T150405Z",
            "20060230T150405Z",
            "2006010+T150405Z",
        ] {
            assert_eq!(sdk_date_ms(bad), None, "{bad}");
        }
        assert_eq!(unhex("0aFf"), Some(vec![10, 255]));
        assert_eq!(unhex("0g"), None);
        assert_eq!(unhex("abc"), None);
    }
}
