// Package storetest is the shared test suite every kilde.Store must pass.
// Implementations call Run from their own tests with a function returning a
// fresh, empty store on a real database (no mocks):
//
//	func TestStore(t *testing.T) { storetest.Run(t, func(t *testing.T) kilde.Store { ... }) }
package storetest

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/kilde-news/kilde"
)

// Run runs the suite. open must return an empty store; Run closes it.
func Run(t *testing.T, open func(t *testing.T) kilde.Store) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s kilde.Store)
	}{
		{"PutIdempotent", testPutIdempotent},
		{"PutInvalid", testPutInvalid},
		{"GetRoundTrip", testGetRoundTrip},
		{"SearchStemming", testSearchStemming},
		{"SearchSyntax", testSearchSyntax},
		{"SearchRankingSnippet", testSearchRankingSnippet},
		{"SearchFilters", testSearchFilters},
		{"SearchDatePrecision", testSearchDatePrecision},
		{"SearchPagination", testSearchPagination},
		{"NearDuplicates", testNearDuplicates},
		{"Track", testTrack},
		{"Entities", testEntities},
		{"Export", testExport},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tt.fn(t, s)
		})
	}
}

var ctx = context.Background()

// B builds test documents: annotations are given by the text they cover.
type B struct{ d *kilde.Doc }

// Doc starts a document.
func Doc(text, date, lang, outlet string) *B {
	d := kilde.NewDoc(kilde.Article{Text: text, Date: date, Lang: lang, Source: kilde.Source{Outlet: outlet}})
	return &B{d: d}
}

func (b *B) span(sub string) kilde.Span {
	i := strings.Index(b.d.Text, sub)
	if i < 0 {
		panic(fmt.Sprintf("storetest: %q not in %q", sub, b.d.Text))
	}
	return kilde.Span{Start: i, End: i + len(sub)}
}

// ID sets the input's own id.
func (b *B) ID(id string) *B { b.d.ID = id; return b }

// Title sets the title.
func (b *B) Title(t string) *B { b.d.Source.Title = t; return b }

// Ent adds an entity mention.
func (b *B) Ent(sub, label, canonical string) *B {
	b.d.Entities = append(b.d.Entities, kilde.Entity{Span: b.span(sub), Label: label, Canonical: canonical})
	return b
}

// Quote adds a direct quote.
func (b *B) Quote(sub, speaker string) *B {
	b.d.Quotes = append(b.d.Quotes, kilde.Quote{Span: b.span(sub), Kind: "direct", Speaker: speaker, Lang: b.d.Lang})
	return b
}

// Claim adds a claim covering sub; it lists the quantities inside it.
func (b *B) Claim(sub, source, hedge string) *B {
	sp := b.span(sub)
	c := kilde.Claim{Span: sp, Source: source, Hedge: hedge, Via: []string{}}
	for i, q := range b.d.Quantities {
		if sp.Contains(q.Span) {
			c.Quantities = append(c.Quantities, i)
		}
	}
	b.d.Claims = append(b.d.Claims, c)
	return b
}

// Qty adds a quantity.
func (b *B) Qty(sub string, value float64, unit, measured string) *B {
	v := value
	q := kilde.Quantity{Span: b.span(sub), Value: &v, Low: &v, High: &v, Approx: "exact", Unit: unit, Measured: measured}
	if measured != "" {
		if i := strings.Index(b.d.Text, measured); i >= 0 {
			q.MeasuredSpan = kilde.Span{Start: i, End: i + len(measured)}
		}
	}
	b.d.Quantities = append(b.d.Quantities, q)
	return b
}

// D returns the document.
func (b *B) D() *kilde.Doc { return b.d }

func put(t *testing.T, s kilde.Store, docs ...*kilde.Doc) int {
	t.Helper()
	n, err := s.Put(ctx, docs)
	if err != nil {
		t.Fatalf("Put: %v", err)
	}
	return n
}

func search(t *testing.T, s kilde.Store, q kilde.SearchQuery) []kilde.Hit {
	t.Helper()
	res, err := s.Search(ctx, q)
	if err != nil {
		t.Fatalf("Search(%+v): %v", q, err)
	}
	return res.Hits
}

