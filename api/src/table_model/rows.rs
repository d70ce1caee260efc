//! Each service's instance as a table row: its columns and its searchable text.

use super::*;

fn joined<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn clouddc_tags(i: &clouddc::Instance) -> impl Iterator<Item = String> + '_ {
    i.tags.iter().map(|t| format!("{}={}", t.key, t.value))
}

pub(super) static CLOUDDC_COLUMNS: [Column<clouddc::Instance>; 12] = [
    Column {
        key: "name",
        title: "Name",
        sort_key: |i| SortKey::text(&i.name),
    },
    Column {
        key: "state",
        title: "State",
        sort_key: |i| SortKey::text(&i.state),
    },
    Column {
        key: "image",
        title: "Image",
        sort_key: |i| SortKey::text(i.image.as_ref().map_or("", |m| m.name.as_str())),
    },
    Column {
        key: "os_type",
        title: "OS",
        sort_key: |i| SortKey::text(i.image.as_ref().map_or("", |m| m.os_type.as_str())),
    },
    Column {
        key: "ipv4",
        title: "Private IPv4",
        sort_key: |i| SortKey::text(i.ipv4s().first().copied().unwrap_or_default()),
    },
    Column {
        key: "vpc",
        title: "VPC",
        sort_key: |i| SortKey::text(&i.vpc_id),
    },
    Column {
        key: "launched",
        title: "Launched",
        sort_key: |i| SortKey::time(&i.launched_at),
    },
    Column {
        key: "updated",
        title: "Updated",
        sort_key: |i| SortKey::time(&i.updated_at),
    },
    Column {
        key: "created",
        title: "Created",
        sort_key: |i| SortKey::time(&i.created_at),
    },
    Column {
        key: "tags",
        title: "Tags",
        sort_key: |i| SortKey::text(&clouddc_tags(i).collect::<Vec<_>>().join(", ")),
    },
    Column {
        key: "error",
        title: "Error",
        sort_key: |i| SortKey::text(i.shown_error().map_or("", |e| e.error_code.as_str())),
    },
    Column {
        key: "id",
        title: "ID",
        sort_key: |i| SortKey::text(&i.id),
    },
];

impl TableRow for clouddc::Instance {
    fn row_id(&self) -> &str {
        &self.id
    }

    fn search_fields(&self) -> Vec<Cow<'_, str>> {
        let mut out = vec![
            Cow::Borrowed(self.name.as_str()),
            Cow::Borrowed(self.id.as_str()),
            Cow::Borrowed(self.state.as_str()),
        ];
        out.extend(self.ipv4s().into_iter().map(Cow::Borrowed));
        out.extend(clouddc_tags(self).map(Cow::Owned));
        out
    }

    fn columns() -> &'static [Column<Self>] {
        &CLOUDDC_COLUMNS
    }
}

static ROMA_COLUMNS: [Column<roma::Instance>; 13] = [
    Column {
        key: "name",
        title: "Name",
        sort_key: |i| SortKey::text(&i.name),
    },
    Column {
        key: "status",
        title: "Status",
        sort_key: |i| SortKey::text(&i.status),
    },
    Column {
        key: "flavor",
        title: "Flavor",
        sort_key: |i| SortKey::text(&i.flavor_type),
    },
    Column {
        key: "cpu_arch",
        title: "CPU",
        sort_key: |i| SortKey::text(&i.cpu_arch),
    },
    Column {
        key: "vpc",
        title: "VPC / subnet",
        sort_key: |i| SortKey::text(&i.vpc_id),
    },
    Column {
        key: "public_ip",
        title: "Public IP",
        sort_key: |i| SortKey::text(&i.publicip_address),
    },
    Column {
        key: "charging",
        title: "Charging",
        sort_key: |i| SortKey::text(&i.charge_type),
    },
    Column {
        key: "maintenance",
        title: "Maintenance",
        sort_key: |i| SortKey::text(&i.maintenance_window()),
    },
    Column {
        key: "azs",
        title: "AZs",
        sort_key: |i| SortKey::text(&joined(i.available_zone_ids.iter().map(String::as_str))),
    },
    Column {
        key: "created",
        title: "Created",
        sort_key: |i| SortKey::time(&i.create_time),
    },
    Column {
        key: "updated",
        title: "Updated",
        sort_key: |i| SortKey::time(&i.update_time),
    },
    Column {
        key: "creator",
        title: "Creator",
        sort_key: |i| SortKey::text(&i.created_user.as_ref().map(roma::User::shown).unwrap_or_default()),
    },
    Column {
        key: "id",
        title: "ID",
        sort_key: |i| SortKey::text(&i.id),
    },
];

