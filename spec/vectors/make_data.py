#!/usr/bin/env python3
"""Writes the synthetic message files under data/ (every person is invented).

Run from spec/vectors/: python3 make_data.py. The files are committed; this
script only documents how they were made.
"""

def paxlst(ref, flight, dep, arr, origin, dest, travellers, count=None):
    segs = [
        "UNB+UNOA:4+ZZAIRLINE:ZZ+BORDERAGENCY:ZZ+260301:0800+%s++APIS" % ref,
        "UNG+PAXLST+ZZAIRLINE+BORDERAGENCY+260301:0800+1+UN+D:05B",
        "UNH+%s+PAXLST:D:05B:UN:IATA+%s/260301/1000" % (ref, flight),
        "BGM+745",
        "NAD+MS+++VECTOR AIR OPERATIONS",
        "TDT+20+%s+++ZZ" % flight,
        "LOC+125+%s" % origin, "DTM+189:%s:201" % dep,
        "LOC+87+%s" % dest, "DTM+232:%s:201" % arr,
    ]
    for t in travellers:
        segs.append("NAD+%s+++%s:%s" % (t.get("role", "FL"), t["surname"], t["given"]))
        segs.append("ATT+2++%s" % t.get("sex", "F"))
        if "birth" in t:
            segs.append("DTM+329:%s" % t["birth"])
        if "gei" in t:
            segs.append("GEI+4+%s" % t["gei"])
        segs.append("LOC+178+%s" % origin)
        segs.append("LOC+179+%s" % dest)
        segs.append("NAT+2+%s" % t.get("nat", "GBR"))
        if "locator" in t:
            segs.append("RFF+AVF:%s" % t["locator"])
        if "doc" in t:
            kind, number, expiry, issue, issuer = t["doc"]
            segs.append("DOC+%s:110:111+%s" % (kind, number))
            if expiry:
                segs.append("DTM+36:%s" % expiry)
            if issue:
                segs.append("DTM+182:%s" % issue)
            segs.append("LOC+91+%s" % issuer)
    n = count if count is not None else len([t for t in travellers if t.get("role", "FL") == "FL"])
    segs.append("CNT+42:%d" % n)
    body = len(segs) - 2  # UNH..CNT
    segs.append("UNT+%d+%s" % (body + 1, ref))
    segs.append("UNE+1+1")
    segs.append("UNZ+1+%s" % ref)
    return "UNA:+.? '\n" + "".join(s + "'\n" for s in segs)

def write(name, text):
    with open("data/" + name, "w", encoding="utf-8") as f:
        f.write(text)

P = "P"
# Long-haul flight LHR -> JFK, 1 March 2026.
doc_flight = [
    dict(surname="CLEAN", given="ALICE", birth="850412", doc=(P, "C10000001", "300115", "200116", "GBR")),
    dict(surname="EXPIRED", given="BORIS", sex="M", birth="800202", doc=(P, "E10000002", "260201", "160202", "GBR")),
    dict(surname="SHORTVALID", given="CARLA", birth="790303", doc=(P, "S10000003", "260415", "160416", "GBR")),
    dict(surname="BEFOREBIRTH", given="DANIEL", sex="M", birth="900505", doc=(P, "B10000004", "300110", "850110", "GBR")),
    dict(surname="NODOC", given="EVA", birth="870707"),
    dict(surname="PLACEHOLDER", given="FRANK", sex="M", birth="820808", doc=(P, "XXXXXXXX", "300115", "200116", "GBR")),
    dict(surname="JANUARY", given="GRETA", birth="800101", doc=(P, "J10000007", "300115", "200116", "GBR")),
    dict(surname="MANUAL", given="HANS", sex="M", birth="750909", gei="174", doc=(P, "M10000008", "300115", "200116", "GBR")),
    dict(surname="SHARED", given="IVAN", sex="M", birth="810310", doc=(P, "D20000009", "300115", "200116", "GBR")),
    dict(surname="OTHERNAME", given="JUAN", sex="M", birth="930611", doc=(P, "D20000009", "300115", "200116", "GBR")),
    dict(surname="REFUGEE", given="KAREL", sex="M", birth="880412", nat="XXB", doc=("T", "R30000011", "300115", "250116", "GBR")),
    dict(surname="DUPLICATE", given="LARS", sex="M", birth="910915", doc=("T", "R30000011", "300115", "250116", "GBR")),
]
write("paxlst_documents.edi", paxlst("VEC000001", "ZZ700", "2603011000", "2603011315", "LHR", "JFK", doc_flight))

