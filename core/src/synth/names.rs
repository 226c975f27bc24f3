//! Invented name lists per origin, already in ICAO 9303 Latin
//! transliteration (ASCII capitals), with the nationality used for them.

/// Names of one origin.
pub struct Origin {
    /// ICAO 9303 nationality and issuing-state code.
    pub nat: &'static str,
    /// Surnames.
    pub surnames: &'static [&'static str],
    /// Female given names.
    pub female: &'static [&'static str],
    /// Male given names.
    pub male: &'static [&'static str],
}

/// The origins drawn from.
pub const ORIGINS: [Origin; 8] = [
    Origin {
        nat: "DEU",
        surnames: &[
            "MUELLER", "SCHAEFER", "HOFFMANN", "KRAEMER", "BECKER", "WAGNER", "KOENIG", "FUECHSEL",
            "BRANDT", "HUEBNER", "LANGE", "VOGEL",
        ],
        female: &[
            "ANNA", "LENA", "JUELIA", "KATRIN", "MARTINA", "SABINE", "PAULA", "GRETA",
        ],
        male: &[
            "JONAS", "LUKAS", "FELIX", "MATTHIAS", "STEFAN", "TOBIAS", "JUERGEN", "KLAUS",
        ],
    },
    Origin {
        nat: "ESP",
        surnames: &[
            "GARCIA LOPEZ",
            "MARTIN RUIZ",
            "SANCHEZ",
            "FERNANDEZ",
            "MORENO DIAZ",
            "NUNEZ",
            "ROMERO",
            "TORRES VEGA",
            "NAVARRO",
            "GIL",
        ],
        female: &[
            "LUCIA",
            "CARMEN",
            "ELENA",
            "PILAR",
            "ROCIO",
            "MARIA JOSE",
            "ALBA",
            "NEREA",
        ],
        male: &[
            "JAVIER",
            "PABLO",
            "ALVARO",
            "DIEGO",
            "SERGIO",
            "JOSE LUIS",
            "IKER",
            "RAUL",
        ],
    },
    Origin {
        nat: "EGY",
        surnames: &[
            "ABDELRAHMAN",
            "ELSAYED",
            "MOSTAFA",
            "HASSAN",
            "IBRAHIM",
            "ABDELAZIZ",
            "FAHMY",
            "SHAWKY",
            "NASSAR",
            "RAGAB",
        ],
        female: &[
            "AMIRA", "NOUR", "MARIAM", "YASMIN", "SALMA", "HEBA", "RANA", "DINA",
        ],
        male: &[
            "AHMED", "MOHAMED", "OMAR", "KARIM", "YOUSSEF", "MAHMOUD", "TAREK", "HOSSAM",
        ],
    },
    Origin {
        nat: "RUS",
        surnames: &[
            "IVANOVA",
            "SMIRNOV",
            "KUZNETSOV",
            "POPOVA",
            "SOKOLOV",
            "LEBEDEVA",
            "KOZLOV",
            "NOVIKOVA",
            "MOROZOV",
            "VOLKOVA",
        ],
        female: &[
            "OLGA",
            "IRINA",
            "TATIANA",
            "EKATERINA",
            "NATALIA",
            "IULIIA",
            "ANASTASIIA",
            "DARIA",
        ],
        male: &[
            "DMITRII",
            "SERGEI",
            "ALEKSANDR",
            "ANDREI",
            "MIKHAIL",
            "IURII",
            "NIKOLAI",
            "PAVEL",
        ],
    },
    Origin {
        nat: "CHN",
        surnames: &[
            "WANG", "LI", "ZHANG", "LIU", "CHEN", "YANG", "HUANG", "ZHAO", "ZHOU", "WU", "XU",
            "SUN",
        ],
        female: &[
            "XIAOMEI", "LING", "YAN", "JING", "HUI", "XIUYING", "FANG", "NA",
        ],
        male: &[
            "WEI", "JIANGUO", "HAO", "LEI", "QIANG", "JUN", "YONG", "TAO",
        ],
    },
    Origin {
        nat: "IND",
        surnames: &[
            "SHARMA", "PATEL", "SINGH", "IYER", "REDDY", "NAIR", "GUPTA", "MEHTA", "KAPOOR",
            "BANERJEE",
        ],
        female: &[
            "PRIYA", "ANANYA", "DEEPIKA", "KAVYA", "SUNITA", "LAKSHMI", "MEERA", "POOJA",
        ],
        male: &[
            "RAHUL", "ARJUN", "VIKRAM", "SANJAY", "ANIL", "KIRAN", "ROHAN", "SURESH",
        ],
    },
    Origin {
        nat: "TUR",
        surnames: &[
            "YILMAZ", "KAYA", "DEMIR", "SAHIN", "CELIK", "YILDIZ", "OZTURK", "AYDIN", "OZDEMIR",
            "ARSLAN",
        ],
        female: &[
            "AYSE", "ELIF", "ZEYNEP", "FATMA", "EMINE", "MERVE", "BUSRA", "SEDA",
        ],
        male: &[
            "MEHMET", "MUSTAFA", "EMRE", "BURAK", "HAKAN", "MURAT", "OGUZ", "CEM",
        ],
    },
    Origin {
        nat: "NGA",
        surnames: &[
            "OKAFOR",
            "ADEYEMI",
            "OKONKWO",
            "BELLO",
            "OLUWASEUN",
            "EZE",
            "ABUBAKAR",
            "NWOSU",
            "ADEBAYO",
            "IBEKWE",
        ],
        female: &[
            "CHIDINMA",
            "NGOZI",
            "FUNMILAYO",
            "AISHA",
            "ADAEZE",
            "YETUNDE",
            "FOLAKE",
            "AMAKA",
        ],
        male: &[
            "CHINEDU",
            "EMEKA",
            "OLUWAFEMI",
            "IBRAHIM",
            "TUNDE",
            "OBINNA",
            "SEGUN",
            "USMAN",
        ],
    },
];