impl TableRow for roma::Instance {
    fn row_id(&self) -> &str {
        &self.id
    }

    fn search_fields(&self) -> Vec<Cow<'_, str>> {
        vec![
            Cow::Borrowed(self.name.as_str()),
            Cow::Borrowed(self.id.as_str()),
            Cow::Borrowed(self.status.as_str()),
            Cow::Borrowed(self.publicip_address.as_str()),
        ]
    }

    fn columns() -> &'static [Column<Self>] {
        &ROMA_COLUMNS
    }
}

fn bycloud_addresses(i: &bycloud::Instance) -> impl Iterator<Item = &str> {
    i.addresses.values().flatten().map(|a| a.addr.as_str())
}

static BYCLOUD_COLUMNS: [Column<bycloud::Instance>; 15] = [
    Column {
        key: "name",
        title: "Name",
        sort_key: |i| SortKey::text(&i.name),
    },
    Column {
        key: "status",
        title: "Status",
        sort_key: |i| SortKey::text(&i.status),
    },
    Column {
        key: "power_state",
        title: "Power",
        sort_key: |i| SortKey::text(&i.power_state),
    },
    Column {
        key: "task_state",
        title: "Task",
        sort_key: |i| SortKey::text(&i.task_state),
    },
    Column {
        key: "flavor",
        title: "Flavor",
        sort_key: |i| SortKey::text(i.flavor.as_ref().map_or("", |f| f.name.as_str())),
    },
    Column {
        key: "vcpus",
        title: "vCPUs",
        sort_key: |i| SortKey::num(i.flavor.as_ref().and_then(|f| f.vcpus)),
    },
    Column {
        key: "ram",
        title: "RAM",
        sort_key: |i| SortKey::num(i.flavor.as_ref().and_then(|f| f.ram)),
    },
    Column {
        key: "image",
        title: "Image",
        sort_key: |i| SortKey::text(i.image.as_ref().map_or("", |m| m.name.as_str())),
    },
    Column {
        key: "addresses",
        title: "Addresses",
        sort_key: |i| SortKey::text(bycloud_addresses(i).find(|a| !a.is_empty()).unwrap_or_default()),
    },
    Column {
        key: "security_groups",
        title: "Security groups",
        sort_key: |i| SortKey::text(&joined(i.security_groups.iter().map(|g| g.name.as_str()))),
    },
    Column {
        key: "tags",
        title: "Tags",
        sort_key: |i| SortKey::text(&joined(i.tags.iter().map(String::as_str))),
    },
    Column {
        key: "created",
        title: "Created",
        sort_key: |i| SortKey::time(&i.created_at),
    },
    Column {
        key: "updated",
        title: "Updated",
        sort_key: |i| SortKey::time(&i.updated_at),
    },
    Column {
        key: "launched",
        title: "Launched",
        sort_key: |i| SortKey::time(&i.launched_at),
    },
    Column {
        key: "id",
        title: "ID",
        sort_key: |i| SortKey::text(&i.id),
    },
];

impl TableRow for bycloud::Instance {
    fn row_id(&self) -> &str {
        &self.id
    }

    fn search_fields(&self) -> Vec<Cow<'_, str>> {
        let mut out = vec![
            Cow::Borrowed(self.name.as_str()),
            Cow::Borrowed(self.id.as_str()),
            Cow::Borrowed(self.status.as_str()),
            Cow::Borrowed(self.power_state.as_str()),
            Cow::Borrowed(self.task_state.as_str()),
        ];
        out.extend(bycloud_addresses(self).map(Cow::Borrowed));
        out.extend(self.tags.iter().map(|t| Cow::Borrowed(t.as_str())));
        out
    }

    fn columns() -> &'static [Column<Self>] {
        &BYCLOUD_COLUMNS
    }
}
