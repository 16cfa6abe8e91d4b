package speech

import (
	"strings"

	"github.com/whosaid/whosaid/extract/internal/text"
)

// Cue flags say what a reporting verb can introduce. A verb like "asked" or
// "chanted" carries quotes but rarely an indirect-speech clause, so it makes
// no claim unless "that" follows it.
const (
	cueQuote  = 1 << iota // may carry a direct quote
	cueClaim              // takes a content clause without "that"
	cueThat               // takes a content clause only after "that"
	cueGerund             // participle ("adding"): subject is the clause's subject
	// cueEvidence marks verbs of showing and finding ("the poll showed",
	// "the study found"): they report a claim only when their subject is a
	// document, a poll or an organization, or when "that" follows.
	cueEvidence
	// cueAsk marks verbs of asking: their content is the question ("asked
	// whether…"), a claim only when a wh-word or "if" opens it.
	cueAsk
	// cueObject marks verbs whose object is what was said or held, a noun
	// phrase as often as a clause: "criticized the plan", "called for a
	// recount", "pointed to the deficit".
	cueObject
	// cueWeak marks verbs that report a stance more than speech (the wide
	// lexicon mined from PolNeAR): they neither take over a quotation nor
	// start a claim inside what someone else is reported to have said.
	cueWeak
)

// cueWords maps every inflected form of a reporting verb to its flags. The
// list was derived from the Cue spans of the PolNeAR training set, keeping
// verbs of saying and asserting and dropping verbs of wanting, liking and
// showing that PolNeAR also annotates but that do not carry speech.
var cueWords = map[string]int{}

