package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/kilde-news/kilde/web"
)

// The pages in testdata were written for these tests: several layouts, in
// Danish and English, with the date in each place a news page puts it.
var pages = []struct {
	file, url, contentType, fallback string
	date, dateSource                 string
	title, outlet, lang              string
	body                             []string // sentences of the gold body
	boiler                           []string // text that must not be in the body
}{
	{"jsonld_da.html", "https://avisen.example/indland/ny-cykelsti?utm=x", "text/html", "",
		"2024-03-14T08:15:00+01:00", "jsonld", "Ny cykelsti til 45 millioner", "Avisen", "da", daBody, daBoiler},
	{"og_en.html", "https://harbour.example/news/rotterdam", "text/html; charset=utf-8", "",
		"2022-06-08T10:30:00Z", "meta", "Rotterdam port near capacity", "Harbour News", "en", enBody, enBoiler},
	{"time_da.html", "https://lokal.example/a/123", "", "",
		"2023-09-01T07:00:00+02:00", "time", "Cykelsti: borgmester lover byggestart | Lokalavisen", "lokal.example", "da", daBody, daBoiler},
	{"url_en.html", "https://quay.example/2021/11/05/port-record", "text/html", "",
		"2021-11-05", "url", "Port handles record cargo - The Daily Quay", "quay.example", "", enBody, enBoiler},
	{"dateline_da.html", "https://by.example/nyheder/ja", "text/html", "",
		"2019-02-17T10:12", "text", "Borgerrepræsentationen siger ja", "by.example", "da", daBody, daBoiler},
	{"dateline_en.html", "https://cargo.example/record", "text/html", "",
		"2019-02-17", "text", "Cargo record", "cargo.example", "en", enBody, nil},
	{"cp1252_da.html", "https://lokal.example/a/124", "", "",
		"2023-09-01T07:00:00+02:00", "time", "Cykelsti: borgmester lover byggestart | Lokalavisen", "lokal.example", "da", daBody, daBoiler},
	{"nodate_en.html", "https://x.example/undated", "text/html", "2020-05-06T07:08:09Z",
		"2020-05-06T07:08:09Z", "fallback", "Undated", "x.example", "", enBody, nil},
}

var daBody = []string{
	"Københavns Kommune vil bruge 45 millioner kroner på en ny cykelsti langs havnen, oplyser borgmesteren.",
	"»Vi har ventet længe på den her sti,« siger hun til avisen.",
	"Ifølge Cyklistforbundet kører omkring 12.000 cyklister hver dag på strækningen",
	"Kritikere mener, at prisen er for høj",
}
var daBoiler = []string{"Forside", "Læs også", "Copyright", "Foto: Arkiv", "Mest læste"}
var enBody = []string{
	"The Port of Rotterdam handled nearly 470 million tonnes of cargo last year",
	`"We are running at the edge of our capacity," the chief executive told reporters`,
	"According to a consultancy report, container rates could fall",
}
var enBoiler = []string{"Read more", "Subscribe", "Great article", "all rights reserved"}

func TestExtract(t *testing.T) {
	var dates, bodyWords, bodyFound, boilerTotal, boilerLeaked int
	for _, tc := range pages {
		b, err := os.ReadFile(filepath.Join("testdata", tc.file))
		if err != nil {
			t.Fatal(err)
		}
		p, err := web.Extract(b, tc.url, tc.contentType, tc.fallback)
		if err != nil {
			t.Errorf("%s: %v", tc.file, err)
			continue
		}
		if p.Date == tc.date && p.DateSource == tc.dateSource {
			dates++
		} else {
			t.Errorf("%s: date %q from %q, want %q from %q", tc.file, p.Date, p.DateSource, tc.date, tc.dateSource)
		}
		if p.Source.Title != tc.title || p.Source.Outlet != tc.outlet || p.Lang != tc.lang {
			t.Errorf("%s: title %q outlet %q lang %q, want %q %q %q", tc.file, p.Source.Title, p.Source.Outlet, p.Lang, tc.title, tc.outlet, tc.lang)
		}
		for _, s := range tc.body {
			for _, w := range strings.Fields(s) {
				bodyWords++
				if strings.Contains(p.Text, w) {
					bodyFound++
				}
			}
			if !strings.Contains(p.Text, s) {
				t.Errorf("%s: body lacks %q\nbody: %s", tc.file, s, p.Text)
			}
		}
		for _, s := range tc.boiler {
			boilerTotal++
			if strings.Contains(p.Text, s) {
				boilerLeaked++
				t.Errorf("%s: boilerplate %q in body", tc.file, s)
			}
		}
		if !strings.Contains(p.Text, "\n\n") {
			t.Errorf("%s: paragraphs not kept as blank-line breaks", tc.file)
		}
	}
	t.Logf("dates %d/%d; body word recall %.1f%%; boilerplate kept out %d/%d", dates, len(pages),
		100*float64(bodyFound)/float64(bodyWords), boilerTotal-boilerLeaked, boilerTotal)
}

func TestCanonicalURL(t *testing.T) {
	b, _ := os.ReadFile("testdata/jsonld_da.html")
	p, err := web.Extract(b, "https://avisen.example/indland/ny-cykelsti?utm=x", "", "")
	if err != nil || p.Source.URL != "https://avisen.example/indland/ny-cykelsti" || p.Author != "Mette Jensen" {
		t.Errorf("url %q author %q err %v", p.Source.URL, p.Author, err)
	}
}

func TestBadPages(t *testing.T) {
	trunc, _ := os.ReadFile("testdata/truncated_da.html")
	p, err := web.Extract(trunc, "https://x.example/2019/02/17/cut", "", "")
	if err != nil || !strings.Contains(p.Text, "45 millioner kroner") || p.Date != "2019-02-17" {
		t.Errorf("truncated page: %v, text %q, date %q", err, p.Text, p.Date)
	}
	if _, err := web.Extract([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "", "", ""); err == nil {
		t.Error("binary content accepted as a page")
	}
	if _, err := web.Extract([]byte("<html><body><nav>Forside</nav></body></html>"), "", "", ""); err == nil {
		t.Error("a page without text gave no error")
	}
	big := strings.Repeat("<p>Kommunen bygger en cykelsti langs havnen i år.</p>", 400_000) // ~20 MB
	if _, err := web.Extract([]byte("<html><body><article>"+big), "", "", ""); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("20 MB page: err %v, want it refused with the limit named", err)
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range pages {
		b, _ := os.ReadFile(filepath.Join("testdata", tc.file))
		f.Add(b, tc.url)
	}
	f.Add([]byte("<html><body><p>Publiceret 31. feb. 2019</p>"), "https://x/9999/99/99/")
	f.Fuzz(func(t *testing.T, page []byte, url string) {
		p, err := web.Extract(page, url, "", "")
		if err == nil && strings.TrimSpace(p.Text) == "" {
			t.Error("no error but no text")
		}
	})
}
