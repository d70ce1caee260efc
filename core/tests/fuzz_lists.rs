//! Fuzzing every list service in the registry through its erased decoder, the one the app
//! calls: random, free-form and mutated answers and the corpus, each decoded page put
//! through the rows, columns, details and paging rules. A service is covered as soon as it
//! is registered (`fuzz_support::registry` says how; `make fuzz` runs a million cases).
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod fuzz_support;

use fuzz_support::corpus::{corpus_envs, corpus_files, decoders_for, file_name};
use fuzz_support::registry::{check_erased, examples_for, fuzz_list_service, list_services};
use skyglass_core::http::ApiResponse;

#[test]
fn fuzz_every_list_service() {
    for (key, api) in list_services() {
        fuzz_list_service(key, api);
    }
}

/// Every list service has an example to mutate: a seed page's, or its own fixture
/// (`tests/fixtures/<key>_list_example.json`).
#[test]
fn every_list_service_has_an_example() {
    let services = list_services();
    assert!(services.len() >= 3, "{} list services", services.len());
    for (key, api) in services {
        assert!(
            !examples_for(key, &*api).is_empty(),
            "{key}: no example decodes to a row"
        );
    }
}

/// The corpus's files for every decoder (`any-`), through every list service.
#[test]
fn corpus_never_panics_any_list_service() {
    let files: Vec<_> = corpus_files()
        .into_iter()
        .filter(|p| file_name(p).starts_with("any-") && decoders_for(&file_name(p)).is_some())
        .collect();
    assert!(files.len() >= 20, "{} any- files", files.len());
    let envs = corpus_envs();
    let mut failures = Vec::new();
    for (key, api) in list_services() {
        for path in &files {
            let body = String::from_utf8_lossy(&std::fs::read(path).expect("a corpus file")).into_owned();
            let envs = if body.len() > 64 * 1024 { &envs[..1] } else { &envs[..] };
            for status in [200u16, 500] {
                for env in envs {
                    let resp = ApiResponse {
                        status,
                        retry_after: Some("1".into()),
                        body: body.clone(),
                    };
                    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_erased(&*api, &resp, env)))
                        .is_err()
                    {
                        failures.push(format!("{} with {key} (status {status})", file_name(path)));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "corpus inputs panicked:\n{}", failures.join("\n"));
}