# A short flight whose declared passenger count (5) does not match the two listed.
counts = [
    dict(surname="COUNTED", given="NORA", birth="860606", doc=(P, "N40000001", "300115", "200116", "GBR")),
    dict(surname="COUNTED", given="OSCAR", sex="M", birth="850505", doc=(P, "N40000002", "300115", "200116", "GBR")),
]
write("paxlst_counts_off.edi", paxlst("VEC000002", "ZZ710", "2603010800", "2603011030", "LHR", "CDG", counts, count=5))
write("paxlst_counts_ok.edi", paxlst("VEC000003", "ZZ711", "2603010800", "2603011030", "LHR", "CDG", counts))

# Document indicators that need a second look: crew certificates (DOC-10a),
# one number under two issuers (DOC-07a near miss), names missing (DQ-01d),
# near misses of DOC-02a/b, DOC-04a/b and DQ-01b/c/e.
more_docs = [
    dict(surname="PASSENGERCREW", given="NILS", sex="M", birth="830303", doc=("AC", "A70000001", "300115", "200116", "GBR")),
    dict(surname="CREWMEMBER", given="OTTO", sex="M", role="FM", birth="840404", doc=("AC", "A70000002", "300115", "200116", "GBR")),
    dict(surname="STATEONE", given="VIKTOR", sex="M", birth="850505", doc=(P, "D60000001", "300115", "200116", "GBR")),
    dict(surname="STATETWO", given="WANDA", birth="860606", doc=(P, "D60000001", "300115", "200116", "IRL")),
    dict(surname="", given="NONAME", birth="870707", doc=(P, "N70000003", "300115", "200116", "GBR")),
    dict(surname="SURNAMEONLY", given="", sex="M", birth="880808", doc=(P, "N70000004", "300115", "200116", "GBR")),
    # Expires on the day of departure: not expired (DOC-02a near miss), 0 days left.
    dict(surname="LASTDAY", given="XAVER", sex="M", birth="790909", doc=(P, "L70000005", "260301", "160302", "GBR")),
    # Exactly 90 days valid after arrival (1 March + 90 days = 30 May): DOC-02b near miss.
    dict(surname="NINETY", given="YVONNE", birth="780808", doc=(P, "L70000006", "260530", "160531", "GBR")),
    # Issued on the day of birth: DOC-04a near miss.
    dict(surname="NEWBORN", given="ZOE", birth="210116", doc=(P, "L70000007", "310115", "210116", "GBR")),
    # Valid 11 years: DOC-04b alone; valid 5.5 years: unusual but not over 10 (near miss).
    dict(surname="ELEVEN", given="ADA", birth="700202", doc=(P, "L70000008", "310116", "200116", "GBR")),
    dict(surname="ODDVALID", given="BRUNO", sex="M", birth="710303", doc=(P, "L70000009", "270716", "220116", "GBR")),
    # Near misses: placeholder-like but real number, 2 January, scanned (GEI+173).
    dict(surname="ALMOSTX", given="CLARA", birth="720404", doc=(P, "XXX12345", "300115", "200116", "GBR")),
    dict(surname="SECONDJAN", given="DORIS", birth="800102", doc=(P, "L70000011", "300115", "200116", "GBR")),
    dict(surname="SCANNED", given="EMIL", sex="M", birth="730505", gei="173", doc=(P, "L70000012", "300115", "200116", "GBR")),
    # Only a visa is reported: a document all the same (DQ-01a near miss).
    dict(surname="VISAONLY", given="FELIX", sex="M", birth="740606", doc=("V", "V70000013", "300115", "250116", "USA")),
]
write("paxlst_more_documents.edi", paxlst("VEC000004", "ZZ720", "2603011000", "2603011315", "LHR", "JFK", more_docs))


