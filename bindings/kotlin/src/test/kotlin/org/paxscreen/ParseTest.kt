package org.paxscreen

import org.junit.jupiter.api.Assertions.assertEquals
import org.junit.jupiter.api.Assertions.assertTrue
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.assertThrows
import java.io.File

/** The repository root: set by Maven (surefire), else found from the working directory. */
internal val repoRoot: File by lazy {
    System.getProperty("paxscreen.repoRoot")?.let { File(it).canonicalFile }
        ?: generateSequence(File(".").canonicalFile) { it.parentFile }
            .first { File(it, "examples/data").isDirectory }
}

internal fun example(name: String): ByteArray = File(repoRoot, "examples/data/$name").readBytes()

class ParseTest {
    @Test
    fun `reads a passenger list`() {
        val list = parsePaxlst(example("paxlst_passengers.edi"), false)
        val manifest = list.manifests.single()
        assertEquals("passengers", manifest.listType)
        val leg = manifest.legs.first()
        assertEquals("LHR", leg.departure.airport)
        assertEquals("JFK", leg.arrival.airport)
        assertEquals("2026-03-01T10:00:00", leg.departure.scheduled)
        val first = manifest.travellers.first()
        assertEquals("EXAMPLE", first.surname)
        assertEquals("1985-04-12", first.birthDate)
        assertEquals(Gender.FEMALE, first.gender)
        assertEquals("GBR", first.nationality)
        assertEquals("passport", first.documents.first().kind)
    }

    @Test
    fun `reads a PNRGOV push with a stable link key`() {
        val key = "secret".toByteArray()
        val a = parsePnrgov(example("pnrgov_one_pnr.edi"), false, key)
        val b = parsePnrgov(example("pnrgov_one_pnr.edi"), false, key)
        assertEquals(1, a.bookings.size)
        assertTrue(a.bookings.first().travellers.isNotEmpty())
        assertEquals(a, b, "the same input and key give the same bookings")
    }

    @Test
    fun `reads an MRZ and checks its digits`() {
        val scan = parseMrz(
            listOf(
                "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
                "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
            ),
            "2010-01-01",
        )
        assertEquals(MrzFormat.TD3, scan.format)
        assertEquals("ERIKSSON", scan.surname)
        assertEquals("L898902C3", scan.documentNumber)
        assertEquals("1974-08-12", scan.birthDate)
        assertTrue(scan.checksOk)
        assertTrue(scan.checks.all { it.status == CheckStatus.OK })
    }

    @Test
    fun `an unreadable input throws with the position and the reason`() {
        val push = example("pnrgov_one_pnr.edi")
        val e = assertThrows<ParseException.NoMessage> { parsePaxlst(push, false) }
        val message = e.message ?: ""
        assertTrue(message.startsWith("line "), message)
        assertTrue(message.contains("no PAXLST message"), message)
        assertTrue(!message.contains("v1="), "not a field dump: $message")
    }

    @Test
    fun `an empty input is its own kind`() {
        val e = assertThrows<ParseException> { parsePnrgov(ByteArray(0), false, null) }
        assertTrue(e is ParseException.Empty, e.toString())
    }

    @Test
    fun `MRZ errors carry the line and column`() {
        val e = assertThrows<MrzException> { parseMrz(listOf("P<UTO", "L898902C3"), null) }
        assertTrue(e.message!!.startsWith("line 1, column"), e.message)
    }

    @Test
    fun `a bad date argument is an error, not a crash`() {
        val e = assertThrows<MrzException.InvalidArgument> {
            parseMrz(listOf("P<UTOERIKSSON<<ANNA", "L898902C3"), "1 March")
        }
        assertTrue(e.message!!.contains("YYYY-MM-DD"), e.message)
    }
}
