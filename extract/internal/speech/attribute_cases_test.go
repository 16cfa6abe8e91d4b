package speech_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/whosaid/whosaid"

	"github.com/whosaid/whosaid/extract/internal/speech"
	"github.com/whosaid/whosaid/extract/internal/text"
)

// item is one quote or claim: its text (expected: a prefix is enough), the
// speaker's name and kind.
type item struct{ src, speaker, kind string }

func quoteItems(quotes []whosaid.Quote) []item {
	var out []item
	for _, q := range quotes {
		out = append(out, item{q.Text, q.Speaker.Name, q.Speaker.Kind})
	}
	return out
}

func claimItems(claims []whosaid.Claim) []item {
	var out []item
	for _, c := range claims {
		out = append(out, item{c.Text, c.Speaker.Name, c.Speaker.Kind})
	}
	return out
}

func assertItems(t *testing.T, want, got []item) {
	t.Helper()
	if !assert.Len(t, got, len(want), "got %q", got) {
		return
	}
	for i, w := range want {
		assert.True(t, strings.HasPrefix(got[i].src, w.src), "item %d text: want prefix %q, got %q", i, w.src, got[i].src)
		assert.Equal(t, w.speaker, got[i].speaker, "item %d (%q) speaker", i, w.src)
		assert.Equal(t, w.kind, got[i].kind, "item %d (%q) kind", i, w.src)
	}
}

const (
	per  = whosaid.KindPerson
	org  = whosaid.KindOrganization
	anon = whosaid.KindAnonymous
	unk  = whosaid.KindUnknown
)

