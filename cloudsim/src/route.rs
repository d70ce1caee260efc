//! Which API a path names. A [`Path`] is split on `/` first and then
//! percent-decoded, so `%2F` inside a segment (an ImageSearch instance
//! name) stays part of it; one leading and one trailing `/` are tolerated,
//! and a path with an empty segment names no API.
//!
//! Services name their APIs by template (`/v1/{project_id}/instances`): a
//! `{…}` segment takes any value, the others must be equal. A match is a
//! [`Route`]: the template and the values of its `{…}` segments.

use crate::encode::percent_decode;

/// A request path, split and decoded.
pub struct Path {
    segments: Vec<String>,
}

impl Path {
    /// The segments of `path` (without its query); `None` when one is empty.
    pub fn parse(path: &str) -> Option<Path> {
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path.strip_suffix('/').unwrap_or(path);
        let segments: Vec<String> = path.split('/').map(|s| percent_decode(s, false)).collect();
        if segments.iter().any(String::is_empty) {
            return None;
        }
        Some(Path { segments })
    }

    /// The first of `templates` this path matches.
    pub fn route(&self, templates: &[&'static str]) -> Option<Route> {
        templates.iter().find_map(|t| self.matches(t))
    }

    /// The route when this path matches `template`.
    pub fn matches(&self, template: &'static str) -> Option<Route> {
        let parts = || template.strip_prefix('/').unwrap_or(template).split('/');
        let param = |part: &'static str| part.strip_prefix('{').and_then(|p| p.strip_suffix('}'));
        // Checked before anything is copied: most templates do not match.
        let mut segments = self.segments.iter();
        for part in parts() {
            let segment = segments.next()?;
            if param(part).is_none() && part != segment {
                return None;
            }
        }
        if segments.next().is_some() {
            return None;
        }
        let params = parts()
            .zip(&self.segments)
            .filter_map(|(part, segment)| param(part).map(|name| (name, segment.clone())))
            .collect();
        Some(Route { template, params })
    }
}

/// A recognised API path: the template it matched and its parameters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// The API template, e.g. `/v1/{project_id}/instances`: what
    /// `path_template` reports for statistics.
    pub template: &'static str,
    /// `(name, decoded value)` of each `{name}` segment, in path order.
    params: Vec<(&'static str, String)>,
}

impl Route {
    /// The value of the template's `{name}` segment ("" when it has none).
    pub fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    const APIS: [&str; 5] = [
        "/v1/{project_id}/instances",
        "/v1/{project_id}/instances/{id}/status",
        "/v2/{project_id}/instances",
        "/v1/instances",
        "/v1/{project_id}/service/{instance_name}",
    ];

    fn name(path: &str) -> &'static str {
        match Path::parse(path).and_then(|p| p.route(&APIS)).map(|r| r.template) {
            Some(t) if t == APIS[0] => "list",
            Some(t) if t == APIS[1] => "status",
            Some(t) if t == APIS[2] => "roma",
            Some(t) if t == APIS[3] => "bycloud",
            Some(_) => "imagesearch",
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
        assert_eq!(name("/v1/instance%73"), "bycloud");
        assert_eq!(name("/v1/instances/instances"), "list");
        assert_eq!(name("/v1/p/service/a%2Fb"), "imagesearch");
        for none in [
            "/",
            "",
            "/v1//instances",
            "/v2//instances",
            "/v1/p/service/",
            "/v1/p/service/a/b",
            "/v3/p/instances",
            "/v1/instancesX",
        ] {
            assert_eq!(name(none), "none", "{none}");
        }
        let route = Path::parse("/v1/p%20q/service/a%2Fb%20c")
            .unwrap()
            .route(&APIS)
            .unwrap();
        assert_eq!(route.param("instance_name"), "a/b c");
        assert_eq!(route.param("project_id"), "p q");
        assert_eq!(route.param("id"), "");
    }
}
