#!/usr/bin/env bash
# Builds the self-contained app image target/dist/Sluice with the JDK's jlink and jpackage: its own trimmed runtime
# with the JavaFX modules, the launchers bin/Sluice (workbench) and bin/sluice (command line), the examples, and a
# class-data sharing archive made from training runs; and, where dpkg-deb and fakeroot exist, a .deb of it.
# Maven runs it in the app module's package phase (app/pom.xml, profile app-image). Where this JDK lacks jpackage,
# jlink or its jmods it says so and makes nothing; the profiles no-jpackage and no-jmods then skip the image test.
set -euo pipefail

usage="usage: build-image.sh JAVA_HOME APP_JAR LIBRARIES_DIR JAVAFX_DIR SAMPLE_DATA_DIR VERSION TARGET_DIR [BROKER_JAR]"
[ $# -eq 7 ] || [ $# -eq 8 ] || { echo "$usage" >&2; exit 2; }
absolute() { echo "$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"; }
java_home=$(absolute "$1") app_jar=$(absolute "$2") libraries=$(absolute "$3") javafx=$(absolute "$4")
sample_data=$(absolute "$5") version=${6%%-*} target=$(absolute "$7") broker_jar=${8:-}
here=$(cd "$(dirname "$0")" && pwd)
dist=$target/dist
image=$dist/Sluice
work=$target/image-work

say() { echo "[sluice image] $*"; }
seconds_since() { echo $(( $(date +%s) - $1 )); }

missing=()
for tool in jlink jpackage; do
    [ -x "$java_home/bin/$tool" ] || missing+=("$tool")
done
[ -d "$java_home/jmods" ] || missing+=("jmods")
if [ ${#missing[@]} -gt 0 ]; then
    say "skipped: the JDK at $java_home has no ${missing[*]} (Debian: apt-get install openjdk-17-jdk-headless);" \
        "javafx:run and the engine jar work without them"
    exit 0
fi
started=$(date +%s)
mkdir -p "$work"

# 1. The runtime: the JDK modules the app and the engine use, and JavaFX's. JavaFX's jmods are not on Maven Central;
#    its platform jars are modular, so jlink takes them as they are. Their native libraries are resources inside the
#    jars, which JavaFX would unpack into ~/.openjfx at every first start; they go to the runtime's lib folder instead,
#    where JavaFX looks first. Made again only when the JDK, the JavaFX jars or the module list change.
#    java.security.jgss, java.security.sasl and jdk.unsupported: the Kafka client (its logins, lz4); javafx.fxml: the
#    workbench's window layouts. jdeps names java.desktop too, for optional parts of Jackson and ControlsFX: left out.
modules=java.logging,java.management,java.prefs,java.security.jgss,java.security.sasl,java.sql,jdk.unsupported
modules=$modules,javafx.controls,javafx.fxml
fx_jars=("$javafx"/javafx-*-linux*.jar)
[ -e "${fx_jars[0]}" ] || { say "no JavaFX platform jars in $javafx" >&2; exit 1; }
runtime_key="$java_home $(tr '\n' ' ' < "$java_home/release") $modules $(ls -l "${fx_jars[@]}" | awk '{print $5, $9}')"
if [ ! -f "$work/runtime.key" ] || [ "$(cat "$work/runtime.key")" != "$runtime_key" ]; then
    rm -rf "$work/runtime" "$work/runtime.key"
    module_path="$java_home/jmods$(printf ':%s' "${fx_jars[@]}")"
    "$java_home/bin/jlink" --module-path "$module_path" --add-modules "$modules" --exclude-resources '**.so' \
        --strip-debug --no-header-files --no-man-pages --output "$work/runtime"
    for jar in "${fx_jars[@]}"; do
        libraries_in_jar=$("$java_home/bin/jar" tf "$jar" | grep '\.so$' || true)
        if [ -n "$libraries_in_jar" ]; then
            (cd "$work/runtime/lib" && "$java_home/bin/jar" xf "$jar" $libraries_in_jar)
        fi
    done
    echo "$runtime_key" > "$work/runtime.key"
fi

# 2. The app: jars on the class path (JavaFX is in the runtime), the examples beside them (lib/app/sample-data).
#    The workbench's launcher runs ZGC, whose pauses are under a millisecond: G1's young collections copied what the
#    views hold (about 144 MB) and stopped the FX thread for 30 to 100 ms, even with a pause goal of 16 ms. A soft
#    heap size keeps ZGC collecting before the heap is large (it would otherwise let it grow toward a quarter of the
#    memory); the heap still grows past it when the views need more. The command line keeps G1: a batch run wants
#    throughput. ZGC maps no archive made for compressed oops, so the workbench has its own (step 3).
#    Both launchers map their archive at the address it was made for (ArchiveRelocationMode=0, a diagnostic option):
#    this Java 17 (17.0.15) maps it at a random address by default and first patches every pointer in it, which
#    touched all of the command line's 70 MB archive and took 40 to 100 ms of each start ("Genesis" in
#    -Xlog:startuptime, 5 ms without) and 35 MB of memory that the mapped file now shares. The archive's address is
#    then the same in every process; the JVM still moves it when that address is taken.
rm -rf "$work/input" "$image"
mkdir -p "$work/input" "$dist"
cp "$libraries"/*.jar "$work/input/"
cp "$app_jar" "$work/input/sluice-app.jar"
cp -r "$sample_data" "$work/input/sample-data"
examples='$APPDIR/sample-data/pipelines'
"$java_home/bin/jpackage" --type app-image --dest "$dist" --name Sluice --app-version "$version" \
    --description "Desktop stream workbench with Spark Structured Streaming semantics" --vendor Sluice \
    --icon "$here/sluice.png" --runtime-image "$work/runtime" --input "$work/input" \
    --main-jar sluice-app.jar --main-class sluice.app.Launcher \
    --java-options '-XX:SharedArchiveFile=$APPDIR/sluice-workbench.jsa' \
    --java-options '-XX:+UnlockDiagnosticVMOptions' --java-options '-XX:ArchiveRelocationMode=0' \
    --java-options "-Dsluice.examples=$examples" \
    --java-options '-XX:+UseZGC' --java-options '-XX:SoftMaxHeapSize=512m' \
    --arguments "--open $examples/stocks-replay.sluice.json" \
    --add-launcher sluice="$here/sluice-cli.properties"
cp "$here/make-cds-archive.sh" "$image/lib/make-cds-archive.sh"
chmod +x "$image/lib/make-cds-archive.sh"

# 3. Training runs record the classes that start-up loads; the archives made from them (one for each launcher's
#    collector) are mapped by the launchers.
#    The command line: validate, nodes, export, and runs of the examples and of the benchmark's query shape (CSV,
#    select, filter, noop, progress lines), of its other cases' shapes (functions, aggregations, windows, state,
#    Parquet and ORC), and a Kafka source's start (below). The workbench: opened on the stocks
#    example and run until its first batches, under a private Xvfb (no window on the builder's screen), and stopped.
app=$image/lib/app
java=$image/lib/runtime/bin/java
classpath=$(sed -n "s|^app\.classpath=\\\$APPDIR|$app|p" "$app/Sluice.cfg" | paste -sd: -)
lists=$work/classlists
rm -rf "$lists" && mkdir -p "$lists"
record() {
    local name=$1
    shift
    "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/$name" -cp "$classpath" "$@"
}
pipelines=$app/sample-data/pipelines
cat > "$work/training.sluice.json" <<EOF
{"format": "sluice/1", "name": "training", "nodes": [
  {"id": "stocks", "type": "source.file", "options": {"path": "$app/sample-data/stocks", "format": "csv",
   "header": "true",
   "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"}},
  {"id": "change", "type": "transform.select", "inputs": ["stocks"],
   "options": {"expressions": ["Name", "Date", "Close", "Close - Open AS change"]}},
  {"id": "rising", "type": "transform.filter", "inputs": ["change"], "options": {"condition": "change > 0"}},
  {"id": "out", "type": "sink.noop", "inputs": ["rising"]}
]}
EOF
# The Kafka source with no broker (nothing listens on port 1): the run makes its Admin and its consumers and loads
# kafka-clients' protocol, then fails after the short timeouts below, as it should (exit 1). Reading records needs a
# broker and is left out. kafka-clients loads every request, response and error class of its protocol on its first
# connection (ApiKeys and Errors make them all), so those packages go into the archive whole, from its jar.
cat > "$work/training-kafka.sluice.json" <<EOF
{"format": "sluice/1", "name": "training kafka", "nodes": [
  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "127.0.0.1:1", "subscribe": "training",
   "kafka.request.timeout.ms": "500", "kafka.default.api.timeout.ms": "1000"}},
  {"id": "text", "type": "transform.select", "inputs": ["in"], "options": {"expressions": ["CAST(value AS STRING)"]}},
  {"id": "out", "type": "sink.noop", "inputs": ["text"]}
]}
EOF
# The benchmark's other shapes, so that their classes come from the archive too: one run over the stocks folder, a
# few files a batch with a checkpoint, whose sinks are the ten string and date functions of case (d), the
# aggregation of (e) (symbol and month, four aggregates, complete mode), 7-day windows behind a watermark in append
# mode as in (f) (the state store's commits), and the rows written as Parquet (snappy) and ORC (zstd) by sink.file;
# then a second run reads both folders back through the select + filter of (i) and (j). Without these, a Parquet
# read loaded about 1,400 classes from the jars, an ORC read about 600, the aggregation of (e) about 110.
columnar=$work/training-columnar
rm -rf "$columnar" && mkdir -p "$columnar"
stocks_schema="Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"
cat > "$work/training-stateful.sluice.json" <<EOF
{"format": "sluice/1", "name": "training stateful", "checkpointLocation": "$columnar/checkpoint", "nodes": [
  {"id": "stocks", "type": "source.file", "options": {"path": "$app/sample-data/stocks", "format": "csv",
   "header": "true", "maxFilesPerTrigger": "4", "schema": "$stocks_schema"}},
  {"id": "functions", "type": "transform.select", "inputs": ["stocks"],
   "options": {"expressions": ["upper(Name) AS u", "lower(Name) AS l", "length(Name) AS n",
     "substring(Name, 1, 2) AS p", "concat_ws('-', Name, 'x') AS c", "replace(Name, 'A', 'a') AS r",
     "year(Date) AS y", "month(Date) AS m", "date_format(Date, 'yyyy-MM') AS ym",
     "datediff(Date, DATE '2000-01-01') AS d"]}},
  {"id": "functions-out", "type": "sink.noop", "inputs": ["functions"]},
  {"id": "monthly", "type": "transform.aggregate", "inputs": ["stocks"],
   "options": {"groupBy": ["Name", "trunc(Date, 'MM') AS month"],
     "aggregations": ["avg(Close) AS avg_close", "max(High) AS max_high", "min(Low) AS min_low",
       "sum(Volume) AS volume"]}},
  {"id": "monthly-out", "type": "sink.noop", "inputs": ["monthly"], "options": {"outputMode": "complete"}},
  {"id": "day", "type": "transform.select", "inputs": ["stocks"],
   "options": {"expressions": ["CAST(Date AS TIMESTAMP) AS day", "Name", "Close"]}},
  {"id": "late", "type": "transform.watermark", "inputs": ["day"],
   "options": {"eventTime": "day", "delayThreshold": "2 days"}},
  {"id": "weekly", "type": "transform.aggregate", "inputs": ["late"],
   "options": {"groupBy": ["window(day, '7 days')", "Name"], "aggregations": ["count(*) AS n", "avg(Close) AS a"]}},
  {"id": "weekly-out", "type": "sink.noop", "inputs": ["weekly"], "options": {"outputMode": "append"}},
  {"id": "parquet", "type": "sink.file", "inputs": ["stocks"],
   "options": {"path": "$columnar/parquet", "format": "parquet", "outputMode": "append"}},
  {"id": "orc", "type": "sink.file", "inputs": ["stocks"],
   "options": {"path": "$columnar/orc", "format": "orc", "outputMode": "append"}}
]}
EOF
cat > "$work/training-columnar.sluice.json" <<EOF
{"format": "sluice/1", "name": "training columnar", "nodes": [
  {"id": "parquet", "type": "source.file",
   "options": {"path": "$columnar/parquet", "format": "parquet", "schema": "$stocks_schema"}},
  {"id": "parquet-change", "type": "transform.select", "inputs": ["parquet"],
   "options": {"expressions": ["Name", "Date", "Close", "Close - Open AS change"]}},
  {"id": "parquet-rising", "type": "transform.filter", "inputs": ["parquet-change"],
   "options": {"condition": "change > 0"}},
  {"id": "parquet-out", "type": "sink.noop", "inputs": ["parquet-rising"]},
  {"id": "orc", "type": "source.file",
   "options": {"path": "$columnar/orc", "format": "orc", "schema": "$stocks_schema"}},
  {"id": "orc-change", "type": "transform.select", "inputs": ["orc"],
   "options": {"expressions": ["Name", "Date", "Close", "Close - Open AS change"]}},
  {"id": "orc-rising", "type": "transform.filter", "inputs": ["orc-change"], "options": {"condition": "change > 0"}},
  {"id": "orc-out", "type": "sink.noop", "inputs": ["orc-rising"]}
]}
EOF
cli=sluice.engine.cli.Main
{
    record validate $cli validate "$pipelines/stocks-replay.sluice.json"
    record nodes $cli nodes
    record export $cli export "$pipelines/stocks-replay.sluice.json" --to pyspark
    record stocks $cli run "$pipelines/stocks-replay.sluice.json" --trigger available-now
    record json $cli run "$pipelines/json-messages.sluice.json" --trigger available-now
    record query $cli run "$work/training.sluice.json" --trigger available-now --progress
    record stateful $cli run "$work/training-stateful.sluice.json" --trigger available-now --progress
    record columnar $cli run "$work/training-columnar.sluice.json" --trigger available-now --progress
    kafka_exit=0
    record kafka $cli run "$work/training-kafka.sluice.json" --trigger available-now || kafka_exit=$?
    [ $kafka_exit -eq 1 ]
} > "$work/training-cli.log" 2>&1 || {
    cat "$work/training-cli.log" >&2
    say "a command-line training run failed" >&2
    exit 1
}

# The Kafka read and write paths, against the local broker of the broker module (sluice-broker.jar, 127.0.0.1 only):
# the stocks folder into a topic with the Kafka sink, then the topic read back, cast and filtered. The run without a
# broker above stops before the first response; a real one also records the classes and lambdas of the Admin's
# offset questions, the fetches and the record batches, the producer, and the offset log (about 200 classes and 250
# lambdas that `sluice run` otherwise loads or spins from the jars). No broker jar, or a broker that does not start:
# said, and the archive is made without them.
train_kafka() {
    local log=$work/training-broker.log port controller pid waited=0 ok=1
    port=$(shuf -i 20000-40000 -n 1)
    controller=$((port + 1))
    rm -rf "$work/training-broker"
    "$java_home/bin/java" -jar "$broker_jar" --port "$port" --controller-port "$controller" \
        --data "$work/training-broker" > "$log" 2>&1 &
    pid=$!
    until grep -q "Kafka broker on" "$log" || ! kill -0 $pid 2>/dev/null || [ $waited -ge 1200 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    if ! grep -q "Kafka broker on" "$log"; then
        say "the training broker did not start (see $log); the Kafka read path is left out of the archive"
        kill $pid 2>/dev/null || true
        wait $pid 2>/dev/null || true
        return 0
    fi
    cat > "$work/training-to-kafka.sluice.json" <<EOF
{"format": "sluice/1", "name": "training to kafka", "nodes": [
  {"id": "stocks", "type": "source.file", "options": {"path": "$app/sample-data/stocks", "format": "csv",
   "header": "true",
   "schema": "Date DATE, Open DOUBLE, High DOUBLE, Low DOUBLE, Close DOUBLE, Volume BIGINT, Name STRING"}},
  {"id": "records", "type": "transform.select", "inputs": ["stocks"],
   "options": {"expressions": ["Name AS key", "to_json(struct(*)) AS value"]}},
  {"id": "out", "type": "sink.kafka", "inputs": ["records"],
   "options": {"kafka.bootstrap.servers": "127.0.0.1:$port", "topic": "training"}}
]}
EOF
    cat > "$work/training-from-kafka.sluice.json" <<EOF
{"format": "sluice/1", "name": "training from kafka", "nodes": [
  {"id": "in", "type": "source.kafka", "options": {"kafka.bootstrap.servers": "127.0.0.1:$port",
   "subscribe": "training", "startingOffsets": "earliest"}},
  {"id": "text", "type": "transform.select", "inputs": ["in"],
   "options": {"expressions": ["CAST(value AS STRING) AS v"]}},
  {"id": "some", "type": "transform.filter", "inputs": ["text"], "options": {"condition": "instr(v, 'AAPL') > 0"}},
  {"id": "out", "type": "sink.noop", "inputs": ["some"]}
]}
EOF
    {
        record kafka-write $cli run "$work/training-to-kafka.sluice.json" --trigger available-now &&
            record kafka-read $cli run "$work/training-from-kafka.sluice.json" --trigger available-now --progress
    } >> "$work/training-cli.log" 2>&1 || ok=0
    kill $pid 2>/dev/null || true
    wait $pid 2>/dev/null || true
    rm -rf "$work/training-broker"
    if [ $ok -eq 1 ]; then
        say "Kafka training runs against a local broker: done"
    else
        rm -f "$lists/kafka-write" "$lists/kafka-read"
        say "a Kafka training run failed (see $work/training-cli.log); the Kafka read path is left out of the archive"
    fi
}
if [ -n "$broker_jar" ] && [ -f "$broker_jar" ]; then
    train_kafka
else
    say "no broker jar (build the broker module first): the Kafka read path is left out of the archive"
fi
"$java_home/bin/jar" tf "$app/kafka-clients.jar" \
    | sed -n 's#^\(org/apache/kafka/common/\(message\|requests\|errors\)/[^/]*\)\.class$#\1#p' > "$lists/kafka-protocol"

train_workbench() {
    local display_file=$work/xvfb.display log=$work/training-workbench.log xvfb workbench waited=0
    rm -f "$display_file"
    Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$display_file" 2>/dev/null &
    xvfb=$!
    until [ -s "$display_file" ] || [ $waited -ge 100 ]; do sleep 0.1; waited=$((waited + 1)); done
    : > "$log"
    DISPLAY=":$(cat "$display_file")" "$java" -Xshare:off -XX:DumpLoadedClassList="$lists/workbench" \
        -Djava.util.prefs.userRoot="$work/preferences" -Dsluice.examples="$pipelines" -cp "$classpath" \
        sluice.app.Launcher --open "$pipelines/stocks-replay.sluice.json" --run > "$log" 2>&1 &
    workbench=$!
    waited=0
    until grep -q "window shown" "$log" || ! kill -0 $workbench 2>/dev/null || [ $waited -ge 600 ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    if grep -q "window shown" "$log"; then
        sleep 3 # the stocks example's first batches: one per second
        say "workbench training run: $(grep -o 'window shown.*' "$log")"
    else
        say "the workbench's training run showed no window (see $log); its classes are left out of the archive"
        rm -f "$lists/workbench"
    fi
    kill $workbench 2>/dev/null || true
    wait $workbench 2>/dev/null || true
    kill $xvfb 2>/dev/null || true
    wait $xvfb 2>/dev/null || true
}
if command -v Xvfb >/dev/null 2>&1; then
    train_workbench
else
    say "no Xvfb (apt-get install xvfb): the workbench's classes are left out of the archive, its window opens later"
fi
cat "$lists"/* | awk '!seen[$0]++' > "$app/sluice.classlist"
"$image/lib/make-cds-archive.sh"
say "app image $image made in $(seconds_since "$started") s"

# 4. The .deb: the same image under /opt/sluice, a desktop entry with the icon, and /usr/bin/sluice (postinst). The
#    archives are left out of the package: they name this folder's jars, so the postinst makes it for /opt/sluice.
#    deb/ overrides jpackage's postinst and prerm, and hides the menu entry jpackage 17 makes for every launcher.
if command -v dpkg-deb >/dev/null 2>&1 && command -v fakeroot >/dev/null 2>&1; then
    started=$(date +%s)
    rm -f "$dist"/sluice_*.deb
    mv "$app/sluice.jsa" "$app/sluice-workbench.jsa" "$work/"
    # gzip: a few seconds where dpkg-deb's default, xz, takes a minute or two on two cores; every dpkg reads it.
    DPKG_DEB_COMPRESSOR_TYPE=gzip "$java_home/bin/jpackage" --type deb --app-image "$image" --dest "$dist" \
        --name Sluice --app-version "$version" \
        --description "Desktop stream workbench with Spark Structured Streaming semantics" --vendor Sluice \
        --icon "$here/sluice.png" --linux-package-name sluice --install-dir /opt --linux-shortcut \
        --linux-menu-group Development --linux-app-category devel --resource-dir "$here/deb"
    mv "$work/sluice.jsa" "$work/sluice-workbench.jsa" "$app/"
    say "package $(ls "$dist"/sluice_*.deb) made in $(seconds_since "$started") s"
else
    say "no .deb: it needs dpkg-deb and fakeroot (apt-get install fakeroot)"
fi
