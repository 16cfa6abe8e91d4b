package entities

import (
	"github.com/whosaid/whosaid/extract/internal/text"
)

// Word lists of the entity stage. They are closed-class or near it (titles,
// organization keywords, honorifics), so a list is both faster and more
// predictable than anything learnt.

// Word-list bits: the classifier tests a token against several lists, and
// lexicon merges them, to be kept with the gazetteer's phrases, so that
// each token is probed once (state.has) however many lists are asked of
// it.
const (
	lxTitleHead = 1 << iota
	lxOrgSuffix
	lxOrgHead
	lxSkipSuffix
	lxSkipPrefix
	lxLeadWord
	lxDotted
	lxStopAcronym
	lxCalendar
	lxFirstName
	lxPlaceSuffix
	lxOrgPrefix
	lxNameWord // a first or last word of a person's name in CoNLL-2003 train
	lxKnown    // set on a token once its bits are read, never in the map
)

// lexicon merges the word lists behind the lx* bits, with the first
// names and name words of the gazetteer.
func lexicon(firstNames, nameWords map[string]bool) map[string]uint16 {
	m := map[string]uint16{}
	for _, l := range []struct {
		set map[string]bool
		bit uint16
	}{
		{titleHeads, lxTitleHead}, {orgSuffixes, lxOrgSuffix}, {orgHeads, lxOrgHead},
		{skipSuffixes, lxSkipSuffix}, {skipPrefixes, lxSkipPrefix}, {leadWords, lxLeadWord},
		{dotted, lxDotted}, {stopAcronyms, lxStopAcronym}, {calendar, lxCalendar},
		{firstNames, lxFirstName}, {placeSuffixes, lxPlaceSuffix}, {orgPrefixes, lxOrgPrefix},
		{nameWords, lxNameWord},
	} {
		for w, ok := range l.set {
			if ok {
				m[w] |= l.bit
			}
		}
	}
	return m
}

// wordSet builds a lookup set; the lists below read better as word lists
// than as map literals.
func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// titleHeads end a title that may stand before a name: "Foreign Minister
// Linas Linkevicius", "U.S. District Judge Lorraine Whitfield-Baptiste". The
// words before the head in the same capitalised run belong to the title.
var titleHeads = wordSet(
	"President", "Vice-President", "President-elect", "Minister", "Secretary", "Secretary-General",
	"Chancellor", "Vice-Chancellor", "Governor", "Senator", "Sen", "Rep", "Gov", "Representative",
	"Congressman", "Congresswoman", "Mayor", "Judge", "Justice", "Commissioner", "Ambassador", "Envoy",
	"Director", "Director-General", "Chairman", "Chairwoman", "Chairperson", "Chair", "Chief", "Executive",
	"CEO", "CFO", "COO", "Officer", "Spokesman", "Spokeswoman", "Spokesperson", "King", "Queen", "Prince",
	"Princess", "Pope", "General", "Gen", "Admiral", "Adm", "Colonel", "Col", "Lieutenant", "Lt", "Sergeant",
	"Sgt", "Captain", "Capt", "Commander", "Major", "Maj", "Premier", "Speaker", "Attorney", "Prosecutor",
	"Coach", "Deputy", "Head", "Founder", "Co-founder", "Sheikh", "Emir", "Archbishop", "Bishop", "Cardinal",
	"Rabbi", "Imam", "Professor", "Prof", "Inspector", "Superintendent", "Magistrate", "Treasurer",
	"Ombudsman", "Counsel", "Economist", "Analyst", "Strategist", "Leader", "Lawmaker", "Councillor",
	"Councilman", "Councilwoman", "Auditor", "Marshal", "Sultan", "Crown", "Ayatollah", "Patriarch",
	"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Mme", "Mmes", "Messrs",
)

// honorifics are title heads that are no office: they do not make a title
// worth recording beyond themselves.
var honorifics = wordSet("Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady", "Mme", "Prof")

