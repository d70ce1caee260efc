//! Every documented field of a CloudDC instance, for its details page.

use super::info::VOCABULARY;
use super::user_data::{decode_user_data, UserData};
use super::wire::Instance;
use crate::service::{Cell, Details, Section};

pub fn details(i: &Instance) -> Details {
    let image = i.image.clone().unwrap_or_default();
    let mono = |s: &str| Cell::Mono(s.to_owned());
    let mut sections = vec![Section::Fields {
        title: None,
        fields: vec![
            ("ID", mono(&i.id)),
            ("State", Cell::State(VOCABULARY.classify(&i.state))),
            ("Server ID", mono(&i.server_id)),
            ("Description", Cell::Text(i.description.to_string())),
            ("VPC", mono(&i.vpc_id)),
            ("Image", Cell::Text(image.name.to_string())),
            ("Image ID", mono(&image.id)),
            ("OS type", Cell::Text(image.os_type.to_string())),
            ("Created", Cell::Time(i.created_at.clone())),
            ("Launched", Cell::Time(i.launched_at.clone())),
            ("Updated", Cell::Time(i.updated_at.clone())),
        ],
    }];
    if let Some(e) = i.shown_error() {
        sections.push(Section::Fields {
            title: Some("Error"),
            fields: vec![
                ("Code", mono(&e.error_code)),
                ("Message", Cell::Text(e.error_msg.clone())),
                ("Type", mono(&e.error_type)),
            ],
        });
    }
    sections.push(Section::Table {
        title: "Network interfaces",
        headers: vec!["#", "Private IPv4", "Subnet"],
        rows: i
            .network_interfaces
            .iter()
            .enumerate()
            .map(|(n, ni)| {
                let number = if n == 0 {
                    "1 (primary)".to_string()
                } else {
                    (n + 1).to_string()
                };
                vec![Cell::Text(number), mono(&ni.ipv4_address), mono(&ni.subnet_id)]
            })
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Tags",
        headers: vec!["Key", "Value"],
        rows: i
            .tags
            .iter()
            .map(|t| vec![Cell::Text(t.key.to_string()), Cell::Text(t.value.to_string())])
            .collect(),
        empty: "none",
    });
    sections.push(Section::Table {
        title: "Metadata",
        headers: vec!["Key", "Value"],
        rows: i
            .metadata
            .iter()
            .map(|(k, v)| vec![Cell::Text(k.to_string()), Cell::Text(v.to_string())])
            .collect(),
        empty: "none",
    });
    let user_data = match decode_user_data(&i.user_data) {
        UserData::Empty => Cell::Text("none".into()),
        UserData::Text(t) => Cell::Pre(t),
        UserData::Binary(n) => Cell::Text(format!("{n} bytes of binary data")),
        UserData::NotBase64(raw) => Cell::Text(format!("Not base64; as it arrived: {raw}")),
    };
    sections.push(Section::Block {
        title: "User data",
        cell: user_data,
    });
    Details {
        name: i.name.clone(),
        sections,
    }
}