// cueLemmas lists the reporting verbs as base forms with their inflections;
var cueLemmas = []struct {
	forms string
	flags int
}{
	{"say says said saying", cueQuote | cueClaim},
	{"tell tells told telling", cueQuote | cueClaim},
	{"add adds added adding", cueQuote | cueClaim},
	{"warn warns warned warning", cueQuote | cueClaim},
	{"insist insists insisted insisting", cueQuote | cueClaim},
	{"acknowledge acknowledges acknowledged acknowledging", cueQuote | cueClaim},
	{"argue argues argued arguing", cueQuote | cueClaim},
	{"deny denies denied denying", cueQuote | cueThat},
	{"announce announces announced announcing", cueQuote | cueClaim | cueObject},
	{"note notes noted noting", cueQuote | cueClaim},
	{"stress stresses stressed stressing", cueQuote | cueClaim},
	{"estimate estimates estimated estimating", cueClaim},
	{"predict predicts predicted predicting", cueQuote | cueClaim},
	{"believe believes believed", cueClaim},
	{"report reports reported reporting", cueQuote | cueThat},
	{"explain explains explained explaining", cueQuote | cueClaim},
	{"declare declares declared declaring", cueQuote | cueClaim},
	{"state states stated stating", cueQuote | cueThat},
	{"write writes wrote writing", cueQuote | cueClaim},
	{"tweet tweets tweeted tweeting", cueQuote | cueClaim},
	{"post posts posted posting", cueQuote | cueThat},
	{"claim claims claimed claiming", cueQuote | cueClaim},
	{"allege alleges alleged alleging", cueQuote | cueClaim},
	{"testify testifies testified testifying", cueQuote | cueClaim},
	{"vow vows vowed vowing", cueQuote | cueThat},
	{"pledge pledges pledged pledging", cueThat},
	{"promise promises promised promising", cueQuote | cueThat},
	{"confirm confirms confirmed confirming", cueQuote | cueThat},
	{"reveal reveals revealed revealing", cueThat},
	{"suggest suggests suggested suggesting", cueQuote | cueClaim},
	{"concede concedes conceded conceding", cueQuote | cueThat},
	{"admit admits admitted admitting", cueQuote | cueThat},
	{"assert asserts asserted asserting", cueQuote | cueClaim},
	{"maintain maintains maintained", cueThat},
	{"contend contends contended", cueQuote | cueClaim},
	{"caution cautions cautioned cautioning", cueQuote | cueClaim},
	{"reply replies replied replying", cueQuote | cueThat},
	{"respond responds responded responding", cueQuote | cueThat},
	{"answer answers answered", cueQuote | cueThat},
	{"ask asks asked", cueQuote | cueAsk},
	{"wonder wonders wondered", cueQuote | cueAsk},
	{"question questioned", cueAsk},
	{"recall recalls recalled recalling", cueQuote | cueThat},
	{"remark remarks remarked", cueQuote | cueThat},
	{"complain complains complained complaining", cueQuote | cueClaim},
	{"counter counters countered", cueQuote | cueThat},
	{"conclude concludes concluded", cueQuote | cueThat},
	{"emphasise emphasises emphasised emphasize emphasizes emphasized emphasising emphasizing", cueQuote | cueClaim},
	{"reiterate reiterates reiterated reiterating", cueQuote | cueThat},
	{"indicate indicates indicated indicating", cueThat},
	{"hint hints hinted", cueThat},
	{"signal signals signaled signalled", cueThat},
	{"disclose discloses disclosed", cueThat},
	// "“…,” he continued": a quote only, never a claim ("the fighting
	// continued").
	{"continue continues continued", cueQuote},
	{"chant chants chanted chanting", cueQuote},
	// Manners of speaking: they carry the quote they frame and nothing
	// else ("the audience screamed back “Mexico!”").
	{"scream screams screamed", cueQuote},
	{"exclaim exclaims exclaimed", cueQuote},
	{"roar roars roared", cueQuote},
	{"retort retorts retorted", cueQuote},
	{"interject interjects interjected", cueQuote},
	{"mutter mutters muttered", cueQuote},
	{"whisper whispers whispered", cueQuote},
	{"scoff scoffs scoffed", cueQuote},
	{"proclaim proclaims proclaimed", cueQuote},
	{"muse muses mused", cueQuote},
	{"gush gushes gushed", cueQuote},
	// "a sign that read “15%!”", "the tweet reads": what a text says.
	{"read reads", cueQuote},
	{"shout shouts shouted shouting", cueQuote},
	{"yell yells yelled", cueQuote},
	{"joke jokes joked joking", cueQuote},
	{"quip quips quipped", cueQuote},
	{"comment comments commented", cueQuote | cueThat},
	{"observe observes observed", cueQuote | cueThat},
	{"forecast forecasts", cueThat},
	{"think thinks thought", cueClaim | cueWeak},
	{"fear fears feared", cueThat | cueWeak},
	{"hope hopes hoped", cueClaim | cueObject | cueWeak},
	{"want wants wanted", cueClaim | cueObject | cueWeak},
	{"seek seeks sought", cueClaim | cueObject | cueWeak},
	{"refuse refuses refused", cueClaim | cueObject | cueWeak},
	{"worry worries worried", cueThat | cueWeak},
	{"know knows knew", cueThat | cueWeak},
	{"agree agrees agreed", cueThat | cueWeak},
	{"doubt doubts doubted", cueThat | cueWeak},
	{"show shows showed", cueClaim | cueEvidence | cueWeak},
	{"find finds found", cueClaim | cueEvidence | cueWeak},
	{"project projects projected", cueThat},
	{"charge charges charged", cueThat},
	{"boast boasts boasted", cueQuote | cueThat},
	{"brag brags bragged", cueQuote | cueThat},
	{"speculate speculates speculated", cueThat},
	{"guarantee guarantees guaranteed", cueThat},
	{"assure assures assured", cueQuote | cueThat},
	{"lament laments lamented", cueQuote | cueThat},
	{"mention mentions mentioned", cueThat},
	{"urge urges urged urging", cueQuote | cueClaim | cueObject},
	{"accuse accuses accused accusing", cueQuote | cueClaim | cueObject},
	{"describe describes described describing", cueQuote | cueClaim | cueObject},
	{"call calls called calling", cueQuote | cueClaim | cueObject},
	// Verbs of judging and demanding, mined from the Cue spans of the
	// PolNeAR training set: each was a cue in at least half of its
	// occurrences there. Their object is the content.
	{"endorse endorses endorsed endorsing", cueClaim | cueObject | cueWeak},
	{"criticize criticizes criticized criticizing criticise criticises criticised criticising", cueQuote | cueClaim | cueObject | cueWeak},
	{"express expresses expressed expressing", cueClaim | cueObject | cueWeak},
	{"defend defends defended defending", cueQuote | cueClaim | cueObject | cueWeak},
	{"praise praises praised praising", cueQuote | cueClaim | cueObject | cueWeak},
	{"oppose opposes opposed opposing", cueClaim | cueObject | cueWeak},
	{"reject rejects rejected rejecting", cueQuote | cueClaim | cueObject | cueWeak},
	{"blast blasts blasted blasting", cueQuote | cueClaim | cueObject | cueWeak},
	{"slam slams slammed slamming", cueQuote | cueClaim | cueObject | cueWeak},
	{"dismiss dismisses dismissed dismissing", cueQuote | cueClaim | cueObject | cueWeak},
	{"denounce denounces denounced denouncing", cueQuote | cueClaim | cueObject | cueWeak},
	{"condemn condemns condemned condemning", cueQuote | cueClaim | cueObject | cueWeak},
	{"blame blames blamed blaming", cueQuote | cueClaim | cueObject | cueWeak},
	{"echo echoes echoed echoing", cueQuote | cueClaim | cueObject | cueWeak},
	{"mock mocks mocked mocking", cueQuote | cueClaim | cueObject | cueWeak},
	{"tout touts touted touting", cueQuote | cueClaim | cueObject | cueWeak},
	{"decry decries decried decrying", cueQuote | cueClaim | cueObject | cueWeak},
	{"bemoan bemoans bemoaned bemoaning", cueQuote | cueClaim | cueObject | cueWeak},
	{"lambaste lambastes lambasted lambasting", cueQuote | cueClaim | cueObject | cueWeak},
	{"assail assails assailed assailing", cueQuote | cueClaim | cueObject | cueWeak},
	{"deride derides derided deriding", cueQuote | cueClaim | cueObject | cueWeak},
	{"rebuke rebukes rebuked rebuking", cueQuote | cueClaim | cueObject | cueWeak},
	{"highlight highlights highlighted highlighting", cueClaim | cueObject | cueWeak},
	{"voice voices voiced voicing", cueClaim | cueObject | cueWeak},
	{"propose proposes proposed proposing", cueClaim | cueObject | cueWeak},
	{"recommend recommends recommended recommending", cueClaim | cueObject | cueWeak},
	{"request requests requested requesting", cueClaim | cueObject | cueWeak},
	{"demand demands demanded demanding", cueQuote | cueClaim | cueObject | cueWeak},
	{"liken likens likened likening", cueQuote | cueClaim | cueObject | cueWeak},
	{"portray portrays portrayed portraying", cueQuote | cueClaim | cueObject | cueWeak},
	{"label labels labeled labelled labeling labelling", cueQuote | cueClaim | cueObject | cueWeak},
	{"imply implies implied implying", cueClaim | cueWeak},
	{"recount recounts recounted recounting", cueQuote | cueClaim | cueWeak},
	{"plead pleads pleaded pleading", cueQuote | cueClaim | cueObject | cueWeak},
	{"challenge challenges challenged challenging", cueClaim | cueObject | cueWeak},
	{"rail rails railed railing", cueQuote | cueClaim | cueObject | cueWeak},
	{"lash lashes lashed lashing", cueQuote | cueClaim | cueObject | cueWeak},
	{"point points pointed pointing", cueClaim | cueObject | cueWeak},
	{"remind reminds reminded reminding", cueQuote | cueClaim | cueObject | cueWeak},
	{"thank thanks thanked thanking", cueQuote | cueObject | cueWeak},
	{"applaud applauds applauded applauding", cueQuote | cueClaim | cueObject | cueWeak},
	{"champion champions championed championing", cueClaim | cueObject | cueWeak},
	{"attack attacks attacked attacking", cueQuote | cueClaim | cueObject | cueWeak},
	{"support supports supported supporting", cueClaim | cueObject | cueWeak},
	{"cite cites cited citing", 0},
	{"refer refers referred referring", 0},
}

