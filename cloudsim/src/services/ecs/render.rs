//! ECS's server JSON, keys in the vendor example's order (`key_name`,
//! `progress` and `OS-SRV-USG:terminated_at`, which the example lacks,
//! last). The members that never change are rendered once per server and
//! kept (`Fleet::rendered`); a page only writes them out around the states
//! and times of the moment.
//!
//! Times: `created`, `updated` and `fault.created` as `2019-05-22T03:30:52Z`;
//! `OS-SRV-USG:launched_at` / `terminated_at` in the vendor's odd format
//! `2019-05-22T03:23:59.000000` (microseconds, no zone), `""` until the
//! server has launched / while it is not deleted.

use super::fleet::{Fleet, Rendered};
use super::lifecycle::Phase;
use super::profile::{Details, Traits};
use crate::ctx::Ctx;
use crate::encode::{json_array, json_strs, utc_z, Obj};

/// Every member of a server, in order: what a `server_id` that does not
/// exist answers, all `null` but `id`.
pub const KEYS: [&str; 44] = [
    "fault",
    "id",
    "name",
    "addresses",
    "flavor",
    "accessIPv4",
    "accessIPv6",
    "status",
    "image",
    "hostId",
    "updated",
    "created",
    "metadata",
    "tags",
    "description",
    "locked",
    "config_drive",
    "tenant_id",
    "user_id",
    "os-extended-volumes:volumes_attached",
    "OS-EXT-STS:task_state",
    "OS-EXT-STS:power_state",
    "OS-EXT-STS:vm_state",
    "OS-EXT-SRV-ATTR:host",
    "OS-EXT-SRV-ATTR:instance_name",
    "OS-EXT-SRV-ATTR:hypervisor_hostname",
    "OS-DCF:diskConfig",
    "OS-EXT-AZ:availability_zone",
    "os:scheduler_hints",
    "OS-EXT-SRV-ATTR:root_device_name",
    "OS-EXT-SRV-ATTR:ramdisk_id",
    "enterprise_project_id",
    "OS-EXT-SRV-ATTR:user_data",
    "OS-SRV-USG:launched_at",
    "OS-EXT-SRV-ATTR:kernel_id",
    "OS-EXT-SRV-ATTR:launch_index",
    "host_status",
    "OS-EXT-SRV-ATTR:reservation_id",
    "OS-EXT-SRV-ATTR:hostname",
    "sys_tags",
    "security_groups",
    "key_name",
    "progress",
    "OS-SRV-USG:terminated_at",
];

/// `ms` as `2019-05-22T03:23:59.000000` (UTC, microseconds, no zone).
fn usg_time(ms: i64) -> String {
    let whole = utc_z(ms);
    match whole.strip_suffix('Z') {
        Some(t) => format!("{t}.{:06}", ms.rem_euclid(1_000) * 1_000),
        None => whole,
    }
}

/// One server as it is at `ctx.now_ms`.
pub fn write_server(out: &mut String, ctx: &Ctx, fleet: &Fleet, i: usize) {
    let timeline = fleet.timeline(i);
    let phase = timeline.at(ctx.now_ms);
    let updated = utc_z(timeline.updated_at(ctx.now_ms));
    let fixed = fleet.rendered(i, || static_members(fleet, i));
    let launched = fixed
        .launched_ms
        .or_else(|| timeline.first_reached(ctx.now_ms, |p| p == Phase::Active))
        .map(usg_time)
        .unwrap_or_default();
    let terminated = match phase {
        Phase::Deleted => usg_time(timeline.updated_at(ctx.now_ms)),
        _ => String::new(),
    };
    let mut obj = Obj::new(out);
    if phase == Phase::Error {
        obj.raw("fault", |out| write_fault(out, fleet, i, &updated));
    } else {
        obj.opt_str("fault", None);
    }
    obj.members(&fixed.head)
        .str("status", phase.status())
        .members(&fixed.image)
        .str("updated", &updated)
        .members(&fixed.body)
        .opt_str("OS-EXT-STS:task_state", phase.task_state())
        .num("OS-EXT-STS:power_state", phase.power_state())
        .str("OS-EXT-STS:vm_state", phase.vm_state())
        .members(&fixed.host)
        .str("OS-SRV-USG:launched_at", &launched)
        .members(&fixed.tail)
        .num("progress", phase.progress())
        .str("OS-SRV-USG:terminated_at", &terminated);
    obj.end();
}

