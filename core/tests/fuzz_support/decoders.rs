//! The decoders fuzzed, their names (the corpus's file-name prefixes), their documented
//! shapes and seed examples, and [`check`]: decode an answer and put the result through
//! what the app does with it.

use super::checks::{decoder_error_checks, error_helpers, status_error_checks, Env};
use super::rows::erased_checks;
use super::services;
use super::shapes::*;
use crate::common;
use skyglass_core::http::{decode_error, ApiError, ApiResponse};
use skyglass_core::service::ListService;
use skyglass_core::services::bycloud::ByCloud;
use skyglass_core::services::clouddc::{status::decode_status, Clouddc};
use skyglass_core::services::imagesearch::{self, lookup::decode_details};
use skyglass_core::services::roma::Roma;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoder {
    ClouddcList,
    ClouddcStatus,
    RomaList,
    BycloudList,
    ImagesearchDetails,
    Error,
}

pub const DECODERS: [Decoder; 6] = [
    Decoder::ClouddcList,
    Decoder::ClouddcStatus,
    Decoder::RomaList,
    Decoder::BycloudList,
    Decoder::ImagesearchDetails,
    Decoder::Error,
];

impl Decoder {
    /// Its name in the corpus's file names and in the summary lines.
    pub fn name(self) -> &'static str {
        match self {
            Decoder::ClouddcList => "clouddc_list",
            Decoder::ClouddcStatus => "clouddc_status",
            Decoder::RomaList => "roma_list",
            Decoder::BycloudList => "bycloud_list",
            Decoder::ImagesearchDetails => "imagesearch_details",
            Decoder::Error => "error",
        }
    }

    /// The documented shape of what it reads.
    pub fn schema(self) -> &'static Shape {
        match self {
            Decoder::ClouddcList => &CDC_LIST,
            Decoder::ClouddcStatus => &CDC_STATUS,
            Decoder::RomaList => &ROMA_LIST,
            Decoder::BycloudList => &BC_LIST,
            Decoder::ImagesearchDetails => &IS_DETAILS,
            Decoder::Error => &ERROR_BODY,
        }
    }

    /// A list decoder's instance shape.
    pub fn instance_schema(self) -> Option<&'static Shape> {
        match self {
            Decoder::ClouddcList => Some(&CDC_INSTANCE),
            Decoder::RomaList => Some(&ROMA_INSTANCE),
            Decoder::BycloudList => Some(&BC_INSTANCE),
            _ => None,
        }
    }

    /// The seed page examples this decoder reads (every example, for `decode_error`).
    pub fn seeds(self) -> Vec<&'static str> {
        use common::*;
        match self {
            Decoder::ClouddcList => examples(CLOUDDC_LIST),
            Decoder::ClouddcStatus => examples(CLOUDDC_STATUS),
            Decoder::RomaList => examples(ROMA),
            Decoder::BycloudList => examples(BYCLOUD),
            Decoder::ImagesearchDetails => examples(IMAGESEARCH),
            Decoder::Error => all_examples(),
        }
    }
}

/// Every seed page's example responses.
pub fn all_examples() -> Vec<&'static str> {
    use common::*;
    [CLOUDDC_LIST, CLOUDDC_STATUS, ROMA, BYCLOUD, IMAGESEARCH]
        .into_iter()
        .flat_map(examples)
        .collect()
}

/// Decodes `resp` with `d` and puts the result through what the app does with it.
pub fn check(d: Decoder, resp: &ApiResponse, env: &Env) {
    match d {
        Decoder::ClouddcList => list::<Clouddc>(resp, env, services::clouddc_list),
        Decoder::ClouddcStatus => match decode_status(resp) {
            Ok(s) => services::clouddc_status(&s, env),
            Err(e) => decoder_error_checks(e, resp, &[], env),
        },
        Decoder::RomaList => list::<Roma>(resp, env, services::roma_list),
        Decoder::BycloudList => list::<ByCloud>(resp, env, services::bycloud_list),
        Decoder::ImagesearchDetails => match decode_details(resp) {
            Ok(d) => services::imagesearch_details(&d, env),
            Err(e) => decoder_error_checks(e, resp, imagesearch::INFO.token_error_codes, env),
        },
        Decoder::Error => {
            let e = decode_error(resp);
            assert!(matches!(e, ApiError::Status { .. }), "{e:?}");
            status_error_checks(&e, resp, &[]);
            error_helpers(e, env)
        }
    }
}

/// A list decoder: typed and erased, then the page's helpers or the error's.
fn list<S: ListService>(resp: &ApiResponse, env: &Env, helpers: fn(&S::Page, &Env)) {
    let typed = S::decode(resp);
    erased_checks::<S>(resp, &typed);
    match typed {
        Ok(page) => helpers(&page, env),
        Err(e) => decoder_error_checks(e, resp, &[], env),
    }
}
