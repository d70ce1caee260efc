//! ImageSearch's instance names: the only way its API finds an instance.

use crate::config::Config;

/// The largest ImageSearch fleet.
pub const MAX_INSTANCES: usize = 60;

/// Instance `i`'s name (see [`imagesearch_names`]).
pub fn name(i: usize) -> String {
    match i {
        3 => "imagesearch-03 copy".to_string(),
        5 => "imagesearch-05-图片搜索".to_string(),
        7 => "imagesearch-07-<b>markup</b>".to_string(),
        _ => format!("imagesearch-{i:02}"),
    }
}

/// The fleet size for `config`.
pub fn count(config: &Config) -> usize {
    config.instances.min(MAX_INSTANCES)
}

/// The names of the ImageSearch instances `config` serves, in index order:
/// `min(config.instances, 60)` names `imagesearch-00`, `imagesearch-01`, …
/// (two-digit index), except three awkward ones where the fleet is large
/// enough:
/// - index 3: `imagesearch-03 copy` (a space),
/// - index 5: `imagesearch-05-图片搜索` (non-ASCII),
/// - index 7: `imagesearch-07-<b>markup</b>` (markup; its `/` must be sent
///   as `%2F` in the path, like any reserved character).
///
/// The path segment is percent-decoded before it is compared.
pub fn imagesearch_names(config: &Config) -> Vec<String> {
    (0..count(config)).map(name).collect()
}