# --- PNRGOV ----------------------------------------------------------------

def ddmmyy(yymmdd):
    return yymmdd[4:6] + yymmdd[2:4] + yymmdd[0:2]

def tvl(seg, cls=None):
    # seg: (carrier, number, "YYMMDDHHMM" dep, "YYMMDDHHMM" arr, origin, dest)
    carrier, number, dep, arr, o, d = seg
    n = number + (":" + cls if cls else "")
    return "TVL+%s:%s:%s:%s+%s+%s+%s+%s" % (ddmmyy(dep[:6]), dep[6:], ddmmyy(arr[:6]), arr[6:], o, d, carrier, n)

def pnr(locator, created, travellers, itinerary, modified=None, agency=True, phone=None,
        email=None, history=(), checkin=()):
    """One SRC group. created/modified: "YYMMDDHHMM"."""
    segs = ["SRC", "RCI+ZZ:%s::%s:%s" % (locator, ddmmyy(created[:6]), created[6:])]
    if modified:
        segs.append("DAT+700:%s:%s" % (ddmmyy(modified[:6]), modified[6:]))
    if agency:
        segs.append("ORG+ZZ:LON+91234567:LONZZ01TA+LON+ZZ+T+GB:GBP:EN")
    else:
        segs.append("ORG+ZZ:LON+++ZZ+E+GB")
    if phone:
        segs.append("SSR+CTCM:HK:1:ZZ:::::/%s/GB" % phone)
    if email:
        segs.append("SSR+CTCE:HK:1:ZZ:::::/%s" % email)
    for i, t in enumerate(travellers, 1):
        segs.append("TIF+%s+%s %s:%s:%d" % (t["surname"], t["given"], t.get("title", "MR"), t.get("type", "A"), i))
        if "docs" in t:
            kind, issuer, number, nat, birth, sex, expiry = t["docs"]
            segs.append("SSR+DOCS:HK:1:ZZ:::::/%s/%s/%s/%s/%s/%s/%s/%s/%s" % (
                kind, issuer, number, nat, birth, sex, expiry, t["surname"], t["given"]))
        for code, text in t.get("ssr", ()):
            segs.append("SSR+%s:HK:1:ZZ:::::%s" % (code, text) if text else "SSR+%s:HK:1:ZZ" % code)
        pay = t.get("pay")
        if pay:
            segs.append("TKT+2202499%06d:T:1" % i)
            segs.append("MON+T:600.00:GBP")
            kind = pay[0]
            if kind == "CA":
                segs.append("FOP+CA::600.00")
            else:
                segs.append("FOP+CC::600.00:VI:%s:0829" % pay[1])
            if len(pay) > 2 and pay[2]:
                segs.append("IFT+4:43+%s" % pay[2])
    for seg in itinerary:
        segs.append(tvl(seg, "Y"))
        segs.append("RPI+%d+HK" % len(travellers))
    for ref, pieces, pool in checkin:
        t = travellers[ref - 1]
        segs.append("DAT+2:%s:0800" % ddmmyy(itinerary[0][2][:6]))
        segs.append("ORG+ZZ:LHR++++A")
        segs.append("TRI++LHR-%03d:::%d" % (ref, ref))
        segs.append("TIF+%s+%s %s:A:%d" % (t["surname"], t["given"], t.get("title", "MR"), ref))
        pool_el = "%s:%d" % pool if pool else ""
        tags = "+ZZ:02200%05d:%d:%s" % (ref, pieces, itinerary[-1][5]) if pieces else ""
        segs.append("TBD++%d:%d:700++%s%s" % (pieces, 20 * pieces, pool_el, tags))
    for h in history:
        segs.append("LTS+%s" % h)
    return segs

