package org.paxscreen

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.DynamicTest
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.TestFactory
import org.junit.jupiter.api.assertThrows
import org.tomlj.Toml
import org.tomlj.TomlTable
import java.io.File
import java.util.concurrent.Callable
import java.util.concurrent.Executors

private val vectors = File(repoRoot, "spec/vectors")

private data class Case(val table: TomlTable) {
    val name: String get() = table.getString("name")!!
    val inputs: List<String> get() = table.getArray("inputs")!!.toList().map { it as String }
    val pack: String get() = table.getString("pack")!!
    val purpose: String get() = table.getString("purpose")!!
    val referenceDate: String get() = table.getString("reference_date")!!
}

private val cases: List<Case> by lazy {
    val parsed = Toml.parse(File(vectors, "screening.toml").toPath())
    check(!parsed.hasErrors()) { parsed.errors().toString() }
    val array = parsed.getArray("case")!!
    (0 until array.size()).map { Case(array.getTable(it)) }
}

private fun label(a: Assessment) = "${a.traveller.surname ?: ""}/${a.traveller.givenNames ?: ""}"

/** The conformance line: the same format in every language. */
private fun dumpLine(case: String, a: Assessment): String {
    val explanations = (a.findings + a.referrals + a.dataQuality).map { it.explanation }
    return listOf(case, label(a), a.status.name.lowercase(), a.ruleIds.joinToString(","), explanations.joinToString(" | "))
        .joinToString("\t")
}

private fun screen(case: Case): Screening {
    Screener(case.purpose, defaultPack(case.pack), case.referenceDate, "vectors".toByteArray()).use { screener ->
        return screener.screenBytes(case.inputs.map { File(vectors, it).readBytes() })
    }
}

private fun documents(): ByteArray = File(vectors, "data/paxlst_documents.edi").readBytes()

class ScreenTest {
    @TestFactory
    fun `shared screening vectors`(): List<DynamicTest> = cases.map { case ->
        DynamicTest.dynamicTest(case.name) {
            val screening = screen(case)
            val expected = case.table.getArray("expected")!!
            for (i in 0 until expected.size()) {
                val e = expected.getTable(i)
                val who = e.getString("traveller")!!
                val found = screening.assessments.filter { label(it) == who }
                assertEquals(1, found.size, who)
                assertEquals(e.getString("status"), found[0].status.name.lowercase(), who)
                val rules = e.getArray("rules")!!.toList().map { it as String }.sorted()
                assertEquals(rules, found[0].ruleIds, who)
                e.getArray("suppressed")?.let { s ->
                    assertEquals(s.toList(), found[0].exoneration?.suppressed ?: emptyList<String>(), who)
                }
            }
            case.table.getArray("flight_rules")?.let { want ->
                assertEquals(want.toList().map { it as String }.sorted(), screening.flightFindings.map { it.finding.rule }.sorted())
            }
            case.table.getArray("booking_rules")?.let { want ->
                assertEquals(want.toList().map { it as String }.sorted(), screening.bookingFindings.map { it.finding.rule }.sorted())
            }
        }
    }

    @Test
    fun `conformance dump matches Rust`() {
        val text = cases.flatMap { case -> screen(case).assessments.map { dumpLine(case.name, it) } }
            .joinToString("") { it + "\n" }
        val out = File(repoRoot, "target/conformance").apply { mkdirs() }
        File(out, "kotlin.tsv").writeText(text)
        val rust = File(out, "rust.tsv")
        if (rust.exists()) assertEquals(rust.readText(), text)
    }

    @Test
    fun `check-in screens one traveller`() {
        Screener("carrier", null, "2026-03-01", null).use { screener ->
            val a = screener.screenCheckin(documents(), 1u, null, null)
            assertEquals("EXPIRED", a.traveller.surname)
            assertEquals(Status.INHIBIT, a.status)
            assertEquals(listOf("DOC-02a"), a.ruleIds)
            assertTrue(a.findings[0].explanation.contains("expired"))
        }
    }

    @Test
    fun `errors read as sentences with positions`() {
        val pack = assertThrows<PackException.Invalid> { Screener("carrier", "id = 1", null, null) }
        assertTrue(pack.message!!.contains("line 1, column 1"), pack.message)
        Screener("carrier", null, "2026-03-01", null).use { screener ->
            val e = assertThrows<ScreenException.InvalidArgument> { screener.screenCheckin(documents(), 99u, null, null) }
            assertTrue(e.message!!.contains("out of range"), e.message)
        }
        val lint = lintPack(defaultPack("carrier")!!, "protection", "2026-03-01")
        assertTrue(lint.any { it.code == "lint.purpose-mismatch" && it.severity == Severity.ERROR })
    }

    @Test
    fun `one screener serves many threads at once`() {
        Screener("carrier", null, "2026-03-01", null).use { screener ->
            val data = documents()
            val expected = screener.screenBytes(listOf(data))
            val pool = Executors.newFixedThreadPool(8)
            try {
                val tasks = (0 until 64).map { i ->
                    Callable {
                        if (i % 2 == 0) screener.screenBytes(listOf(data)) == expected
                        else screener.screenCheckin(data, 1u, null, null).ruleIds == listOf("DOC-02a")
                    }
                }
                val results = pool.invokeAll(tasks).map { it.get() }
                assertEquals(64, results.size)
                assertTrue(results.all { it })
            } finally {
                pool.shutdown()
            }
        }
    }
}
