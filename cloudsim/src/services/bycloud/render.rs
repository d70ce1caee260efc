//! ByCloud's instance JSON, keys in the vendor example's order. The
//! members that never change are rendered once per instance and kept
//! (`Fleet::rendered`); a page only writes them out around the phase and
//! times of the moment.

use super::fleet::{Fleet, Rendered};
use super::lifecycle::Phase;
use crate::ctx::Ctx;
use crate::encode::{json_array, json_strs, utc_z, Obj};

/// One instance, keys in the vendor example's order.
pub fn write_instance(out: &mut String, ctx: &Ctx, fleet: &Fleet, i: usize) {
    let roster = fleet.roster();
    let timeline = fleet.timeline(i);
    let phase = timeline.at(ctx.now_ms);
    let updated = utc_z(timeline.updated_at(ctx.now_ms));
    let fixed = fleet.rendered(i, || static_members(fleet, i));
    let launched = fixed
        .launched_ms
        .or_else(|| timeline.first_reached(ctx.now_ms, |p| p == Phase::Active))
        .map(utc_z);
    let mut obj = Obj::new(out);
    obj.members(&fixed.head)
        .str("status", phase.status())
        .str("power_state", phase.power_state())
        .opt_str("task_state", phase.task_state())
        .str("vm_state", phase.vm_state())
        .members(&fixed.middle);
    if phase == Phase::Error {
        obj.raw("fault", |out| {
            let mut o = Obj::new(out);
            o.num("code", 500)
                .str(
                    "message",
                    "No valid host was found. There are not enough hosts available.",
                )
                .str(
                    "details",
                    &format!(
                        "Exceeded maximum number of retries. Exhausted all hosts available \
                         for retrying build failures for instance {}.",
                        roster.id(i)
                    ),
                )
                .str("created", &updated);
            o.end();
        });
    } else {
        obj.opt_str("fault", None);
    }
    let terminated = (phase == Phase::Deleted).then_some(updated.as_str());
    obj.str("created_at", &utc_z(roster.created_ms(i)))
        .str("updated_at", &updated)
        .opt_str("launched_at", launched.as_deref())
        .opt_str("terminated_at", terminated);
    obj.end();
}

/// Renders every instance's unchanging JSON now rather than on first use.
pub fn prerender(fleet: &Fleet) {
    for i in 0..fleet.roster().len() {
        fleet.rendered(i, || static_members(fleet, i));
    }
}

/// What never changes about instance `i`: the members before `status`, those from `flavor`
/// to `tags`, and the launch time its details fix (if any).
fn static_members(fleet: &Fleet, i: usize) -> Rendered {
    let id = fleet.roster().id(i);
    let timeline = fleet.timeline(i);
    let traits = fleet.traits(i);
    let d = fleet.details(i, &traits, timeline.at(i64::MIN));
    let (flavor_id, flavor_name, vcpus, ram, disk) = *traits.flavor;
    let head = Obj::rendered(|obj| {
        obj.str("id", &id)
            .str("crn", &format!("crn:spo1:compute:instance:{id}"))
            .str("name", &traits.name(i))
            .str("description", d.description);
    });
    let middle = Obj::rendered(|obj| {
        obj.raw("flavor", |out| {
            let mut o = Obj::new(out);
            o.str("id", flavor_id)
                .str("name", flavor_name)
                .num("vcpus", vcpus)
                .num("ram", ram)
                .num("disk", disk);
            o.end();
        });
        obj.raw("image", |out| {
            let mut o = Obj::new(out);
            o.str("id", traits.image.0).str("name", traits.image.1);
            o.end();
        });
        obj.raw("addresses", |out| {
            let mut networks = Obj::new(out);
            for (network, addresses) in &d.addresses {
                networks.raw(network, |out| {
                    json_array(out, addresses, |out, (addr, version, kind, mac)| {
                        let mut o = Obj::new(out);
                        o.str("addr", addr)
                            .num("version", *version)
                            .str("type", kind)
                            .str("mac_addr", mac);
                        o.end();
                    })
                });
            }
            networks.end();
        });
        obj.raw("security_groups", |out| {
            json_array(out, &d.security_groups, |out, name| {
                let mut o = Obj::new(out);
                o.str("name", name);
                o.end();
            })
        });
        obj.raw("volumes_attached", |out| {
            json_array(out, &d.volumes, |out, (vid, device, delete)| {
                let mut o = Obj::new(out);
                o.str("id", vid)
                    .str("device", device)
                    .bool("delete_on_termination", *delete);
                o.end();
            })
        });
        obj.raw("key_names", |out| json_strs(out, d.key_names));
        obj.raw("metadata", |out| {
            let mut o = Obj::new(out);
            for (k, v) in &d.metadata {
                o.str(k, v);
            }
            o.end();
        });
        obj.raw("tags", |out| json_strs(out, &traits.tags));
    });
    Rendered {
        head,
        middle,
        launched_ms: d.launched_ms,
    }
}
