use super::*;
use crate::service::ColumnSpec;

const fn spec(key: &'static str, shown: bool, meaning: Meaning) -> ColumnSpec {
    ColumnSpec {
        key,
        title: key,
        width: 100,
        shown,
        meaning,
    }
}

const SPECS: [ColumnSpec; 5] = [
    spec("name", true, Meaning::Name),
    spec("state", true, Meaning::State),
    spec("image", true, Meaning::Other),
    spec("vpc", false, Meaning::Other),
    spec("id", false, Meaning::Id),
];

fn keys(p: &ViewPrefs) -> Vec<&'static str> {
    p.shown(&SPECS).iter().map(|(_, s)| s.key).collect()
}

#[test]
fn defaults_are_the_services_shown_columns() {
    let p = ViewPrefs::default();
    assert_eq!(keys(&p), ["name", "state", "image"]);
    assert_eq!(p.shown(&SPECS)[2].0, 2, "indices are the service's");
}

#[test]
fn toggling_adds_last_and_removes() {
    let mut p = ViewPrefs::default();
    p.toggle(&SPECS, "id");
    assert_eq!(keys(&p), ["name", "state", "image", "id"]);
    p.toggle(&SPECS, "image");
    assert_eq!(keys(&p), ["name", "state", "id"]);
    p.toggle(&SPECS, "name");
    assert_eq!(keys(&p), ["name", "state", "id"], "the name column stays");
    p.toggle(&SPECS, "nope");
    assert_eq!(keys(&p), ["name", "state", "id"]);
}

#[test]
fn moving_swaps_neighbours_within_bounds() {
    let mut p = ViewPrefs::default();
    p.move_column(&SPECS, "image", -1);
    assert_eq!(keys(&p), ["name", "image", "state"]);
    p.move_column(&SPECS, "name", -1);
    assert_eq!(keys(&p), ["name", "image", "state"]);
    p.move_column(&SPECS, "state", 1);
    assert_eq!(keys(&p), ["name", "image", "state"]);
    p.move_column(&SPECS, "name", 1);
    assert_eq!(keys(&p), ["image", "name", "state"]);
}

#[test]
fn stored_choices_are_read_leniently() {
    let p = ViewPrefs {
        columns: Some(vec!["gone".into(), "vpc".into(), "vpc".into(), "state".into()]),
        ..ViewPrefs::default()
    };
    assert_eq!(
        keys(&p),
        ["name", "vpc", "state"],
        "unknown and repeated keys dropped, name kept"
    );
    let choices: Vec<_> = p.choices(&SPECS).iter().map(|(s, on)| (s.key, *on)).collect();
    assert_eq!(
        choices,
        [
            ("name", true),
            ("vpc", true),
            ("state", true),
            ("image", false),
            ("id", false)
        ]
    );
    assert_eq!(ViewPrefs::parse("not json"), ViewPrefs::default());
    assert_eq!(ViewPrefs::parse(r#"{"density":"sideways"}"#), ViewPrefs::default());
    let stored = ViewPrefs::parse(r#"{"page_size":50,"density":"comfortable","interval":"Off"}"#);
    assert_eq!(stored.density, Density::Comfortable);
    assert_eq!(stored.interval, Interval::Off);
    assert_eq!(stored.page_size_in(&[10, 50]), Some(50));
    assert_eq!(stored.page_size_in(&[10, 20]), None);
}

#[test]
fn round_trips_through_storage() {
    let mut p = ViewPrefs {
        page_size: Some(20),
        density: Density::Comfortable,
        interval: Interval::Every(15),
        ..ViewPrefs::default()
    };
    p.toggle(&SPECS, "vpc");
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(ViewPrefs::parse(&text), p);
    assert_eq!(storage_key("demo-clouddc", "list"), "skyglass.prefs.demo-clouddc.list");
}