// gerundEnds are participles that end a content clause when they follow a
// comma: "…, calling the savings “unavoidable”" belongs to the main clause.
var gerundEnds = map[string]bool{
	"adding": true, "saying": true, "calling": true, "estimating": true, "citing": true,
	"referring": true, "warning": true, "noting": true, "arguing": true, "insisting": true,
	"stressing": true, "telling": true, "describing": true, "urging": true, "accusing": true,
	"claiming": true, "explaining": true, "acknowledging": true, "denying": true, "vowing": true,
}

// auxSkip are words that may sit between a speaker and the cue ("has also
// said", "later said", "said separately") without changing who spoke.
var auxSkip = map[string]bool{
	"also": true, "later": true, "earlier": true, "separately": true, "previously": true, "again": true,
	"then": true, "has": true, "have": true, "had": true, "would": true, "will": true, "was": true,
	"were": true, "is": true, "are": true, "once": true, "repeatedly": true, "recently": true,
	"further": true, "reportedly": true, "publicly": true, "privately": true, "initially": true,
	"simply": true, "quickly": true, "immediately": true, "first": true, "already": true,
	"only": true, "had previously": true, "flatly": true, "bluntly": true, "often": true,
	"frequently": true, "herself": true, "himself": true, "themselves": true, "itself": true,
	"last": true, "yesterday": true, "today": true, "tonight": true, "now": true, "still": true,
	"privately,": true, "openly": true, "angrily": true, "confidently": true, "proudly": true,
}

