package iso4217

// named is the part of a currency that CLDR's data does not carry in a form
// news text needs, written by hand: its English name and plural, the
// adjectives and country names written before the name to say which
// country's dollar or dinar it is, its subunit and plural (when news writes
// one), and abbreviations newspapers use that CLDR lacks. Lists are "|"-
// separated.
type named struct {
	code, name, plural, adjectives, sub, subPlural, abbrevs string
}

// names covers every code in table. Where plurals vary, the common variants
// are all listed (the first is the one style guides give).
var names = []named{
	{"AED", "dirham", "dirhams", "UAE|Emirati|Emirates|United Arab Emirates|Dubai", "fils", "fils", "Dh|Dhs|Dhs."}, // Gulf News, The National
	{"AFN", "afghani", "afghanis", "Afghan", "pul", "puls", ""},
	{"ALL", "lek", "leks|lekë", "Albanian", "", "", ""},
	{"AMD", "dram", "drams", "Armenian", "", "", ""},
	{"AOA", "kwanza", "kwanzas", "Angolan", "", "", ""},
	{"ARS", "peso", "pesos", "Argentine|Argentinian|Argentina", "centavo", "centavos", "AR$"},
	{"AUD", "dollar", "dollars", "Australian|Australia|Aussie", "cent", "cents", "AU$"},
	{"AWG", "florin", "florins", "Aruban", "", "", "Afl"},
	{"AZN", "manat", "manats", "Azerbaijani|Azeri", "qapik", "qapiks", ""},
	{"BAM", "mark", "marks", "convertible|Bosnian", "", "", ""},
	{"BBD", "dollar", "dollars", "Barbadian|Barbados", "cent", "cents", "Bds$"},
	{"BDT", "taka", "takas|taka", "Bangladeshi|Bangladesh", "poisha", "poisha", "Tk|Tk."}, // The Daily Star (Dhaka)
	{"BHD", "dinar", "dinars", "Bahraini|Bahrain", "fils", "fils", "BD"},                  // Gulf Daily News
	{"BIF", "franc", "francs", "Burundian|Burundi", "", "", ""},
	{"BMD", "dollar", "dollars", "Bermudian|Bermuda", "cent", "cents", ""},
	{"BND", "dollar", "dollars", "Brunei", "cent", "cents", "B$"},
	{"BOB", "boliviano", "bolivianos", "Bolivian", "", "", ""},
	{"BRL", "real", "reais|reals", "Brazilian|Brazil", "centavo", "centavos", ""},
	{"BSD", "dollar", "dollars", "Bahamian|Bahamas", "cent", "cents", "B$"},
	{"BTN", "ngultrum", "ngultrums", "Bhutanese", "chhertum", "chhertum", "Nu"},
	{"BWP", "pula", "pula|pulas", "Botswana", "thebe", "thebe", ""},
	{"BYN", "ruble", "rubles|roubles", "Belarusian|Belarus|Belarussian", "kopek", "kopeks", ""},
	{"BZD", "dollar", "dollars", "Belize|Belizean", "cent", "cents", "BZ$"},
	{"CAD", "dollar", "dollars", "Canadian|Canada", "cent", "cents", "C$|Can$|CDN$"},
	{"CDF", "franc", "francs", "Congolese", "", "", ""},
	{"CHF", "franc", "francs", "Swiss", "centime", "centimes", "SFr|Sfr|SwFr"}, // Reuters style
	{"CLP", "peso", "pesos", "Chilean|Chile", "", "", "Ch$"},
	{"CNY", "yuan", "yuan|yuans", "Chinese|China", "fen", "fen", "RMB|Rmb"},
	{"COP", "peso", "pesos", "Colombian|Colombia", "", "", "Col$"},
	{"CRC", "colon", "colones|colons", "Costa Rican", "", "", ""},
	{"CUP", "peso", "pesos", "Cuban|Cuba", "centavo", "centavos", ""},
	{"CVE", "escudo", "escudos", "Cape Verdean", "", "", ""},
	{"CZK", "koruna", "korunas|koruny|crowns", "Czech", "haler", "halers", ""},
	{"DJF", "franc", "francs", "Djiboutian|Djibouti", "", "", ""},
	{"DKK", "krone", "kroner|krones|crowns", "Danish|Denmark", "ore", "ore", "DKr|Dkr"},
	{"DOP", "peso", "pesos", "Dominican", "centavo", "centavos", "RD$"},
	{"DZD", "dinar", "dinars", "Algerian|Algeria", "centime", "centimes", "DA"},
	{"EGP", "pound", "pounds", "Egyptian|Egypt", "piastre", "piastres|piasters", "LE|L.E.|E£|EGP"}, // Ahram Online, Daily News Egypt
	{"ERN", "nakfa", "nakfa|nakfas", "Eritrean", "", "", ""},
	{"ETB", "birr", "birr|birrs", "Ethiopian|Ethiopia", "santim", "santim", ""},
	{"EUR", "euro", "euros|euro", "", "cent", "cents", "EUR"},
	{"FJD", "dollar", "dollars", "Fijian|Fiji", "cent", "cents", "FJ$"},
	{"FKP", "pound", "pounds", "Falkland|Falklands|Falkland Islands", "penny", "pence", ""},
	{"GBP", "pound", "pounds", "British|sterling|UK|U.K.", "penny", "pence", "stg|Stg"},
	{"GEL", "lari", "lari|laris", "Georgian", "tetri", "tetri", ""},
	{"GHS", "cedi", "cedis", "Ghanaian|Ghana", "pesewa", "pesewas", "GH¢|GHc|Gh¢"}, // Ghanaian press
	{"GIP", "pound", "pounds", "Gibraltar", "penny", "pence", ""},
	{"GMD", "dalasi", "dalasis|dalasi", "Gambian", "butut", "bututs", ""},
	{"GNF", "franc", "francs", "Guinean|Guinea", "", "", ""},
	{"GTQ", "quetzal", "quetzales|quetzals", "Guatemalan", "centavo", "centavos", ""},
	{"GYD", "dollar", "dollars", "Guyanese|Guyana", "cent", "cents", "G$"},
	{"HKD", "dollar", "dollars", "Hong Kong", "cent", "cents", "HK$"},
	{"HNL", "lempira", "lempiras", "Honduran", "centavo", "centavos", ""},
	{"HTG", "gourde", "gourdes", "Haitian", "", "", ""},
	{"HUF", "forint", "forints|forint", "Hungarian|Hungary", "", "", "Ft"},
	{"IDR", "rupiah", "rupiah|rupiahs", "Indonesian|Indonesia", "", "", "Rp|Rp."},
	{"ILS", "shekel", "shekels|shekalim", "Israeli|Israel|new Israeli", "agora", "agorot", "NIS"}, // Israeli press
	{"INR", "rupee", "rupees", "Indian|India", "paisa", "paise", "Rs|Rs."},                        // Indian press
	{"IQD", "dinar", "dinars", "Iraqi|Iraq", "fils", "fils", ""},
	{"IRR", "rial", "rials|riyals", "Iranian|Iran", "", "", ""},
	{"ISK", "krona", "kronur|kronas|crowns", "Icelandic|Iceland", "", "", "ISK"},
	{"JMD", "dollar", "dollars", "Jamaican|Jamaica", "cent", "cents", "J$"},
	{"JOD", "dinar", "dinars", "Jordanian|Jordan", "fils", "fils", "JD"}, // Jordan Times
	{"JPY", "yen", "yen|yens", "Japanese|Japan", "sen", "sen", "JP¥"},
	{"KES", "shilling", "shillings", "Kenyan|Kenya", "cent", "cents", "KSh|Ksh|Kshs|KShs|Sh"}, // Daily Nation
	{"KGS", "som", "soms|som", "Kyrgyz|Kyrgyzstani", "tyiyn", "tyiyn", ""},
	{"KHR", "riel", "riels|riel", "Cambodian", "", "", ""},
	{"KMF", "franc", "francs", "Comorian", "", "", ""},
	{"KPW", "won", "won", "North Korean", "chon", "chon", ""},
	{"KRW", "won", "won|wons", "South Korean|Korean", "jeon", "jeon", ""},
	{"KWD", "dinar", "dinars", "Kuwaiti|Kuwait", "fils", "fils", "KD"}, // Kuwait Times
	{"KYD", "dollar", "dollars", "Cayman|Cayman Islands", "cent", "cents", "CI$"},
	{"KZT", "tenge", "tenge|tenges", "Kazakh|Kazakhstani", "tiyn", "tiyn", ""},
	{"LAK", "kip", "kip|kips", "Lao|Laotian", "", "", ""},
	{"LBP", "pound", "pounds|lira|liras|lire", "Lebanese|Lebanon", "piastre", "piastres", "LL|L.L.|L£|LBP"}, // The Daily Star (Beirut)
	{"LKR", "rupee", "rupees", "Sri Lankan|Sri Lanka", "cent", "cents", "SLRs|LKR|ரூ"},                      // ரூ: the Tamil-language press
	{"LRD", "dollar", "dollars", "Liberian|Liberia", "cent", "cents", "L$"},
	{"LSL", "loti", "maloti", "Lesotho|Basotho", "sente", "lisente", ""},
	{"LYD", "dinar", "dinars", "Libyan|Libya", "dirham", "dirhams", "LD"},
	{"MAD", "dirham", "dirhams", "Moroccan|Morocco", "centime", "centimes", "DH"},
	{"MDL", "leu", "lei", "Moldovan|Moldova", "ban", "bani", ""},
	{"MGA", "ariary", "ariary|ariarys", "Malagasy|Madagascar", "", "", ""},
	{"MKD", "denar", "denars|denari", "Macedonian", "", "", ""},
	{"MMK", "kyat", "kyat|kyats", "Myanmar|Burmese", "pya", "pyas", ""},
	{"MNT", "tugrik", "tugriks|tugrugs|tugrug|togrogs|togrog|tögrögs|tögrög", "Mongolian|Mongolia", "mongo", "mongo", "₮"},
	{"MOP", "pataca", "patacas", "Macau|Macao|Macanese", "avo", "avos", "MOP$"},
	{"MRU", "ouguiya", "ouguiyas|ouguiya", "Mauritanian", "", "", ""},
	{"MUR", "rupee", "rupees", "Mauritian|Mauritius", "cent", "cents", ""},
	{"MVR", "rufiyaa", "rufiyaa", "Maldivian", "laari", "laari", "Rf"},
	{"MWK", "kwacha", "kwacha|kwachas", "Malawian|Malawi", "tambala", "tambala", "MK"},
	{"MXN", "peso", "pesos", "Mexican|Mexico", "centavo", "centavos", "Mex$|MX$"},
	{"MYR", "ringgit", "ringgit|ringgits", "Malaysian|Malaysia", "sen", "sen", "RM"}, // The Star (Malaysia)
	{"MZN", "metical", "meticais|meticals", "Mozambican|Mozambique", "centavo", "centavos", ""},
	{"NAD", "dollar", "dollars", "Namibian|Namibia", "cent", "cents", "N$"},
	{"NGN", "naira", "naira|nairas", "Nigerian|Nigeria", "kobo", "kobo", "N"}, // Nigerian press write N50bn for ₦50bn
	{"NIO", "cordoba", "cordobas", "Nicaraguan", "centavo", "centavos", ""},
	{"NOK", "krone", "kroner|krones|crowns", "Norwegian|Norway", "ore", "ore", "NKr|Nkr"},
	{"NPR", "rupee", "rupees", "Nepalese|Nepali|Nepal", "paisa", "paisa", "NRs"},
	{"NZD", "dollar", "dollars", "New Zealand|NZ|kiwi", "cent", "cents", "NZ$"},
	{"OMR", "rial", "rials|riyals", "Omani|Oman", "baisa", "baisa|baisas", "RO"}, // Times of Oman
	{"PAB", "balboa", "balboas", "Panamanian|Panama", "centesimo", "centesimos", ""},
	{"PEN", "sol", "soles|sols", "Peruvian|Peru", "centimo", "centimos", "S/"},
	{"PGK", "kina", "kina|kinas", "Papua New Guinean|Papua New Guinea|PNG", "toea", "toea", ""},
	{"PHP", "peso", "pesos", "Philippine|Filipino|Philippines", "centavo", "centavos", "P|Php"}, // Philippine press: P2 billion
	{"PKR", "rupee", "rupees", "Pakistani|Pakistan", "paisa", "paisa", "Rs|PKR"},
	{"PLN", "zloty", "zlotys|zloty|zlotych", "Polish|Poland", "grosz", "groszy", "zl"},
	{"PYG", "guarani", "guaranis|guaranies", "Paraguayan", "", "", ""},
	{"QAR", "riyal", "riyals|rials", "Qatari|Qatar", "dirham", "dirhams", "QR"}, // The Peninsula (Doha)
	{"RON", "leu", "lei", "Romanian|Romania", "ban", "bani", ""},
	{"RSD", "dinar", "dinars", "Serbian|Serbia", "para", "para", ""},
	{"RUB", "ruble", "rubles|roubles", "Russian|Russia", "kopeck", "kopecks|kopeks|kopek", "Rbl|Rbls"}, // kopeks: AP style
	{"RWF", "franc", "francs", "Rwandan|Rwanda", "", "", "Frw|RF"},
	{"SAR", "riyal", "riyals|rials", "Saudi|Saudi Arabian", "halala", "halalas|halala|halalah", "SR|SAR"}, // Arab News
	{"SBD", "dollar", "dollars", "Solomon Islands", "cent", "cents", "SI$"},
	{"SCR", "rupee", "rupees", "Seychellois|Seychelles", "cent", "cents", ""},
	{"SDG", "pound", "pounds", "Sudanese|Sudan", "piastre", "piastres", "SDG"},
	{"SEK", "krona", "kronor|kronas|crowns", "Swedish|Sweden", "ore", "ore", "SKr|Skr"},
	{"SGD", "dollar", "dollars", "Singapore|Singaporean", "cent", "cents", "S$"},
	{"SHP", "pound", "pounds", "Saint Helena", "penny", "pence", ""},
	{"SLE", "leone", "leones", "Sierra Leonean|Sierra Leone", "cent", "cents", ""},
	{"SOS", "shilling", "shillings", "Somali|Somalia", "cent", "cents", ""},
	{"SRD", "dollar", "dollars", "Surinamese|Suriname", "cent", "cents", ""},
	{"SSP", "pound", "pounds", "South Sudanese|South Sudan", "piastre", "piastres", "SSP"},
	{"STN", "dobra", "dobras", "Sao Tomean|São Tomé", "", "", ""},
	{"SVC", "colon", "colones", "Salvadoran", "centavo", "centavos", ""},
	{"SYP", "pound", "pounds|lira|liras", "Syrian|Syria", "piastre", "piastres", "S£"},
	{"SZL", "lilangeni", "emalangeni", "Swazi|Eswatini", "cent", "cents", ""},
	{"THB", "baht", "baht|bahts", "Thai|Thailand", "satang", "satang", "Bt"}, // Bangkok Post
	{"TJS", "somoni", "somoni|somonis", "Tajik|Tajikistani", "diram", "dirams", ""},
	{"TMT", "manat", "manats|manat", "Turkmen|Turkmenistan", "tenge", "tenge", ""},
	{"TND", "dinar", "dinars", "Tunisian|Tunisia", "millime", "millimes", ""},
	{"TOP", "pa'anga", "pa'anga", "Tongan", "seniti", "seniti", "T$"},
	{"TRY", "lira", "lira|liras|lire", "Turkish|Turkey|new Turkish", "kurus", "kurus|kurush", "TL"}, // Hurriyet Daily News
	{"TTD", "dollar", "dollars", "Trinidad and Tobago|Trinidad|Trinidadian", "cent", "cents", "TT$"},
	{"TWD", "dollar", "dollars", "Taiwan|Taiwanese|new Taiwan", "cent", "cents", "NT$"},
	{"TZS", "shilling", "shillings", "Tanzanian|Tanzania", "cent", "cents", "TSh|Tsh"},
	{"UAH", "hryvnia", "hryvnias|hryvnia|hryvnas|hryvnya|hryvnyas|hryvni", "Ukrainian|Ukraine", "kopiyka", "kopiykas|kopiyky|kopecks|kopeks", "UAH"}, // Kyiv Post
	{"UGX", "shilling", "shillings", "Ugandan|Uganda", "", "", "USh|Shs|Ush"},                                                                        // New Vision
	{"USD", "dollar", "dollars|bucks", "US|U.S.|American|United States", "cent", "cents", "US$|USD"},
	{"UYU", "peso", "pesos", "Uruguayan|Uruguay", "centesimo", "centesimos", "$U"},
	{"UZS", "som", "som|soms|sum|sums", "Uzbek|Uzbekistani", "tiyin", "tiyin", ""},
	{"VED", "bolivar", "bolivars|bolivares", "digital", "", "", ""},
	{"VES", "bolivar", "bolivars|bolivares", "Venezuelan|Venezuela|sovereign", "centimo", "centimos", "Bs|Bs.|Bs.S"},
	{"VND", "dong", "dong|dongs", "Vietnamese|Vietnam", "", "", "VND"},
	{"VUV", "vatu", "vatu", "Vanuatu", "", "", ""},
	{"WST", "tala", "tala|talas", "Samoan", "sene", "sene", ""},
	{"XAF", "franc", "francs", "CFA|Central African CFA", "centime", "centimes", ""},
	{"XCD", "dollar", "dollars", "East Caribbean|Eastern Caribbean", "cent", "cents", "EC$"},
	{"XCG", "guilder", "guilders", "Caribbean", "cent", "cents", "Cg"},
	{"XOF", "franc", "francs", "West African CFA|West African", "centime", "centimes", "CFA"},
	{"XPF", "franc", "francs", "CFP|Pacific", "", "", ""},
	{"YER", "rial", "rials|riyals", "Yemeni|Yemen", "fils", "fils", "YR"},
	{"ZAR", "rand", "rand|rands", "South African|South Africa", "cent", "cents", "R"}, // Business Day: R5bn
	{"ZMW", "kwacha", "kwacha|kwachas", "Zambian|Zambia", "ngwee", "ngwee", ""},
	{"ZWG", "gold", "gold", "Zimbabwe|Zimbabwean|ZiG", "", "", "ZiG"},
}

