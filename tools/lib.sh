# tools/lib.sh: what the tools share.  Sourced, never run:
#   . "$(dirname "$0")/lib.sh"
# Sets COWL_TOP (the repository root) and COWL_BUILD (its build directory)
# and gives the QEMU verdict decoding and the PASS/FAIL/SKIP tally.

COWL_TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
COWL_BUILD=${BUILD:-$COWL_TOP/build}
case "$COWL_BUILD" in /*) ;; *) COWL_BUILD=$COWL_TOP/$COWL_BUILD ;; esac

# qemu_verdict STATUS: one word for how a headless QEMU run (tools/qemu
# --headless) ended.  The kernel ends a run through isa-debug-exit, whose
# status is (code << 1) | 1: code 0 (status 1) is a clean power-off, code 1
# (status 3) a power-off after the kernel counted a failure, code 16
# (status 33) a panic.  124 is timeout(1)'s, and 0 means QEMU ended by
# itself: with -no-reboot, a reset or triple fault.
qemu_verdict() {
	case $1 in
	1) echo poweroff ;;
	3) echo failure ;;
	33) echo panic ;;
	124) echo timeout ;;
	0) echo reset ;;
	*) echo "qemu-status-$1" ;;
	esac
}

# run_elf_verdict STATUS: what an exit status of tools/run-elf says about
# the boot itself (see its header): panic, timeout, reset, or nothing when
# it is the program's own status.
run_elf_verdict() {
	case $1 in
	125) echo panic ;;
	124) echo timeout ;;
	126) echo reset ;;
	esac
}

# run_status KERNEL_LOG: the exit status the first program reported
# ("run-elf: status=N" in the kernel log), or nothing if it never did.
run_status() {
	local line
	line=$(grep -a -o 'run-elf: status=[0-9]*' "$1" 2>/dev/null | tail -1)
	[ -z "$line" ] || echo "${line##*=}"
}

# panic_line KERNEL_LOG: the kernel's "Kernel panic" line, if any.
panic_line() {
	grep -a 'Kernel panic' "$1" 2>/dev/null | tail -1
}

# The tally: counters a tool adds its results to, the failures for the
# summary, and one record per result for tally_junit.  A tool names the
# phase its next results belong to with tally_suite NAME (one JUnit
# testsuite each).
passed=0 failed=0 skipped=0
failures=()
tally_records=()
declare -A tally_began=() tally_ended=()
tally_current=""

# tally_suite NAME: the results from now on belong to phase NAME.
tally_suite() {
	[ -z "$tally_current" ] || tally_ended[$tally_current]=$SECONDS
	tally_current=$1
	tally_began[$1]=$SECONDS
}

# tally_note VERDICT NAME REASON: keep one result for tally_junit.
tally_note() {
	tally_records+=("${tally_current:-tests}"$'\t'"$1"$'\t'"$2"$'\t'"$3")
}

# tally_pass NAME / tally_fail NAME REASON / tally_skip NAME REASON: count one
# result and print it the way every tool prints results.  A tool whose
# output another tallies (tools/test-labs) sets TALLY_TAG="TEST: ", so that
# its lines read like a test program's.
TALLY_TAG=""
tally_pass() { passed=$((passed + 1)); tally_note PASS "$1" ""; echo "${TALLY_TAG}PASS $1"; }
tally_fail() {
	failed=$((failed + 1))
	failures+=("$1${2:+: $2}")
	tally_note FAIL "$1" "${2:-}"
	echo "${TALLY_TAG}FAIL $1${2:+: $2}"
}
tally_skip() { skipped=$((skipped + 1)); tally_note SKIP "$1" "${2:-}"; echo "${TALLY_TAG}SKIP $1${2:+: $2}"; }

# tally_stream PREFIX: count the "TEST: PASS|FAIL|SKIP name[: reason]" lines
# read from standard input, with PREFIX before each name; other lines are
# ignored.  What precedes "TEST: " on a line is dropped: on the console it
# is the echo of a character a kernel self-test typed.  Reads as the lines
# come, so a growing log shows live.
tally_stream() {
	local prefix=$1 line rest reason
	while IFS= read -r line; do
		[[ $line == *"TEST: "* ]] || continue
		line="TEST: ${line#*TEST: }"
		line=${line%$'\r'}
		rest=${line#TEST: * }
		reason=""
		[[ $rest != *": "* ]] || reason=${rest#*: }
		case "$line" in
		"TEST: PASS "*) tally_pass "$prefix$rest" ;;
		"TEST: FAIL "*) tally_fail "$prefix${rest%%: *}" "$reason" ;;
		"TEST: SKIP "*) tally_skip "$prefix${rest%%: *}" "$reason" ;;
		esac
	done
}

# tally_log PREFIX LOG: tally_stream over the lines of a finished LOG.
tally_log() {
	tally_stream "$1" < <(grep -a 'TEST: ' "$2")
}

# tally_summary: the failures again, then "N passed, N failed, N skipped".
tally_summary() {
	if [ ${#failures[@]} -gt 0 ]; then
		echo
		echo "failed:"
		printf '  %s\n' "${failures[@]}"
	fi
	echo
	echo "$passed passed, $failed failed, $skipped skipped"
}

# tally_reset: forget every result so far (a phase run apart, tools/test,
# starts its own tally).
tally_reset() {
	passed=0 failed=0 skipped=0
	failures=() tally_records=() tally_began=() tally_ended=()
	tally_current=""
}

# tally_save FILE: the results so far and the time each phase began and
# ended, for tally_merge in another process: one record per result, then
# one "SUITE<tab>TIME<tab>BEGAN<tab>ENDED" per phase, each ended by a NUL
# (a reason may hold any other byte).
tally_save() {
	local suite
	[ -z "$tally_current" ] || tally_ended[$tally_current]=$SECONDS
	{
		[ ${#tally_records[@]} -eq 0 ] || printf '%s\0' "${tally_records[@]}"
		for suite in "${!tally_began[@]}"; do
			printf '%s\tTIME\t%s\t%s\0' "$suite" "${tally_began[$suite]}" "${tally_ended[$suite]:-$SECONDS}"
		done
	} >"$1"
}

# tally_merge FILE: count the results tally_save wrote into FILE as if
# they had come here, without printing them again.
tally_merge() {
	local rec suite verdict name reason rest
	while IFS= read -r -d '' rec; do
		suite=${rec%%$'\t'*} rest=${rec#*$'\t'}
		verdict=${rest%%$'\t'*} rest=${rest#*$'\t'}
		name=${rest%%$'\t'*} reason=${rest#*$'\t'}
		case $verdict in
		TIME) tally_began[$suite]=$name tally_ended[$suite]=$reason; continue ;;
		PASS) passed=$((passed + 1)) ;;
		FAIL) failed=$((failed + 1)); failures+=("$name${reason:+: $reason}") ;;
		SKIP) skipped=$((skipped + 1)) ;;
		esac
		tally_records+=("$rec")
	done <"$1"
}

# tally_junit FILE: every result so far as JUnit XML (tools/junit.xsd):
# one <testsuite> per phase, one <testcase> per result, named by the
# result's program ("cow" of "cow/fork_shares_page", the classname) and
# check; a FAIL carries its reason in <failure>, a SKIP in <skipped>.
tally_junit() {
	local suite times=""
	[ -z "$tally_current" ] || tally_ended[$tally_current]=${tally_ended[$tally_current]:-$SECONDS}
	for suite in "${!tally_began[@]}"; do
		times+="$suite=$(( ${tally_ended[$suite]:-$SECONDS} - ${tally_began[$suite]} )) "
	done
	printf '%s\n' "${tally_records[@]}" | iconv -f UTF-8 -t UTF-8 -c | LC_ALL=C awk -F'\t' -v times="$times" -v stamp="$(date -u +%Y-%m-%dT%H:%M:%S)" '
	function esc(s) {
		gsub(/[\001-\010\013\014\016-\037\177]/, "", s)
		gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s)
		gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s)
		return s
	}
	BEGIN { n = split(times, t, " "); for (i = 1; i <= n; i++) { split(t[i], kv, "="); secs[kv[1]] = kv[2] } }
	NF >= 3 {
		s = $1
		if (!(s in count)) order[++nsuites] = s
		count[s]++
		if ($2 == "FAIL") fails[s]++
		if ($2 == "SKIP") skips[s]++
		name = $3; sub("^" s ":", "", name)
		cls = s; check = name
		if (name ~ /\//) { prog = name; sub(/\/[^\/]*$/, "", prog); cls = s "." prog; sub(/^.*\//, "", check) }
		body = "    <testcase classname=\"" esc(cls) "\" name=\"" esc(check) "\""
		if ($2 == "PASS") body = body "/>"
		else if ($2 == "FAIL") body = body ">\n      <failure message=\"" esc($4) "\">" esc($3 ": " $4) "</failure>\n    </testcase>"
		else body = body ">\n      <skipped message=\"" esc($4) "\"/>\n    </testcase>"
		cases[s] = cases[s] body "\n"
	}
	END {
		print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
		for (i = 1; i <= nsuites; i++) { all += count[order[i]]; allf += fails[order[i]]; alls += skips[order[i]] }
		printf "<testsuites name=\"cowl\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n", all, allf, alls
		for (i = 1; i <= nsuites; i++) {
			s = order[i]
			printf "  <testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\" time=\"%d\" timestamp=\"%s\">\n",
			       esc(s), count[s], fails[s], skips[s], secs[s], stamp
			printf "%s", cases[s]
			print "  </testsuite>"
		}
		print "</testsuites>"
	}' >"$1"
}

# json_str TEXT: TEXT as a JSON string, quotes included.  Only printable
# ASCII, tab and newline survive (a kernel's output can hold any byte, and
# JSON must be valid UTF-8); backslash, quote and the control characters
# left are escaped (RFC 8259, section 7).
json_str() {
	local s
	s=$(printf '%s' "$1" | LC_ALL=C tr -cd '\11\12\40-\176')
	s=${s//\\/\\\\}
	s=${s//\"/\\\"}
	s=${s//$'\n'/\\n}
	s=${s//$'\t'/\\t}
	printf '"%s"' "$s"
}