// timeWords start or make up adverbials that may follow a cue before the
// content clause: "said on Tuesday", "said last month that".
var timeWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "yesterday": true, "today": true, "tonight": true,
	"on": true, "late": true, "early": true, "earlier": true, "later": true, "last": true,
	"this": true, "next": true, "week": true, "month": true, "year": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "weekend": true, "separately": true,
	"also": true, "again": true, "previously": true, "recently": true, "privately": true,
	"publicly": true, "repeatedly": true, "on condition of anonymity": true,
}

// adverbialPreps start prepositional phrases that may follow a cue ("said in
// a statement", "told reporters at the chancellery") before the content.
var adverbialPreps = map[string]bool{
	"in": true, "at": true, "after": true, "during": true, "before": true, "on": true,
	"through": true, "via": true, "from": true, "with": true, "by": true,
	"while": true, "when": true, "outside": true, "inside": true, "over": true, "for": true,
}

// adverbialNouns are the heads of prepositional phrases that describe how
// something was said rather than what: "in a statement", "at a briefing".
var adverbialNouns = map[string]bool{
	"statement": true, "interview": true, "briefing": true, "ruling": true, "post": true,
	"video": true, "letter": true, "speech": true, "conference": true, "email": true,
	"e-mail": true, "tweet": true, "message": true, "report": true, "filing": true,
	"meeting": true, "call": true, "telephone": true, "phone": true, "radio": true,
	"television": true, "remarks": true, "address": true, "courthouse": true, "reporters": true,
	"journalists": true, "interpreter": true, "translator": true, "parliament": true,
	"court": true, "chancellery": true, "hearing": true, "summit": true, "testimony": true,
	"anonymity": true, "blog": true, "podcast": true, "broadcast": true, "newspaper": true,
	"session": true, "event": true, "rally": true, "audience": true, "talks": true,
}

// anonNouns are heads of noun phrases naming unnamed sources: "a State
// Department official", "two sources familiar with the matter".
var anonNouns = map[string]bool{
	"official": true, "officials": true, "source": true, "sources": true, "diplomat": true,
	"diplomats": true, "negotiator": true, "negotiators": true, "analyst": true, "analysts": true,
	"expert": true, "experts": true, "economist": true, "economists": true, "scientist": true,
	"scientists": true, "people": true, "person": true, "delegate": true, "delegates": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "aide": true, "aides": true,
	"insider": true, "insiders": true, "witness": true, "witnesses": true, "resident": true,
	"residents": true, "observer": true, "observers": true, "investor": true, "investors": true,
	"trader": true, "traders": true, "lawmaker": true, "lawmakers": true, "protester": true,
	"protesters": true, "protestors": true, "demonstrators": true, "researcher": true,
	"researchers": true, "critic": true, "critics": true, "activist": true, "activists": true,
	"executive": true, "executives": true, "banker": true, "bankers": true, "lawyer": true,
	"lawyers": true, "attorney": true, "attorneys": true, "doctor": true, "doctors": true,
	"officer": true, "officers": true, "employee": true, "employees": true, "worker": true,
	"workers": true, "member": true, "members": true, "adviser": true, "advisers": true,
	"advisor": true, "advisors": true, "strategist": true, "strategists": true, "voter": true,
	"voters": true, "supporters": true, "opponents": true, "minister": true, "ministers": true,
	"envoy": true, "ambassador": true, "commander": true, "prosecutors": true, "prosecutor": true,
	"police": true, "authorities": true, "organisers": true, "organizers": true, "rescuers": true,
	"survivor": true, "survivors": true, "farmer": true, "farmers": true, "students": true,
	"parents": true, "teachers": true, "villagers": true, "mourners": true, "fans": true,
	"crowd": true, "crowds": true, "participants": true, "historians": true, "engineer": true,
	"engineers": true, "planners": true, "leaders": true, "leader": true, "staff": true,
	"owners": true, "owner": true, "relatives": true, "passengers": true, "soldiers": true,
	"soldier": true, "judge": true, "regulators": true, "regulator": true, "manager": true,
	"managers": true, "director": true, "chairman": true, "chairwoman": true, "chief": true,
	"president": true, "governor": true, "secretary": true, "commissioner": true, "senator": true,
	"mayor": true, "coach": true, "captain": true, "founder": true, "coordinator": true,
	"representative": true, "representatives": true, "agent": true, "agents": true,
	"campaigners": true, "commuters": true, "marchers": true, "demonstrator": true, "pollsters": true,
	"inspectors": true, "investigators": true, "auditors": true, "reporters": true, "reporter": true,
	"republicans": true, "democrats": true, "conservatives": true, "liberals": true, "progressives": true,
	"candidates": true, "allies": true, "donors": true, "delegates,": true, "citizens": true,
	"americans": true, "respondents": true, "readers": true, "viewers": true, "users": true,
}

