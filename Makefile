# libplan - plain Makefile.  Override CC, CFLAGS, CPPFLAGS, LDFLAGS, PREFIX,
# DESTDIR as usual.

PREFIX ?= /usr/local
DESTDIR ?=
LIBDIR ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
BINDIR ?= $(PREFIX)/bin
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
MANDIR ?= $(PREFIX)/share/man
# Where the Python package goes: the directory under PREFIX that the system
# Python (Debian's /usr/bin/python3 when there is one) searches.
PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
PYDIR ?= $(shell $(PYTHON) tools/python_dir.py $(PREFIX) 2>/dev/null || echo $(PREFIX)/lib/python3/dist-packages)

# The API version lives in include/plan.h; the ABI version (soname) here.
VERSION := $(shell sed -n 's/^\#define PLAN_VERSION_STRING "\(.*\)"/\1/p' include/plan.h)
ABI_MAJOR = 1
ABI_MINOR = 0
ABI_PATCH = 0
SONAME = libplan.so.$(ABI_MAJOR)
SOFILE = libplan.so.$(ABI_MAJOR).$(ABI_MINOR).$(ABI_PATCH)

CC ?= cc
PKG_CONFIG ?= pkg-config
DEPS = libxml-2.0 libpcre2-8 libutf8proc libzip
DEP_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(DEPS) 2>/dev/null)
DEP_LIBS := $(shell $(PKG_CONFIG) --libs $(DEPS) 2>/dev/null) -lm
# What a static link of libplan needs (libplan.pc's Libs.private).
STATIC_LIBS := $(shell $(PKG_CONFIG) --libs --static $(DEPS) 2>/dev/null) -lm -pthread
# Tests read the gold JSON with jansson; the library does not use it.
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka jansson 2>/dev/null)
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka jansson 2>/dev/null)

CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter \
  -Werror=implicit-function-declaration
ALL_CFLAGS = $(WARN) -D_GNU_SOURCE -Iinclude -Ilib $(DEP_CFLAGS) $(CFLAGS) $(CPPFLAGS)
LIB_CFLAGS = $(ALL_CFLAGS) -fPIC -fvisibility=hidden -DPLAN_BUILDING

