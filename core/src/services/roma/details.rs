//! Every field of one ROMA Connect instance, for its details panel.

use super::info::VOCABULARY;
use super::wire::{Instance, User};
use crate::service::{Cell, Details, Section};

fn user(u: &Option<User>) -> Cell {
    let dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            s.to_owned()
        }
    };
    Cell::Text(
        u.as_ref()
            .map(|u| format!("{} ({})", dash(&u.user_name), dash(&u.user_id)))
            .unwrap_or_default(),
    )
}

pub fn details(i: &Instance) -> Details {
    let mono = |s: &str| Cell::Mono(s.to_owned());
    let mut sections = Vec::new();
    if let Some((code, message)) = i.shown_error() {
        sections.push(Section::Fields {
            title: Some("Error"),
            fields: vec![("Error", Cell::Error { code, message })],
        });
    }
    sections.insert(
        0,
        Section::Fields {
            title: None,
            fields: vec![
                ("ID", mono(&i.id)),
                ("Status", Cell::State(VOCABULARY.classify(&i.status))),
                ("Description", Cell::Text(i.description.to_string())),
                ("Flavor ID", mono(&i.flavor_id)),
                ("Flavor type", Cell::Text(i.flavor_type.to_string())),
                ("CPU architecture", Cell::Text(i.cpu_arch.to_string())),
                ("VPC", mono(&i.vpc_id)),
                ("Subnet", mono(&i.subnet_id)),
                ("Security group", mono(&i.security_group_id)),
                (
                    "Public access",
                    Cell::Text(
                        i.publicip_enable
                            .map(|b| if b { "enabled" } else { "disabled" }.to_string())
                            .unwrap_or_default(),
                    ),
                ),
                ("EIP ID", mono(&i.publicip_id)),
                ("EIP address", mono(&i.publicip_address)),
                ("Error code", mono(&i.error_code)),
                ("Error message", Cell::Text(i.error_msg.to_string())),
                ("Charging", Cell::Text(i.charge_type.to_string())),
                ("Project", mono(&i.project_id)),
                ("Enterprise project", mono(&i.enterprise_project_id)),
                ("Created", Cell::Time(i.create_time.clone())),
                ("Updated", Cell::Time(i.update_time.clone())),
                ("Maintenance window", Cell::Text(i.maintenance_window())),
                ("Availability zones", Cell::MonoList(i.available_zone_ids.clone())),
                ("Created by", user(&i.created_user)),
                ("Last updated by", user(&i.last_updated_user)),
            ],
        },
    );
    Details {
        name: i.name.clone(),
        sections,
    }
}
