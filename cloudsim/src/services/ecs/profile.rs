//! ECS server attributes: the cheap traits filters read (name, flavor,
//! private IPv4, tags, reservation) and the details only rendered (zone,
//! host, ports, security groups, volumes, key pair, billing, user data,
//! the launch before the simulation), each from its own stream of the
//! server, so both are stable for a seed and epoch.

use crate::encode::{base64, hex32, uuid_v4};
use crate::rng::Rng;
use crate::roster::{Roster, Stream};

/// A flavor: `(id = name, vcpus, ram MiB)`, as the strings the API sends
/// (`disk` is always `"0"`: not used).
pub type Flavor = (&'static str, &'static str, &'static str);

/// The flavors, by family: general (s6), compute (c6), memory (m6).
pub const FLAVORS: [Flavor; 8] = [
    ("s6.medium.2", "1", "2048"),
    ("s6.large.2", "2", "4096"),
    ("s6.xlarge.2", "4", "8192"),
    ("c6.large.2", "2", "4096"),
    ("c6.xlarge.2", "4", "8192"),
    ("c6.2xlarge.2", "8", "16384"),
    ("m6.large.8", "2", "16384"),
    ("m6.xlarge.8", "4", "32768"),
];

/// A public image.
pub struct Image {
    pub id: &'static str,
    pub name: &'static str,
    pub os_type: &'static str,
    /// `linux` or `win`: the suffix of `metering.resourcespeccode`.
    pub platform: &'static str,
}

pub const IMAGES: [Image; 5] = [
    Image {
        id: "1ce5800a-e487-4c1b-b264-3353a39e2b4b",
        name: "Ubuntu 22.04 server 64bit",
        os_type: "Linux",
        platform: "linux",
    },
    Image {
        id: "2a7b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d",
        name: "Huawei Cloud EulerOS 2.0 Standard 64 bit",
        os_type: "Linux",
        platform: "linux",
    },
    Image {
        id: "3b8c4d5e-6f7a-4b2c-9d3e-4f5a6b7c8d9e",
        name: "CentOS 7.9 64bit",
        os_type: "Linux",
        platform: "linux",
    },
    Image {
        id: "4c9d5e6f-7a8b-4c3d-ae4f-5a6b7c8d9eaf",
        name: "Debian 12.0.0 64bit",
        os_type: "Linux",
        platform: "linux",
    },
    Image {
        id: "5dae6f7a-8b9c-4d4e-bf5a-6b7c8d9eafb0",
        name: "Windows Server 2019 Datacenter 64bit English",
        os_type: "Windows",
        platform: "win",
    },
];

/// A role: its name part, team tag, flavors and security group.
pub struct Role {
    pub name: &'static str,
    pub team: &'static str,
    pub flavors: &'static [usize],
    pub group: (&'static str, &'static str),
}

const ROLES: [Role; 5] = [
    Role {
        name: "web",
        team: "team=web",
        flavors: &[0, 1, 3],
        group: ("sg-web", "71846bf6-1cda-4515-8590-3707be295e76"),
    },
    Role {
        name: "app",
        team: "team=app",
        flavors: &[1, 2, 4],
        group: ("sg-app", "82957c07-2deb-4626-96a1-4818cf306f87"),
    },
    Role {
        name: "db",
        team: "team=dba",
        flavors: &[6, 7],
        group: ("sg-db", "93a68d18-3efc-4737-a7b2-5929d0417098"),
    },
    Role {
        name: "cache",
        team: "team=platform",
        flavors: &[6],
        group: ("sg-cache", "a4b79e29-4f0d-4848-b8c3-6a3ae15281a9"),
    },
    Role {
        name: "batch",
        team: "team=data",
        flavors: &[4, 5],
        group: ("sg-batch", "b5c8af3a-501e-4959-89d4-7b4bf26392ba"),
    },
];

/// The default security group every server is in.
pub const DEFAULT_GROUP: (&str, &str) = ("default", "b1786350-da65-11e7-b312-0255ac101b03");
/// The group some servers are also in.
pub const FULL_ACCESS: (&str, &str) = ("Sys-FullAccess", "c6d9b04b-6120-4a6a-9ae5-8c5c03748acb");

/// How many VPCs the fleet's servers are spread over.
const VPCS: usize = 3;
/// The first two octets of each VPC's addresses.
const NETS: [&str; VPCS] = ["192.168", "172.16", "10.10"];
const ZONES: [&str; 3] = ["cn-north-4a", "cn-north-4b", "cn-north-4c"];
const KEY_PAIRS: [&str; 3] = ["KeyPair-web", "kp-ops", "KeyPair-2f3a"];
const DESCRIPTIONS: [&str; 4] = [
    "",
    "Managed by Terraform",
    "Owner: ops team; do not stop during business hours",
    "Migrated from IDC rack B-07",
];
const CLOUD_INIT: [&str; 2] = [
    "#cloud-config\npackages:\n  - nginx\nruncmd:\n  - systemctl enable --now nginx\n",
    "#!/bin/bash\necho 'root:changeme' | chpasswd\n",
];

/// What filters read: cheap to derive.
pub struct Traits {
    pub role: &'static Role,
    /// `ecs-{role}-{index + 1:02}`, or an awkward variant near the start.
    pub name: String,
    pub flavor: &'static Flavor,
    pub image: &'static Image,
    /// Which of the fleet's VPCs.
    pub vpc: usize,
    /// The private (`fixed`) IPv4 address.
    pub ip: String,
    /// The EIP bound to the same port, if any.
    pub floating: Option<String>,
    /// `"key=value"`, or `"key"` alone.
    pub tags: Vec<&'static str>,
    /// `OS-EXT-SRV-ATTR:reservation_id`.
    pub reservation_id: String,
}

/// The plain name of server `i` of `role`.
fn plain_name(role: &Role, i: usize) -> String {
    format!("ecs-{}-{:02}", role.name, i + 1)
}

/// A few servers near the start of the fleet (so that the first page shows
/// them) have awkward names: a newline, markup, 200 characters.
fn awkward_name(i: usize, plain: &str) -> Option<String> {
    match i {
        1 => Some(format!("{plain}\n(do not reboot)")),
        4 => Some(format!("<b>x</b> {plain} \"quoted\" & <i>more</i>")),
        6 => {
            let mut name = format!("{plain}-");
            while name.len() < 200 {
                name.push_str("very-long-name-segment-");
            }
            name.truncate(200);
            Some(name)
        }
        _ => None,
    }
}

impl Traits {
    /// Server `i`'s filterable attributes in the fleet of `roster`.
    pub fn of(roster: &Roster, i: usize) -> Traits {
        let mut rng = roster.rng(i, Stream::Traits);
        let role = &ROLES[match rng.below(20) {
            0..=6 => 0,
            7..=11 => 1,
            12..=14 => 2,
            15..=16 => 3,
            _ => 4,
        }];
        let plain = plain_name(role, i);
        let name = awkward_name(i, &plain).unwrap_or(plain);
        let flavor = &FLAVORS[*rng.pick(role.flavors)];
        let image = if role.name == "app" && rng.chance(1, 4) {
            &IMAGES[4]
        } else {
            rng.pick(&IMAGES[..4])
        };
        let vpc = rng.below(VPCS as u64) as usize;
        let ip = format!("{}.{}.{}", NETS[vpc], rng.below(4), rng.range(2, 254));
        let floating = (rng.chance(1, 10) || (role.name == "web" && rng.chance(1, 2))).then(|| {
            let first = *rng.pick(&[121, 124, 139, 190]);
            format!("{first}.{}.{}.{}", rng.range(8, 250), rng.below(256), rng.range(2, 254))
        });
        let mut tags = Vec::new();
        if !rng.chance(1, 10) {
            tags.push(*rng.pick(&["env=prod", "env=prod", "env=staging", "env=dev"]));
            tags.push(role.team);
            if rng.chance(1, 4) {
                tags.push("backup");
            }
            if rng.chance(1, 5) {
                tags.push("owner=ops");
            }
        }
        const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
        let reservation_id: String = std::iter::once("r-".to_string())
            .chain((0..8).map(|_| char::from(*rng.pick(ALNUM)).to_string()))
            .collect();
        Traits {
            role,
            name,
            flavor,
            image,
            vpc,
            ip,
            floating,
            tags,
            reservation_id,
        }
    }

    /// The guest hostname (`OS-EXT-SRV-ATTR:hostname`): the plain name.
    pub fn hostname(&self, i: usize) -> String {
        plain_name(self.role, i)
    }
}

/// A volume: `(id, device, bootIndex, delete_on_termination)`.
pub type Volume = (String, String, &'static str, &'static str);

/// Everything else that is rendered.
pub struct Details {
    pub description: &'static str,
    pub zone: &'static str,
    pub host: String,
    pub hypervisor_hostname: String,
    /// 56 hex digits.
    pub host_id: String,
    pub mac: String,
    pub port_id: String,
    pub security_groups: Vec<(&'static str, &'static str)>,
    /// The system disk (`bootIndex` `"0"`) first.
    pub volumes: Vec<Volume>,
    /// None: no `key_name` member (a password login).
    pub key_name: Option<&'static str>,
    /// `"0"` pay-per-use, `"1"` yearly/monthly, `"2"` spot.
    pub charging_mode: &'static str,
    /// Yearly/monthly servers' order.
    pub order_id: Option<String>,
    /// Base64, or "".
    pub user_data: String,
    pub locked: bool,
    pub instance_name: String,
    /// The launch before the simulation (None: not launched yet).
    pub launched_ms: Option<i64>,
}

fn mac(rng: &mut Rng) -> String {
    let b = rng.next_u64().to_le_bytes();
    format!("fa:16:3e:{:02x}:{:02x}:{:02x}", b[0], b[1], b[2])
}

impl Details {
    /// Server `i`'s other attributes in the fleet of `roster`, given its
    /// traits.
    pub fn of(roster: &Roster, i: usize, traits: &Traits) -> Details {
        let mut rng = roster.rng(i, Stream::Details);
        let zone = *rng.pick(&ZONES);
        let mut security_groups = vec![traits.role.group, DEFAULT_GROUP];
        if rng.chance(1, 6) {
            security_groups.insert(0, FULL_ACCESS);
        }
        let data_disks = match traits.role.name {
            "db" => rng.range(1, 2),
            "app" | "batch" => rng.range(0, 1),
            _ => 0,
        };
        let mut volumes = vec![(uuid_v4(rng.next_u128()), "/dev/vda".to_string(), "0", "true")];
        for k in 0..data_disks {
            let device = format!("/dev/vd{}", char::from(b'b' + k as u8));
            let delete = if rng.chance(1, 2) { "true" } else { "false" };
            volumes.push((uuid_v4(rng.next_u128()), device, "-1", delete));
        }
        let key_name = match rng.below(8) {
            0 | 1 => None,
            2 => Some(""),
            _ => Some(*rng.pick(&KEY_PAIRS)),
        };
        let charging_mode = match rng.below(20) {
            0..=4 => "1",
            5 => "2",
            _ => "0",
        };
        let order_id = (charging_mode == "1").then(|| format!("CS{:010}{}", rng.below(10_000_000_000), "NRVRE"));
        let user_data = if rng.chance(1, 3) {
            base64(rng.pick(&CLOUD_INIT).as_bytes())
        } else {
            String::new()
        };
        let launched_ms = (!roster.is_recent(i)).then(|| roster.created_ms(i) + rng.range(20_000, 240_000));
        let host_id = hex32(rng.next_u128()) + &hex32(rng.next_u128())[..24];
        let description = *rng.pick(&DESCRIPTIONS);
        Details {
            description,
            zone,
            host: format!("pod{:02}.{zone}", rng.range(1, 12)),
            hypervisor_hostname: format!("nova{:03}@{}", rng.range(1, 400), rng.range(1, 999)),
            host_id,
            mac: mac(&mut rng),
            port_id: uuid_v4(rng.next_u128()),
            security_groups,
            volumes,
            key_name,
            charging_mode,
            order_id,
            user_data,
            locked: rng.chance(1, 25),
            instance_name: format!("instance-{:08x}", 0x0013_7900 + i),
            launched_ms,
        }
    }
}