// dotted take a full stop that belongs to them: "Dr. Helena Sørensen".
var dotted = wordSet("Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
	"Capt", "Sgt", "Maj", "Adm", "St", "Mme", "Messrs", "Jr", "Sr", "Inc", "Corp", "Co", "Ltd")

// roleWords in lower case right before a capitalised name mark a person and
// end the title phrase: "economy minister José Luis Ortega".
var roleWords = wordSet(
	"minister", "senator", "president", "founder", "co-founder", "chief", "executive", "spokesman",
	"spokeswoman", "spokesperson", "analyst", "economist", "strategist", "professor", "judge", "governor",
	"mayor", "lawmaker", "legislator", "coach", "striker", "player", "champion", "actor", "actress",
	"singer", "director", "chairman", "chairwoman", "commissioner", "secretary", "ambassador", "envoy",
	"general", "candidate", "leader", "head", "rival", "defender", "goalkeeper", "manager", "president-elect",
	"dissident", "activist", "lawyer", "attorney", "prosecutor", "author", "writer", "journalist",
	"reporter", "columnist", "editor", "correspondent", "researcher", "scientist", "teammate",
	"compatriot", "opponent", "wife", "husband", "son", "daughter", "brother", "sister", "sisters",
	"brothers", "mother", "father", "widow", "colleague", "pair", "duo", "officer", "deputy", "premier",
	"chancellor", "king", "queen", "prince", "princess", "pope", "emir", "sheikh", "cardinal", "bishop",
	"colonel", "captain", "commander", "sergeant", "lieutenant", "admiral", "ceo", "cfo", "novelist",
	"designer", "architect", "diplomat", "negotiator", "delegate", "adviser", "advisor", "aide",
	"investor", "billionaire", "entrepreneur", "businessman", "businesswoman", "tycoon", "magnate",
	"politician", "congressman", "congresswoman", "representative", "pitcher", "forward", "midfielder",
	"batsman", "bowler", "jockey", "driver", "rider", "runner", "swimmer", "boxer", "fighter", "winner",
	"seed", "veteran", "newcomer", "star", "tennis", "economist", "physician", "doctor", "nurse", "surgeon",
	"epidemiologist", "expert", "specialist", "fellow", "lecturer", "historian", "philosopher",
)

// titleMods may stand before a lower-case role word inside its title:
// "deputy government spokeswoman", "Finance chief".
var titleMods = wordSet(
	"economy", "finance", "foreign", "defense", "defence", "trade", "interior", "justice", "health",
	"energy", "environment", "deputy", "vice", "senior", "chief", "executive", "technology", "operating",
	"financial", "political", "government", "prime", "assistant", "associate", "acting", "interim",
	"managing", "general", "budget", "press", "communications", "opposition", "state", "federal",
	"national", "regional", "district", "foreign-policy", "security", "intelligence", "military",
	"army", "police", "conservative", "liberal", "socialist", "independent", "research", "investment",
	"law", "education", "transport", "labour", "labor", "agriculture", "culture", "sports", "climate",
)