// TestQuoteAttribution runs attribution with no entities at all, as when
// the entity stage finds nothing: speakers must come from the text itself.
func TestQuoteAttribution(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []item
	}{
		{"speaker before with colon",
			"Speaking after the vote, Health Minister Ana Pereira said: “We will not back down.”",
			[]item{{"We will not back down.", "Ana Pereira", per}}},
		{"speaker after",
			"“The market will recover,” Jane Okonkwo said on Tuesday.",
			[]item{{"The market will recover,", "Jane Okonkwo", per}}},
		{"inverted with apposition and scare quote in it",
			"“Prices are too high,” said Tom Reyes, an analyst at Brook & Co, who has a “sell” rating on the stock.",
			[]item{{"Prices are too high,", "Tom Reyes", per}}},
		{"split quote",
			"“We are ready,” Maria Lind said, “and nobody will stop us.”",
			[]item{{"We are ready,", "Maria Lind", per}, {"and nobody will stop us.", "Maria Lind", per}}},
		{"next sentence names the speaker",
			"Farmers met in the square on Monday.\n“The subsidies are a lifeline, not a luxury.” That was the view of Pierre Dumas, who grows wheat near Lyon.",
			[]item{{"The subsidies are a lifeline", "Pierre Dumas", per}}},
		{"previous sentence speaker carries on",
			"Coach Lars Berg praised his team. “They never gave up,” he said. “I am proud of every one of them.”",
			[]item{{"They never gave up,", "Lars Berg", per}, {"I am proud of every one", "Lars Berg", per}}},
		{"pronoun chain across paragraphs",
			"Mayor Rita Alvarez opened the bridge on Friday.\nShe said the city had waited decades.\n“This is a great day,” she said.",
			[]item{{"This is a great day,", "Rita Alvarez", per}}},
		{"pronoun prefers the sentence subject over the last speaker",
			"“We won fairly,” said Paul Mendes. Ana Costa conceded defeat before midnight. “The people have spoken,” she said.",
			[]item{{"We won fairly,", "Paul Mendes", per}, {"The people have spoken,", "Ana Costa", per}}},
		{"role noun: the minister",
			"Finance Minister Karl Weber met unions on Monday. Talks went on late. The minister said he was “cautiously optimistic” about a deal.",
			[]item{{"cautiously optimistic", "Karl Weber", per}}},
		{"role noun: the 54-year-old",
			"Sofia Marin won the marathon in Berlin on Sunday. The 54-year-old broke the course record by a minute. “I felt young again,” the 54-year-old said.",
			[]item{{"I felt young again,", "Sofia Marin", per}}},
		{"role noun: the spokeswoman",
			"A spokeswoman for the airline said flights would resume. “Safety comes first,” the spokeswoman said.",
			[]item{{"Safety comes first,", "spokeswoman", anon}}},
		{"anonymous official with descriptor and the official later",
			"A State Department official said talks would go on. “We are not leaving,” the official said.",
			[]item{{"We are not leaving,", "State Department official", anon}}},
		{"senior official who declined to be named",
			"“The deal is dead,” a senior official who declined to be named told reporters.",
			[]item{{"The deal is dead,", "official", anon}}},
		{"two sources familiar with the matter and one of the sources",
			"Two sources familiar with the matter said the offer was withdrawn. “It is over,” one of the sources said.",
			[]item{{"It is over,", "sources", anon}}},
		{"organization in a statement",
			"The Ministry of Health reported 40 new cases. “The situation is under control,” the ministry said in a statement.",
			[]item{{"The situation is under control,", "Ministry of Health", org}}},
		{"group chanting",
			"Thousands marched through the capital. Protesters chanted “Out, out, out!” as police watched.",
			[]item{{"Out, out, out!", "protesters", anon}}},
		{"told Reuters",
			"“We had no choice,” Omar Haddad told Reuters in an interview.",
			[]item{{"We had no choice,", "Omar Haddad", per}}},
		{"wrote on X",
			"Senator Joan Pike wrote on X: “This bill is a disgrace.”",
			[]item{{"This bill is a disgrace.", "Joan Pike", per}}},
		{"said in a post",
			"“See you in court,” Elon Vance said in a post on social media.",
			[]item{{"See you in court,", "Elon Vance", per}}},
		{"Q and A: asked and responded",
			"Asked whether he would resign, Prime Minister Jonas Lund responded “Absolutely not” and left the room.",
			[]item{{"Absolutely not", "Jonas Lund", per}}},
		{"added",
			"“It was hard,” said Nina Bauer. “But we made it,” she added.",
			[]item{{"It was hard,", "Nina Bauer", per}, {"But we made it,", "Nina Bauer", per}}},
		{"interview Q and A",
			"Minister Ana Ruiz spoke to Reuters.\nQ: Will you resign?\nA: “No. I have work to do.”",
			[]item{{"No. I have work to do.", "Ana Ruiz", per}}},
		{"Mr and Mrs without full stops",
			"Mr Graham Pell and Mrs Alison Pell run the library. Mr Pell was cautious. ‘It is a good day,’ he said.",
			[]item{{"It is a good day,", "Graham Pell", per}}},
		{"Mr and Mrs with the same surname",
			"Mr. John Hale and Mrs. Edith Hale run the shop. “We are tired,” Mrs. Hale said. “We are not giving up,” Mr. Hale said.",
			[]item{{"We are tired,", "Edith Hale", per}, {"We are not giving up,", "John Hale", per}}},
		{"surname links to the full name",
			"Economist Ruth Adler spoke in Vienna. “Inflation is sticky,” Adler said.",
			[]item{{"Inflation is sticky,", "Ruth Adler", per}}},
		{"guillemets",
			"«Nous ne céderons pas», a déclaré Marc Roux. “We will not yield,” Marc Roux said.",
			[]item{{"We will not yield,", "Marc Roux", per}}},
		{"German low-high quotes",
			"„Wir schaffen das“, said Chancellor Greta Vogel.",
			[]item{{"Wir schaffen das", "Greta Vogel", per}}},
		{"straight double and single quotes",
			"\"We're ready,\" said Kim Ode. 'Nobody can stop us,' she added.",
			[]item{{"We're ready,", "Kim Ode", per}, {"Nobody can stop us,", "Kim Ode", per}}},
		{"single angle quotes",
			"‹This is the end of an era›, said Hans Moor.",
			[]item{{"This is the end of an era", "Hans Moor", per}}},
		{"nested single inside double",
			"“He looked at me and said, ‘Everyone does it,’ and walked off,” Ada Obi told jurors.",
			[]item{{"He looked at me and said, ‘Everyone does it,’ and walked off,", "Ada Obi", per}}},
		{"British reverse nesting",
			"‘The sign said “Keep out”, so we kept out,’ said Ian Shaw.",
			[]item{{"The sign said “Keep out”, so we kept out,", "Ian Shaw", per}}},
		{"apostrophes are not marks",
			"O’Malley’s band played rock ’n’ roll hits from the ’90s. “I don’t miss the ’80s,” O’Malley said.",
			[]item{{"I don’t miss the ’80s,", "O’Malley", per}}},
		{"possessive plural apostrophe inside single quotes",
			"'The players' union will decide,' said Lee Park.",
			[]item{{"The players' union will decide,", "Lee Park", per}}},
		{"unbalanced mark runs to the paragraph end",
			"“We will rebuild every house in this town, Governor Amy Stone said.\nThe storm hit on Monday.",
			[]item{{"We will rebuild every house in this town, Governor Amy Stone said.", unk, ""}}[:0]},
		{"multi-paragraph quote",
			"Judge Helen Carr read her ruling.\n“The defendant showed no remorse.\n“He lied to the court and to the victims.\n“I sentence him to ten years,” Carr said.",
			[]item{{"The defendant showed no remorse.", "Helen Carr", per}, {"He lied to the court", "Helen Carr", per}, {"I sentence him to ten years,", "Helen Carr", per}}},
		{"scare quotes, titles and terms are not quotes",
			"The firm was labelled a “gatekeeper” under the law. His memoir, “Numbers With a Human Face”, sold well. Russia uses a so-called “shadow fleet” of tankers, according to Seatrace Analytics.",
			nil},
		{"short partial quote next to a cue is a quote",
			"Defense Secretary Jim Mattis said last month the United States might “moderate” its support for the alliance.",
			[]item{{"moderate", "Jim Mattis", per}}},
		{"short quote right after a speech verb is speech",
			"Mayor Rita Alvarez said the city had lost 40 homes. The crowd answered by chanting “Rebuild them now”",
			[]item{{"Rebuild them now", "crowd", anon}}},
		{"two-word quote closed by its own stop is an utterance",
			"Coach Lars Berg said his team had tried hard. “Not enough.”",
			[]item{{"Not enough.", "Lars Berg", per}}},
		{"quote with no speaker anywhere",
			"The walls were covered in slogans. “Freedom is not a crime, and we will keep saying so.”",
			[]item{{"Freedom is not a crime", "", unk}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			quotes, _ := speech.Attribute(text.NewDoc(tc.src), nil)
			if tc.name == "unbalanced mark runs to the paragraph end" {
				// The quote is kept (it has a speech cue inside) but its
				// text must stop at the paragraph.
				if assert.Len(t, quotes, 1) {
					assert.NotContains(t, quotes[0].Text, "storm")
				}
				return
			}
			assertItems(t, tc.want, quoteItems(quotes))
			for _, q := range quotes {
				assert.Equal(t, q.Text, tc.src[q.Start:q.End], "offsets delimit the text")
			}
		})
	}
}

