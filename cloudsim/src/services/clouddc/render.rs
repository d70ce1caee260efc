//! CloudDC's instance JSON: the status object of
//! `GET /v1/{project_id}/instances/{id}/status` and the instances of the
//! list, keys in the vendor example's order.
//!
//! The members of an instance that never change are rendered once and kept
//! (`Instance::rendered`); a page only writes them out around the status and
//! times of the moment.

use super::errors::ClouddcError;
use super::fleet::{Fleet, Instance};
use super::lifecycle::{Failure, Status};
use super::profile::Profile;
use crate::encode::{json_array, rfc3339, Obj};

/// `GET /v1/{project_id}/instances/{id}/status`: the response body.
pub fn status(fleet: &Fleet, id: &str, now_ms: i64) -> Result<String, ClouddcError> {
    let inst = fleet.find(id).ok_or_else(|| ClouddcError::instance_not_found(id))?;
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    write_status(&mut obj, inst.status_at(now_ms), false);
    obj.end();
    Ok(body)
}

/// `state`, `operation_state` (when any) and, unless `skip_error`, `error`.
fn write_status(obj: &mut Obj, status: Status, skip_error: bool) {
    obj.str("state", status.state.as_str());
    if let Some(op) = status.op {
        obj.str("operation_state", op.as_str());
    }
    if let (Some(failure), false) = (status.error, skip_error) {
        obj.raw("error", |out| write_error(out, failure));
    }
}

fn write_error(out: &mut String, failure: Failure) {
    let (code, msg, kind) = failure.fields();
    let mut err = Obj::new(out);
    err.str("error_code", code)
        .str("error_msg", msg)
        .str("error_type", kind);
    err.end();
}

/// One instance, keys in the vendor example's order.
pub fn write_instance(out: &mut String, inst: &Instance, seed: u64, now_ms: i64) {
    let (head, middle) = inst.rendered.get_or_init(|| static_members(inst, seed));
    let status = inst.status_at(now_ms);
    let launched = inst.launched_at(now_ms).map(rfc3339).unwrap_or_default();
    let mut obj = Obj::new(out);
    obj.members(head);
    write_status(&mut obj, status, true);
    obj.members(middle)
        .str("updated_at", &rfc3339(inst.updated_at(now_ms)))
        .str("launched_at", &launched);
    if let Some(failure) = status.error {
        obj.raw("error", |out| write_error(out, failure));
    }
    obj.end();
}

/// Renders every instance's unchanging members now rather than on first use.
pub fn prerender(fleet: &Fleet, seed: u64) {
    for inst in &fleet.instances {
        inst.rendered.get_or_init(|| static_members(inst, seed));
    }
}

/// The members of an instance that do not change over time, in the vendor's key order:
/// those before `state` and those between the status and `updated_at`.
fn static_members(inst: &Instance, seed: u64) -> (String, String) {
    let p = Profile::of(inst, seed);
    let head = Obj::rendered(|obj| {
        obj.str("id", &inst.id).str("name", &p.name).str("vpc_id", &p.vpc_id);
        obj.raw("network_interfaces", |out| {
            json_array(out, &p.network_interfaces, |out, nic| {
                let mut o = Obj::new(out);
                o.str("subnet_id", &nic.subnet_id)
                    .str("ipv4_address", &nic.ipv4_address);
                o.end();
            })
        });
        if !p.tags.is_empty() {
            obj.raw("tags", |out| {
                json_array(out, &p.tags, |out, (k, v)| {
                    let mut o = Obj::new(out);
                    o.str("key", k).str("value", v);
                    o.end();
                })
            });
        }
        obj.raw("image", |out| {
            let mut o = Obj::new(out);
            o.str("id", p.image.id)
                .str("name", p.image.name)
                .str("os_type", p.image.os_type);
            o.end();
        });
        obj.str("description", p.description);
    });
    let middle = Obj::rendered(|obj| {
        if !p.metadata.is_empty() {
            obj.raw("metadata", |out| {
                let mut o = Obj::new(out);
                for (k, v) in &p.metadata {
                    o.str(k, v);
                }
                o.end();
            });
        }
        let created = if inst.created_blank {
            String::new()
        } else {
            rfc3339(inst.created_ms)
        };
        obj.str("user_data", &p.user_data)
            .str("server_id", &p.server_id)
            .str("created_at", &created);
    });
    (head, middle)
}