// personRoles are heads that, after "the", point back at a named person
// introduced with that title: "the minister", "the judge".
var personRoles = map[string]bool{
	"minister": true, "judge": true, "president": true, "governor": true, "secretary": true,
	"commissioner": true, "senator": true, "mayor": true, "coach": true, "captain": true,
	"founder": true, "chairman": true, "chairwoman": true, "chief": true, "director": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "ambassador": true,
	"envoy": true, "economist": true, "analyst": true, "strategist": true, "professor": true,
	"manager": true, "prosecutor": true, "lawyer": true, "attorney": true, "prime": true,
	"chancellor": true, "premier": true, "king": true, "queen": true, "pope": true,
	"general": true, "commander": true, "executive": true, "ceo": true, "leader": true,
	"official": true, "diplomat": true, "negotiator": true, "source": true, "expert": true,
	"scientist": true, "doctor": true, "player": true, "striker": true, "champion": true,
	"singer": true, "actor": true, "actress": true, "author": true, "writer": true,
	"candidate": true, "lawmaker": true, "legislator": true, "representative": true,
	"woman": true, "man": true, "politician": true, "billionaire": true, "investor": true,
	"officer": true, "activist": true, "researcher": true, "head": true, "boss": true,
	"delegate": true, "aide": true, "adviser": true, "advisor": true, "mother": true, "father": true,
}

// orgRoles are heads that, after "the", point back at an organization: "the
// ministry said in a statement", "the company said".
var orgRoles = map[string]bool{
	"company": true, "ministry": true, "bank": true, "group": true, "statement": true,
	"government": true, "commission": true, "agency": true, "firm": true, "department": true,
	"court": true, "organisation": true, "organization": true, "alliance": true, "union": true,
	"council": true, "committee": true, "party": true, "campaign": true, "fund": true,
	"institute": true, "authority": true, "regulator": true, "office": true, "army": true,
	"military": true, "police": true, "board": true, "carrier": true, "airline": true,
	"club": true, "team": true, "federation": true, "association": true, "league": true,
	"lender": true, "insurer": true, "retailer": true, "automaker": true, "startup": true,
	"broker": true, "brokerage": true, "exchange": true, "service": true, "observatory": true,
	"center": true, "centre": true, "report": true, "study": true, "survey": true,
	"cabinet": true, "administration": true, "embassy": true, "foundation": true, "university": true,
	"maker": true, "producer": true, "operator": true, "manufacturer": true, "developer": true,
	"network": true, "website": true, "newspaper": true, "broadcaster": true, "directorate": true,
	"secretariat": true, "bureau": true, "tribunal": true, "inspectorate": true, "regulator's": true,
}

// orgWords mark a capitalised name as an organization rather than a person.
var orgWords = map[string]bool{
	"ministry": true, "department": true, "bank": true, "organization": true, "organisation": true,
	"service": true, "institute": true, "commission": true, "fund": true, "alliance": true,
	"agency": true, "council": true, "union": true, "observatory": true, "staff": true,
	"administration": true, "federation": true, "inc": true, "inc.": true, "corp": true,
	"corp.": true, "ltd": true, "ltd.": true, "plc": true, "group": true, "labs": true,
	"analytics": true, "partners": true, "capital": true, "management": true, "authority": true,
	"office": true, "court": true, "party": true, "committee": true, "reserve": true,
	"board": true, "university": true, "association": true, "foundation": true, "brands": true,
	"energy": true, "customs": true, "police": true, "army": true, "government": true,
	"parliament": true, "congress": true, "senate": true, "house": true, "kremlin": true,
	"pentagon": true, "holdings": true, "motors": true, "airlines": true, "systems": true,
	"technologies": true, "industries": true, "pharmaceuticals": true, "media": true,
	"company": true, "co.": true, "llc": true, "ag": true, "sa": true, "gmbh": true,
	"programme": true, "program": true, "forces": true, "force": true, "navy": true,
	"network": true, "times": true, "post": true, "journal": true, "news": true, "press": true,
	"institution": true, "centre": true, "center": true, "club": true, "team": true,
	"league": true, "chiefs": true, "nations": true, "secretariat": true, "directorate": true,
	"bureau": true, "cabinet": true, "assembly": true, "tribunal": true, "research": true,
	"securities": true, "markets": true, "exchange": true, "trust": true, "society": true,
	"church": true, "school": true, "hospital": true, "coalition": true, "front": true,
	"movement": true, "tv": true, "radio": true, "airways": true, "telecom": true,
}

