//! Exports read back field by field: commas, quotes, newlines, a leading `=` (formula
//! injection), unicode, the byte order mark, JSON, and file names.

use super::*;
use crate::service::{Cell, Meaning};
use crate::state::StateInfo;
use crate::table::SortKey;

/// Two columns (name, tags) over fixed cells.
struct Fixed(Vec<(String, Vec<String>)>);

impl Rows for Fixed {
    fn len(&self) -> usize {
        self.0.len()
    }
    fn id(&self, row: usize) -> &str {
        self.0.get(row).map_or("", |r| r.0.as_str())
    }
    fn key(&self, row: usize) -> u64 {
        row as u64
    }
    fn cell(&self, row: usize, column: usize) -> Cell {
        let r = &self.0[row];
        match column {
            0 => Cell::Name(r.0.clone()),
            _ => Cell::List(r.1.clone()),
        }
    }
    fn sort_key(&self, _: usize, _: usize) -> SortKey {
        SortKey::Empty
    }
    fn search(&self, _: usize, _: &mut dyn FnMut(&str)) {}
    fn state(&self, _: usize) -> Option<StateInfo> {
        None
    }
    fn details(&self, _: usize) -> Option<crate::service::Details> {
        None
    }
}

const NAME: ColumnSpec = ColumnSpec {
    key: "name",
    title: "Name",
    width: 200,
    shown: true,
    meaning: Meaning::Other,
};
const TAGS: ColumnSpec = ColumnSpec {
    key: "tags",
    title: "Tags",
    width: 200,
    shown: true,
    meaning: Meaning::Other,
};

fn rows() -> Fixed {
    Fixed(vec![
        ("plain".into(), vec!["a=1".into(), "b=2".into()]),
        ("with, comma \"and\" quotes".into(), vec![]),
        ("two\nlines".into(), vec!["x".into()]),
        ("=HYPERLINK(\"http://evil\")".into(), vec!["+1".into()]),
        ("-2+3".into(), vec!["@SUM(A1)".into()]),
        ("伺服器 ü".into(), vec!["\ttab".into()]),
    ])
}

#[test]
fn csv_reads_back_field_by_field_and_formulas_stay_text() {
    let rows = rows();
    let cols = [(1, TAGS), (0, NAME)];
    let text = write(Format::Csv { bom: false }, &rows, &cols, &[0, 1, 2, 3, 4, 5, 99]);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap(), vec!["Tags", "Name"]);
    let got: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(
        got,
        vec![
            vec!["a=1, b=2", "plain"],
            vec!["", "with, comma \"and\" quotes"],
            vec!["x", "two\nlines"],
            vec!["'+1", "'=HYPERLINK(\"http://evil\")"],
            vec!["'@SUM(A1)", "'-2+3"],
            vec!["'\ttab", "伺服器 ü"],
        ],
        "{text}"
    );
    assert!(text.contains("\r\n"), "CRLF, as spreadsheets expect");
    let bom = write(Format::Csv { bom: true }, &rows, &cols, &[0]);
    assert!(bom.starts_with('\u{feff}'));
    assert_eq!(
        &bom['\u{feff}'.len_utf8()..],
        write(Format::Csv { bom: false }, &rows, &cols, &[0])
    );
}

#[test]
fn json_keeps_the_text_as_it_is() {
    let rows = rows();
    let text = write(Format::Json, &rows, &[(0, NAME), (1, TAGS)], &[3, 2]);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        v,
        serde_json::json!([
            {"name": "=HYPERLINK(\"http://evil\")", "tags": "+1"},
            {"name": "two\nlines", "tags": "x"},
        ])
    );
    assert_eq!(write(Format::Json, &rows, &[(0, NAME)], &[]), "[]");
}

#[test]
fn file_names_say_connection_service_and_time() {
    let at = 1_796_170_200_000; // 2026-12-02T00:10:00Z
    assert_eq!(
        file_name("Prod / East ü", "clouddc", "page-3", at, Format::Csv { bom: true }),
        "skyglass-prod-east-clouddc-page-3-20261202T001000Z.csv"
    );
    assert_eq!(
        file_name("../../etc", "ecs", "", at, Format::Json),
        "skyglass-etc-ecs-20261202T001000Z.json"
    );
}