B = build
# The library's stages, bottom up: each folder of lib/ may include only its
# own headers and the interface header of a stage before it in this list
# (tests/check_layers.sh holds every file to it).
STAGES = core data text lexicon input segment assign doc compare render
LIB_SRC = $(sort $(foreach s,$(STAGES),$(wildcard lib/$(s)/*.c)))
LIB_OBJ = $(LIB_SRC:lib/%.c=$(B)/lib/%.o)
TEST_SRC = $(sort $(wildcard tests/test_*.c))
TESTS = $(TEST_SRC:tests/%.c=$(B)/tests/%)
BENCH_SRC = $(sort $(wildcard bench/*.c))
FUZZ_TARGETS = normalize parse compare words text html docx legacy
REPLAYS = $(FUZZ_TARGETS:%=$(B)/fuzz/replay_%)
BENCHES = $(BENCH_SRC:bench/%.c=$(B)/bench/%)

.PHONY: screenshots expected wild fuzz fuzz-ci docs all check check-gen check-symbols check-install check-sanitize check-valgrind bench gen install uninstall clean deps

all: $(B)/libplan.a $(B)/$(SOFILE) $(B)/plan $(B)/examples/compare $(B)/shapes

deps:
	@$(PKG_CONFIG) --exists $(DEPS) cmocka jansson libxxhash || { \
	  echo "missing dependencies: run  sudo apt-get install build-essential pkg-config libxml2-dev libpcre2-dev libutf8proc-dev libcmocka-dev libjansson-dev libzip-dev"; exit 1; }

# Every object's header dependencies come from the compiler (-MMD -MP).
DEPFLAGS = -MMD -MP
$(B)/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	$(CC) $(LIB_CFLAGS) $(DEPFLAGS) -c $< -o $@

$(B)/libplan.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

$(B)/$(SOFILE): $(LIB_OBJ) lib/libplan.map
	$(CC) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=lib/libplan.map \
	  $(LDFLAGS) -o $@ $(LIB_OBJ) $(DEP_LIBS)
	ln -sf $(SOFILE) $(B)/$(SONAME)
	ln -sf $(SONAME) $(B)/libplan.so

# The CLI reads JSON Lines input with jansson and parses on threads.
TOOL_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson libxxhash 2>/dev/null)
TOOL_LIBS := $(shell $(PKG_CONFIG) --libs jansson libxxhash 2>/dev/null) -pthread

TOOL_SRC = tools/plan.c tools/corpus.c tools/budget.c
$(B)/plan: $(TOOL_SRC) tools/corpus.h tools/budget.h $(B)/libplan.a include/plan.h | $(B)
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(TOOL_CFLAGS) -Itools -o $@ $(TOOL_SRC) $(B)/libplan.a $(DEP_LIBS) $(TOOL_LIBS) $(LDFLAGS)

# The hostile inputs of tests/shapes.h, written out (tools/shapes.c).
$(B)/shapes: tools/shapes.c | $(B)
	$(CC) $(WARN) $(DEPFLAGS) $(CFLAGS) -o $@ tools/shapes.c

# The example builds as a user would build it: plan.h and the library.
$(B)/examples/compare: examples/compare.c $(B)/libplan.a include/plan.h | $(B)/examples
	$(CC) $(WARN) $(DEPFLAGS) -Iinclude $(CFLAGS) -o $@ examples/compare.c $(B)/libplan.a $(DEP_LIBS) $(LDFLAGS)

$(B)/tests/%: tests/%.c $(B)/libplan.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(B)/libplan.a $(DEP_LIBS) $(CMOCKA_LIBS) $(LDFLAGS) -lm -pthread

# The out-of-memory harness: the library's allocations go through the
# test's wrappers, which fail the n-th.
OOM_WRAP = -Wl,--wrap=malloc -Wl,--wrap=calloc -Wl,--wrap=realloc -Wl,--wrap=strdup
$(B)/tests/test_oom: tests/test_oom.c $(B)/libplan.a | $(B)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(CMOCKA_CFLAGS) -o $@ $< $(B)/libplan.a $(DEP_LIBS) $(CMOCKA_LIBS) $(LDFLAGS) $(OOM_WRAP) -lm -pthread

$(B)/fuzz/replay_%: fuzz/fuzz_%.c fuzz/replay.c $(B)/libplan.a | $(B)/fuzz
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -o $@ fuzz/fuzz_$*.c fuzz/replay.c $(B)/libplan.a $(DEP_LIBS) $(LDFLAGS)

# libFuzzer builds (clang): build-fuzz/fuzz_normalize etc., one per target
# of FUZZ_TARGETS (an input kind each: text, html, docx, legacy; the whole
# parse; the comparison and its reports; the normalizer; the word folds).
# Run one with
#   build-fuzz/fuzz_parse -max_total_time=600 build-fuzz/seeds-parse corpus fuzz/seeds
# `make fuzz-ci` runs each for FUZZ_SECONDS (check-sanitize does, so CI
# does); a crash is written to fuzz/regressions/, which make check replays:
# commit it with the fix.
FUZZ_CFLAGS = -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_OBJ = $(LIB_SRC:lib/%.c=build-fuzz/lib/%.o)
FUZZ_SECONDS ?= 15
build-fuzz/lib/%.o: lib/%.c
	@mkdir -p $(@D)
	clang $(WARN) -D_GNU_SOURCE -Iinclude -Ilib $(DEP_CFLAGS) -DPLAN_BUILDING $(DEPFLAGS) \
	  -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -c $< -o $@
build-fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJ)
	clang $(WARN) -Iinclude -Ilib $(DEP_CFLAGS) $(FUZZ_CFLAGS) $(DEPFLAGS) -o $@ $< $(FUZZ_OBJ) $(DEP_LIBS)
	@mkdir -p build-fuzz/seeds-$*
fuzz: $(FUZZ_TARGETS:%=build-fuzz/fuzz_%)
fuzz-ci: fuzz
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  build-fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=fuzz/regressions/$$t- -print_final_stats=1 \
	    build-fuzz/seeds-$$t fuzz/seeds corpus 2>build-fuzz/$$t.log \
	    || { tail -40 build-fuzz/$$t.log; echo "fuzz: $$t found a crash, kept in fuzz/regressions/"; exit 1; }; \
	  grep -h "stat::number_of_executed_units" build-fuzz/$$t.log | sed "s/^/  /"; done

# The benchmarks' peers are linked in, to be timed in-process as libplan is:
# libcmark (bench_parse) and ICU (bench_normalize).
PEER_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcmark icu-uc 2>/dev/null)
PEER_LIBS := $(shell $(PKG_CONFIG) --libs libcmark icu-uc 2>/dev/null)
$(B)/bench/%: bench/%.c $(B)/libplan.a | $(B)/bench
	$(CC) $(ALL_CFLAGS) $(PEER_CFLAGS) $(DEPFLAGS) -o $@ $< $(B)/libplan.a $(DEP_LIBS) $(PEER_LIBS) $(LDFLAGS) -lm

$(B) $(B)/lib $(B)/tests $(B)/bench $(B)/examples $(B)/fuzz:
	mkdir -p $@

# Every test program, then the shell checks; one summary line at the end.
check: all $(TESTS) $(REPLAYS)
	@sh tests/run_all.sh $(B) $(TESTS)

check-gen:
	@sh tests/check_gen.sh

check-symbols: $(B)/$(SOFILE)
	@sh tests/check_symbols.sh $(B)/$(SOFILE) include/plan.h

check-install: all
	@sh tests/check_install.sh

# The whole suite under AddressSanitizer and UBSan (clang), in its own
# build folder; the Python tests and the install check are skipped there
# (neither the interpreter nor a plain program is instrumented).
SAN = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
check-sanitize:
	$(MAKE) B=build-sanitize CC=clang CFLAGS="-O1 -g $(SAN)" LDFLAGS="$(SAN)" \
	  PLAN_SKIP_PYTHON=1 PLAN_SKIP_INSTALL=1 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 check
	$(MAKE) fuzz-ci

# The cmocka programs under valgrind memcheck; any error fails.
check-valgrind: $(TESTS)
	@for t in $(TESTS); do \
	  valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
	    $$t >/dev/null 2>$(B)/valgrind.log || { cat $(B)/valgrind.log; echo "valgrind: $$t failed"; exit 1; }; \
	  echo "valgrind: $$t clean"; done

bench: all $(BENCHES)
	@for b in $(BENCHES); do $$b || exit 1; done
	@BUILD=$(B) $(PYTHON) bench/bench_dask.py

# Gold-free figures of the parser on real documents (not part of check):
#   make wild              the wild folder beside the project
#   make wild WILD=DIR     any folder of documents
WILD ?= ../shared/corpus/wild
wild: $(B)/plan
	@$(PYTHON) tools/wild_figures.py --plan $(B)/plan $(WILD)

# Every renderer's output over the corpus, pinned (tests/check_expected.sh):
# after a change, run this and review `git diff corpus/expected`.
expected: $(B)/plan
	tools/expected.sh $(B)/plan corpus/expected

# The README's pictures of the reports, as chromium renders them.
screenshots: $(B)/plan
	mkdir -p docs/images
	BUILD=$(B) sh tests/check_html_report.sh docs/images

gen: docs
	tools/gen_tables.sh data lib/data
	tools/gen_statuses.sh lib/core/statuses.c

docs:
	tools/gen_api_doc.sh docs/API.md

install: all
	install -d $(DESTDIR)$(INCLUDEDIR) $(DESTDIR)$(LIBDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(PKGCONFIGDIR)
	install -m 644 include/plan.h $(DESTDIR)$(INCLUDEDIR)/plan.h
	install -m 644 $(B)/libplan.a $(DESTDIR)$(LIBDIR)/libplan.a
	install -m 755 $(B)/$(SOFILE) $(DESTDIR)$(LIBDIR)/$(SOFILE)
	ln -sf $(SOFILE) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libplan.so
	install -m 755 $(B)/plan $(DESTDIR)$(BINDIR)/plan
	install -d $(DESTDIR)$(MANDIR)/man1
	install -m 644 docs/man/plan.1 $(DESTDIR)$(MANDIR)/man1/plan.1
	install -d $(DESTDIR)$(PYDIR)/libplan
	install -m 644 bindings/python/libplan/*.py bindings/python/libplan/py.typed $(DESTDIR)$(PYDIR)/libplan/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    -e 's|@LIBS_PRIVATE@|$(STATIC_LIBS)|g' \
	    pkgconfig/libplan.pc.in > $(DESTDIR)$(PKGCONFIGDIR)/libplan.pc

uninstall:
	rm -f $(DESTDIR)$(INCLUDEDIR)/plan.h $(DESTDIR)$(LIBDIR)/libplan.a \
	  $(DESTDIR)$(LIBDIR)/$(SOFILE) $(DESTDIR)$(LIBDIR)/$(SONAME) \
	  $(DESTDIR)$(LIBDIR)/libplan.so $(DESTDIR)$(BINDIR)/plan \
	  $(DESTDIR)$(PKGCONFIGDIR)/libplan.pc $(DESTDIR)$(MANDIR)/man1/plan.1
	rm -f $(DESTDIR)$(PYDIR)/libplan/*.py $(DESTDIR)$(PYDIR)/libplan/py.typed
	rm -rf $(DESTDIR)$(PYDIR)/libplan/__pycache__
	-rmdir $(DESTDIR)$(PYDIR)/libplan 2>/dev/null

clean:
	rm -rf $(B) build-sanitize build-fuzz

# What each object and program includes, as the compiler saw it.
-include $(shell find $(B) build-fuzz -name '*.d' 2>/dev/null)