// titleWords are titles that precede a person's name and are not part of it:
// "Defence Minister Oumarou Hamani", "Dr. Helena Sørensen".
var titleWords = map[string]bool{
	"minister": true, "secretary": true, "president": true, "governor": true, "commissioner": true,
	"judge": true, "executive": true, "chief": true, "dr.": true, "dr": true, "mr.": true,
	"mr": true, "mrs.": true, "mrs": true, "ms.": true, "ms": true, "prof.": true,
	"professor": true, "senator": true, "sen.": true, "rep.": true, "representative": true,
	"gov.": true, "gen.": true, "general": true, "lt.": true, "col.": true, "colonel": true,
	"captain": true, "capt.": true, "admiral": true, "adm.": true, "sgt.": true, "sergeant": true,
	"mayor": true, "chancellor": true, "premier": true, "king": true, "queen": true, "prince": true,
	"princess": true, "pope": true, "ambassador": true, "envoy": true, "chairman": true,
	"chairwoman": true, "chair": true, "director": true, "spokesman": true, "spokeswoman": true,
	"coach": true, "speaker": true, "leader": true, "attorney": true, "justice": true,
	"officer": true, "founder": true, "ceo": true, "cfo": true, "head": true, "sheikh": true,
	"rev.": true, "father": true, "sister": true, "lord": true, "lady": true, "sir": true,
	"dame": true, "deputy": true, "vice": true, "crown": true, "archbishop": true, "bishop": true,
	"cardinal": true, "rabbi": true, "imam": true, "economist": true, "analyst": true,
	"strategist": true, "coordinator": true, "chef": true, "councillor": true, "councilor": true,
	"sen": true, "rep": true, "gov": true, "mp": true, "lawmaker": true, "senior": true,
	"founder,": true, "investor": true, "manager": true, "counsel": true, "superintendent": true,
	"inspector": true, "detective": true, "commander": true, "marshal": true, "major": true,
	"lawyer": true, "historian": true, "author": true, "writer": true, "journalist": true,
	"activist": true, "scientist": true, "researcher": true, "singer": true, "actor": true,
	"actress": true, "striker": true, "midfielder": true, "defender": true, "goalkeeper": true,
	"candidate": true, "businessman": true, "businesswoman": true, "entrepreneur": true,
	"banker": true, "trader": true, "editor": true, "publisher": true, "architect": true,
	"engineer": true, "nurse": true, "doctor": true, "teacher": true, "pastor": true,
	"priest": true, "composer": true, "producer": true, "novelist": true, "poet": true,
	"artist": true, "photographer": true, "chief executive": true, "spokesperson": true,
	"emir": true, "sultan": true, "ayatollah": true, "chancellor,": true, "president-elect": true,
}

// seniorityWords are dropped from anonymous descriptors, as the gold does:
// "a senior official" is an "official".
var seniorityWords = map[string]bool{
	"senior": true, "top": true, "high-ranking": true, "junior": true, "veteran": true,
	"leading": true, "high-level": true, "mid-level": true, "low-level": true, "ranking": true,
}

// determiners open noun phrases and are dropped from descriptors.
var determiners = map[string]bool{
	"a": true, "an": true, "the": true, "one": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true,
	"some": true, "several": true, "many": true, "other": true, "another": true, "most": true,
	"few": true, "dozens": true, "hundreds": true, "thousands": true, "both": true, "all": true,
	"its": true, "his": true, "her": true, "their": true, "our": true, "these": true, "those": true,
	"this": true, "that": true, "of": true, "more": true, "numerous": true, "various": true,
}

// nameParticles may sit inside a person's or organization's name in lower
// case: "Claudia de la Fuente", "Inês van der Berg".
var nameParticles = text.NameParticles

// orgParticles may sit inside an organization's name: "Ministry of Defence",
// "Global Fund to Fight AIDS, Tuberculosis and Malaria".
var orgParticles = map[string]bool{"of": true, "for": true, "and": true, "to": true, "on": true, "&": true, "the": true}

// relativeStarts open a relative clause or participial phrase that sits
// between a subject and its verb: "Kim, who is not related…, said".
var relativeStarts = map[string]bool{
	"who": true, "which": true, "whose": true, "whom": true, "where": true, "based": true,
	"who's": true, "who’s": true,
	"aged": true, "speaking": true, "visiting": true, "writing": true, "appearing": true,
	"standing": true, "flanked": true, "accompanied": true, "asked": true, "responding": true,
	"like": true, "unlike": true, "himself": true, "herself": true, "itself": true,
}