def pnrgov(ref, flight, prepared, pnrs):
    carrier, number, dep, arr, o, d = flight
    segs = [
        "UNB+IATA:1+ZZ+BORDERAGENCY+%s:%s+%s++PNRGOV" % (prepared[:6], prepared[6:], ref),
        "UNH+1+PNRGOV:11:1:IA+%s%s/%s/%s" % (carrier, number, ddmmyy(dep[:6]), dep[6:]),
        "MSG+:22",
        "ORG+ZZ:LHR",
        tvl(flight),
        "EQN+%d" % len(pnrs),
    ]
    for p in pnrs:
        segs.extend(p)
    body = len(segs) - 1  # UNH..last
    segs.append("UNT+%d+1" % (body + 1))
    segs.append("UNZ+1+%s" % ref)
    return "UNA:+.?*'\n" + "".join(s + "'\n" for s in segs)

# Flight ZZ900 London -> New York, 5 March 2026, screened from its manifest
# and its PNR push together. Every booking is one-way and long-haul unless
# it says otherwise.
ZZ900 = ("ZZ", "900", "2603051000", "2603051300", "LHR", "JFK")
JFK_MEX = ("ZZ", "960", "2603061000", "2603061400", "JFK", "MEX")
JFK_DXB = ("ZZ", "970", "2603061000", "2603070700", "JFK", "DXB")
DXB_IST = ("ZZ", "971", "2603071000", "2603071400", "DXB", "IST")
EARLY = "2601101200"  # booked in January: long lead time

def pax(surname, given, birth, number, sex="M", issuer="GBR", nat="GBR", **kw):
    t = dict(surname=surname, given=given, title="MR" if sex == "M" else "MS",
             docs=("P", issuer, number, nat, birth, sex, "15JAN30"))
    t.update(kw)
    return t

def d7(ddmmmyy):
    months = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC".split()
    return ddmmmyy[5:7] + "%02d" % (months.index(ddmmmyy[2:5]) + 1) + ddmmmyy[0:2]

bookings = []   # PNRs of the ZZ900 push
api = []        # PAXLST travellers of ZZ900

def booked(locator, travellers, itinerary=(ZZ900,), created=EARLY, api_docs=None, in_api=True, **kw):
    bookings.append(pnr(locator, created, travellers, list(itinerary), **kw))
    if not in_api:
        return
    for i, t in enumerate(travellers):
        kind, issuer, number, nat, birth, sex, expiry = t["docs"]
        issue, exp = ("200116", "300115")
        over = (api_docs or {}).get(i)
        if over:
            number, issuer, issue, exp = over.get("number", number), over.get("issuer", issuer), over.get("issue", issue), over.get("expiry", exp)
        api.append(dict(surname=over.get("surname", t["surname"]) if over else t["surname"],
                        given=over.get("given", t["given"]) if over else t["given"],
                        sex=sex[0], birth=d7(birth), nat=nat, locator=locator,
                        doc=(over.get("code", "P") if over else "P", number, exp, issue, issuer)))