// defaults pick the currency a shared name means when no adjective says
// which: the one English-language news most often means.
var defaults = map[string]string{
	"dollar": "USD", "pound": "GBP", "peso": "MXN", "franc": "CHF", "rupee": "INR", "dinar": "KWD",
	"riyal": "SAR", "rial": "IRR", "dirham": "AED", "shilling": "KES", "krona": "SEK", "krone": "NOK",
	"lira": "TRY", "won": "KRW", "real": "BRL", "kwacha": "ZMW", "leu": "RON", "ruble": "RUB",
	"manat": "AZN", "som": "KGS", "colon": "CRC", "bolivar": "VES", "guilder": "XCG", "yuan": "CNY",
	"sol": "PEN", "mark": "BAM", "florin": "AWG", "lev": "BGN", "tugrik": "MNT", "sterling": "GBP",
}

// subDefaults pick the currency a shared subunit name means alone ("50
// cents"); after a unit ("3 riyals 50 dirhams") the unit decides.
var subDefaults = map[string]string{
	"cent": "USD", "penny": "GBP", "kopeck": "RUB", "fils": "AED", "centavo": "MXN", "centime": "CHF",
	"piastre": "EGP", "paisa": "INR", "halala": "SAR", "sen": "MYR", "ore": "SEK", "kopiyka": "UAH",
	"ban": "RON", "para": "RSD", "centimo": "PEN", "centesimo": "UYU", "dirham": "QAR", "tenge": "TMT",
}

// extraNames are other names of a currency in names, and currencies ISO has
// withdrawn that news still writes of: the Lebanese pound is as often the
// "lira"; the Bulgarian lev (BGN) gave way to the euro in 2026 but stories
// before then count in it.
var extraNames = []named{
	{"BGN", "lev", "leva|levs", "Bulgarian|Bulgaria", "stotinka", "stotinki", "BGN|lv"}, // Sofia Globe, Novinite
	{"HRK", "kuna", "kuna|kunas", "Croatian|Croatia", "lipa", "lipa", "HRK|kn"},
	{"LBP", "lira", "liras|lire|lira", "Lebanese|Lebanon", "", "", ""},
	{"SYP", "lira", "liras|lira", "Syrian|Syria", "", "", ""},
	{"GBP", "sterling", "sterling", "", "", "", ""},
}
