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
