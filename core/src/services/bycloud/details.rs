//! Every field of one ByCloud instance, for its details panel.

use super::status::state;
use super::wire::Instance;
use crate::service::{Cell, Details, Section};

pub fn details(i: &Instance) -> Details {
    let mono = |s: &str| Cell::Mono(s.to_owned());
    let text = |s: &str| Cell::Text(s.to_owned());
    let flavor = i.flavor.clone().unwrap_or_default();
    let image = i.image.clone().unwrap_or_default();
    let mut sections = vec![Section::Fields {
        title: None,
        fields: vec![
            ("ID", mono(&i.id)),
            ("CRN", mono(&i.crn)),
            ("Description", text(&i.description)),
            ("Status", Cell::State(state(i))),
            ("Power state", text(&i.power_state)),
            ("Task state", text(&i.task_state)),
            ("VM state", text(&i.vm_state)),
            ("Flavor", text(&flavor.name)),
            ("Flavor size", text(&flavor.summary())),
            ("Flavor ID", mono(&flavor.id)),
            ("Image", text(&image.name)),
            ("Image ID", mono(&image.id)),
            ("Key names", Cell::List(i.key_names.clone())),
            ("Tags", Cell::List(i.tags.clone())),
            (
                "Security groups",
                Cell::List(i.security_groups.iter().map(|g| g.name.to_string()).collect()),
            ),
            ("Created", Cell::Time(i.created_at.clone())),
            ("Updated", Cell::Time(i.updated_at.clone())),
            ("Launched", Cell::Time(i.launched_at.clone())),
            ("Terminated", Cell::Time(i.terminated_at.clone())),
        ],
    }];
    if let Some(f) = i.shown_fault() {
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
        headers: vec!["Network", "Address", "Version", "Type", "MAC"],
        rows: i
            .addresses
            .iter()
            .flat_map(|(net, list)| {
                list.iter().map(move |a| {
                    vec![
                        Cell::Text(net.to_string()),
                        Cell::Mono(a.addr.clone()),
                        Cell::Text(a.version.map(|v| format!("IPv{v}")).unwrap_or_default()),
                        Cell::Text(a.kind.to_string()),
                        Cell::Mono(a.mac_addr.clone()),
                    ]
                })
            })
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Volumes",
        headers: vec!["ID", "Device", "Deleted with the instance"],
        rows: i
            .volumes_attached
            .iter()
            .map(|v| {
                let deleted = v.delete_on_termination.map(|b| if b { "yes" } else { "no" });
                vec![mono(&v.id), mono(&v.device), text(deleted.unwrap_or(""))]
            })
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Metadata",
        headers: vec!["Key", "Value"],
        rows: i.metadata.iter().map(|(k, v)| vec![text(k), text(v)]).collect(),
        empty: "none",
    });
    Details {
        name: i.name.clone(),
        sections,
    }
}
