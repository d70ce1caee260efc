//! ROMA Connect's columns, declared once.

use super::info::VOCABULARY;
use super::wire::{Instance, User};
use crate::service::{col, extra, means, Cell, Column, Meaning};
use crate::table::SortKey;

fn public_ip(i: &Instance) -> String {
    match i.publicip_enable {
        Some(false) => "disabled".into(),
        _ => i.publicip_address.clone(),
    }
}

fn vpc_subnet(i: &Instance) -> String {
    [i.vpc_id.as_str(), i.subnet_id.as_str()]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" / ")
}

fn creator(i: &Instance) -> String {
    i.created_user.as_ref().map(User::shown).unwrap_or_default()
}

/// Every column, in display order.
pub static COLUMNS: [Column<Instance>; 13] = [
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
            "status",
            "Status",
            150,
            |i| SortKey::text(&i.status),
            |i| Cell::State(VOCABULARY.classify(&i.status)),
        ),
    ),
    col(
        "flavor",
        "Flavor",
        120,
        |i| SortKey::text(&i.flavor_type),
        |i| Cell::Text(i.flavor_type.to_string()),
    ),
    extra(
        "cpu_arch",
        "CPU",
        80,
        |i| SortKey::text(&i.cpu_arch),
        |i| Cell::Text(i.cpu_arch.to_string()),
    ),
    col(
        "vpc",
        "VPC / subnet",
        240,
        |i| SortKey::text(&i.vpc_id),
        |i| Cell::Mono(vpc_subnet(i)),
    ),
    means(
        Meaning::Addresses,
        col(
            "public_ip",
            "Public IP",
            140,
            |i| SortKey::text(&public_ip(i)),
            |i| Cell::Mono(public_ip(i)),
        ),
    ),
    extra(
        "charging",
        "Charging",
        100,
        |i| SortKey::text(&i.charge_type),
        |i| Cell::Text(i.charge_type.to_string()),
    ),
    extra(
        "maintenance",
        "Maintenance",
        150,
        |i| SortKey::text(&i.maintenance_window()),
        |i| Cell::Text(i.maintenance_window()),
    ),
    extra(
        "azs",
        "AZs",
        190,
        |i| SortKey::text(&i.available_zone_ids.join(", ")),
        |i| Cell::MonoList(i.available_zone_ids.clone()),
    ),
    means(
        Meaning::Created,
        col(
            "created",
            "Created",
            120,
            |i| SortKey::time(&i.create_time),
            |i| Cell::Time(i.create_time.clone()),
        ),
    ),
    extra(
        "updated",
        "Updated",
        120,
        |i| SortKey::time(&i.update_time),
        |i| Cell::Time(i.update_time.clone()),
    ),
    extra(
        "creator",
        "Creator",
        140,
        |i| SortKey::text(&creator(i)),
        |i| Cell::Text(creator(i)),
    ),
    means(
        Meaning::Id,
        extra("id", "ID", 290, |i| SortKey::text(&i.id), |i| Cell::Mono(i.id.clone())),
    ),
];
