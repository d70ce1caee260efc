//! The documented response shapes, one per decoder: every field with its documented type,
//! so that generated JSON has the real field names and mostly the right types.

use skyglass_core::services::{bycloud, clouddc, imagesearch, roma};
use skyglass_core::state::Vocabulary;

/// A documented response shape: each field mostly of its documented type.
pub enum Shape {
    Text,
    Num,
    EpochMs,
    Bool,
    Time,
    Marker,
    Base64,
    /// One of these values, mostly.
    Enum(&'static [&'static str]),
    /// A state of this vocabulary, mostly (or a near miss of one).
    States(&'static Vocabulary),
    List(&'static Shape),
    Map(&'static Shape),
    Obj(&'static [(&'static str, Shape)]),
}

pub const CDC_OPERATIONS: &[&str] = &[
    "",
    "reinstall-processing",
    "reinstall-succeed",
    "install-failed",
    "-processing",
];
pub const CDC_ERROR: Shape = Shape::Obj(&[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_type", Shape::Text),
]);
pub const CDC_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Marker),
    ("name", Shape::Text),
    ("vpc_id", Shape::Text),
    (
        "network_interfaces",
        Shape::List(&Shape::Obj(&[
            ("subnet_id", Shape::Text),
            ("ipv4_address", Shape::Text),
        ])),
    ),
    (
        "tags",
        Shape::List(&Shape::Obj(&[("key", Shape::Text), ("value", Shape::Text)])),
    ),
    (
        "image",
        Shape::Obj(&[("id", Shape::Text), ("name", Shape::Text), ("os_type", Shape::Text)]),
    ),
    ("description", Shape::Text),
    ("state", Shape::States(&clouddc::info::VOCABULARY)),
    ("metadata", Shape::Map(&Shape::Text)),
    ("user_data", Shape::Base64),
    ("server_id", Shape::Text),
    ("created_at", Shape::Time),
    ("updated_at", Shape::Time),
    ("launched_at", Shape::Time),
    ("error", CDC_ERROR),
]);
pub const CDC_LIST: Shape = Shape::Obj(&[
    ("instances", Shape::List(&CDC_INSTANCE)),
    (
        "page_info",
        Shape::Obj(&[
            ("next_marker", Shape::Marker),
            ("previous_marker", Shape::Marker),
            ("current_count", Shape::Num),
        ]),
    ),
    ("count", Shape::Num),
]);
pub const CDC_STATUS: Shape = Shape::Obj(&[
    ("state", Shape::States(&clouddc::info::VOCABULARY)),
    ("operation_state", Shape::Enum(CDC_OPERATIONS)),
    ("error", CDC_ERROR),
]);

pub const ROMA_USER: Shape = Shape::Obj(&[("user_id", Shape::Text), ("user_name", Shape::Text)]);
pub const ROMA_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Text),
    ("name", Shape::Text),
    ("description", Shape::Text),
    ("flavor_id", Shape::Text),
    ("flavor_type", Shape::Text),
    ("cpu_arch", Shape::Text),
    ("vpc_id", Shape::Text),
    ("subnet_id", Shape::Text),
    ("security_group_id", Shape::Text),
    ("publicip_enable", Shape::Bool),
    ("publicip_id", Shape::Text),
    ("publicip_address", Shape::Text),
    ("status", Shape::States(&roma::info::VOCABULARY)),
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("charge_type", Shape::Text),
    ("project_id", Shape::Text),
    ("create_time", Shape::Time),
    ("update_time", Shape::Time),
    ("maintain_begin", Shape::Enum(&["22:00:00", "02:00:00", "", " "])),
    ("maintain_end", Shape::Enum(&["22:00:00", "02:00:00", "", " "])),
    ("available_zone_ids", Shape::List(&Shape::Text)),
    ("enterprise_project_id", Shape::Text),
    ("created_user", ROMA_USER),
    ("last_updated_user", ROMA_USER),
]);
pub const ROMA_LIST: Shape = Shape::Obj(&[
    ("total", Shape::Num),
    ("size", Shape::Num),
    ("instances", Shape::List(&ROMA_INSTANCE)),
]);