/// A server in `ERROR`'s `fault` (`created`: when it failed).
fn write_fault(out: &mut String, fleet: &Fleet, i: usize, created: &str) {
    let build_failed = fleet.roster().is_recent(i);
    let (message, details) = if build_failed {
        (
            "No valid host was found. There are not enough hosts available.",
            format!(
                "Exceeded maximum number of retries. Exhausted all hosts available for retrying \
                 build failures for instance {}.",
                fleet.roster().id(i)
            ),
        )
    } else {
        (
            "Unexpected error while running command.",
            "Stderr: 'qemu-img: Could not open the system disk: I/O error'".to_string(),
        )
    };
    let mut o = Obj::new(out);
    o.num("code", 500)
        .str("created", created)
        .str("message", message)
        .str("details", &details);
    o.end();
}

/// A `server_id` that names no server: `id`, and `null` everywhere else.
pub fn write_stub(out: &mut String, id: &str) {
    let mut obj = Obj::new(out);
    for key in KEYS {
        if key == "id" {
            obj.str("id", id);
        } else {
            obj.opt_str(key, None);
        }
    }
    obj.end();
}

/// Renders every server's unchanging JSON now rather than on first use.
pub fn prerender(fleet: &Fleet) {
    for i in 0..fleet.roster().len() {
        fleet.rendered(i, || static_members(fleet, i));
    }
}

