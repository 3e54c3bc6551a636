# Finds a JDK >= 21 for the build and the local stack. Sourced by .ci/run and ./run-local:
#   source scripts/java-home.sh
#   JDK=$(find_jdk) || ...        # $JAVA_HOME if it is one, else the first under /usr/lib/jvm
#   use_jdk "$JDK"                # exports JAVA_HOME and puts its bin first on PATH

# The major version of the JDK at $1 (21, 25, ...).
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]}'
}

# Prints the home of a JDK >= 21: $JAVA_HOME when it is one, otherwise the first under /usr/lib/jvm.
find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/*; do
    if [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] && [ "$(java_major "$candidate")" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

use_jdk() {
  export JAVA_HOME="$1"
  export PATH="$JAVA_HOME/bin:$PATH"
}