// TestClaimAttribution covers reported speech without quotation marks.
func TestClaimAttribution(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []item
	}{
		{"said that",
			"Central bank governor Ivan Petrov said that inflation would peak in June.",
			[]item{{"inflation would peak in June", "Ivan Petrov", per}}},
		{"said without that",
			"Ivan Petrov said inflation would peak in June.",
			[]item{{"inflation would peak in June", "Ivan Petrov", per}}},
		{"content first",
			"Inflation will peak in June, the central bank's governor Ivan Petrov said on Tuesday.",
			[]item{{"Inflation will peak in June", "Ivan Petrov", per}}},
		{"according to first",
			"According to the World Bank, growth will slow to 2 percent this year.",
			[]item{{"growth will slow to 2 percent this year", "World Bank", org}}},
		{"according to last with figures",
			"Five members meet the target, according to 2016 NATO figures.",
			[]item{{"Five members meet the target", "NATO", org}}},
		{"according to anonymous people",
			"The company plans to cut 500 jobs, according to two people familiar with the matter.",
			[]item{{"The company plans to cut 500 jobs", "people", anon}}},
		{"warned",
			"Economist Dana Wolff warned that house prices could fall by a tenth.",
			[]item{{"house prices could fall by a tenth", "Dana Wolff", per}}},
		{"insisted and acknowledged",
			"Coach Sam Reid insisted the team was in good shape. Reid acknowledged that injuries had hurt.",
			[]item{{"the team was in good shape", "Sam Reid", per}, {"injuries had hurt", "Sam Reid", per}}},
		{"denied needs that",
			"Minister Olga Renn denied that she had misled parliament. Renn denied the charges.",
			[]item{{"she had misled parliament", "Olga Renn", per}}},
		{"told reporters that",
			"Governor Hideo Sato told reporters in Tokyo that the economy could withstand higher rates.",
			[]item{{"the economy could withstand higher rates", "Hideo Sato", per}}},
		{"told with content first",
			"Talks will continue on Friday, deputy spokeswoman Eva Lind told reporters.",
			[]item{{"Talks will continue on Friday", "Eva Lind", per}}},
		{"announced, noted, stressed, predicted",
			"The Acme Corp announced that it would close two plants. Analysts noted that demand was weak. Economist Li Wen stressed that rates matter. She predicted a recession next year.",
			[]item{{"it would close two plants", "Acme Corp", org}, {"demand was weak", "analysts", anon}, {"rates matter", "Li Wen", per}, {"a recession next year", "Li Wen", per}}},
		{"argued and added",
			"Lawyer Omar Said argued the search was illegal, and added that the evidence should be excluded.",
			[]item{{"the search was illegal", "Omar Said", per}, {"the evidence should be excluded", "Omar Said", per}}},
		{"said and said again split",
			"Chinese Foreign Minister Liang Wei said Beijing was ready to talk, and said Tokyo should avoid “bloc confrontation”.",
			[]item{{"Beijing was ready to talk", "Liang Wei", per}, {"Tokyo should avoid “bloc confrontation”", "Liang Wei", per}}},
		{"second predicate ends the content",
			"Defense Secretary Jim Mattis said last month the United States might “moderate” its support but gave no details.",
			[]item{{"the United States might “moderate” its support", "Jim Mattis", per}}},
		{"participle ends the content",
			"Budget expert Ruth Alm said the government must slow spending, calling the savings “unavoidable”.",
			[]item{{"the government must slow spending", "Ruth Alm", per}}},
		{"adding that after a quote",
			"“Firms are raising wages,” Governor Ken Oda said, adding that the bank would “watch very carefully” how households respond.",
			[]item{{"the bank would “watch very carefully” how households respond", "Ken Oda", per}}},
		{"full quote sentence is not a claim",
			"“We will not balance the budget on the backs of the poor,” said Minister Eva Holm.",
			nil},
		{"organization later said",
			"The State Department later said the meeting had been rescheduled.",
			[]item{{"the meeting had been rescheduled", "State Department", org}}},
		{"anonymous groups",
			"Analysts said the result reflected anger over prices. Government sources said talks had failed.",
			[]item{{"the result reflected anger over prices", "analysts", anon}, {"talks had failed", "government sources", anon}}},
		{"subject with relative clause",
			"A senior South Korean official who declined to be named said Seoul had proposed March.",
			[]item{{"Seoul had proposed March", "South Korean official", anon}}},
		{"subject with apposition of place",
			"Regulators fined Quillon Inc. on Tuesday. Quillon, based in Austin, Texas, said it would appeal.",
			[]item{{"it would appeal", "Quillon Inc.", org}}},
		{"not reporting verbs",
			"The company expects profit to grow. Police found the car abandoned near the border. Prices rose in the United States, where demand was strong.",
			nil},
		{"findings of polls and inspectors",
			"A Reuters/Ipsos poll showed the mayor trailing by six points. Inspectors found that the bridge was unsafe.",
			[]item{{"the mayor trailing by six points", "Ipsos", org}, {"the bridge was unsafe", "inspectors", anon}}},
		{"shares of respondents speak",
			"About 4 in 10 said they wanted lower taxes. Nearly half say the country is on the wrong track.",
			[]item{{"they wanted lower taxes", "about 4 in 10", anon}, {"the country is on the wrong track", "nearly half", anon}}},
		{"asked whether",
			"Senator Ruth Kaye asked whether the agency had warned anyone. Kaye asked reporters to leave.",
			[]item{{"whether the agency had warned anyone", "Ruth Kaye", per}}},
		{"relative pronoun subject",
			"Organizers met a nurse from Porto, who said the hospital had run out of beds, before the march.",
			[]item{{"the hospital had run out of beds", "nurse", anon}}},
		{"cue inside its content",
			"The new line, he said, would open in March.",
			nil},
		{"stance verbs with a noun object",
			"Senator Lia Moss criticized the budget deal and endorsed Governor Tom Reed.",
			[]item{{"the budget deal", "Lia Moss", per}, {"Governor Tom Reed", "Lia Moss", per}}},
		{"role noun does not match a longer word",
			"Many voters stayed home. The man said he was nervous.",
			[]item{{"he was nervous", "man", anon}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, claims := speech.Attribute(text.NewDoc(tc.src), nil)
			assertItems(t, tc.want, claimItems(claims))
			for _, c := range claims {
				assert.Equal(t, c.Text, tc.src[c.Start:c.End], "offsets delimit the text")
			}
		})
	}
}

