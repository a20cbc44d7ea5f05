package quote_test

// Rows for the source phrase review: a participle or time phrase after a
// document noun is no part of the speaker; a document issued by someone is
// that someone's; an organisation after a description stays in it.
var rowsSources = []row{
	// participle and time phrase after a document noun
	{in: "[[The company plans to cut around 10,000 jobs]], according to a statement issued on Feb. 8.", lang: "en", want: []want{ind("a statement", "according to")}},
	{in: "[[Prices rose sharply in October]], according to a report published last week.", lang: "en", want: []want{ind("a report", "according to")}},
	{in: "[[Sleep improves memory]], according to a study released on Monday.", lang: "en", want: []want{ind("a study", "according to")}},
	{in: "[[Rents rose by four percent]], according to a report published on Tuesday by the housing ministry.", lang: "en", want: []want{ind("the housing ministry", "according to")}},
	{in: "According to a survey carried out in May, [[most voters back the plan]].", lang: "en", want: []want{ind("a survey", "According to")}},
	{in: "Ifølge en rapport offentliggjort i dag [[er ledigheden steget]].", want: []want{ind("en rapport", "Ifølge")}},
	{in: "[[Ledigheden er steget]], ifølge en opgørelse lavet af Danmarks Statistik.", want: []want{ind("Danmarks Statistik", "ifølge")}},
	{in: "Ifølge en undersøgelse udgivet tirsdag [[sover unge for lidt]].", want: []want{ind("en undersøgelse", "Ifølge")}},
	{in: "A report published last week said [[rents will rise]].", lang: "en", want: []want{ind("A report", "said")}},
	// a document put out by X: X is the speaker
	{in: "Acme Corp issued a statement saying [[the plant will close next year]].", lang: "en", want: []want{ind("Acme Corp", "saying")}},
	{in: "His office put out a statement Friday saying [[the mayor was ill]].", lang: "en", want: []want{ind("His office", "saying")}},
	{in: "A court document filed Thursday says that [[the charge was dropped]].", lang: "en", want: []want{ind("A court document", "says")}},
	{in: "Ann Lee spoke on Monday. She issued a statement saying [[the plant will close]].", lang: "en", want: []want{ind("Ann Lee", "saying")}},
	{in: "The ministry released a report saying [[rents will rise]].", lang: "en", want: []want{ind("The ministry", "saying")}},
	{in: "Acme Corp said in a statement that [[the plant will close next year]].", lang: "en", want: []want{ind("Acme Corp", "said")}},
	{in: "Novo Nordisk sagde i en pressemeddelelse, at [[fabrikken lukker]].", want: []want{ind("Novo Nordisk", "sagde")}},
	{in: "[[Fabrikken lukker til sommer]]. Det skriver Novo Nordisk i en pressemeddelelse.", want: []want{ind("Novo Nordisk", "skriver")}},
	// a description keeps the organisation it belongs to
	{in: "Analysts at Jefferies said [[the deal would close in March]].", lang: "en", want: []want{ind("Analysts at Jefferies", "said")}},
	{in: "Analytikere hos Nordea siger, at [[renten stiger]].", want: []want{ind("Analytikere hos Nordea", "siger")}},
}
