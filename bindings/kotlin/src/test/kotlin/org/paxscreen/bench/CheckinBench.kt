package org.paxscreen.bench

import org.paxscreen.Screener

/**
 * Per-call cost of one check-in screen through Kotlin (JNA): N calls of
 * `screenCheckin` on a one-passenger PAXLST message, mean/p50/p99 in
 * microseconds. Run after `mvn -f bindings/kotlin test-compile`:
 *
 *     mvn -q -f bindings/kotlin exec:java -Dexec.mainClass=org.paxscreen.bench.CheckinBenchKt \
 *         -Dexec.classpathScope=test -Dpaxscreen.skipGenerate=true
 */
val MESSAGE = (
    "UNA:+.? 'UNB+UNOA:4+ZZAIR+AGENCY+260301:0800+1'UNH+1+PAXLST:D:05B:UN:IATA'BGM+745'" +
        "TDT+20+ZZ101+++ZZ'LOC+125+LHR'DTM+189:2603011000:201'LOC+87+JFK'DTM+232:2603011315:201'" +
        "NAD+FL+++EXAMPLE:ANNA'ATT+2++F'DTM+329:850412'NAT+2+GBR'" +
        "DOC+P:110:111+X00000001'DTM+36:300115'LOC+91+GBR'CNT+42:1'UNT+15+1'UNZ+1+1'"
    ).toByteArray()

fun main(args: Array<String>) {
    val n = args.firstOrNull()?.toInt() ?: 10_000
    Screener("carrier", null, "2026-03-01", null).use { screener ->
        repeat(5_000) { screener.screenCheckin(MESSAGE, 0u, null, null) } // JIT warm-up
        val samples = LongArray(n)
        for (i in 0 until n) {
            val start = System.nanoTime()
            screener.screenCheckin(MESSAGE, 0u, null, null)
            samples[i] = System.nanoTime() - start
        }
        samples.sort()
        val us = samples.map { it / 1000.0 }
        val p99 = us[minOf(us.size - 1, (us.size * 0.99).toInt())]
        println(
            "kotlin check-in: $n calls, mean %.1f us, p50 %.1f us, p99 %.1f us"
                .format(us.average(), us[us.size / 2], p99),
        )
    }
}
