//! How the whole app shows things, for this device: the colour theme and the time zone
//! times are shown in.

use serde::{Deserialize, Serialize};

/// Light or dark.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Theme {
    /// As the system says (`prefers-color-scheme`).
    #[default]
    System,
    Light,
    Dark,
}

impl Theme {
    /// What the theme button turns it into: system → light → dark → system.
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    /// The `data-theme` of the page (`None`: follow the system).
    pub fn attribute(self) -> Option<&'static str> {
        match self {
            Theme::System => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "Theme: system",
            Theme::Light => "Theme: light",
            Theme::Dark => "Theme: dark",
        }
    }
}

/// The time zone times are shown in (a wire time is kept as it arrived, and on hover).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeZone {
    /// The browser's.
    #[default]
    Local,
    Utc,
}

impl TimeZone {
    pub const ALL: [TimeZone; 2] = [TimeZone::Local, TimeZone::Utc];

    pub fn key(self) -> &'static str {
        match self {
            TimeZone::Local => "local",
            TimeZone::Utc => "utc",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TimeZone::Local => "Local time",
            TimeZone::Utc => "UTC",
        }
    }

    pub fn from_key(key: &str) -> TimeZone {
        TimeZone::ALL.into_iter().find(|z| z.key() == key).unwrap_or_default()
    }

    /// The offset from UTC times are shown at, in minutes, given the browser's.
    pub fn offset_minutes(self, local: i32) -> i32 {
        match self {
            TimeZone::Local => local,
            TimeZone::Utc => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_cycles_and_zone_offsets() {
        assert_eq!(Theme::System.next().next().next(), Theme::System);
        assert_eq!(Theme::Dark.attribute(), Some("dark"));
        assert_eq!(Theme::System.attribute(), None);
        assert_eq!(TimeZone::from_key("utc").offset_minutes(480), 0);
        assert_eq!(TimeZone::from_key("nonsense"), TimeZone::Local);
        assert_eq!(TimeZone::Local.offset_minutes(-300), -300);
    }
}