func ids(hits []kilde.Hit) []string {
	var out []string
	for _, h := range hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return out
}

func testPutIdempotent(t *testing.T, s kilde.Store) {
	a := Doc("Regeringen vil bruge 2 milliarder kroner på grøn omstilling af landbruget.", "2021-03-04", "da", "DR").D()
	b := Doc("Oppositionen kalder udspillet for utilstrækkeligt og vil have mere.", "2021-03-05", "da", "TV 2").D()
	if n := put(t, s, a); n != 1 {
		t.Errorf("first Put added %d, want 1", n)
	}
	if n := put(t, s, a, b, b); n != 1 {
		t.Errorf("Put with one new doc (twice) added %d, want 1", n)
	}
	// Same text, different whitespace: same content id, so not added.
	c := Doc("Regeringen vil bruge 2 milliarder kroner\npå grøn omstilling af landbruget.", "2021-03-04", "da", "Politiken").D()
	if n := put(t, s, c); n != 0 {
		t.Errorf("whitespace variant added %d, want 0", n)
	}
	// Same text, another date: another article.
	d := Doc(a.Text, "2021-03-06", "da", "DR").D()
	if n := put(t, s, d); n != 1 {
		t.Errorf("same text on another date added %d, want 1", n)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 3 {
		t.Errorf("Stats.Articles = %d, want 3", st.Articles)
	}
	has, err := s.Has(ctx, []string{a.ContentID, b.ContentID, "0000000000000000"})
	if err != nil {
		t.Fatal(err)
	}
	if !has[a.ContentID] || !has[b.ContentID] || has["0000000000000000"] {
		t.Errorf("Has = %v", has)
	}
}

func testPutInvalid(t *testing.T, s kilde.Store) {
	ok := Doc("En helt almindelig artikel om vejret i Danmark i weekenden.", "2020-01-01", "da", "DMI").D()
	empty := Doc("   ", "2020-01-01", "da", "").D()
	_, err := s.Put(ctx, []*kilde.Doc{ok, empty})
	if kilde.ErrorCodeOf(err) != kilde.EINVALID {
		t.Fatalf("Put with empty text: err %v, want EINVALID", err)
	}
	st, _ := s.Stats(ctx)
	if st.Articles != 0 {
		t.Errorf("failed batch wrote %d articles, want 0", st.Articles)
	}
	if _, err := s.Get(ctx, "nope"); kilde.ErrorCodeOf(err) != kilde.ENOTFOUND {
		t.Errorf("Get(nope): %v, want ENOTFOUND", err)
	}
	var ke *kilde.Error
	if !errors.As(err, &ke) {
		t.Errorf("error %T is not *kilde.Error", err)
	}
}

func testGetRoundTrip(t *testing.T, s kilde.Store) {
	d := Doc(`Ministeren siger: "Vi når målet i år." Ifølge Løkke er 3 procent realistisk.`, "2019-02-17", "da", "Berlingske").
		ID("art-1").Title("Målet nås").
		Ent("Løkke", "PER", "Lars Løkke Rasmussen").
		Quote(`"Vi når målet i år."`, "Ministeren").
		Qty("3 procent", 3, "%", "").
		Claim("Ifølge Løkke er 3 procent realistisk.", "Lars Løkke Rasmussen", "reported").D()
	put(t, s, d)
	for _, id := range []string{d.ContentID, "art-1"} {
		got, err := s.Get(ctx, id)
		if err != nil {
			t.Fatalf("Get(%s): %v", id, err)
		}
		if got.Text != d.Text || got.Date != d.Date || got.Lang != "da" || got.Source.Outlet != "Berlingske" || got.Source.Title != "Målet nås" {
			t.Errorf("Get(%s): article fields differ: %+v", id, got.Article)
		}
		if got.ContentID != d.ContentID || got.Cluster != d.ContentID {
			t.Errorf("Get(%s): content id %s cluster %s, want %s", id, got.ContentID, got.Cluster, d.ContentID)
		}
		if len(got.Entities) != 1 || got.SpanText(got.Entities[0].Span) != "Løkke" || got.Entities[0].Canonical != "Lars Løkke Rasmussen" {
			t.Errorf("entities: %+v", got.Entities)
		}
		if len(got.Quotes) != 1 || got.Quotes[0].Speaker != "Ministeren" || got.SpanText(got.Quotes[0].Span) != `"Vi når målet i år."` {
			t.Errorf("quotes: %+v", got.Quotes)
		}
		if len(got.Claims) != 1 || got.Claims[0].Hedge != "reported" || !slices.Equal(got.Claims[0].Quantities, []int{0}) {
			t.Errorf("claims: %+v", got.Claims)
		}
		if len(got.Quantities) != 1 || *got.Quantities[0].Value != 3 || got.Quantities[0].Unit != "%" {
			t.Errorf("quantities: %+v", got.Quantities)
		}
	}
}

func corpus() []*kilde.Doc {
	return []*kilde.Doc{
		Doc("Over 10.000 krigere fra Islamisk Stat er fanget i Syrien, oplyser de kurdiske styrker.", "2019-01-15", "da", "DR").ID("isis-da").D(),
		Doc("Krigerne blev sidste år flyttet til lejre i det nordlige Syrien.", "2019-02-10", "da", "Politiken").ID("lejre").D(),
		Doc("The fighters of the Islamic State were captured near the border, officials said.", "2019-03-01", "en", "Reuters").ID("isis-en").D(),
		Doc("Ar på kinden efter ulykken: manden blev syet på skadestuen.", "2019-01-20", "da", "TV 2").ID("ar").D(),
		Doc("Stat og kommuner er uenige om, hvem der skal betale for de islamiske friskoler.", "2019-01-25", "da", "Altinget").ID("stat").D(),
		Doc("Krigsforbrydelser i Syrien skal undersøges af FN, kræver Danmark.", "2019-04-02", "da", "DR").ID("krigsforbrydelser").D(),
	}
}

func testSearchStemming(t *testing.T, s kilde.Store) {
	put(t, s, corpus()...)
	tests := []struct {
		q    string
		want []string
	}{
		{"krigere", []string{"isis-da", "lejre"}},             // krigere, krigerne
		{"kriger", []string{"isis-da", "lejre"}},              // stem form
		{"krigerne", []string{"isis-da", "lejre"}},            // another inflection
		{"fighter", []string{"isis-en"}},                      // English stemming
		{"capturing", []string{"isis-en"}},                    // capture/captured
		{"år", []string{"lejre"}},                             // not "ar"
		{"ar", []string{"ar"}},                                // not "år"
		{"Syrien kurdiske", []string{"isis-da"}},              // AND
		{"ISIS-krigere", nil},                                 // no such phrase
		{"krigere -kurdiske", []string{"lejre"}},              // NOT
		{"kurdiske OR skadestuen", []string{"ar", "isis-da"}}, // OR
	}
	for _, tt := range tests {
		if got := ids(search(t, s, kilde.SearchQuery{Text: tt.q})); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
}

func testSearchSyntax(t *testing.T, s kilde.Store) {
	put(t, s, corpus()...)
	tests := []struct {
		q    string
		want []string
	}{
		{`"Islamisk Stat"`, []string{"isis-da"}},                     // phrase; "stat" doc has the words apart
		{`islamiske stat`, []string{"isis-da", "stat"}},              // words anywhere
		{`krig*`, []string{"isis-da", "krigsforbrydelser", "lejre"}}, // prefix
		{`"islamic state"`, []string{"isis-en"}},
	}
	for _, tt := range tests {
		if got := ids(search(t, s, kilde.SearchQuery{Text: tt.q})); !slices.Equal(got, tt.want) {
			t.Errorf("Search(%q) = %v, want %v", tt.q, got, tt.want)
		}
	}
	for _, bad := range []string{`"unclosed`, `-kun -negationer`} {
		if _, err := s.Search(ctx, kilde.SearchQuery{Text: bad}); kilde.ErrorCodeOf(err) != kilde.EINVALID {
			t.Errorf("Search(%q): err %v, want EINVALID", bad, err)
		}
	}
	if _, err := s.Search(ctx, kilde.SearchQuery{From: "jan 2019"}); kilde.ErrorCodeOf(err) != kilde.EINVALID {
		t.Errorf("bad From: err %v, want EINVALID", err)
	}
}

func testSearchRankingSnippet(t *testing.T, s kilde.Store) {
	filler := strings.Repeat("Der var også andre emner på dagsordenen i byrådet denne gang. ", 4)
	put(t, s,
		Doc(filler+"Vindmøller blev nævnt en enkelt gang.", "2020-05-01", "da", "A").ID("once").D(),
		Doc("Vindmøller, vindmøller og atter vindmøller: byrådet diskuterede vindmøllerne hele aftenen.", "2020-05-02", "da", "B").ID("many").D(),
		Doc(filler, "2020-05-03", "da", "C").Title("Vindmøller").ID("title").D(),
	)
	hits := search(t, s, kilde.SearchQuery{Text: "vindmølle"})
	if len(hits) != 3 {
		t.Fatalf("got %d hits, want 3", len(hits))
	}
	if hits[0].ID != "many" && hits[0].ID != "title" || hits[2].ID != "once" {
		t.Errorf("ranking %v, want many/title before once", []string{hits[0].ID, hits[1].ID, hits[2].ID})
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("scores not descending: %v", hits)
		}
	}
	for _, h := range hits {
		if h.ID == "once" {
			sn := h.Snippet
			if len(sn.Highlights) != 1 || sn.Text[sn.Highlights[0].Start:sn.Highlights[0].End] != "Vindmøller" {
				t.Errorf("snippet %q highlights %v, want Vindmøller", sn.Text, sn.Highlights)
			}
			if !strings.Contains(sn.Text, "nævnt en enkelt gang") {
				t.Errorf("snippet %q misses the match's context", sn.Text)
			}
		}
	}
}

func testSearchFilters(t *testing.T, s kilde.Store) {
	put(t, s,
		Doc("Trump said 99 percent of the ISIS fighters were defeated.", "2019-01-20", "en", "CNN").ID("trump-jan").
			Ent("Trump", "PER", "Donald Trump").Quote("99 percent of the ISIS fighters were defeated", "Donald Trump").
			Qty("99 percent", 99, "%", "ISIS fighters").Claim("99 percent of the ISIS fighters were defeated", "Donald Trump", "asserted").D(),
		Doc("Ifølge kilder skal ISIS-krigere have flygtet over grænsen.", "2019-02-11", "da", "DR").ID("alleged-feb").
			Claim("ISIS-krigere have flygtet over grænsen", "kilder", "alleged").D(),
		Doc("Votel advarer: ISIS-krigere kan samle sig igen, og det koster 2 mia. dollar.", "2019-03-05", "da", "Politiken").ID("votel-mar").
			Ent("Votel", "PER", "Joseph Votel").Quote("ISIS-krigere kan samle sig igen", "Joseph Votel").
			Qty("2 mia. dollar", 2e9, "USD", "").D(),
		Doc("ISIS-krigere i lejre er et problem, siger Trump igen.", "2019-04-01", "da", "DR").ID("trump-apr").
			Ent("Trump", "PER", "Donald Trump").Quote("ISIS-krigere i lejre er et problem", "Donald Trump").D(),
	)
	tests := []struct {
		name string
		q    kilde.SearchQuery
		want []string
	}{
		{"date range month precision", kilde.SearchQuery{Text: "ISIS", From: "2019-01", To: "2019-03"}, []string{"alleged-feb", "trump-jan", "votel-mar"}},
		{"to day", kilde.SearchQuery{To: "2019-02-11"}, []string{"alleged-feb", "trump-jan"}},
		{"from year", kilde.SearchQuery{From: "2019-03"}, []string{"trump-apr", "votel-mar"}},
		{"lang", kilde.SearchQuery{Lang: "en"}, []string{"trump-jan"}},
		{"outlet any case", kilde.SearchQuery{Outlet: "dr"}, []string{"alleged-feb", "trump-apr"}},
		{"speaker surname", kilde.SearchQuery{Text: "ISIS", Speaker: "Trump"}, []string{"trump-apr", "trump-jan"}},
		{"speaker full", kilde.SearchQuery{Speaker: "joseph votel"}, []string{"votel-mar"}},
		{"speaker and dates", kilde.SearchQuery{Text: "ISIS", Speaker: "Trump", From: "2019-01", To: "2019-03"}, []string{"trump-jan"}},
		{"hedge", kilde.SearchQuery{Text: "krigere", Hedge: "alleged"}, []string{"alleged-feb"}},
		{"entity alias", kilde.SearchQuery{Entity: "Votel"}, []string{"votel-mar"}},
		{"entity canonical", kilde.SearchQuery{Entity: "Donald Trump"}, []string{"trump-apr", "trump-jan"}},
		{"unit", kilde.SearchQuery{Unit: "usd"}, []string{"votel-mar"}},
		{"unit percent", kilde.SearchQuery{Text: "defeated", Unit: "%"}, []string{"trump-jan"}},
	}
	for _, tt := range tests {
		if got := ids(search(t, s, tt.q)); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Search(%+v) = %v, want %v", tt.name, tt.q, got, tt.want)
		}
	}
	// No text: newest first.
	hits := search(t, s, kilde.SearchQuery{})
	if len(hits) != 4 || hits[0].ID != "trump-apr" || hits[3].ID != "trump-jan" {
		t.Errorf("empty query order: %v", hits)
	}
}

