//! CloudDC's columns, declared once for the paged table, the loaded grid, sorting and
//! exports.

use super::info::VOCABULARY;
use super::wire::Instance;
use crate::service::{col, extra, means, Cell, Column, Meaning};
use crate::table::SortKey;

fn tags(i: &Instance) -> Vec<String> {
    i.tags.iter().map(|t| format!("{}={}", t.key, t.value)).collect()
}

fn image(i: &Instance) -> (&str, &str) {
    i.image
        .as_ref()
        .map_or(("", ""), |m| (m.name.as_str(), m.os_type.as_str()))
}

/// Every column, in display order.
pub static COLUMNS: [Column<Instance>; 12] = [
    means(
        Meaning::Name,
        col(
            "name",
            "Name",
            220,
            |i| SortKey::text(&i.name),
            |i| Cell::Name(i.name.clone()),
        ),
    ),
    means(
        Meaning::State,
        col(
            "state",
            "State",
            150,
            |i| SortKey::text(&i.state),
            |i| Cell::State(VOCABULARY.classify(&i.state)),
        ),
    ),
    col(
        "image",
        "Image",
        200,
        |i| SortKey::text(image(i).0),
        |i| Cell::Text(image(i).0.to_owned()),
    ),
    extra(
        "os_type",
        "OS",
        80,
        |i| SortKey::text(image(i).1),
        |i| Cell::Text(image(i).1.to_owned()),
    ),
    means(
        Meaning::Addresses,
        col(
            "ipv4",
            "Private IPv4",
            150,
            |i| SortKey::text(i.ipv4s().first().copied().unwrap_or_default()),
            |i| Cell::MonoList(i.ipv4s().into_iter().map(str::to_owned).collect()),
        ),
    ),
    col(
        "vpc",
        "VPC",
        240,
        |i| SortKey::text(&i.vpc_id),
        |i| Cell::Mono(i.vpc_id.to_string()),
    ),
    extra(
        "launched",
        "Launched",
        120,
        |i| SortKey::time(&i.launched_at),
        |i| Cell::Time(i.launched_at.clone()),
    ),
    extra(
        "updated",
        "Updated",
        120,
        |i| SortKey::time(&i.updated_at),
        |i| Cell::Time(i.updated_at.clone()),
    ),
    means(
        Meaning::Created,
        col(
            "created",
            "Created",
            120,
            |i| SortKey::time(&i.created_at),
            |i| Cell::Time(i.created_at.clone()),
        ),
    ),
    means(
        Meaning::Tags,
        col(
            "tags",
            "Tags",
            190,
            |i| SortKey::text(&tags(i).join(", ")),
            |i| Cell::List(tags(i)),
        ),
    ),
    col(
        "error",
        "Error",
        190,
        |i| SortKey::text(i.shown_error().map_or("", |e| e.error_code.as_str())),
        |i| match i.shown_error() {
            Some(e) => Cell::Error {
                code: e.error_code.clone(),
                message: e.error_msg.clone(),
            },
            None => Cell::Text(String::new()),
        },
    ),
    means(
        Meaning::Id,
        extra("id", "ID", 290, |i| SortKey::text(&i.id), |i| Cell::Mono(i.id.clone())),
    ),
];