card = lambda n: ("CC", "41111111111%05d" % n)
CASH = ("CA",)
# DOC-03a: passport issued 13 days before departure; near miss 30 days.
booked("NEWP01", [pax("NEWPASS", "RITA", "12APR85", "P90000001", "F", pay=card(1))], api_docs={0: dict(issue="260220", expiry="360219")})
booked("OLDP01", [pax("OLDERPASS", "SAM", "13APR85", "P90000002", pay=card(2))], api_docs={0: dict(issue="260203", expiry="360202")})
# BKG-01a: booked 71 h before departure and paid cash; near miss 73 h.
booked("LATE01", [pax("LASTMINUTE", "TOM", "14APR85", "P90000003", pay=CASH)], created="2603021100")
booked("EARL01", [pax("EARLYBIRD", "UMA", "15APR85", "P90000004", "F", pay=CASH)], created="2603020900")
# BAG-01a: no checked bag, paid cash; near miss one bag.
booked("NOBG01", [pax("NOBAGS", "VERA", "16APR85", "P90000005", "F", pay=CASH)], checkin=[(1, 0, None)])
booked("ONEB01", [pax("ONEBAG", "WALT", "17APR85", "P90000006", pay=CASH)], checkin=[(1, 1, None)])
# BKG-06a: the name was changed after booking; near miss: only the original entry.
booked("CHNG01", [pax("CHANGED", "XENIA", "18APR85", "P90000007", "F", pay=card(7))], history=["1/A/NM/CHANGED/XENIA MS"])
booked("ORIG01", [pax("ORIGINAL", "YURI", "19APR85", "P90000008", pay=card(8))], history=["0/O/NM/ORIGINAL/YURI MR"])
# ITN-02a: transit without visa and no onward flight; near miss: onward flight booked.
booked("TWOV01", [pax("TRANSIT", "ZORA", "20APR85", "P90000009", "F", pay=card(9), ssr=[("TWOV", "")])])
booked("TWOV02", [pax("ONWARD", "ADAM", "21APR85", "P90000010", pay=card(10), ssr=[("TWOV", "")])], itinerary=(ZZ900, JFK_MEX))
# ITN-05a: three segments, circuity far over 1.6; near miss: two segments.
booked("CIRC01", [pax("ROUNDABOUT", "BELLA", "22APR85", "P90000011", "F", pay=card(11))], itinerary=(ZZ900, JFK_DXB, DXB_IST))
booked("CIRC02", [pax("TWOHOPS", "CARL", "23APR85", "P90000012", pay=card(12))], itinerary=(ZZ900, JFK_DXB))
# PRT-03a: 24 years old, paid by someone else; near miss: 25 years old.
booked("YOUN01", [pax("YOUNG", "DARIA", "01JUN01", "P90000013", "F", pay=card(13) + ("PAUL PATRON",))])
booked("YOUN02", [pax("OLDER", "EMIL", "15JAN01", "P90000014", pay=card(14) + ("PAUL PATRON",))])
# PRT-01a: a 10-year-old alone; near miss: with a parent. PRT-02a: unaccompanied
# minor without details; near miss: details and a contact.
booked("KIDS01", [pax("CHILD", "FINN", "10JUN15", "P90000015", pay=card(15))])
booked("KIDS02", [pax("GUARDED", "HUGO", "11JUN80", "P90000016", pay=card(16)),
                  pax("GUARDED", "GINA", "12JUN15", "P90000017", "F")])
booked("UMNR01", [pax("UNACCOMPANIED", "IRIS", "13JUN15", "P90000018", "F", pay=card(18), ssr=[("UMNR", "")])])
booked("UMNR02", [pax("ESCORTED", "JONAS", "14JUN16", "P90000019", pay=card(19), ssr=[("UMNR", "UM09 MET BY AUNT PAULA ESCORT")])],
       phone="447700900019")
# PRT-04a near miss: refugee travel document in the booking only (not in API).
booked("PROT01", [pax("ASYLUM", "KIRA", "15JUN85", "P90000020", "F", nat="XXB", pay=card(20))], in_api=False)
# DOC-10a: diplomatic passport on a booking paid cash; near miss: paid by card.
booked("DIPL01", [pax("DIPLOMAT", "LEON", "16JUN75", "P90000021", pay=CASH)], api_docs={0: dict(code="PD")})
booked("DIPL02", [pax("ENVOY", "MIRA", "17JUN75", "P90000022", "F", pay=card(22))], api_docs={0: dict(code="PD")})
# DOC-09c: another issuer and number in the booking; near miss: a renewal.
booked("DOCC01", [pax("SWITCHED", "QUENTIN", "18JUN80", "P90000023", pay=card(23))], api_docs={0: dict(number="Q90000023", issuer="IRL")})
booked("DOCC02", [pax("RENEWED", "PIA", "19JUN80", "P90000024", "F", pay=card(24))], api_docs={0: dict(number="R90000024")})
# DOC-09b: the booking names someone else (joined by document number); near
# miss: a transliteration (MUELLER / MULLER).
booked("NAME01", [pax("MADEUP", "STEVE", "20JUN80", "P90000025", pay=card(25))], api_docs={0: dict(surname="ALIAS", given="ROBERT")})
booked("NAME02", [pax("MULLER", "ANNA", "21JUN80", "P90000026", "F", pay=card(26))], api_docs={0: dict(surname="MUELLER")})
# DOC-09a: booking-only travellers whose scanned passport gives another birth
# date (mrz_birth_differs.mrz); near miss: the same birth date (mrz_birth_same.mrz).
booked("BRTH01", [pax("BIRTHDAY", "TESSA", "01MAY90", "P90000027", "F", pay=card(27))], in_api=False)
booked("BRTH02", [pax("SAMEDAY", "UDO", "02MAY90", "P90000028", pay=card(28))], in_api=False)

