#!/usr/bin/env bash
# Runs every benchmark and writes docs/benchmarks/results.json and the PNG charts beside it
# (docs/benchmarks.md). Arguments are JVM options for the runner, e.g.
#   benchmarks/run-all.sh                              the full run (about 45 minutes)
#   benchmarks/run-all.sh -Dbench.quick=true           a short run proving that each benchmark works
#   benchmarks/run-all.sh -Dbench.only=eligibility     some suites: eligibility, catalog, startup, gitlab, classification, scaling
# Run it on a quiet machine: the figures are only worth their load average (results.json records it).
set -euo pipefail
cd "$(dirname "$0")/.."

modules=benchmarks,cdot-service,gitlab-client
if [ -d gitlab-service ]; then
	modules="$modules,gitlab-service"
fi
# one reactor build: the class path then points at this build's jars, nothing is installed
./mvnw -B -q -Pbenchmarks -pl "$modules" -am -DskipTests package \
	dependency:build-classpath -Dmdep.outputFile=target/classpath.txt

exec java -Xmx2g -Djava.awt.headless=true "$@" \
	-cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" \
	io.cdottrials.benchmarks.RunAll
