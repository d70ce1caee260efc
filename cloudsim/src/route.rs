//! Which API a path names. Path segments are split on `/` first and then
//! percent-decoded, so `%2F` inside a segment (an ImageSearch instance
//! name) stays part of it. One trailing `/` is tolerated.

use crate::encode::percent_decode;

/// A recognised API path.
pub enum Route {
    /// CloudDC `GET /v1/{project_id}/instances`.
    List { project: String },
    /// CloudDC `GET /v1/{project_id}/instances/{id}/status`.
    Status { project: String, id: String },
    /// ROMA Connect `GET /v2/{project_id}/instances`.
    RomaList { project: String },
    /// ByCloud `GET /v1/instances`.
    ByCloudList,
    /// ImageSearch `GET /v1/{project_id}/service/{instance_name}`.
    ImageSearch { project: String, name: String },
}

impl Route {
    /// The route of `path` (without its query), if any.
    pub fn parse(path: &str) -> Option<Route> {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let segs: Vec<String> = path.split('/').map(|s| percent_decode(s, false)).collect();
        let seg = |i: usize| segs.get(i).map(String::as_str).unwrap_or("");
        if segs.iter().any(String::is_empty) {
            return None;
        }
        let project = seg(1).to_string();
        match (seg(0), segs.len(), seg(2)) {
            ("v1", 2, _) if seg(1) == "instances" => Some(Route::ByCloudList),
            ("v1", 3, "instances") => Some(Route::List { project }),
            ("v1", 5, "instances") if seg(4) == "status" => Some(Route::Status {
                project,
                id: seg(3).to_string(),
            }),
            ("v1", 4, "service") => Some(Route::ImageSearch {
                project,
                name: seg(3).to_string(),
            }),
            ("v2", 3, "instances") => Some(Route::RomaList { project }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;

    fn name(path: &str) -> &'static str {
        match Route::parse(path) {
            Some(Route::List { .. }) => "list",
            Some(Route::Status { .. }) => "status",
            Some(Route::RomaList { .. }) => "roma",
            Some(Route::ByCloudList) => "bycloud",
            Some(Route::ImageSearch { .. }) => "imagesearch",
            None => "none",
        }
    }

    #[test]
    fn routes() {
        assert_eq!(name("/v1/p/instances"), "list");
        assert_eq!(name("/v1/p/instances/i/status/"), "status");
        assert_eq!(name("/v2/p/instances"), "roma");
        assert_eq!(name("/v1/instances"), "bycloud");
        assert_eq!(name("/v1/instances/"), "bycloud");
        assert_eq!(name("/v1/p/service/a%2Fb"), "imagesearch");
        for none in [
            "/",
            "/v1//instances",
            "/v2//instances",
            "/v1/p/service/",
            "/v1/p/service/a/b",
            "/v3/p/instances",
            "/v1/instancesX",
        ] {
            assert_eq!(name(none), "none", "{none}");
        }
        let Some(Route::ImageSearch { name, .. }) = Route::parse("/v1/p/service/a%2Fb%20c") else {
            panic!()
        };
        assert_eq!(name, "a/b c");
    }
}
