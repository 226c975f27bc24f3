// A check-in call: one Screener built at start-up and shared by every
// request thread, one passenger screened per call.
//
//   mvn -q -f bindings/kotlin install            # builds the jar with the native library inside
//   kotlinc -cp ~/.m2/repository/org/paxscreen/paxscreen/0.1.0/paxscreen-0.1.0.jar:$JNA_JAR \
//       examples/kotlin/CheckIn.kt -include-runtime -d checkin.jar
//   java -cp checkin.jar:... CheckInKt examples/data/paxlst_passengers.edi 0
import org.paxscreen.ScreenException
import org.paxscreen.Screener
import org.paxscreen.Status
import java.io.File

/** Built once: loading and linting the pack is the expensive part. */
val screener: Screener = Screener("carrier", null, null, null)

fun checkIn(manifest: ByteArray, passenger: UInt, mrz: List<String>?): String {
    val assessment = try {
        screener.screenCheckin(manifest, passenger, mrz, null)
    } catch (e: ScreenException) {
        return "cannot screen: ${e.message}" // position and reason, e.g. "manifest: line 3, column 1: ..."
    }
    val who = "${assessment.traveller.surname}/${assessment.traveller.givenNames}"
    return when (assessment.status) {
        Status.CLEAR -> "$who: clear" +
            assessment.referrals.joinToString("") { "\n  referral ${it.rule}: ${it.explanation}" }
        Status.REVIEW -> "$who: an agent should review\n" +
            assessment.findings.joinToString("\n") { "  ${it.rule}: ${it.explanation} (clears: ${it.clears})" }
        Status.INHIBIT -> "$who: may not be carried as the data stands\n" +
            assessment.findings.joinToString("\n") { "  ${it.rule}: ${it.explanation} (clears: ${it.clears})" }
    }
}

fun main(args: Array<String>) {
    val manifest = File(args.getOrElse(0) { "examples/data/paxlst_passengers.edi" }).readBytes()
    println(checkIn(manifest, args.getOrElse(1) { "0" }.toUInt(), null))
}
