# ptce — two commands on a fresh Debian/Ubuntu machine with Swift 6: `make demo`, `make test`.
SWIFT ?= swift
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
OUT ?= out

.PHONY: demo test build release deps clean notebooks fuzz fuzz-replay sanitize docs example

## Install the system libraries ptce needs (Graphviz's libgvc, zlib, libxml2) when they are missing.
deps:
	@if ! pkg-config --exists libgvc 2>/dev/null || ! pkg-config --exists zlib 2>/dev/null || ! pkg-config --exists libxml-2.0 2>/dev/null; then \
		echo "Installing libgraphviz-dev (Graphviz, for in-process rendering), zlib1g-dev and libxml2-dev (workbooks)…"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libgraphviz-dev graphviz pkg-config zlib1g-dev libxml2-dev; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

## The main job on the bundled real dataset.
demo: release
	.build/release/ptce validate Datasets/coorace
	.build/release/ptce analyze Datasets/coorace --out $(OUT) --force
	@echo
	@echo "Results are in $(OUT)/: summary.txt, summary.json, centrality.csv, cooperation.txt/json, network.pdf (and .png, .svg)."
	@echo "Open the report: $(abspath $(OUT))/report.html"

## The module boundaries of ARCHITECTURE.md, the whole test suite (builds the binary first: the end-to-end tests run
## it), then real clients (networkx, igraph,
## Graphviz) reading what ptce writes — each skipped with a message when absent.
test: build
	python3 scripts/check-imports
	python3 scripts/check-function-length
	$(SWIFT) test
	@if command -v python3 >/dev/null; then python3 scripts/check-interop .build/debug/ptce; else echo "skipped: python3 not found (real-client checks)"; fi
	@if command -v python3 >/dev/null; then python3 scripts/check-report .build/debug/ptce; else echo "skipped: python3 not found (browser checks of report.html)"; fi
	@if command -v python3 >/dev/null; then python3 scripts/check-report-map .build/debug/ptce; else echo "skipped: python3 not found (the report's map driven by Selenium)"; fi
	@if command -v python3 >/dev/null; then python3 scripts/check-workbooks .build/debug/ptce; else echo "skipped: python3 not found (workbooks written by LibreOffice and openpyxl)"; fi
	@if command -v python3 >/dev/null; then python3 scripts/check-survey .build/debug/ptce; else echo "skipped: python3 not found (survey questionnaires through LibreOffice and openpyxl)"; fi

## The whole test suite under AddressSanitizer, then under ThreadSanitizer, each in its own build folder; the
## command-line tests run the sanitised binary (PTCE_BIN). Leak detection is off: FoundationXML keeps parser state alive.
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	PTCE_BIN=$(abspath .build-asan/debug/ptce) ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	PTCE_BIN=$(abspath .build-tsan/debug/ptce) TSAN_OPTIONS=halt_on_error=1 $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

## Executes every notebook headless (needs the release build; installs Notebooks/requirements.txt in .venv-notebooks).
notebooks: release
	@test -x .venv-notebooks/bin/python || python3 -m venv .venv-notebooks
	.venv-notebooks/bin/pip install -q -r Notebooks/requirements.txt
	PTCE_BIN=$(abspath .build/release/ptce) .venv-notebooks/bin/python Notebooks/run_notebooks.py $(OUT)/notebooks

## libFuzzer on every reader (Fuzz/, built with -sanitize=fuzzer,address in .build-fuzz); FUZZ_SECONDS per target.
## New findings are written to out/fuzz/ARTIFACTS; the grown corpora stay in out/fuzz/corpus (Fuzz/Corpus is the seed).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= csv-folder network-json graphml gexf node-link pajek dot edge-list workbook gml ucinet-dl gdf
fuzz: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address
	@mkdir -p $(OUT)/fuzz/artifacts
	@set -e; for t in $(FUZZ_TARGETS); do \
		mkdir -p $(OUT)/fuzz/corpus/$$t; \
		echo "fuzz-$$t: $(FUZZ_SECONDS) s"; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/fuzz-$$t $(OUT)/fuzz/corpus/$$t Fuzz/Corpus/$$t \
			-max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=4096 -timeout=20 -detect_leaks=0 \
			-artifact_prefix=$(OUT)/fuzz/artifacts/$$t- -print_final_stats=1 2>&1 | grep -E '^(Done|stat::number_of_executed_units|==[0-9]+==ERROR|SUMMARY)' ; \
	done
	@if ls $(OUT)/fuzz/artifacts/* >/dev/null 2>&1; then echo "fuzz: findings in $(OUT)/fuzz/artifacts"; ls $(OUT)/fuzz/artifacts; exit 1; else echo "fuzz: no crash"; fi

## Replays every input of the seed corpus (Fuzz/Corpus: the seeds and every crash found so far) through its target:
## deterministic, so CI fails on a regression; `make fuzz` then explores for FUZZ_SECONDS.
fuzz-replay: deps
	cd Fuzz && $(SWIFT) build -c release --scratch-path ../.build-fuzz -Xswiftc -sanitize=fuzzer,address
	@set -e; for t in $(FUZZ_TARGETS); do \
		echo "fuzz-$$t: replaying $$(ls Fuzz/Corpus/$$t | wc -l) inputs"; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/fuzz-$$t -runs=0 -detect_leaks=0 -rss_limit_mb=4096 Fuzz/Corpus/$$t 2>&1 | grep -E '^(==[0-9]+==ERROR|SUMMARY|Done)' || true; \
		ASAN_OPTIONS=detect_leaks=0 .build-fuzz/release/fuzz-$$t -runs=0 -detect_leaks=0 -rss_limit_mb=4096 Fuzz/Corpus/$$t >/dev/null 2>&1; \
	done
	@echo "fuzz-replay: every seed and past finding ran without a crash"

## The DocC catalogs of CoopGraph and PTCEKit (swift-docc-plugin), a DocC warning failing the build; the archives are
## in .build/plugins/Swift-DocC/outputs/.
docs:
	$(SWIFT) package generate-documentation --target CoopGraph --warnings-as-errors
	$(SWIFT) package generate-documentation --target PTCEKit --warnings-as-errors

## The example package (Examples/): ptce used as a library by another package, built and run.
example: deps
	cd Examples && $(SWIFT) run GettingStarted

clean:
	rm -rf .build $(OUT)
