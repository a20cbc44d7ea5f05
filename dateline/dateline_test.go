package dateline

import "testing"

func TestDatelineEnd(t *testing.T) {
	for _, c := range []struct {
		in   string
		want string
	}{
		{"VEJLE (Ritzau): En mand er anholdt.", "En mand er anholdt."},
		{"LONDON (Reuters) - The bank held rates.", "The bank held rates."},
		{"WASHINGTON, United States (AFP) – The Senate voted.", "The Senate voted."},
		{"NEW YORK - Stocks fell.", "Stocks fell."},
		{"KØBENHAVN, Danmark (Ritzau) - Regeringen vil.", "Regeringen vil."},
		{"ST. LOUIS (AP) — Police said.", "Police said."},
		{"COVID-19 spreads fast.", ""},
		{"NATO-landene er enige.", ""},
		{"Reuters: the bank held rates.", ""},
		{"EU - en union.", ""},
		{"A man said: yes.", ""},
	} {
		e := End(c.in, 0)
		got := ""
		if e >= 0 {
			got = c.in[e:]
		}
		if got != c.want {
			t.Errorf("%q: got %q want %q", c.in, got, c.want)
		}
	}
}
