#!/bin/sh
# Makes lib/app/sluice.jsa and lib/app/sluice-workbench.jsa, the class-data sharing archives that the command
# line and the workbench map at start-up (-XX:SharedArchiveFile in their .cfg files), from the class list recorded
# when the image was built (lib/app/sluice.classlist). The archives hold the class path as absolute paths, so they
# are made again wherever the image is installed or moved: the build runs this for app/target/dist/Sluice, the
# .deb's postinst for /opt/sluice. Without a matching archive the launchers still start, only slower.
set -e

image=$(cd "$(dirname "$0")/.." && pwd -P)
app="$image/lib/app"
# The launchers' class path, in their order: the JVM checks it against the one the archive was made with.
classpath=$(sed -n "s|^app\.classpath=\\\$APPDIR|$app|p" "$app/Sluice.cfg" | paste -sd: -)

# Two archives from the one class list: the command line's (G1, compressed oops) and the workbench's (ZGC, which
# has no compressed oops). The JVM refuses an archive made under the other setting, so each launcher maps its own.
dump() {
    rm -f "$app/$1"
    if ! output=$("$image/lib/runtime/bin/java" -Xshare:dump $2 -XX:SharedClassListFile="$app/sluice.classlist" \
            -XX:SharedArchiveFile="$app/$1" -cp "$classpath" 2>&1); then
        echo "$output" >&2
        echo "could not make $app/$1; its launcher starts without it" >&2
        exit 1
    fi
}
dump sluice.jsa ""
dump sluice-workbench.jsa -XX:+UseZGC
