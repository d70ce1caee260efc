//! What a details view shows of one instance, as plain data: sections of labelled fields
//! and small tables, every value a [`Cell`].

use super::cell::Cell;

/// Every field of one instance.
#[derive(Clone, Debug, PartialEq)]
pub struct Details {
    /// The instance's name as it arrived (may be blank, long or markup).
    pub name: String,
    pub sections: Vec<Section>,
}

/// One part of a details view.
#[derive(Clone, Debug, PartialEq)]
pub enum Section {
    /// Labelled fields (`title: None` for the main list).
    Fields {
        title: Option<&'static str>,
        fields: Vec<(&'static str, Cell)>,
    },
    /// A table with a header row; `empty` is said when it has no rows.
    Table {
        title: &'static str,
        headers: Vec<&'static str>,
        rows: Vec<Vec<Cell>>,
        empty: &'static str,
    },
    /// One block of text under a heading (user data).
    Block { title: &'static str, cell: Cell },
}

impl Details {
    /// Every field label, in order (for tests and exports).
    pub fn labels(&self) -> Vec<&'static str> {
        self.sections
            .iter()
            .flat_map(|s| match s {
                Section::Fields { fields, .. } => fields.iter().map(|(l, _)| *l).collect(),
                Section::Table { title, .. } | Section::Block { title, .. } => vec![*title],
            })
            .collect()
    }

    /// The cell of field `label`, if any.
    pub fn field(&self, label: &str) -> Option<&Cell> {
        self.sections.iter().find_map(|s| match s {
            Section::Fields { fields, .. } => fields.iter().find(|(l, _)| *l == label).map(|(_, c)| c),
            _ => None,
        })
    }
}

impl Details {
    /// The whole instance as JSON, for "copy as JSON": `name`, then every field by its
    /// label (each cell's plain text; a list as an array), every table as an array of
    /// objects keyed by its headers, every block as its text.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::{Map, Value};
        fn cell(c: &Cell) -> Value {
            match c {
                Cell::List(items) | Cell::MonoList(items) => Value::from(items.clone()),
                c => Value::from(c.plain()),
            }
        }
        let mut out = Map::new();
        out.insert("name".into(), Value::from(self.name.clone()));
        for s in &self.sections {
            match s {
                Section::Fields { fields, .. } => {
                    for (label, c) in fields {
                        out.insert((*label).into(), cell(c));
                    }
                }
                Section::Table {
                    title, headers, rows, ..
                } => {
                    let rows: Vec<Value> = rows
                        .iter()
                        .map(|r| {
                            let o: Map<String, Value> =
                                headers.iter().zip(r).map(|(h, c)| ((*h).to_owned(), cell(c))).collect();
                            Value::Object(o)
                        })
                        .collect();
                    out.insert((*title).into(), Value::from(rows));
                }
                Section::Block { title, cell: c } => {
                    out.insert((*title).into(), cell(c));
                }
            }
        }
        Value::Object(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_row_as_json() {
        let d = Details {
            name: "<b>web</b>".into(),
            sections: vec![
                Section::Fields {
                    title: None,
                    fields: vec![
                        ("ID", Cell::Mono("i-1".into())),
                        (
                            "State",
                            Cell::State(crate::services::roma::info::VOCABULARY.classify("RUNNING")),
                        ),
                        ("Addresses", Cell::MonoList(vec!["10.0.0.1".into(), "10.0.0.2".into()])),
                    ],
                },
                Section::Table {
                    title: "Volumes",
                    headers: vec!["Device", "Size"],
                    rows: vec![vec![Cell::Mono("/dev/vda".into()), Cell::Text("40 GiB".into())]],
                    empty: "none",
                },
            ],
        };
        let json = d.to_json();
        assert_eq!(json["name"], "<b>web</b>");
        assert_eq!(json["ID"], "i-1");
        assert_eq!(json["State"], "RUNNING");
        assert_eq!(json["Addresses"][1], "10.0.0.2");
        assert_eq!(json["Volumes"][0]["Device"], "/dev/vda");
    }
}
