//! Every simulated service, in dispatch order. Adding a service: its folder
//! under `src/services/` and one line here.

use std::sync::OnceLock;

use crate::config::Config;
use crate::service::SimService;
use crate::services::bycloud::ByCloud;
use crate::services::clouddc::Clouddc;
use crate::services::ecs::Ecs;
use crate::services::iam::Iam;
use crate::services::imagesearch::ImageSearch;
use crate::services::roma::Roma;

/// The services of a cloud built for `config`, each with its own fleet.
pub fn services(config: &Config) -> Vec<Box<dyn SimService>> {
    vec![
        Box::new(Clouddc::new(config)),
        Box::new(Roma::new(config)),
        Box::new(ByCloud::new(config)),
        Box::new(ImageSearch::new(config)),
        Box::new(Ecs::new(config)),
        Box::new(Iam::new(config)),
    ]
}

/// The services built for no instances, once: enough to route a path
/// (`path_template`), which needs no fleet.
pub fn routers() -> &'static [Box<dyn SimService>] {
    static ROUTERS: OnceLock<Vec<Box<dyn SimService>>> = OnceLock::new();
    ROUTERS.get_or_init(|| {
        services(&Config {
            instances: 0,
            ..Config::default()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::find;

    /// `template` with every `{param}` filled with `param`'s name.
    fn concrete(template: &str) -> String {
        template.replace(['{', '}'], "")
    }

    #[test]
    fn every_api_routes_to_exactly_its_service() {
        let mut names: Vec<&str> = routers().iter().map(|s| s.name()).collect();
        assert_eq!(names[0], "CloudDC", "CloudDC is the first service: Demo's default");
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), routers().len(), "service names are unique");
        for service in routers() {
            assert!(!service.apis().is_empty(), "{} serves an API", service.name());
            for api in service.apis() {
                let path = concrete(api);
                let claims: Vec<&str> = routers()
                    .iter()
                    .filter(|s| s.route(&crate::route::Path::parse(&path).unwrap()).is_some())
                    .map(|s| s.name())
                    .collect();
                assert_eq!(claims, [service.name()], "{path}: only its own service answers it");
                let (found, route) = find(routers(), &path).unwrap();
                assert_eq!((found.name(), route.template), (service.name(), *api));
            }
        }
        let (_, route) = find(routers(), "/v1/p/instances/i/status").unwrap();
        assert_eq!((route.param("project_id"), route.param("id")), ("p", "i"));
        assert!(find(routers(), "/v1/p/nothing").is_none());
    }
}