// Dates at year, month and day precision against ranges at each precision.
func testSearchDatePrecision(t *testing.T, s kilde.Store) {
	put(t, s,
		Doc("Årsoversigt over valget og regeringen.", "2019", "da", "A").ID("year").D(),
		Doc("Månedsoversigt over valget og regeringen.", "2019-02", "da", "A").ID("month").D(),
		Doc("Dagens nyhed om valget og regeringen.", "2019-02-15", "da", "A").ID("day").D(),
		Doc("Nyhed om valget året før.", "2018-12-31", "da", "A").ID("before").D(),
		Doc("Nyhed om valget uden dato.", "", "da", "A").ID("nodate").D(),
	)
	tests := []struct {
		from, to string
		want     []string
	}{
		{"2018-06", "2019-03", []string{"before", "day", "month", "year"}},
		{"2019-02", "2019-02", []string{"day", "month"}},
		{"2019-02-15", "2019-02-15", []string{"day"}},
		{"2019-02-16", "2019-12", []string{}},
		{"2019", "2019", []string{"day", "month", "year"}},
		{"2015", "2024", []string{"before", "day", "month", "year"}},
		{"2019-01", "", []string{"day", "month"}},
		{"", "2018", []string{"before"}},
	}
	for _, tt := range tests {
		got := ids(search(t, s, kilde.SearchQuery{Text: "valget", From: tt.from, To: tt.to}))
		if len(got) == 0 {
			got = []string{}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("valget from %q to %q = %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func testSearchPagination(t *testing.T, s kilde.Store) {
	var docs []*kilde.Doc
	for i := range 25 {
		docs = append(docs, Doc(fmt.Sprintf("Nyhed nummer %d om budgetforhandlingerne i kommune %d.", i, i%7), fmt.Sprintf("2022-01-%02d", i+1), "da", "X").ID(fmt.Sprint(i)).D())
	}
	put(t, s, docs...)
	seen := map[string]bool{}
	for off := 0; off < 25; off += 10 {
		res, err := s.Search(ctx, kilde.SearchQuery{Text: "budgetforhandlinger", Limit: 10, Offset: off, Count: true})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 25 {
			t.Errorf("Total = %d, want 25", res.Total)
		}
		want := min(10, 25-off)
		if len(res.Hits) != want {
			t.Errorf("page at %d has %d hits, want %d", off, len(res.Hits), want)
		}
		for _, h := range res.Hits {
			if seen[h.ID] {
				t.Errorf("hit %s on two pages", h.ID)
			}
			seen[h.ID] = true
		}
	}
	if len(seen) != 25 {
		t.Errorf("pages covered %d hits, want 25", len(seen))
	}
}

// Texts written for this test: a story, a lightly edited wire copy, and
// another story on the same topic.
const (
	story = `Politiet i Aarhus efterlyser vidner til et røveri mod en kiosk på Frederiksbjerg sent tirsdag aften.
To maskerede mænd truede ekspedienten med en kniv og flygtede med omkring 8.000 kroner i kontanter og et
ukendt antal cigaretpakker. Ekspedienten, en 19-årig studerende, blev ikke fysisk skadet, men var meget
rystet, oplyser vagtchef Henrik Sørensen fra Østjyllands Politi. Gerningsmændene forsvandt til fods ad
Søndre Allé i retning mod banegården. Politiet beder alle, der har set noget mistænkeligt i området
mellem klokken 22 og 23, om at ringe på 114.`
	storyEdited = `Østjyllands Politi efterlyser vidner til et røveri mod en kiosk på Frederiksbjerg i Aarhus sent tirsdag aften.
To maskerede mænd truede ekspedienten med en kniv og flygtede med omkring 8.000 kroner i kontanter og et
ukendt antal cigaretpakker. Ekspedienten, en 19-årig studerende, blev ikke fysisk skadet, men var meget
rystet, oplyser vagtchef Henrik Sørensen. Gerningsmændene forsvandt til fods ad
Søndre Allé i retning mod banegården. Politiet beder alle, der har set noget mistænkeligt i området
mellem klokken 22 og 23, om at ringe på 114. Det er det tredje kioskrøveri i byen på en måned.`
	storyOther = `Et nyt røveri mod en kiosk i Aarhus har fået politiet til at opfordre de handlende i midtbyen til at
begrænse mængden af kontanter i kasseapparatet. Ifølge Østjyllands Politi er der i år anmeldt elleve
røverier mod kiosker og tankstationer i kommunen, mod seks på samme tid sidste år.`
)

func testNearDuplicates(t *testing.T, s kilde.Store) {
	a := Doc(story, "2021-09-14", "da", "Ritzau").ID("a").D()
	b := Doc(storyEdited, "2021-09-15", "da", "TV2 Østjylland").ID("b").D()
	c := Doc(storyOther, "2021-09-15", "da", "Stiften").ID("c").D()
	put(t, s, a)
	put(t, s, b, c)
	clusters := map[string]string{}
	for _, id := range []string{"a", "b", "c"} {
		d, err := s.Get(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		clusters[id] = d.Cluster
	}
	if clusters["a"] != a.ContentID || clusters["b"] != a.ContentID {
		t.Errorf("edited copy not clustered with its story: %v (story %s)", clusters, a.ContentID)
	}
	if clusters["c"] != c.ContentID {
		t.Errorf("other story on same topic clustered: %v", clusters)
	}
	st, _ := s.Stats(ctx)
	if st.Clusters != 2 {
		t.Errorf("Stats.Clusters = %d, want 2", st.Clusters)
	}
	// A story and its copy in one batch cluster too.
	fresh := `Vejdirektoratet lukker motorvejen mellem Vejle og Horsens i hele weekenden, fordi en bro skal
udskiftes. Trafikken bliver ledt ad landevejen, og bilisterne må regne med op til en times ekstra rejsetid.`
	x := Doc(fresh, "2021-10-01", "da", "A").ID("x").D()
	y := Doc(fresh+" Arbejdet begynder fredag klokken 20.", "2021-10-02", "da", "B").ID("y").D()
	put(t, s, x, y)
	dx, _ := s.Get(ctx, "x")
	dy, _ := s.Get(ctx, "y")
	if dx == nil || dy == nil || dx.Cluster != x.ContentID || dy.Cluster != x.ContentID {
		t.Errorf("copies in one batch: clusters %v %v, want %s", dx.Cluster, dy.Cluster, x.ContentID)
	}
}

func testTrack(t *testing.T, s kilde.Store) {
	wire := "Ifølge Pentagon er der mellem 20.000 og 31.500 ISIS-krigere tilbage i Irak og Syrien, viser en ny rapport fra forsvarsministeriet, som nyhedsbureauet har set."
	put(t, s,
		Doc("Der er 30.000 ISIS-krigere i Syrien, anslår Pentagon. Tallet er usikkert, siger eksperter i terrorbekæmpelse.", "2018-08-01", "da", "DR").ID("p1").
			Qty("30.000", 30000, "", "ISIS-krigere").Claim("Der er 30.000 ISIS-krigere i Syrien", "Pentagon", "estimated").D(),
		Doc(wire, "2019-02-01", "da", "Ritzau").ID("p2").
			Qty("31.500", 31500, "", "ISIS-krigere").Claim("mellem 20.000 og 31.500 ISIS-krigere tilbage", "Pentagon", "reported").D(),
		Doc(wire+" Det oplyser kilder.", "2019-02-02", "da", "Jyllands-Posten").ID("p3").
			Qty("31.500", 31500, "", "ISIS-krigere").Claim("mellem 20.000 og 31.500 ISIS-krigere tilbage", "Pentagon", "reported").D(),
		Doc(`"Der er kun omkring 1.000 ISIS-krigere tilbage," siger Trump til journalister i Det Hvide Hus.`, "2019-03-01", "da", "TV 2").ID("p4").
			Qty("1.000", 1000, "", "ISIS-krigere").Quote(`"Der er kun omkring 1.000 ISIS-krigere tilbage,"`, "Donald Trump").D(),
		Doc("Budgettet er på 500 millioner kroner til nye cykelstier i hovedstaden i år, oplyser kommunen.", "2019-03-02", "da", "Berlingske").ID("other").
			Qty("500 millioner kroner", 5e8, "DKK", "cykelstier").D(),
	)
	pts, err := s.Track(ctx, kilde.TrackQuery{Measured: "ISIS-krigere"})
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		date   string
		v      float64
		source string
		hedge  string
		copies int
	}
	var got []row
	for _, p := range pts {
		got = append(got, row{p.Date, *p.Value, p.Source, p.Hedge, p.Copies})
	}
	want := []row{
		{"2018-08-01", 30000, "Pentagon", "estimated", 1},
		{"2019-02-01", 31500, "Pentagon", "reported", 2},
		{"2019-03-01", 1000, "Donald Trump", "", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Track = %v\nwant    %v", got, want)
	}
	all, err := s.Track(ctx, kilde.TrackQuery{Measured: "isis krigerne", All: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 4 {
		t.Errorf("Track All: %d points, want 4", len(all))
	}
	if pts, _ := s.Track(ctx, kilde.TrackQuery{Measured: "ISIS-krigere", From: "2019-02", To: "2019-02"}); len(pts) != 1 {
		t.Errorf("Track in Feb 2019: %d points, want 1", len(pts))
	}
	if pts, _ := s.Track(ctx, kilde.TrackQuery{Measured: "krigere"}); len(pts) != 3 {
		t.Errorf("Track(krigere): %d points, want 3 (word inside measured thing)", len(pts))
	}
	if pts, _ := s.Track(ctx, kilde.TrackQuery{Text: "cykelstier"}); len(pts) != 1 || pts[0].Unit != "DKK" {
		t.Errorf("Track by text: %+v", pts)
	}
	if _, err := s.Track(ctx, kilde.TrackQuery{}); kilde.ErrorCodeOf(err) != kilde.EINVALID {
		t.Errorf("empty Track: %v, want EINVALID", err)
	}
}

func testEntities(t *testing.T, s kilde.Store) {
	var docs []*kilde.Doc
	for i := range 4 {
		docs = append(docs, Doc(fmt.Sprintf("General Joseph Votel talte i dag nummer %d om situationen i Syrien.", i), fmt.Sprintf("2019-0%d-10", i+1), "da", "DR").
			Ent("Joseph Votel", "PER", "").D())
	}
	for i := range 3 {
		docs = append(docs, Doc(fmt.Sprintf("Lars Hansen fra Venstre kritiserer forslaget for %d. gang.", i+1), fmt.Sprintf("2020-01-0%d", i+1), "da", "DR").
			Ent("Lars Hansen", "PER", "").D())
	}
	docs = append(docs,
		Doc("Josph Votel advarede mod en hurtig tilbagetrækning fra regionen.", "2019-06-01", "da", "Avisen").Ent("Josph Votel", "PER", "").D(),
		Doc("Votels vurdering blev mødt med skepsis i Washington i dag.", "2019-07-01", "da", "Avisen").Ent("Votels", "PER", "").D(),
		Doc("Votel selv afviste at kommentere sagen yderligere over for pressen.", "2019-08-01", "da", "Avisen").Ent("Votel", "PER", "").
			Quote("afviste at kommentere sagen", "Votel").D(),
		Doc("Lars Larsen fra Jysk åbner endnu en butik i Sønderjylland.", "2020-02-01", "da", "JV").Ent("Lars Larsen", "PER", "").D(),
		Doc("Joseph Votel er også navnet på en gade, siger byrådet i Votel by.", "2018-12-01", "da", "X").Ent("Joseph Votel", "ORG", "").D(),
	)
	put(t, s, docs...)
	if err := s.Reconcile(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Reconcile(ctx); err != nil { // idempotent
		t.Fatal(err)
	}
	for _, name := range []string{"Joseph Votel", "josph votel", "Votel", "Votels"} {
		e, err := s.Entity(ctx, name, 5)
		if err != nil {
			t.Fatalf("Entity(%q): %v", name, err)
		}
		if e.Name != "Joseph Votel" || e.Label != "PER" || e.Articles != 7 || e.FirstSeen != "2019-01-10" || e.LastSeen != "2019-08-01" || e.DidYouMean {
			t.Errorf("Entity(%q) = %s/%s articles %d seen %s..%s didyoumean %v; want Joseph Votel/PER 7 2019-01-10..2019-08-01",
				name, e.Name, e.Label, e.Articles, e.FirstSeen, e.LastSeen, e.DidYouMean)
		}
		var aliases []string
		for _, a := range e.Aliases {
			aliases = append(aliases, a.Name)
		}
		slices.Sort(aliases)
		if !slices.Equal(aliases, []string{"Joseph Votel", "Josph Votel", "Votel", "Votels"}) {
			t.Errorf("Entity(%q) aliases %v", name, aliases)
		}
		if len(e.Quotes) != 1 {
			t.Errorf("Entity(%q) quotes %v, want 1", name, e.Quotes)
		}
	}
	// A different person one edit apart per surname letter is not merged.
	e, err := s.Entity(ctx, "Lars Larsen", 5)
	if err != nil || e.Name != "Lars Larsen" || e.Articles != 1 {
		t.Errorf("Entity(Lars Larsen) = %+v, %v; want its own entity", e, err)
	}
	// Near spelling typed by the user.
	e, err = s.Entity(ctx, "Josef Votel", 5)
	if err != nil || e.Name != "Joseph Votel" || !e.DidYouMean {
		t.Errorf("Entity(Josef Votel) = %+v, %v; want Joseph Votel with DidYouMean", e, err)
	}
	if _, err := s.Entity(ctx, "Ingen Sådan Person", 5); kilde.ErrorCodeOf(err) != kilde.ENOTFOUND {
		t.Errorf("unknown entity: %v, want ENOTFOUND", err)
	}
	// The merged alias keeps working for new articles and the search filter.
	put(t, s, Doc("Josph Votel er tilbage i nyhederne igen efter et år.", "2019-09-01", "da", "Y").ID("new").Ent("Josph Votel", "PER", "").D())
	if got := ids(search(t, s, kilde.SearchQuery{Entity: "Joseph Votel", From: "2019-09"})); !slices.Equal(got, []string{"new"}) {
		t.Errorf("entity filter after merge: %v", got)
	}
}

func testExport(t *testing.T, s kilde.Store) {
	put(t, s, corpus()...)
	var dates []string
	if err := s.Export(ctx, kilde.SearchQuery{}, func(d *kilde.StoredDoc) error {
		dates = append(dates, d.Date)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(dates) != 6 || !slices.IsSorted(dates) {
		t.Errorf("Export all: dates %v, want 6 sorted", dates)
	}
	var got []string
	if err := s.Export(ctx, kilde.SearchQuery{Text: "krigere", Lang: "da"}, func(d *kilde.StoredDoc) error {
		got = append(got, d.ID)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"isis-da", "lejre"}) {
		t.Errorf("Export(krigere) = %v", got)
	}
	stop := errors.New("stop")
	n := 0
	if err := s.Export(ctx, kilde.SearchQuery{}, func(*kilde.StoredDoc) error { n++; return stop }); !errors.Is(err, stop) || n != 1 {
		t.Errorf("Export did not stop on callback error: %v after %d", err, n)
	}
}
