# Skyglass: the two quick-start commands and a few helpers. Every target installs what it
# needs first (scripts/setup.sh skips what is already there).
SHELL := /bin/bash
export PATH := $(HOME)/.cargo/bin:$(CURDIR)/tools/node_modules/.bin:$(PATH)

.PHONY: serve test test-native test-browser test-e2e test-nginx deploy-build cloudsim lint audit soak

## Quick start 1: set up and serve the app, with its Demo connection, on http://127.0.0.1:8080
serve:
	scripts/setup.sh build
	trunk serve --offline --release --locked

## Quick start 2: set up and run every test (lint first, then native, browser, end to end)
test:
	scripts/setup.sh test
	scripts/test.sh

test-native:
	scripts/test.sh native

## Every tests/browser*.rs (found in the folder, none listed by hand), then a check that each ran
test-browser:
	scripts/test.sh browser

test-e2e:
	scripts/test.sh e2e

## Only the deployment's end-to-end suite: deploy/build.sh, then Playwright against nginx
test-nginx:
	scripts/setup.sh test
	scripts/test.sh nginx

## The production build for nginx (deploy/): hashed names, the production CSP, .br and .gz
## beside every file. `make deploy-build DEPLOY_DIR=/srv/skyglass` writes elsewhere than dist/.
DEPLOY_DIR ?= dist
deploy-build:
	scripts/setup.sh deploy
	deploy/build.sh $(DEPLOY_DIR)

## A cloudsim server alone on http://127.0.0.1:8787 (reached from the app at /proxy/cloudsim)
cloudsim:
	cargo run --locked --release -p cloudsim -- --port 8787 --instances 500 --seed 1 --token dev-token --project dev-project

## Formatting and lints, native and wasm32, and the supply chain's checks (every cargo command
## locked, cargo deny's licenses, bans and sources, offline); `make test` runs them first
lint:
	scripts/setup.sh lint
	scripts/test.sh lint

## RustSec advisories (cargo deny check advisories): fetches the advisory database, or with
## AUDIT_OFFLINE=1 uses the copy already on this machine. Fails, saying so, when the database
## cannot be had: a missing database is never a pass. Not part of `make test` (it needs the network).
audit:
	scripts/setup.sh lint
	scripts/check-advisories.sh

## Decoder fuzzing: a million random, JSON and mutated-seed responses per decoder, a million
## pages with unreadable instances per list decoder and a million cases per helper property,
## then the corpus (core/tests/fuzz_*.rs, one file per seed-page decoder and fuzz_lists.rs for
## every registered list service, shared code in core/tests/fuzz_support/; about 35 min on 2
## cores, build included). Every
## core/tests/fuzz_*.rs runs, each in turn, all of them even when one fails. Overflow checks stay on in this
## release build, so that arithmetic overflow (a panic in debug builds) is found too.
FUZZ_TESTS := $(patsubst core/tests/%.rs,%,$(wildcard core/tests/fuzz_*.rs))
.PHONY: fuzz
fuzz:
	SKYGLASS_FUZZ_CASES=1000000 CARGO_PROFILE_RELEASE_OVERFLOW_CHECKS=true cargo test --locked --release -p skyglass-core --no-fail-fast $(addprefix --test ,$(FUZZ_TESTS)) -- --nocapture --test-threads=2

## Benchmark (issue 12's figures), on demand and not part of `make test`: builds the production
## app (deploy/build.sh, with and without the Demo feature), cloudsim and a helper, then measures
## in headless Chromium against the deploy nginx and cloudsim servers on 127.0.0.1 and prints
## figure, value, budget and pass/over (also bench/results/latest.md and .json). Exits 0 even
## when a figure is over budget; non-zero only when it could not run. About 10-13 minutes on 2
## cores, most of it the builds (bench/README.md).
.PHONY: bench
bench:
	scripts/setup.sh test
	bench/run.sh

## The two-hour soak, not part of `make test`: live polling with faults in headless Chromium,
## memory, DOM and timers sampled every minute (scripts/soak.sh; the test command runs its
## 150-second form)
soak:
	scripts/setup.sh test
	scripts/soak.sh