/// What never changes about server `i`, between the members that do.
fn static_members(fleet: &Fleet, i: usize) -> Rendered {
    let roster = fleet.roster();
    let t = fleet.traits(i);
    let d = fleet.details(i, &t);
    let vpc_id = fleet.vpc_id(t.vpc);
    let head = Obj::rendered(|obj| {
        obj.str("id", &roster.id(i)).str("name", &t.name);
        obj.raw("addresses", |out| write_addresses(out, &t, &d, &vpc_id));
        obj.raw("flavor", |out| {
            let (id, vcpus, ram) = *t.flavor;
            let mut o = Obj::new(out);
            o.str("disk", "0")
                .str("vcpus", vcpus)
                .str("ram", ram)
                .str("id", id)
                .str("name", id);
            o.end();
        });
        obj.str("accessIPv4", "").str("accessIPv6", "");
    });
    let image = Obj::rendered(|obj| {
        obj.raw("image", |out| {
            let mut o = Obj::new(out);
            o.str("id", t.image.id);
            o.end();
        });
        obj.str("hostId", &d.host_id);
    });
    let body = Obj::rendered(|obj| {
        obj.str("created", &utc_z(roster.created_ms(i)));
        obj.raw("metadata", |out| write_metadata(out, &t, &d, &vpc_id));
        obj.raw("tags", |out| json_strs(out, &t.tags))
            .str("description", d.description)
            .bool("locked", d.locked)
            .str("config_drive", "")
            .str("tenant_id", &fleet.tenant_id)
            .str("user_id", &fleet.user_id);
        obj.raw("os-extended-volumes:volumes_attached", |out| {
            json_array(out, &d.volumes, |out, (id, device, boot, delete)| {
                let mut o = Obj::new(out);
                o.str("device", device)
                    .str("bootIndex", boot)
                    .str("id", id)
                    .str("delete_on_termination", delete);
                o.end();
            })
        });
    });
    let host = Obj::rendered(|obj| {
        obj.str("OS-EXT-SRV-ATTR:host", &d.host)
            .str("OS-EXT-SRV-ATTR:instance_name", &d.instance_name)
            .str("OS-EXT-SRV-ATTR:hypervisor_hostname", &d.hypervisor_hostname)
            .str("OS-DCF:diskConfig", "MANUAL")
            .str("OS-EXT-AZ:availability_zone", d.zone);
        obj.raw("os:scheduler_hints", |out| {
            let mut o = Obj::new(out);
            o.raw("dec_baremetal", |out| json_strs(out, &["share"]))
                .raw("guestos_product_name", |out| json_strs(out, &["KVM Virtual Machine"]));
            o.end();
        });
        obj.str("OS-EXT-SRV-ATTR:root_device_name", "/dev/vda")
            .str("OS-EXT-SRV-ATTR:ramdisk_id", "")
            .str("enterprise_project_id", "0")
            .str("OS-EXT-SRV-ATTR:user_data", &d.user_data);
    });
    let tail = Obj::rendered(|obj| {
        obj.str("OS-EXT-SRV-ATTR:kernel_id", "")
            .num("OS-EXT-SRV-ATTR:launch_index", 0)
            .str("host_status", "UP")
            .str("OS-EXT-SRV-ATTR:reservation_id", &t.reservation_id)
            .str("OS-EXT-SRV-ATTR:hostname", &t.hostname(i));
        obj.raw("sys_tags", |out| {
            out.push('[');
            let mut o = Obj::new(out);
            o.str("key", "_sys_enterprise_project_id").str("value", "0");
            o.end();
            out.push(']');
        });
        obj.raw("security_groups", |out| {
            json_array(out, &d.security_groups, |out, (name, id)| {
                let mut o = Obj::new(out);
                o.str("id", id).str("name", name);
                o.end();
            })
        });
        if let Some(key) = d.key_name {
            obj.str("key_name", key);
        }
    });
    Rendered {
        head,
        image,
        body,
        host,
        tail,
        launched_ms: d.launched_ms,
    }
}

/// `addresses`: the VPC's id → the private address, then the EIP bound to
/// the same port.
fn write_addresses(out: &mut String, t: &Traits, d: &Details, vpc_id: &str) {
    let mut entries = vec![(t.ip.as_str(), "fixed")];
    if let Some(eip) = &t.floating {
        entries.push((eip.as_str(), "floating"));
    }
    let mut networks = Obj::new(out);
    networks.raw(vpc_id, |out| {
        json_array(out, &entries, |out, (addr, kind)| {
            let mut o = Obj::new(out);
            o.str("version", "4")
                .str("addr", addr)
                .str("OS-EXT-IPS-MAC:mac_addr", &d.mac)
                .str("OS-EXT-IPS:port_id", &d.port_id)
                .str("OS-EXT-IPS:type", kind);
            o.end();
        })
    });
    networks.end();
}

/// `metadata`: the system keys, every value a string.
fn write_metadata(out: &mut String, t: &Traits, d: &Details, vpc_id: &str) {
    let spec = format!("{}.{}", t.flavor.0, t.image.platform);
    let mut o = Obj::new(out);
    o.str("metering.image_id", t.image.id)
        .str("metering.imagetype", "gold")
        .str("metering.resourcespeccode", &spec)
        .str("image_name", t.image.name);
    if let Some(order) = &d.order_id {
        o.str("metering.product_id", "00301-253164-0--0")
            .str("metering.order_id", order)
            .str("lockCheckEndpoint", "")
            .str("lockSource", "")
            .str("lockSourceId", "")
            .str("lockScene", "");
    }
    o.str("os_bit", "64")
        .str("metering.resourcetype", "1")
        .str("vpc_id", vpc_id)
        .str("os_type", t.image.os_type)
        .str("charging_mode", d.charging_mode);
    o.end();
}