// subordinators open an adverbial clause inside which a report may sit
// ("hours after Sanders said…", "when the mayor said…"): the speaker is the
// subject after the last of them, not the phrase before.
var subordinators = map[string]bool{
	"after": true, "before": true, "when": true, "whenever": true, "since": true, "because": true,
	"while": true, "although": true, "though": true, "until": true, "once": true, "as": true,
	"if": true, "unless": true, "whereas": true,
}

// pageLabels open the labelled lines of a news page ("BYLINE:",
// "Contributing:", "Editor’s note:", "CORRECTION:"), which look like the
// "Name: what they said" headline form but report nobody's words.
var pageLabels = map[string]bool{
	"byline": true, "contributing": true, "editor’s": true, "editor's": true, "correction": true,
	"clarification": true, "update": true, "updated": true, "breaking": true, "exclusive": true,
	"watch": true, "photo": true, "photos": true, "video": true, "related": true, "source": true,
	"sources": true, "note": true, "read": true, "see": true, "reporting": true, "additional": true,
	"advertisement": true, "h/t": true, "wow": true,
}

// introWords open a sentence-initial adverbial that is not a content clause:
// "In a statement, Hanseong said…", "Asked if…, X responded…".
var introWords = map[string]bool{
	"in": true, "on": true, "at": true, "after": true, "speaking": true, "asked": true,
	"under": true, "during": true, "earlier": true, "later": true, "meanwhile": true,
	"however": true, "but": true, "for": true, "referring": true, "responding": true,
	"before": true, "separately": true, "also": true, "still": true, "yet": true, "and": true,
	"writing": true, "addressing": true, "asked,": true, "when": true, "as": true, "since": true,
	"with": true, "without": true, "despite": true, "instead": true, "overall": true,
	"by": true, "from": true, "elsewhere": true, "nonetheless": true, "nevertheless": true,
	"indeed": true, "moreover": true, "besides": true, "then": true, "now": true, "today": true,
	"pressed": true, "questioned": true, "interviewed": true, "commenting": true, "talking": true,
}

// pronouns that can stand for a speaker.
var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true}

// scareLead are words after which a quoted term is a name or a term, not
// speech: "a so-called “shadow fleet”".
var scareLead = map[string]bool{
	"so-called": true, "dubbed": true, "titled": true, "entitled": true, "named": true,
	"called": true, "nicknamed": true, "known": true, "term": true, "word": true, "words": true,
	"phrase": true, "label": true, "branded": true, "slogan": true, "as": true, "coined": true,
}

// accordingSkip are words between "according to" and the source that do not
// name it: "according to 2016 NATO figures", "according to data compiled by".
var accordingSkip = map[string]bool{
	"figures": true, "data": true, "estimates": true, "statement": true, "report": true,
	"survey": true, "poll": true, "statistics": true, "study": true, "numbers": true,
	"documents": true, "records": true, "filings": true, "filing": true, "calculations": true,
	"analysis": true, "projections": true, "forecasts": true, "research": true, "release": true,
	"count": true, "tally": true, "forecast": true, "projection": true, "assessment": true, "results": true, "count,": true, "reports": true, "sources": false,
}

// nounish are cue forms that are more often nouns ("an army post", "state
// television", "the claims"); they count as cues only right after a subject.
var nounish = map[string]bool{
	"post": true, "posts": true, "state": true, "states": true, "report": true, "reports": true,
	"claim": true, "claims": true, "note": true, "notes": true, "comment": true, "comments": true,
	"answer": true, "answers": true, "estimate": true, "estimates": true, "counter": true,
	"forecast": true, "forecasts": true, "signal": true, "signals": true, "promise": true,
	"promises": true, "tweet": true, "tweets": true, "remark": true, "remarks": true,
	"reply": true, "replies": true, "hint": true, "hints": true, "call": true, "calls": true,
	"joke": true, "jokes": true, "quip": true, "chant": true, "chants": true, "shout": true,
	"shouts": true, "yell": true, "pledge": true, "pledges": true, "vow": true, "vows": true,
	"warning": true, "stress": true, "counters": true, "write": true, "ask": true, "asks": true,
	"respond": true, "reveal": true, "admit": true, "recall": true, "recalls": true,
	"fear": true, "fears": true, "hope": true, "hopes": true, "doubt": true, "doubts": true,
	"charge": true, "charges": true, "project": true, "projects": true, "question": true,
	"show": true, "shows": true, "find": true, "finds": true, "worry": true, "worries": true,
	"know": true, "guarantee": true, "guarantees": true, "boast": true, "boasts": true,
	"wonder": true, "think": true, "agree": true, "support": true, "supports": true,
	"attack": true, "attacks": true, "champion": true, "champions": true, "thanks": true,
	"points": true, "point": true, "request": true, "requests": true, "demand": true, "demands": true,
	"challenge": true, "challenges": true, "echo": true, "echoes": true, "voice": true, "voices": true,
	"label": true, "labels": true, "highlight": true, "highlights": true, "blast": true, "blasts": true,
	"slam": true, "slams": true, "mock": true, "praise": true, "blame": true, "rail": true, "lash": true,
	"defend": true, "oppose": true, "reject": true, "endorse": true, "express": true, "propose": true,
}

