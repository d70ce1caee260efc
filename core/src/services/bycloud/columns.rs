//! ByCloud's columns, declared once.

use super::status::state;
use super::wire::Instance;
use crate::service::{col, extra, means, Cell, Column, Meaning};
use crate::table::SortKey;

fn flavor(i: &Instance) -> Option<&super::wire::Flavor> {
    i.flavor.as_ref()
}

fn addresses(i: &Instance) -> Vec<String> {
    i.addresses.values().flatten().map(|a| a.addr.clone()).collect()
}

fn groups(i: &Instance) -> Vec<String> {
    i.security_groups.iter().map(|g| g.name.to_string()).collect()
}

fn volumes(i: &Instance) -> Vec<String> {
    i.volumes_attached.iter().map(|v| v.device.clone()).collect()
}

fn metadata(i: &Instance) -> Vec<String> {
    i.metadata.iter().map(|(k, v)| format!("{k}={v}")).collect()
}

fn first(list: &[String]) -> &str {
    list.iter()
        .map(String::as_str)
        .find(|a| !a.is_empty())
        .unwrap_or_default()
}

fn fault(i: &Instance) -> Cell {
    match i.shown_fault() {
        Some(f) => Cell::Error {
            code: f.code.to_string(),
            message: f.message.to_string(),
        },
        None => Cell::Text(String::new()),
    }
}

/// Every column, in display order.
pub static COLUMNS: [Column<Instance>; 19] = [
    means(
        Meaning::Name,
        col(
            "name",
            "Name",
            200,
            |i| SortKey::text(&i.name),
            |i| Cell::Name(i.name.clone()),
        ),
    ),
    means(
        Meaning::State,
        col(
            "status",
            "Status",
            130,
            |i| SortKey::text(&i.status),
            |i| Cell::State(state(i)),
        ),
    ),
    extra(
        "power_state",
        "Power",
        100,
        |i| SortKey::text(&i.power_state),
        |i| Cell::Text(i.power_state.to_string()),
    ),
    col(
        "task_state",
        "Task",
        120,
        |i| SortKey::text(&i.task_state),
        |i| Cell::Text(i.task_state.to_string()),
    ),
    col(
        "flavor",
        "Flavor",
        110,
        |i| SortKey::text(flavor(i).map_or("", |f| f.name.as_str())),
        |i| Cell::Text(flavor(i).map(|f| f.name.to_string()).unwrap_or_default()),
    ),
    extra(
        "vcpus",
        "vCPUs",
        70,
        |i| SortKey::num(flavor(i).and_then(|f| f.vcpus)),
        |i| {
            Cell::Text(
                flavor(i)
                    .and_then(|f| f.vcpus)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
            )
        },
    ),
    extra(
        "ram",
        "RAM",
        90,
        |i| SortKey::num(flavor(i).and_then(|f| f.ram)),
        |i| {
            Cell::Text(
                flavor(i)
                    .and_then(|f| f.ram)
                    .map(|r| format!("{r} MiB"))
                    .unwrap_or_default(),
            )
        },
    ),
    col(
        "image",
        "Image",
        160,
        |i| SortKey::text(i.image.as_ref().map_or("", |m| m.name.as_str())),
        |i| Cell::Text(i.image.as_ref().map(|m| m.name.to_string()).unwrap_or_default()),
    ),
    means(
        Meaning::Addresses,
        col(
            "addresses",
            "Addresses",
            190,
            |i| SortKey::text(first(&addresses(i))),
            |i| Cell::MonoList(addresses(i)),
        ),
    ),
    extra(
        "security_groups",
        "Security groups",
        170,
        |i| SortKey::text(&groups(i).join(", ")),
        |i| Cell::List(groups(i)),
    ),
    extra(
        "volumes",
        "Volumes",
        150,
        |i| SortKey::text(&volumes(i).join(", ")),
        |i| Cell::MonoList(volumes(i)),
    ),
    extra(
        "key_names",
        "Key names",
        150,
        |i| SortKey::text(&i.key_names.join(", ")),
        |i| Cell::List(i.key_names.clone()),
    ),
    means(
        Meaning::Tags,
        col(
            "tags",
            "Tags",
            190,
            |i| SortKey::text(&i.tags.join(", ")),
            |i| Cell::List(i.tags.clone()),
        ),
    ),
    extra(
        "metadata",
        "Metadata",
        190,
        |i| SortKey::text(&metadata(i).join(", ")),
        |i| Cell::List(metadata(i)),
    ),
    col(
        "fault",
        "Fault",
        190,
        |i| SortKey::text(i.shown_fault().map_or("", |f| f.code.as_str())),
        fault,
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
    extra(
        "updated",
        "Updated",
        120,
        |i| SortKey::time(&i.updated_at),
        |i| Cell::Time(i.updated_at.clone()),
    ),
    extra(
        "launched",
        "Launched",
        120,
        |i| SortKey::time(&i.launched_at),
        |i| Cell::Time(i.launched_at.clone()),
    ),
    means(
        Meaning::Id,
        extra("id", "ID", 290, |i| SortKey::text(&i.id), |i| Cell::Mono(i.id.clone())),
    ),
];
