//! Times as a console shows them: RFC 3339 parsed leniently (empty strings and garbage
//! tolerated), relative ages ("5 min ago"), absolute times for hover text, and clock labels.

use time::format_description::well_known::Rfc3339;
use time::macros::format_description;
use time::{OffsetDateTime, UtcOffset};

/// Parses an RFC 3339 time to epoch milliseconds; `None` for "" or anything unparsable. A
/// date and time without an offset (`2024-07-10T18:39:44.015000`, as some services write
/// launch times) is read as UTC.
pub fn parse_rfc3339_ms(s: &str) -> Option<i64> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    let t = OffsetDateTime::parse(s, &Rfc3339).ok().or_else(|| {
        let no_offset = s.len() >= 19 && s.as_bytes()[10] == b'T' && !s.ends_with(['Z', 'z']);
        no_offset.then(|| OffsetDateTime::parse(&format!("{s}Z"), &Rfc3339).ok())?
    })?;
    Some((t.unix_timestamp_nanos() / 1_000_000) as i64)
}

/// "just now", "42 s ago", "5 min ago", "3 h ago", "12 d ago", or "in 5 min" for the future.
pub fn relative(then_ms: i64, now_ms: i64) -> String {
    let delta = now_ms.saturating_sub(then_ms);
    let (secs, future) = if delta < 0 {
        (delta.unsigned_abs() / 1000, true)
    } else {
        (delta as u64 / 1000, false)
    };
    let amount = match secs {
        0..=4 => return "just now".into(),
        5..=59 => format!("{secs} s"),
        60..=3599 => format!("{} min", secs / 60),
        3600..=86_399 => format!("{} h", secs / 3600),
        86_400..=31_535_999 => format!("{} d", secs / 86_400),
        _ => format!("{} y", secs / 31_536_000),
    };
    if future {
        format!("in {amount}")
    } else {
        format!("{amount} ago")
    }
}

fn at_offset(ms: i64, offset_minutes: i32) -> Option<OffsetDateTime> {
    let offset = UtcOffset::from_whole_seconds(offset_minutes.saturating_mul(60)).ok()?;
    let t = OffsetDateTime::from_unix_timestamp_nanos(ms as i128 * 1_000_000).ok()?;
    // `to_offset` panics when the local time leaves the supported range (year 9999 east of UTC).
    t.checked_to_offset(offset)
}

/// `2025-07-11 17:07:05 +08:00` in the viewer's offset (minutes east of UTC).
pub fn absolute(ms: i64, offset_minutes: i32) -> String {
    let fmt = format_description!(
        "[year]-[month]-[day] [hour]:[minute]:[second] [offset_hour sign:mandatory]:[offset_minute]"
    );
    at_offset(ms, offset_minutes)
        .and_then(|t| t.format(fmt).ok())
        .unwrap_or_default()
}

/// `17:07:05` in the viewer's offset, for "Updated hh:mm:ss". Written from the clock's
/// fields rather than by `time`'s formatter: the overview, in the app's first part, needs
/// only this, and the formatter is 27 kB of code.
pub fn clock(ms: i64, offset_minutes: i32) -> String {
    at_offset(ms, offset_minutes)
        .map(|t| format!("{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second()))
        .unwrap_or_default()
}

/// What a table cell shows for a wire time: (relative text, hover text). An empty or
/// unreadable value shows as "—" or as it arrived.
pub fn cell(raw: &str, now_ms: i64, offset_minutes: i32) -> (String, String) {
    match parse_rfc3339_ms(raw) {
        Some(ms) => (
            relative(ms, now_ms),
            format!("{} ({raw})", absolute(ms, offset_minutes)),
        ),
        None if raw.trim().is_empty() => ("—".into(), "not set".into()),
        None => (raw.to_owned(), "not an RFC 3339 time".into()),
    }
}

/// `YYYYMMDDTHHMMSSZ` (UTC) for a Unix time in milliseconds, as X-Sdk-Date and export file
/// names write it; "" outside the years 0–9999.
pub fn compact_utc(unix_ms: i64) -> String {
    let Ok(t) = OffsetDateTime::from_unix_timestamp(unix_ms.div_euclid(1000)) else {
        return String::new();
    };
    t.format(format_description!("[year][month][day]T[hour][minute][second]Z"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_seed_times_and_tolerates_empty() {
        assert_eq!(parse_rfc3339_ms("2025-07-11T17:07:05+08:00"), Some(1_752_224_825_000));
        assert_eq!(
            parse_rfc3339_ms("2025-04-22T12:03:18.50083+08:00"),
            Some(1_745_294_598_500)
        );
        assert_eq!(parse_rfc3339_ms("2019-12-06T06:49:04Z"), Some(1_575_614_944_000));
        assert_eq!(parse_rfc3339_ms(""), None);
        // No offset: UTC (ECS's launch times).
        assert_eq!(parse_rfc3339_ms("2019-12-06T06:49:04.000000"), Some(1_575_614_944_000));
        assert_eq!(parse_rfc3339_ms("2019-12-06T06:49:04"), Some(1_575_614_944_000));
        assert_eq!(parse_rfc3339_ms("2019-12-06 06:49:04"), None);
        assert_eq!(parse_rfc3339_ms("yesterday"), None);
    }

    #[test]
    fn relative_ages() {
        let now = 1_000_000_000_000;
        assert_eq!(relative(now, now), "just now");
        assert_eq!(relative(now - 42_000, now), "42 s ago");
        assert_eq!(relative(now - 5 * 60_000, now), "5 min ago");
        assert_eq!(relative(now - 3 * 3_600_000, now), "3 h ago");
        assert_eq!(relative(now - 12 * 86_400_000, now), "12 d ago");
        assert_eq!(relative(now - 800 * 86_400_000, now), "2 y ago");
        assert_eq!(relative(now + 5 * 60_000, now), "in 5 min");
    }

    #[test]
    fn absolute_and_clock() {
        assert_eq!(absolute(1_752_224_825_000, 480), "2025-07-11 17:07:05 +08:00");
        assert_eq!(absolute(1_752_224_825_000, 0), "2025-07-11 09:07:05 +00:00");
        assert_eq!(clock(1_752_224_825_000, -60), "08:07:05");
        assert_eq!(cell("", 0, 0).0, "—");
        assert_eq!(cell("garbage", 0, 0).0, "garbage");
    }
}
