//! Every field of one ECS server, for its details page.

use super::status::state;
use super::wire::{power_state_name, Server};
use crate::service::{Cell, Details, Section};

pub fn details(s: &Server) -> Details {
    let mono = |v: &str| Cell::Mono(v.to_owned());
    let text = |v: &str| Cell::Text(v.to_owned());
    let number = |n: Option<u64>| Cell::Text(n.map(|n| n.to_string()).unwrap_or_default());
    let flavor = s.flavor.clone().unwrap_or_default();
    let yes_no = |b: Option<bool>| text(b.map_or("", |b| if b { "yes" } else { "no" }));
    let mut sections = vec![Section::Fields {
        title: None,
        fields: vec![
            ("ID", mono(&s.id)),
            ("Status", Cell::State(state(s))),
            ("Task state", text(&s.task_state)),
            ("VM state", text(&s.vm_state)),
            ("Power state", text(&power_state_name(s.power_state))),
            (
                "Progress",
                text(&s.progress.map(|p| format!("{p}%")).unwrap_or_default()),
            ),
            ("Description", text(&s.description)),
            ("Flavor", text(&flavor.name)),
            ("Flavor ID", mono(&flavor.id)),
            ("vCPUs", number(flavor.vcpus)),
            ("RAM (MiB)", number(flavor.ram)),
            ("Disk (GiB)", number(flavor.disk)),
            ("Image ID", mono(s.image.as_ref().map_or("", |i| i.id.as_str()))),
            ("Key pair", text(&s.key_name)),
            ("Availability zone", text(&s.availability_zone)),
            ("Host", text(&s.host)),
            ("Host ID", mono(&s.host_id)),
            ("Host status", text(&s.host_status)),
            ("Instance name", mono(&s.instance_name)),
            ("Locked", yes_no(s.locked)),
            ("Enterprise project", mono(&s.enterprise_project_id)),
            ("Tags", Cell::List(s.tags.clone())),
            ("Created", Cell::Time(s.created.clone())),
            ("Updated", Cell::Time(s.updated.clone())),
            ("Launched", Cell::Time(s.launched_at.clone())),
            ("Terminated", Cell::Time(s.terminated_at.clone())),
        ],
    }];
    if let Some(f) = s.shown_fault() {
        sections.push(Section::Fields {
            title: Some("Fault"),
            fields: vec![
                ("Code", mono(&f.code)),
                ("Message", text(&f.message)),
                ("Details", text(&f.details)),
                ("Created", Cell::Time(f.created.clone())),
            ],
        });
    }
    sections.push(Section::Table {
        title: "Addresses",
        headers: vec!["Network", "Address", "Version", "Type", "MAC", "Port"],
        rows: s
            .addresses
            .iter()
            .flat_map(|(net, list)| {
                list.iter().map(move |a| {
                    let version = if a.version.trim().is_empty() {
                        String::new()
                    } else {
                        format!("IPv{}", a.version.trim())
                    };
                    vec![
                        Cell::Mono(net.to_string()),
                        Cell::Mono(a.addr.clone()),
                        Cell::Text(version),
                        Cell::Text(a.kind.to_string()),
                        Cell::Mono(a.mac.clone()),
                        Cell::Mono(a.port_id.clone()),
                    ]
                })
            })
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Security groups",
        headers: vec!["Name", "ID"],
        rows: s
            .security_groups
            .iter()
            .map(|g| vec![text(&g.name), mono(&g.id)])
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Volumes",
        headers: vec!["ID", "Device", "Boot index", "Deleted with the server"],
        rows: s
            .volumes
            .iter()
            .map(|v| {
                vec![
                    mono(&v.id),
                    mono(&v.device),
                    text(&v.boot_index),
                    yes_no(v.delete_on_termination),
                ]
            })
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Metadata",
        headers: vec!["Key", "Value"],
        rows: s.metadata.iter().map(|(k, v)| vec![text(k), text(v)]).collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "System tags",
        headers: vec!["Key", "Value"],
        rows: s.sys_tags.iter().map(|t| vec![text(&t.key), text(&t.value)]).collect(),
        empty: "none",
    });
    Details {
        name: s.name.clone(),
        sections,
    }
}