// orgSuffixes end organization names: "Hanseong Energy", "German Tennis
// Federation", "Quillon Inc".
var orgSuffixes = wordSet(
	"Ministry", "Department", "Bank", "Party", "Council", "Commission", "Organization", "Organisation",
	"Agency", "Inc", "Corp", "Corporation", "Co", "Ltd", "LLC", "Plc", "PLC", "AG", "GmbH", "NV", "SA",
	"SpA", "AB", "ASA", "Group", "University", "College", "School", "Institute", "Institution",
	"Federation", "Confederation", "Association", "Union", "Fund", "Programme", "Program", "Service",
	"Services", "Authority", "Committee", "Court", "Observatory", "Labs", "Laboratories", "Energy",
	"Capital", "Partners", "Analytics", "Management", "Brands", "Holdings", "Holding", "Airlines",
	"Airways", "Motors", "Technologies", "Technology", "Systems", "Foundation", "Alliance", "Reserve",
	"Congress", "Parliament", "Assembly", "Senate", "Police", "Army", "Navy", "Force", "Forces",
	"Guard", "Command", "Office", "Bureau", "Board", "Administration", "Centre", "Center", "Society",
	"League", "Club", "FC", "Exchange", "Trust", "Insurance", "Securities", "Investments", "Research",
	"Media", "News", "Network", "Networks", "Entertainment", "Pharmaceuticals", "Pharma", "Therapeutics",
	"Railway", "Railways", "Telecom", "Communications", "Industries", "Enterprises", "Solutions",
	"Software", "Bancorp", "Financial", "Ventures", "Advisors", "Advisers", "Associates", "Consulting",
	"Logistics", "Shipping", "Mining", "Resources", "Petroleum", "Chemicals", "Steel", "Foods",
	"Studios", "Records", "Press", "Times", "Post", "Journal", "Herald", "Tribune", "Gazette",
	"Movement", "Front", "Coalition", "Brigade", "Brigades", "Cabinet", "Directorate", "Secretariat",
	"Tribunal", "Church", "Hospital", "Museum", "Academy", "Chamber", "Caucus", "Corps", "Bloc",
	"Electric", "Motor", "Airline", "Microsystems", "Semiconductor", "Electronics", "Robotics",
	"Biosciences", "Healthcare", "Hotels", "Resorts", "Stores", "Markets", "Realty", "Properties",
	"Commerce", "Trading", "Ministries", "Agencies", "Court", "Councils", "Observers", "Institutes",
)

// orgHeads open organization names that go on with "of" or "for":
// "Ministry of Defence", "Alliance of Small Island States".
var orgHeads = wordSet(
	"Ministry", "Department", "University", "Bank", "Organisation", "Organization", "Alliance",
	"Institute", "Federation", "Association", "Council", "Commission", "Committee", "Court", "Office",
	"Bureau", "Board", "Agency", "Fund", "Union", "League", "Society", "Academy", "Group", "Chamber",
	"Confederation", "Administration", "Center", "Centre", "College", "School", "Party", "Church",
	"Museum", "House", "Chiefs", "Secretariat", "Embassy", "Consulate", "Government", "Federal",
	"Authority", "Service", "Movement", "Front", "Coalition", "Foundation", "Ministers", "Parliament",
	"Assembly", "Conference", "Organisations", "Organizations", "Order", "Corps", "Directorate", "Port",
)

// placeSuffixes end names of places, never of people: "Byron Bay" and
// "Collins Beach" are named after people but are places. On CoNLL-2003
// eng.train a capitalised run of two words or more ending in one is a
// place 38 times, an organization 9 (the sides "West Coast" and "Gold
// Coast", and "Taiwan Straits" once) and a person once ("North Island", an
// annotation slip). A phrase the gazetteer knows is left to it. "Park" is left out: it is also a Korean surname.
var placeSuffixes = wordSet(
	"Bay", "Beach", "Island", "Islands", "Harbour", "Harbor", "Valley", "Peninsula", "Creek", "Falls",
	"Canyon", "Coast", "Gulf", "Strait", "Straits", "Sea", "Ocean", "Desert", "Glacier", "Reef",
	"Lagoon", "Hills", "Mountains", "Springs", "Heights", "Archipelago", "Delta", "Plateau", "Basin",
)

// orgPrefixes open organization names, in the languages whose names put
// the kind first: "Stichting Fairwork" is a Dutch foundation, "Dinamo
// Bucharest" a club. On CoNLL-2003 eng.train a capitalised run of two
// words or more opening with one is an organization 9 times in 9.
var orgPrefixes = wordSet(
	"Stichting", "Stiftung", "Fundación", "Fundacion", "Fundação", "Fundacao", "Fondation", "Fondazione",
	"Fundacja", "Vereniging", "Verein", "Verband", "Associazione", "Asociación", "Asociacion",
	"Associação", "Instituto", "Istituto", "Institut", "Universidad", "Università", "Universität",
	"Université", "Universidade", "Banco", "Banca", "Banque", "Grupo", "Gruppo", "Groupe", "Partido",
	"Partito", "Partei", "Ministerio", "Ministère", "Ministerium", "Agencia", "Agenzia", "Agence",
	"Federación", "Federazione", "Fédération", "Sociedad", "Società", "Société", "Societe", "Compagnie",
	"Compañía", "Companhia", "Dynamo", "Dinamo",
)