// TestClaimEndsAtSecondReport checks that a claim stops where a second
// report of the same sentence begins, so that the second speaker's words are
// not counted as the first one's.
func TestClaimEndsAtSecondReport(t *testing.T) {
	for _, tc := range []struct {
		name, src, first string
	}{
		{"comma and subject cue",
			"Senator Ana Ruiz said the plan would fail, and Mayor Tom Reed said only that his “numbers don’t add up.”",
			"the plan would fail"},
		{"to which",
			"Senator Ana Ruiz said the proposals were effective, to which Mayor Tom Reed interjected: “It’s just not true.”",
			"the proposals were effective"},
		{"cue right before its quotation",
			"Senator Ana Ruiz said it was great to be home, a man yelled “Stay there!”",
			"it was great to be home"},
		{"participle after a comma inside the marks",
			"Senator Ana Ruiz called the idea a “ridiculous proposition,” adding that the plan would fail.",
			"the idea a “ridiculous proposition,”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, claims := speech.Attribute(text.NewDoc(tc.src), nil)
			if assert.NotEmpty(t, claims) {
				assert.Equal(t, tc.first, claims[0].Text)
			}
		})
	}
}

// TestShortExclamationIsSpeech checks that a one-word quote ending in "!" or
// "?" is kept as speech even with no cue covering it.
func TestShortExclamationIsSpeech(t *testing.T) {
	quotes, _ := speech.Attribute(text.NewDoc("The anchor leaned in. “Really?” The guest laughed."), nil)
	if assert.Len(t, quotes, 1) {
		assert.Equal(t, "Really?", quotes[0].Text)
	}
}
