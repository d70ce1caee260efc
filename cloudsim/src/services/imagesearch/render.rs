//! ImageSearch's instance JSON, `GET /v1/{project_id}/service/{instance_name}`.

use super::fleet::Instance;
use crate::encode::{json_strs, Obj};

/// The response body for `inst` at `now_ms`.
pub fn details(inst: &Instance, now_ms: i64) -> String {
    let status = inst.timeline.at(now_ms);
    let mut body = String::new();
    let mut obj = Obj::new(&mut body);
    obj.str("instanceName", &inst.name)
        .int("level", inst.level)
        .int("expiredDate", inst.expired_ms)
        .str("domain", inst.domain)
        .str("desc", &inst.desc)
        .int("registerDate", inst.register_ms)
        .raw("tags", |out| json_strs(out, &inst.tags))
        .str("status", status.as_str());
    obj.end();
    body
}
