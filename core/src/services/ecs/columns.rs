//! ECS's columns, declared once.

use super::status::state;
use super::wire::{power_state_name, Server};
use crate::service::{col, extra, means, Cell, Column, Meaning};
use crate::table::SortKey;

fn flavor_name(s: &Server) -> &str {
    s.flavor.as_ref().map_or("", |f| {
        if f.name.is_empty() {
            f.id.as_str()
        } else {
            f.name.as_str()
        }
    })
}

fn groups(s: &Server) -> Vec<String> {
    s.security_groups.iter().map(|g| g.name.to_string()).collect()
}

fn first_address(s: &Server) -> String {
    s.addresses
        .values()
        .flatten()
        .map(|a| a.addr.clone())
        .find(|a| !a.is_empty())
        .unwrap_or_default()
}

/// Every column, in display order.
pub static COLUMNS: [Column<Server>; 17] = [
    means(
        Meaning::Name,
        col(
            "name",
            "Name",
            200,
            |s| SortKey::text(&s.name),
            |s| Cell::Name(s.name.clone()),
        ),
    ),
    means(
        Meaning::State,
        col(
            "status",
            "Status",
            140,
            |s| SortKey::text(&s.status),
            |s| Cell::State(state(s)),
        ),
    ),
    col(
        "task_state",
        "Task",
        120,
        |s| SortKey::text(&s.task_state),
        |s| Cell::Text(s.task_state.to_string()),
    ),
    extra(
        "power_state",
        "Power",
        120,
        |s| SortKey::num(s.power_state),
        |s| Cell::Text(power_state_name(s.power_state)),
    ),
    col(
        "flavor",
        "Flavor",
        130,
        |s| SortKey::text(flavor_name(s)),
        |s| Cell::Text(flavor_name(s).to_owned()),
    ),
    extra(
        "vcpus",
        "vCPUs",
        70,
        |s| SortKey::num(s.flavor.as_ref().and_then(|f| f.vcpus)),
        |s| {
            Cell::Text(
                s.flavor
                    .as_ref()
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
        |s| SortKey::num(s.flavor.as_ref().and_then(|f| f.ram)),
        |s| {
            Cell::Text(
                s.flavor
                    .as_ref()
                    .and_then(|f| f.ram)
                    .map(|r| format!("{r} MiB"))
                    .unwrap_or_default(),
            )
        },
    ),
    means(
        Meaning::Addresses,
        col(
            "addresses",
            "Addresses",
            220,
            |s| SortKey::text(&first_address(s)),
            |s| Cell::MonoList(s.address_list()),
        ),
    ),
    col(
        "az",
        "AZ",
        120,
        |s| SortKey::text(&s.availability_zone),
        |s| Cell::Text(s.availability_zone.to_string()),
    ),
    means(
        Meaning::Tags,
        extra(
            "tags",
            "Tags",
            190,
            |s| SortKey::text(&s.tags.join(", ")),
            |s| Cell::List(s.tags.clone()),
        ),
    ),
    col(
        "fault",
        "Fault",
        190,
        |s| SortKey::text(s.shown_fault().map_or("", |f| f.code.as_str())),
        |s| match s.shown_fault() {
            Some(f) => Cell::Error {
                code: f.code.clone(),
                message: f.message.clone(),
            },
            None => Cell::Text(String::new()),
        },
    ),
    means(
        Meaning::Created,
        col(
            "created",
            "Created",
            120,
            |s| SortKey::time(&s.created),
            |s| Cell::Time(s.created.clone()),
        ),
    ),
    extra(
        "updated",
        "Updated",
        120,
        |s| SortKey::time(&s.updated),
        |s| Cell::Time(s.updated.clone()),
    ),
    extra(
        "key_name",
        "Key pair",
        130,
        |s| SortKey::text(&s.key_name),
        |s| Cell::Text(s.key_name.to_string()),
    ),
    extra(
        "security_groups",
        "Security groups",
        170,
        |s| SortKey::text(&groups(s).join(", ")),
        |s| Cell::List(groups(s)),
    ),
    extra(
        "locked",
        "Locked",
        80,
        |s| SortKey::num(s.locked.map(i128::from)),
        |s| {
            Cell::Text(
                s.locked
                    .map(|l| if l { "locked" } else { "no" }.to_string())
                    .unwrap_or_default(),
            )
        },
    ),
    means(
        Meaning::Id,
        extra("id", "ID", 290, |s| SortKey::text(&s.id), |s| Cell::Mono(s.id.clone())),
    ),
];
