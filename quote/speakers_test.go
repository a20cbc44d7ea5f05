package quote_test

// Rows for speaker and clause-end defects reported after the e2e review:
// participles after a frame, descriptions with a name inside, clauses that
// end at a new frame, quoted phrases inside their own subject's sentence.
var rowsSpeakers = []row{
	// the subject of a participle after a frame is the frame's speaker, never a
	// name inside the quotation marks
	{in: "\"[[We expect the Baltic Sea disruption to last]],\" Chief Executive Anna Holt told reporters in Aarhus, adding that [[prices had roughly doubled since May]].", lang: "en", want: []want{d("Anna Holt", "told").r("executive").to("reporters"), ind("Anna Holt", "adding").r("executive")}},
	{in: "\"[[Nobody in New York saw this coming]],\" he said.\n\nPeter Lund runs the fund. \"[[We sold early]],\" Lund said, adding that [[the bank had lost money]].", lang: "en", want: []want{d("", "said"), d("Peter Lund", "said"), ind("Peter Lund", "adding")}},
	// a new clause with its own frame ends the reported clause
	{in: "Mayor Tom Hale said [[the bridge was safe]] but said [[repairs would start in May]].", lang: "en", want: []want{ind("Tom Hale", "said").r("mayor"), ind("Tom Hale", "said").r("mayor")}},
	{in: "Rubio said [[the bill was dead]], while Cruz said [[it could still pass]].", lang: "en", want: []want{ind("Rubio", "said"), ind("Cruz", "said")}},
	{in: "Officials said [[the road was safe]] and added that [[repairs would start in May]].", lang: "en", want: []want{ind("Officials", "said"), ind("Officials", "added")}},
	{in: "The company said that [[its profits and its sales rose sharply]].", lang: "en", want: []want{ind("The company", "said")}},
	{in: "Borgmester Ida Berg sagde, at [[skatten skal ned]], men tilføjede, at [[det tager tid]].", want: []want{ind("Ida Berg", "sagde").r("borgmester"), ind("Ida Berg", "tilføjede").r("borgmester")}},
	{in: "Ministeren sagde, at [[skatten skal ned]], mens Venstre sagde, at [[det er for sent]].", want: []want{ind("Ministeren", "sagde"), ind("Venstre", "sagde")}},
	// a quoted phrase in a coordinated clause belongs to the sentence subject
	{in: "Senator Ann Reyes spoke on Tuesday.\n\nShe called [[the bank's conduct \"[[plain outrageous]]\"]] and called for bonuses to be \"[[clawed back.]]\"", lang: "en", want: []want{ind("Ann Reyes", "called").r("senator"), d("Ann Reyes", "called").r("senator"), d("Ann Reyes", "called").r("senator")}},
}

// Descriptions with a name inside are descriptions; an apposition's head role.
var rowsDescriptions = []row{
	{in: "\"[[It is a disaster for the party]],\" a senior Kamala Harris adviser said.", lang: "en", want: []want{d("a senior Kamala Harris adviser", "said")}},
	{in: "[[The talks had stalled]], according to a senior Kamala Harris adviser who asked not to be named.", lang: "en", want: []want{ind("a senior Kamala Harris adviser", "according to")}},
	{in: "\"[[We will not accept it]],\" said Tom Brandt, a former Nevada governor, who backs the plan. \"[[It is too late.]]\"", lang: "en", want: []want{d("Tom Brandt", "said").r("governor"), d("Tom Brandt", "").r("governor")}},
	{in: "Gov. Ann Miller spoke on Monday. The Texas governor said [[the state would appeal]].", lang: "en", want: []want{ind("The Texas governor", "said")}},
	{in: "The Utah governor said [[the state needs a new water plan, but that he would not raise taxes]].", lang: "en", want: []want{ind("The Utah governor", "said")}},
}

// A quoted phrase inside a sentence whose own subject and cue frame it
// belongs to that subject, not to a speaker of an earlier paragraph.
var rowsEmbedded = []row{
	{in: "\"[[We will carry this county]],\" said Laura Finch.\n\nPeters on Sunday called the mayor a \"[[pathological liar]]\" in an interview.", lang: "en", want: []want{d("Laura Finch", "said"), d("Peters", "called")}},
	{in: "\"[[We will carry this county]],\" said Laura Finch.\n\nSpeaking at a rally in Dover, Delaware, Morgan went after Hale, calling him \"[[a total stiff.]]\"", lang: "en", want: []want{d("Laura Finch", "said"), d("Morgan", "calling")}},
	{in: "\"[[We will carry this county]],\" said Laura Finch.\n\nCruz says [[he is \"[[effectively tied for second place]]\" with Sen. Mark Hale, in a race that he said was close]].", lang: "en", want: []want{d("Laura Finch", "said"), ind("Cruz", "says"), d("Cruz", "says")}},
	{in: "\"[[We will carry this county]],\" said Laura Finch.\n\nAnna Bell of Dover, Delaware says [[she really thinks Hale can win if he keeps \"[[doing what he is doing.]]\"]]", lang: "en", want: []want{d("Laura Finch", "said"), ind("Anna Bell", "says"), d("Anna Bell", "thinks")}},
	{in: "\"[[We will carry this county]],\" said Laura Finch.\n\nThe senator from Vermont called [[the bill a \"[[total disgrace.]]\"]]", lang: "en", want: []want{d("Laura Finch", "said"), ind("The senator from Vermont", "called"), d("The senator from Vermont", "called")}},
	{in: "»[[Vi vinder valget]]«, siger Mette Frederiksen.\n\nI et interview med DR kalder Venstres formand, Troels Lund Poulsen, udspillet »[[useriøst]]«.", want: []want{d("Mette Frederiksen", "siger"), d("Troels Lund Poulsen", "kalder").r("formand")}},
}

// A description with a proper modifier is someone else unless the text ties
// the modifier to the person with that role.
var rowsTied = []row{
	{in: "\"[[We will not accept it]],\" said Ed Brandt, a former Nevada governor. The Utah governor said [[the state would appeal]].", lang: "en", want: []want{d("Ed Brandt", "said").r("governor"), ind("The Utah governor", "said")}},
	{in: "Utah Governor Ann Cole spoke on Monday. The Utah governor said [[the state would appeal]].", lang: "en", want: []want{ind("Ann Cole", "said").r("governor")}},
}