write("pnrgov_zz900.edi", pnrgov("VEC000010", ZZ900, "2603040800", bookings))
write("paxlst_zz900.edi", paxlst("VEC000011", "ZZ900", "2603051000", "2603051300", "LHR", "JFK", api))

# Flight ZZ920: bookings linked by a card or a contact, large parties, pooled bags.
ZZ920 = ("ZZ", "920", "2603051100", "2603051400", "LHR", "JFK")
def party(prefix, n, locator, **kw):
    names = ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL", "INDIA", "JULIETT"]
    ts = [pax(names[i] + prefix, "MEMBER", "%02dJUL80" % (i + 1), "%s%07d" % (locator[:2], i + 1)) for i in range(n)]
    ts[0]["pay"] = card(900 + len(locator) + n)
    return pnr(locator, EARLY, ts, [ZZ920], **kw)

fire = [
    # BKG-02a: one card pays three bookings, the payer travels in none.
    pnr("CARD01", EARLY, [pax("CARDHOLDA", "ONE", "01AUG80", "C91000001", pay=card(500) + ("MAX BROKER",))], [ZZ920]),
    pnr("CARD02", EARLY, [pax("CARDHOLDB", "TWO", "02AUG80", "C91000002", pay=card(500) + ("MAX BROKER",))], [ZZ920]),
    pnr("CARD03", EARLY, [pax("CARDHOLDC", "THREE", "03AUG80", "C91000003", pay=card(500) + ("MAX BROKER",))], [ZZ920]),
    # BKG-04a: one phone in three bookings made without an agency.
    pnr("CTCT01", EARLY, [pax("PHONEA", "FOUR", "04AUG80", "C91000004", pay=card(504))], [ZZ920], agency=False, phone="447700900500"),
    pnr("CTCT02", EARLY, [pax("PHONEB", "FIVE", "05AUG80", "C91000005", pay=card(505))], [ZZ920], agency=False, phone="447700900500"),
    pnr("CTCT03", EARLY, [pax("PHONEC", "SIX", "06AUG80", "C91000006", pay=card(506))], [ZZ920], agency=False, phone="447700900500"),
    # BKG-07a: nine unrelated adults on one one-way booking.
    party("NINE", 9, "PRTY09"),
    # BAG-02a: two unrelated adults, the second one's bags pooled with the first.
    pnr("POOL01", EARLY, [pax("POOLHEAD", "ANN", "07AUG80", "C91000007", "F", pay=card(507)),
                          pax("POOLMEMBER", "BEN", "08AUG80", "C91000008")], [ZZ920],
        checkin=[(1, 2, ("HP", 1)), (2, 0, ("MP", 1))]),
]
near = [
    # BKG-02a near miss: the card pays only two bookings.
    pnr("CARD11", EARLY, [pax("CARDHOLDD", "SEVEN", "09AUG80", "C91000009", pay=card(510) + ("MAX BROKER",))], [ZZ920]),
    pnr("CARD12", EARLY, [pax("CARDHOLDE", "EIGHT", "10AUG80", "C91000010", pay=card(510) + ("MAX BROKER",))], [ZZ920]),
    # BKG-04a near miss: the phone is in three bookings, all made by an agency.
    pnr("CTCT11", EARLY, [pax("PHONED", "NINE", "11AUG80", "C91000011", pay=card(511))], [ZZ920], phone="447700900510"),
    pnr("CTCT12", EARLY, [pax("PHONEE", "TEN", "12AUG80", "C91000012", pay=card(512))], [ZZ920], phone="447700900510"),
    pnr("CTCT13", EARLY, [pax("PHONEF", "ELEVEN", "13AUG80", "C91000013", pay=card(513))], [ZZ920], phone="447700900510"),
    # BKG-07a near miss: eight unrelated adults.
    party("EIGHT", 8, "PRTY08"),
    # BAG-02a near miss: two unrelated adults, each with their own bag.
    pnr("POOL11", EARLY, [pax("OWNBAGA", "CORA", "14AUG80", "C91000014", "F", pay=card(514)),
                          pax("OWNBAGB", "DEAN", "15AUG80", "C91000015")], [ZZ920],
        checkin=[(1, 1, None), (2, 1, None)]),
]
write("pnrgov_links.edi", pnrgov("VEC000020", ZZ920, "2603040900", fire))
write("pnrgov_links_near.edi", pnrgov("VEC000021", ZZ920, "2603040900", near))