// objectParticles may follow a verb of judging before its object: "called
// for", "pointed to", "railed against", "lashed out at".
var objectParticles = map[string]bool{
	"for": true, "to": true, "out": true, "against": true, "on": true, "at": true, "about": true,
}

// questionWords open the content of a verb of asking: "asked whether…".
var questionWords = map[string]bool{
	"whether": true, "if": true, "how": true, "what": true, "why": true, "who": true,
	"when": true, "where": true, "which": true, "whom": true,
}

// docNouns are documents, polls and records that speak for their makers:
// "the poll showed", "FEC records show", "a new study found".
var docNouns = map[string]bool{
	"poll": true, "polls": true, "survey": true, "surveys": true, "study": true, "studies": true,
	"report": true, "reports": true, "records": true, "data": true, "figures": true, "numbers": true,
	"analysis": true, "research": true, "findings": true, "results": true, "documents": true,
	"review": true, "audit": true, "investigation": true, "memo": true, "email": true, "emails": true,
	"letter": true, "filing": true, "filings": true, "statement": true, "ad": true, "ads": true,
	"article": true, "editorial": true, "book": true, "video": true, "transcript": true,
	"estimates": true, "projections": true, "model": true, "tally": true, "count": true,
	"statistics": true, "story": true, "op-ed": true, "column": true, "website": true, "indictment": true,
	"complaint": true, "lawsuit": true, "suit": true, "ruling": true, "order": true, "release": true,
}

// quantityWords count people without naming them: "half said", "most
// believe", "a majority of voters say".
var quantityWords = map[string]bool{
	"half": true, "third": true, "thirds": true, "quarter": true, "quarters": true,
	"three-quarters": true, "two-thirds": true, "one-third": true, "one-quarter": true,
	"majority": true, "majorities": true, "plurality": true, "minority": true, "most": true,
	"many": true, "some": true, "few": true, "several": true, "others": true, "none": true,
	"percent": true, "%": true, "fifth": true, "fifths": true, "tenth": true, "both": true,
}

// approxWords may open a count: "about half", "nearly 4 in 10", "more than
// a third".
var approxWords = map[string]bool{
	"about": true, "nearly": true, "almost": true, "roughly": true, "around": true, "some": true,
	"more": true, "than": true, "less": true, "fewer": true, "over": true, "under": true, "just": true,
	"only": true, "mere": true, "a": true, "an": true, "the": true, "approximately": true, "barely": true, "exactly": true,
}

// numberWords are numbers spelled out, which open counts as digits do.
var numberWords = map[string]bool{
	"one": true, "two": true, "three": true, "four": true, "five": true, "six": true, "seven": true,
	"eight": true, "nine": true, "ten": true, "twenty": true, "thirty": true, "forty": true,
	"fifty": true, "sixty": true, "seventy": true, "eighty": true, "ninety": true,
}

// participles are irregular past participles that can follow "statement"
// or "video" in an adverbial ("a statement read on television").
var participles = map[string]bool{
	"read": true, "written": true, "sent": true, "given": true, "shown": true, "made": true,
	"broadcast": true, "seen": true, "put": true, "held": true, "run": true,
}

// pastIrregular are past-tense verbs that, right after "and"/"but", start a
// second predicate of the main subject ("…but gave no details") and so end
// the content clause.
var pastIrregular = map[string]bool{
	"gave": true, "made": true, "took": true, "went": true, "came": true, "left": true,
	"held": true, "met": true, "spoke": true, "did": true, "declined": true, "refused": true,
	"became": true, "began": true, "sent": true, "set": true, "put": true, "kept": true,
	"stood": true, "sat": true, "offered": true, "urged": true, "called": true,
}

// init expands them into cueWords so lookups stay a single map probe.
func init() {
	for _, l := range cueLemmas {
		for _, f := range strings.Fields(l.forms) {
			fl := l.flags
			if strings.HasSuffix(f, "ing") {
				fl |= cueGerund
			}
			cueWords[f] = fl
		}
	}
	wordTable = buildWordTable()
}
