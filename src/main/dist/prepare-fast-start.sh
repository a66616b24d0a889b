#!/bin/sh
# Prepares Guichet for a fast start (docs/OPERATIONS.md, "Fast start and memory"; the archive is
# optional there: on Java 17 and a 2-core machine it was not shown to help, measure it on yours):
# extracts the jar into DIRECTORY (the application jar and its libraries side by side), then makes
# the class data sharing archive guichet.jsa there with a training run on a throwaway H2
# database. Run it again after every upgrade of Guichet or of Java, in the directory the server
# will start from (the archive records the paths of the jars and the Java version it was made with).
#
# The archive is usable only by a JVM started with the same garbage collector and heap options:
# give the server's in JAVA_OPTS (default: those of docs/OPERATIONS.md).
#
# Usage: [JAVA_OPTS="..."] prepare-fast-start.sh GUICHET_JAR DIRECTORY
# Then:  cd DIRECTORY && java -XX:SharedArchiveFile=guichet.jsa $JAVA_OPTS -jar guichet.jar
set -eu
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xms128m -Xmx512m}
if [ "$#" -ne 2 ]; then
  echo "Usage: $0 GUICHET_JAR DIRECTORY" >&2
  exit 2
fi
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
java -Djarmode=tools -jar "$jar" extract --destination "$2" --application-filename guichet.jar --force
training=$(mktemp -d)
trap 'rm -rf "$training"' EXIT
cd "$2"
rm -f guichet.jsa
# The training run starts the application on an empty H2 database of its own (whatever
# SPRING_DATASOURCE_* says: command-line arguments come first), and stops once its beans are
# created (Spring's spring.context.exit=onRefresh): no port is opened, no job runs.
# shellcheck disable=SC2086
java $JAVA_OPTS -XX:ArchiveClassesAtExit=guichet.jsa -Dspring.context.exit=onRefresh -jar guichet.jar \
  --guichet.data-dir="$training" \
  --spring.datasource.url="jdbc:h2:file:$training/guichet;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" \
  --spring.datasource.username=guichet --spring.datasource.password= \
  --spring.profiles.active=default --logging.level.root=warn > "$training/training.log" 2>&1 \
  || { cat "$training/training.log" >&2; exit 1; }
echo "Ready: cd $(pwd) && java -XX:SharedArchiveFile=guichet.jsa $JAVA_OPTS -jar guichet.jar"