# The same booking pushed twice for flight ZZ930: 72 hours and 24 hours
# before departure. The later push (last change later) supersedes the earlier
# one: REPUSHED/GRETE is screened once, from the later push (which records a
# name change: BKG-06a).
ZZ930 = ("ZZ", "930", "2603081000", "2603081300", "LHR", "JFK")
rp = lambda modified, history: pnr("REPU01", EARLY, [pax("REPUSHED", "GRETE", "16AUG80", "R93000001", "F", pay=card(530))],
                                   [ZZ930], modified=modified, history=history)
write("pnrgov_repush_72h.edi", pnrgov("VEC000030", ZZ930, "2603051000", [rp("2603050900", ["0/O/NM/REPUSHED/GRETE MS"])]))
write("pnrgov_repush_24h.edi", pnrgov("VEC000031", ZZ930, "2603071000", [rp("2603070900", ["0/O/NM/REPUSHED/GRETE MS", "1/A/NM/REPUSHED/GRETE MS"])]))


# --- MRZ (TD3) ------------------------------------------------------------

def check(data):
    w = (7, 3, 1)
    total = 0
    for i, c in enumerate(data):
        if c.isdigit():
            v = int(c)
        elif c.isalpha():
            v = ord(c) - 55
        else:
            v = 0
        total += v * w[i % 3]
    return str(total % 10)

def td3(surname, given, number, nat, birth, sex, expiry, issuer="GBR", optional=""):
    name = (surname + "<<" + given.replace(" ", "<"))
    l1 = ("P<" + issuer + name + "<" * 44)[:44]
    num = (number + "<" * 9)[:9]
    opt = (optional + "<" * 14)[:14]
    part = num + check(num) + nat + birth + check(birth) + sex + expiry + check(expiry) + opt + check(opt)
    comp = check(num + check(num) + birth + check(birth) + expiry + check(expiry) + opt + check(opt))
    l2 = part + comp
    assert len(l1) == 44 and len(l2) == 44
    return [l1, l2]

def write_mrz(name, lines):
    write(name, "".join(l + "\n" for l in lines))

write_mrz("mrz_clean.mrz", td3("SCANWELL", "HELGA", "S94000001", "GBR", "820304", "F", "310101"))
# The number's check digit is wrong (the right one + 3) and no look-alike
# character explains it (the number has no O/0, I/1, B/8, S/5, Z/2, G/6): DOC-01a.
l = td3("SCANBAD", "IGOR", "C47739347", "GBR", "830405", "M", "310101")
l[1] = l[1][:9] + str((int(l[1][9]) + 3) % 10) + l[1][10:]
write_mrz("mrz_check_failed.mrz", l)
# The number was misread: an O where the passport prints a 0 (DQ-01f).
l = td3("SCANOCR", "JUDITH", "S94000003", "GBR", "840506", "F", "310101")
l[1] = "S94O" + l[1][4:]
write_mrz("mrz_misread.mrz", l)
# Scans of the booking-only travellers of ZZ900: another birth date (DOC-09a),
# the same birth date (near miss).
write_mrz("mrz_birth_differs.mrz", td3("BIRTHDAY", "TESSA", "P90000027", "GBR", "900105", "F", "300115"))
write_mrz("mrz_birth_same.mrz", td3("SAMEDAY", "UDO", "P90000028", "GBR", "900502", "M", "300115"))
