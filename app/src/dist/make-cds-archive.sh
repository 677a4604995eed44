#!/bin/sh
# Makes lib/app/sluice.jsa, the class-data sharing archive that both launchers map at start-up
# (-XX:SharedArchiveFile in their .cfg files), from the class list recorded when the image was built
# (lib/app/sluice.classlist). The archive holds the class path as absolute paths, so it is made again wherever the
# image is installed or moved: the build runs this for app/target/dist/Sluice, the .deb's postinst for /opt/sluice.
# Without a matching archive the launchers still start, only slower.
set -e

image=$(cd "$(dirname "$0")/.." && pwd -P)
app="$image/lib/app"
# The launchers' class path, in their order: the JVM checks it against the one the archive was made with.
classpath=$(sed -n "s|^app\.classpath=\\\$APPDIR|$app|p" "$app/Sluice.cfg" | paste -sd: -)

rm -f "$app/sluice.jsa"
if ! output=$("$image/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$app/sluice.classlist" \
        -XX:SharedArchiveFile="$app/sluice.jsa" -cp "$classpath" 2>&1); then
    echo "$output" >&2
    echo "could not make $app/sluice.jsa; the launchers start without it" >&2
    exit 1
fi
