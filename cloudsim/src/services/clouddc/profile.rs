//! The descriptive attributes of a CloudDC instance (name, network, image,
//! tags, metadata, user data), derived on demand from the instance's seed so
//! that a 100,000-instance fleet stays small in memory.

use super::fleet::Instance;
use crate::encode::{base64, local_time, uuid_v4};
use crate::rng::Rng;

/// A network interface.
pub struct Nic {
    pub subnet_id: String,
    pub ipv4_address: String,
}

/// An OS image.
pub struct Image {
    pub id: &'static str,
    pub name: &'static str,
    pub os_type: &'static str,
}

/// Everything about an instance that is not its lifecycle.
pub struct Profile {
    pub name: String,
    pub vpc_id: String,
    pub network_interfaces: Vec<Nic>,
    pub tags: Vec<(&'static str, &'static str)>,
    pub image: &'static Image,
    pub description: &'static str,
    pub metadata: Vec<(&'static str, &'static str)>,
    pub user_data: String,
    pub server_id: String,
}

const IMAGES: [Image; 6] = [
    Image {
        id: "e66a19b0-8c94-4b03-9f4d-4fbd676bcbf0",
        name: "test-lsy\nUbuntu 22.04 server 64bit",
        os_type: "Linux",
    },
    Image {
        id: "3f2c8a61-0b7e-4d7a-9c55-1a2b3c4d5e6f",
        name: "Ubuntu 24.04 server 64bit",
        os_type: "Linux",
    },
    Image {
        id: "7b1d4e90-2f3a-4c8b-8e6d-5f4a3b2c1d0e",
        name: "EulerOS 2.10 64bit",
        os_type: "Linux",
    },
    Image {
        id: "a4e5f6b7-c8d9-4e0f-a1b2-c3d4e5f60718",
        name: "CentOS 7.9 64bit",
        os_type: "Linux",
    },
    Image {
        id: "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
        name: "Windows Server 2022 Datacenter 64bit",
        os_type: "Windows",
    },
    Image {
        id: "9e8d7c6b-5a4f-4e3d-b2c1-0f9e8d7c6b5a",
        name: "Windows Server 2019 Standard 64bit",
        os_type: "Windows",
    },
];

const TAG_KEYS: [(&str, &[&str]); 4] = [
    ("env", &["prod", "staging", "dev"]),
    ("team", &["payments", "search", "platform", "data"]),
    ("owner", &["lsy", "ops@example.com", "build-bot"]),
    ("cost-center", &["cc-1024", "cc-2048"]),
];

const METADATA: [(&str, &[&str]); 4] = [
    ("role", &["web", "db", "cache", "batch"]),
    ("rack", &["A-01", "B-07", "C-12"]),
    ("maintenance window", &["sun 02:00-04:00", "sat 22:00-23:00"]),
    ("agent.version", &["1.4.2", "2.0.0-rc1"]),
];

const DESCRIPTIONS: [&str; 4] = [
    "Primary database node",
    "Build farm worker",
    "Edge cache, see runbook RB-12",
    "Customer demo; safe to delete after the quarter",
];

const CLOUD_INIT: [&str; 2] = [
    "#cloud-config\npackages:\n  - nginx\nruncmd:\n  - systemctl enable --now nginx\n",
    "#!/bin/bash\necho 'hello from cloudsim' > /etc/motd\n",
];

/// Some instances have deliberately awkward names, near the start of the
/// fleet so that the first page shows them.
fn awkward_name(index: usize) -> Option<String> {
    match index {
        1 => Some("db-primary\n(do not reboot)".to_string()),
        4 => Some("<b>bold</b> \"quotes\" & <script>alert(1)</script>".to_string()),
        6 => {
            let mut name = String::from("analytics-");
            while name.len() < 200 {
                name.push_str("very-long-name-segment-");
            }
            name.truncate(200);
            Some(name)
        }
        _ => None,
    }
}

fn vpc_id(seed: u64, which: u64) -> String {
    uuid_v4(Rng::new(seed ^ 0x5650_4300, which).next_u128())
}

impl Profile {
    /// The attributes of `inst` in a fleet generated from `seed`.
    pub fn of(inst: &Instance, seed: u64) -> Profile {
        let mut rng = Rng::new(inst.attr_seed, 0);
        let vpc = rng.below(3);
        let net = 10 + vpc as u8;
        let nic_count = 1 + usize::from(rng.chance(1, 4));
        let subnet = if rng.chance(1, 5) {
            String::new()
        } else {
            uuid_v4(Rng::new(seed ^ 0x5355_424e, vpc).next_u128())
        };
        let network_interfaces = (0..nic_count)
            .map(|i| Nic {
                subnet_id: subnet.clone(),
                ipv4_address: format!("192.168.{}.{}", net * 10 + i as u8, 2 + rng.below(250)),
            })
            .collect();
        let tags = (0..rng.below(4) as usize)
            .map(|i| (TAG_KEYS[i].0, *rng.pick(TAG_KEYS[i].1)))
            .collect();
        let metadata = (0..rng.below(4) as usize)
            .map(|i| (METADATA[i].0, *rng.pick(METADATA[i].1)))
            .collect();
        let image = rng.pick(&IMAGES);
        let description = if rng.chance(1, 4) { rng.pick(&DESCRIPTIONS) } else { "" };
        let user_data = if rng.chance(1, 3) {
            String::new()
        } else {
            base64(rng.pick(&CLOUD_INIT).as_bytes())
        };
        let name = awkward_name(inst.index).unwrap_or_else(|| {
            let (month, day) = local_time(inst.created_ms)
                .map(|t| (u8::from(t.month()), t.day()))
                .unwrap_or((1, 1));
            format!("host-{month:02}{day:02}-{:03}", rng.below(1000))
        });
        Profile {
            name,
            vpc_id: vpc_id(seed, vpc),
            network_interfaces,
            tags,
            image,
            description,
            metadata,
            user_data,
            server_id: Profile::server_id_of(inst),
        }
    }

    /// Only the server id (cheaper than the whole profile, for filtering).
    pub fn server_id_of(inst: &Instance) -> String {
        uuid_v4(Rng::new(inst.attr_seed, 1).next_u128())
    }
}
