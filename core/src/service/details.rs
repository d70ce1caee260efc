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
