# Thin wrapper over CMake presets. `make run` and `make test` are the two commands
# the README opens with; both install missing Debian packages first, each only what it
# needs (scripts/setup-debian.sh, profiles run, plots and test).
.PHONY: all setup setup-run setup-plots build debug run test check sanitize fuzz plots forecast forecast-sweep walk-forward bench clean

JOBS ?= $(shell nproc)
ESCALATE := build/release/engine/escalate
# SETUP=0 skips the Debian package check (e.g. on a login node without root or sudo).
SETUP ?= 1

all: build

# setup: everything (profile test); setup-run: building and running the binary only;
# setup-plots: that and the Python stack.
setup setup-run setup-plots:
ifeq ($(SETUP),0)
	@echo "setup: skipped (SETUP=0)"
else
	@bash scripts/setup-debian.sh $(or $(patsubst setup-%,%,$(filter setup-%,$@)),test)
endif

# The binary alone (`make run`, `make plots`): no unit tests, fuzzers or bench.
define build_binary
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS) --target escalate
endef

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

run: setup-run
	$(build_binary)
	@$(ESCALATE) run configs/baseline-2022.toml --force

# Everything CI runs: the fuzzers (60 s on the config loader, 60 s on the result-file
# reader), the unit tests under AddressSanitizer + UndefinedBehaviorSanitizer and under
# ThreadSanitizer, then the whole suite.
test: build fuzz sanitize check

# The whole suite on the release build (unit, CLI, bad inputs, faults, cluster, Python).
check: build
	@ctest --preset release -j $(JOBS)

sanitize: setup
	@cmake --preset asan >/dev/null
	@cmake --build --preset asan -j $(JOBS) --target escalate_unit_tests
	@ctest --preset asan -j $(JOBS)
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan -j $(JOBS) --target escalate_unit_tests
	@ctest --preset tsan -j $(JOBS)

fuzz: build
	@bash scripts/fuzz.sh

# Figures of the baseline and of the policy comparison (a smaller comparison than the
# README's: 100 draws x 200 trajectories, about a minute), into results/. The plots come
# from the escalate Python package, installed into a venv in build/ as docs/loading.md
# says (Debian's numpy, h5py, matplotlib through --system-site-packages; no network).
VENV := build/venv
plots: setup-plots
	$(build_binary)
	@test -x $(VENV)/bin/python || $${PYTHON:-/usr/bin/python3} -m venv --system-site-packages $(VENV)
	@$(VENV)/bin/pip install -q --no-build-isolation --no-index --no-deps --disable-pip-version-check ./python
	@test -f results/baseline-2022.h5 || $(ESCALATE) run configs/baseline-2022.toml -q
	@test -f results/compare-policies.h5 || $(ESCALATE) compare configs/baseline-2022.toml configs/policies/*.toml \
	    --draws 100 --trajectories 200 -q -o results/compare-policies.h5
	@$(VENV)/bin/escalate-plot results/baseline-2022.h5 -o results
	@$(VENV)/bin/escalate-plot results/compare-policies.h5 -o results

# The calibrated forecast (docs/calibration.md, "make forecast"): `escalate calibrate` of
# configs/calibration/baseline-2026-prior.toml on data/record.toml with 100 particles and 800 trajectories per window
# (from scratch: results/posterior-2026.h5 is replaced), then P(war), P(first clash) and
# P(nuclear use) within one and five years with the posterior as the outer loop, printed
# and in results/forecast-2026.md. FORECAST_FLAGS= (empty) reuses an existing posterior.
# forecast-sweep: the five-year forecast against the centres of the two priors the record
# cannot touch (results/forecast-sweep.png); walk-forward: the scores of issue 20 item 6.
FORECAST_FLAGS ?= --recalibrate
define venv_package
	@test -x $(VENV)/bin/python || $${PYTHON:-/usr/bin/python3} -m venv --system-site-packages $(VENV)
	@$(VENV)/bin/pip install -q --no-build-isolation --no-index --no-deps --disable-pip-version-check ./python
endef
forecast: setup-plots
	$(build_binary)
	$(venv_package)
	@ESCALATE=$(ESCALATE) $(VENV)/bin/escalate-forecast $(FORECAST_FLAGS)

forecast-sweep: setup-plots
	$(build_binary)
	$(venv_package)
	@ESCALATE=$(ESCALATE) $(VENV)/bin/escalate-forecast-sweep

walk-forward: setup-plots
	$(build_binary)
	$(venv_package)
	@ESCALATE=$(ESCALATE) $(VENV)/bin/escalate-walk-forward --force

bench: build
	@bash bench/run.sh

clean:
	rm -rf build