pub const BC_INSTANCE: Shape = Shape::Obj(&[
    ("id", Shape::Marker),
    ("crn", Shape::Text),
    ("name", Shape::Text),
    ("description", Shape::Text),
    ("status", Shape::States(&bycloud::info::VOCABULARY)),
    ("power_state", Shape::Text),
    ("task_state", Shape::Enum(&["", "migrating", "rebooting"])),
    ("vm_state", Shape::Text),
    (
        "flavor",
        Shape::Obj(&[
            ("id", Shape::Text),
            ("name", Shape::Text),
            ("vcpus", Shape::Num),
            ("ram", Shape::Num),
            ("disk", Shape::Num),
        ]),
    ),
    ("image", Shape::Obj(&[("id", Shape::Text), ("name", Shape::Text)])),
    (
        "addresses",
        Shape::Map(&Shape::List(&Shape::Obj(&[
            ("addr", Shape::Text),
            ("version", Shape::Num),
            ("type", Shape::Text),
            ("mac_addr", Shape::Text),
        ]))),
    ),
    ("security_groups", Shape::List(&Shape::Obj(&[("name", Shape::Text)]))),
    (
        "volumes_attached",
        Shape::List(&Shape::Obj(&[
            ("id", Shape::Text),
            ("device", Shape::Text),
            ("delete_on_termination", Shape::Bool),
        ])),
    ),
    ("key_names", Shape::List(&Shape::Text)),
    ("metadata", Shape::Map(&Shape::Text)),
    ("tags", Shape::List(&Shape::Text)),
    (
        "fault",
        Shape::Obj(&[
            ("code", Shape::Text),
            ("message", Shape::Text),
            ("details", Shape::Text),
            ("created", Shape::Time),
        ]),
    ),
    ("created_at", Shape::Time),
    ("updated_at", Shape::Time),
    ("launched_at", Shape::Time),
    ("terminated_at", Shape::Time),
]);
pub const BC_LIST: Shape = Shape::Obj(&[
    ("instances", Shape::List(&BC_INSTANCE)),
    (
        "meta",
        Shape::Obj(&[
            ("total", Shape::Num),
            ("limit", Shape::Num),
            ("marker", Shape::Marker),
            ("has_more", Shape::Bool),
        ]),
    ),
    (
        "links",
        Shape::Obj(&[
            ("self", Shape::Marker),
            ("next", Shape::Marker),
            ("previous", Shape::Marker),
        ]),
    ),
]);

pub const IS_DETAILS: Shape = Shape::Obj(&[
    ("instanceName", Shape::Text),
    ("level", Shape::EpochMs),
    ("expiredDate", Shape::EpochMs),
    ("domain", Shape::Text),
    ("desc", Shape::Text),
    ("registerDate", Shape::EpochMs),
    ("tags", Shape::List(&Shape::Text)),
    ("status", Shape::States(&imagesearch::info::VOCABULARY)),
]);

pub const ERROR_FIELDS: &[(&str, Shape)] = &[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_details", Shape::Text),
    ("request_id", Shape::Text),
    ("code", Shape::Text),
    ("message", Shape::Text),
    ("msg", Shape::Text),
    ("details", Shape::Text),
];
pub const ERROR_BODY: Shape = Shape::Obj(&[
    ("error_code", Shape::Text),
    ("error_msg", Shape::Text),
    ("error_details", Shape::Text),
    ("request_id", Shape::Text),
    ("code", Shape::Text),
    ("message", Shape::Text),
    ("msg", Shape::Text),
    ("details", Shape::Text),
    ("error", Shape::Obj(ERROR_FIELDS)),
]);

/// Every field name in a shape, for biasing free-form keys.
pub fn shape_keys(shape: &'static Shape, out: &mut Vec<&'static str>) {
    match shape {
        Shape::List(s) | Shape::Map(s) => shape_keys(s, out),
        Shape::Obj(fields) => {
            for (k, s) in fields.iter() {
                if !out.contains(k) {
                    out.push(k);
                }
                shape_keys(s, out);
            }
        }
        _ => {}
    }
}