// makers are car, motorcycle and aircraft makers, whose name followed by a
// model ("Toyota Corolla", "Honda Civic", "Boeing 787-9") names a product,
// no person or organization (see product).
var makers = wordSet(
	"Toyota", "Honda", "Nissan", "Mazda", "Subaru", "Suzuki", "Mitsubishi", "Hyundai", "Kia", "Ford",
	"Chevrolet", "Chevy", "Buick", "Cadillac", "Chrysler", "Dodge", "Jeep", "Tesla", "Volkswagen", "VW",
	"Audi", "BMW", "Mercedes", "Porsche", "Opel", "Vauxhall", "Peugeot", "Renault", "Citroen", "Fiat",
	"Ferrari", "Lamborghini", "Maserati", "Volvo", "Saab", "Skoda", "Jaguar", "Lada", "Boeing",
	"Airbus", "Embraer", "Bombardier", "Cessna", "Fokker", "Tupolev", "Ilyushin", "Antonov", "Sukhoi",
	"Lockheed", "Yamaha", "Kawasaki", "Ducati",
)

// skipSuffixes end capitalised runs that name laws, events, works,
// streets: none is a person, organization or country mention.
var skipSuffixes = wordSet(
	"Act", "Acts", "Treaty", "Agreement", "Accord", "Accords", "Strategy", "Plan", "Summit", "Cup",
	"Open", "Games", "Championship", "Championships", "Olympics", "Prize", "Award", "Awards", "Day",
	"Week", "War", "Avenue", "Street", "Road", "Square", "Bridge", "Index", "Protocol", "Convention",
	"Initiative", "Declaration", "Doctrine", "Pact", "Festival", "Law", "Bill", "Directive",
	"Regulation", "Rule", "Rules", "Tour", "Series", "Trophy", "Marathon", "Grand", "Prix", "Expo",
	"Forum", "Talks", "Era", "Revolution", "Crisis", "Report",
)

// skipPrefixes open capitalised runs that name events: "Cyclone
// Halima" is no person.
var skipPrefixes = wordSet(
	"Cyclone", "Hurricane", "Typhoon", "Storm", "Tropical", "Operation", "Project", "Mount", "Lake",
	"River", "Cape", "Fort", "Camp",
)

// orgNouns in lower case right before a capitalised name make it an
// organization: "brokerage Fenwick Hale".
var orgNouns = wordSet(
	"brokerage", "firm", "company", "group", "maker", "startup", "start-up", "bank", "lender", "insurer",
	"carrier", "airline", "retailer", "automaker", "carmaker", "chipmaker", "steelmaker", "miner",
	"producer", "manufacturer", "developer", "operator", "conglomerate", "consultancy", "agency",
	"newspaper", "broadcaster", "publisher", "outlet", "network", "party", "club", "fund", "tank",
	"charity", "watchdog", "regulator", "exchange", "platform", "brand", "label", "studio", "shipper",
	"utility", "supplier", "distributor", "subsidiary", "unit", "affiliate", "giant", "rival", "insurer",
	"bloc", "organisation", "organization", "union", "militia", "outfit", "team", "side", "daily",
	"magazine", "website", "app", "provider", "telecoms", "refiner", "drugmaker", "bank", "builder",
)

// saidWords right after a two- or three-word name make it a speaker, and
// in news a named speaker is almost always a person or organization.
var saidWords = wordSet("said", "says", "told", "added", "wrote", "tweeted", "insisted", "argued",
	"noted", "stressed", "warned", "explained", "acknowledged", "asked", "replied", "responded")

