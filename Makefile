# The two commands of the README, and the targets behind them.
#   make demo   install what is missing, build, serve a demo database on :8080
#   make test   install what is missing, build with sanitizers, run every test
.PHONY: demo test bootstrap web build release clean bench fuzz load soak crash e2e

DEMO_DB ?= jianguan-demo.db
PORT ?= 8080

demo: bootstrap web
	cmake --preset release >/dev/null
	cmake --build --preset release -j$$(nproc) --target jianguan
	@# A new demo database gets the accounts, then two generated years whose
	@# 2023 annual report reproduces the bureau's (about a minute); an existing
	@# one is served as it is (delete it for a fresh demo).
	@if [ ! -e $(DEMO_DB) ]; then \
	  ./build/release/src/jianguan --db sqlite:$(DEMO_DB) demo-init --departments data/departments-jiading.csv --entities data/demo/entities-demo.csv && \
	  ./build/release/src/jianguan --db sqlite:$(DEMO_DB) demo-data --year 2023 \
	  || { rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm; exit 1; }; \
	else echo "jianguan: serving the existing $(DEMO_DB) (delete it for a fresh demo)"; fi
	@echo "jianguan: open http://127.0.0.1:$(PORT)/dashboard?year=2023 (leader / Jianguan2024; Ctrl-C stops)"
	./build/release/src/jianguan --db sqlite:$(DEMO_DB) serve --port $(PORT) --web-root web/dist

test: bootstrap web
	scripts/test.sh

bootstrap:
	scripts/bootstrap.sh

# Every browser spec on both stores (make test runs each spec on one of them).
e2e: bootstrap web
	cmake --preset asan >/dev/null
	cmake --build --preset asan -j$$(nproc)
	scripts/with-postgres.sh scripts/e2e.sh build/asan/src/jianguan

web: bootstrap
	cd web && npm run build --silent

release:
	cmake --preset release >/dev/null
	cmake --build --preset release -j$$(nproc)

build: release

bench: bootstrap release
	scripts/bench.sh

load: bootstrap release
	scripts/load.sh

# The load test, then 30 minutes of a mixed workload: throughput, errors and
# the server's memory per minute (build/bench/soak.md).
soak: bootstrap release
	LOAD_SOAK_SECONDS=$${LOAD_SOAK_SECONDS:-1800} scripts/load.sh

crash: bootstrap release
	scripts/with-postgres.sh bash -c 'for b in sqlite postgresql; do tests/crash/run.sh build/release/src/jianguan $$b $${CRASH_KILLS:-100}; done'

fuzz: bootstrap
	FUZZ_SECONDS=$${FUZZ_SECONDS:-300} scripts/fuzz.sh

clean:
	rm -rf build web/dist
