# Thin wrapper over CMake presets. `make run` and `make test` are the two commands
# the README opens with; both install missing Debian packages first.
.PHONY: all setup build debug run test bench clean

JOBS ?= $(shell nproc)
ESCALATE := build/release/engine/escalate

all: build

setup:
	@bash scripts/setup-debian.sh

build: setup
	@cmake --preset release >/dev/null
	@cmake --build --preset release -j $(JOBS)

debug: setup
	@cmake --preset debug >/dev/null
	@cmake --build --preset debug -j $(JOBS)

run: build
	@$(ESCALATE) run configs/baseline-2022.toml --force

test: build
	@ctest --preset release -j $(JOBS)

bench: build
	@bash bench/run.sh

clean:
	rm -rf build