// stopAcronyms are capitalised abbreviations that are no organization.
var stopAcronyms = wordSet(
	"GDP", "TB", "AIDS", "HIV", "CEO", "CFO", "COO", "CTO", "IPO", "TV", "PM", "AM", "OK", "DNA", "LNG",
	"VAT", "FTA", "COVID", "SARS", "MERS", "ID", "PC", "IT", "AI", "AD", "BC", "MP", "MPs", "GMT", "EST",
	"USD", "EUR", "GBP", "JPY", "CNY", "CPI", "PMI", "ETF", "OTC", "EV", "EVs", "SUV", "GPS", "NFT",
	"LGBT", "LGBTQ", "UTC", "PPE", "DMA", "DSA", "GDPR", "KM", "MPH", "KG", "RPM", "ET", "PT", "CO2",
	"VIP", "FAQ", "PDF", "USB", "WWII", "WWI", "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI",
	"XII", "Q1", "Q2", "Q3", "Q4", "H1", "H2", "CET", "BST", "EDT", "PST", "PDT", "MW", "GW", "KW",
	"UPDATE", "REFILE", "CORRECTED", "EXCLUSIVE", "ANALYSIS", "FACTBOX", "WRAPUP", "NEWS", "RPT",
	"I", "A", "OF", "THE", "AND", "IN", "ON", "TO", "FOR", "ICU", "ER", "RNA", "PCR", "NGO", "NGOs",
	"GMO", "EU-US", "AGM", "EPS", "EBITDA", "ROI", "FY", "YoY", "QoQ", "IQ", "HQ", "PR", "CSR", "ESG",
)

// leadWords are capitalised only because they open a sentence; they are
// dropped from the front of a capitalised run.
var leadWords = wordSet(
	"The", "A", "An", "But", "And", "Or", "In", "On", "At", "For", "As", "If", "So", "When", "While",
	"After", "Before", "Under", "Over", "With", "By", "From", "Asked", "Speaking", "According", "Since",
	"Although", "Though", "Meanwhile", "However", "Also", "This", "That", "These", "Those", "Its", "His",
	"Her", "Their", "Our", "My", "Your", "Other", "Some", "Many", "Most", "All", "Both", "Each", "Every",
	"Several", "Few", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Former",
	"Then", "Now", "Yet", "Still", "Even", "Only", "Just", "Not", "No", "Nor", "Instead", "Despite",
	"During", "Until", "Unlike", "Like", "Among", "Amid", "Against", "Without", "Within", "Through",
	"Here", "There", "Where", "What", "Why", "How", "Who", "Which", "Whether", "Once", "Because",
	"Last", "Next", "Earlier", "Later", "Today", "Yesterday", "Tomorrow", "New", "Top", "Senior",
	"Dear", "Thanks", "About", "Sources", "Officials", "Police", "Analysts", "Experts", "Critics", "Residents",
)

// particles join capitalised words inside one name (text.NameParticles):
// "Claudia de la Fuente", "Inês van der Berg".
var particles = text.NameParticles

// particleFilter rules out most words before particles is probed:
// the chunker asks it of every lower-case word of the text.
var particleFilter = text.NewWordFilter(particles)

// isParticle reports whether w is one of particles.
func isParticle(w string) bool { return particleFilter.MayHold(w) && particles[w] }

// calendar words are capitalised but name no entity; they also end a
// capitalised run ("Friday Mitchell" is two things).
var calendar = wordSet("January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
	"Friday", "Saturday", "Sunday", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
	"Oct", "Nov", "Dec", "JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST",
	"SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY",
	"FRIDAY", "SATURDAY", "SUNDAY")

// compoundTails end hyphenated words that are descriptions, not names:
// "Bergamo-based", "U.S.-led", "Russian-backed".
var compoundTails = wordSet("based", "born", "led", "backed", "owned", "made", "run", "controlled",
	"funded", "listed", "registered", "bound", "style", "era", "speaking", "dominated", "held",
	"occupied", "allied", "aligned", "friendly", "headquartered", "focused", "linked", "related",
	"level", "wide", "type", "like", "class", "sized")
