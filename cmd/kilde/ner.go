package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/kilde-news/kilde/eval"
	"github.com/kilde-news/kilde/ner"
)

// nerRepoRoot is the directory holding go.mod, walking up from the
// working directory; the shared data is ../shared beside it.
func nerRepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory; pass --data")
		}
		dir = parent
	}
}

func nerSharedDir() (string, error) {
	s := eval.SharedDir()
	if _, err := os.Stat(s); err != nil {
		return "", fmt.Errorf("no shared data at %s; pass --data", s)
	}
	return s, nil
}

// nerDataFile is the CoNLL file of a language and split under shared.
func nerDataFile(shared, lang, split string) string {
	if lang == "en" {
		return filepath.Join(shared, "data", "ner", "en", "en_gum_"+split+".tsv")
	}
	return filepath.Join(shared, "data", "ner", "da", "da_news_"+split+".tsv")
}

func readNERFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := ner.ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

func runTrain(ctx context.Context, e *env, args []string) int {
	if len(args) > 0 && args[0] == "clusters" {
		return trainClusters(e, args[1:])
	}
	if len(args) == 0 || args[0] != "ner" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help" || args[0] == "-help") {
			fmt.Fprintf(e.stderr, "Usage: kilde train ner|clusters [flags]\n")
			return 0
		}
		fmt.Fprintf(e.stderr, "Usage: kilde train ner|clusters [flags]\n")
		return 2
	}
	fs := newFlags(e, "train ner", "", "Train the named-entity tagger on ../shared/data/ner/<lang>/ train, print dev F1 per epoch,\nkeep the epoch with the best dev F1, and write the model file.")
	lang := fs.String("lang", "da", "language: da or en")
	seed := fs.Int64("seed", 1, "shuffling seed")
	epochs := fs.Int("epochs", 15, "passes over the training data")
	out := fs.String("out", "", "model file to write (default ner/model/<lang>.bin under the repo root)")
	data := fs.String("data", "", "shared data directory (default ../shared beside the repo root)")
	runs := fs.Int("runs", 1, "train this many models with seeds seed, seed+1, ... and average their weights")
	repeat := fs.Int("repeat", 1, "use the language's own training sentences this many times (weights them against --add-train)")
	extra := fs.String("add-train", "", "another CoNLL file to add to the training data (e.g. the other language's train split)")
	minAbs := fs.Float64("min-abs", 0, "drop feature rows whose largest averaged weight is below this")
	final := fs.Bool("final", false, "train the shipped model: the language's dev split is added to the training data\n(repeated like train), no epoch selection: exactly --epochs passes and the O bias --o-bias,\nboth chosen on dev by an earlier run without --final")
	oBias := fs.Float64("o-bias", 0, "O-label bias stored with --final (a non --final run tunes it on dev and prints it)")
	clusters := fs.String("clusters", "", "word cluster table made by `kilde train clusters` (\"\": none)")
	dict := fs.String("dict", "", "hunspell .dic word list used as a feature, e.g. "+defaultHunspellDa+" (Debian package hunspell-da; \"\": none)")
	typed := fs.String("dict-typed", "", "file of \"word<TAB>type letters\" lines (O org, T place, A first name, C surname, M other) added to the dictionary feature")
	placeFlag := fs.String("dict-place-flag", "54", "hunspell flag that marks place names in --dict (da_DK: 54; \"\": none)")
	if code, ok := parseFlags(fs, args[1:]); !ok {
		return code
	}
	if *lang != "da" && *lang != "en" {
		fmt.Fprintf(e.stderr, "kilde train ner: --lang must be da or en\n")
		return 2
	}
	shared := *data
	if shared == "" {
		var err error
		if shared, err = nerSharedDir(); err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
			return 1
		}
	}
	if *out == "" {
		root, err := nerRepoRoot()
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
			return 1
		}
		*out = filepath.Join(root, "ner", "model", *lang+".bin")
	}
	train, err := readNERFile(nerDataFile(shared, *lang, "train"))
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	dev, err := readNERFile(nerDataFile(shared, *lang, "dev"))
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	if *final {
		train = append(train, dev...)
		dev = nil
	}
	own := train
	for i := 1; i < *repeat; i++ {
		train = append(train, own...)
	}
	if *extra != "" {
		more, err := readNERFile(*extra)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
			return 1
		}
		train = append(train, more...)
	}
	gf, err := os.Open(filepath.Join(shared, "data", "gazetteer", "world-cities.csv"))
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	gaz, err := ner.ReadGazetteer(gf)
	gf.Close()
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	var clusterLines, dictWords []string
	if *clusters != "" {
		b, err := os.ReadFile(*clusters)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: --clusters: %v (make it with `kilde train clusters`)\n", err)
			return 1
		}
		clusterLines = splitNonEmpty(string(b))
	}
	if *dict != "" {
		f, err := os.Open(*dict)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: --dict: %v (Debian: apt-get install hunspell-da)\n", err)
			return 1
		}
		dictWords, err = ner.ReadHunspellDic(f, *placeFlag)
		f.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
			return 1
		}
	}
	if *typed != "" {
		b, err := os.ReadFile(*typed)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train ner: --dict-typed: %v\n", err)
			return 1
		}
		dictWords = append(dictWords, splitNonEmpty(string(b))...)
	}
	start := time.Now()
	cmdline := fmt.Sprintf("kilde train ner --lang %s --seed %d --epochs %d --runs %d --min-abs %g", *lang, *seed, *epochs, *runs, *minAbs)
	if *extra != "" {
		cmdline += fmt.Sprintf(" --repeat %d --add-train %s", *repeat, filepath.Base(*extra))
	}
	if *clusters != "" {
		cmdline += fmt.Sprintf(" --clusters %s (%d words)", filepath.Base(*clusters), len(clusterLines))
	}
	if *dict != "" {
		cmdline += fmt.Sprintf(" --dict %s (%d words)", *dict, len(dictWords))
	}
	trainName := filepath.Base(nerDataFile(shared, *lang, "train"))
	if *final {
		cmdline += fmt.Sprintf(" --final --o-bias %g", *oBias)
		trainName += " + " + filepath.Base(nerDataFile(shared, *lang, "dev"))
	}
	m, err := ner.Train(train, dev, ner.TrainOptions{
		Epochs: *epochs, Seed: *seed, Runs: *runs, MinAbs: float32(*minAbs), Gazetteer: gaz, OBias: float32(*oBias),
		Clusters: clusterLines, Dict: dictWords,
		Meta: ner.Meta{Lang: *lang, Command: cmdline, Train: trainName, Final: *final,
			Gazetteer: "GeoNames world-cities.csv (CC BY 4.0, © GeoNames): city, country and region names; CLDR country names (Unicode License); lexicon/all/ner_orgs.txt, lexicon/da/ner_places.tsv, lexicon/all/quote_firstnames.tsv (MIT)"},
		Progress: func(ep int, t eval.Table, rows int) {
			if t == nil {
				fmt.Fprintf(e.stdout, "epoch %2d  (train+dev, no dev score; %d feature rows, %s)\n", ep, rows, time.Since(start).Round(time.Millisecond))
				return
			}
			mi := t.Micro()
			if ep == 0 {
				fmt.Fprintf(e.stdout, "average of %d runs  dev P %5.1f R %5.1f F1 %5.1f  (%d feature rows, %s)\n", *runs, 100*mi.Precision(), 100*mi.Recall(), 100*mi.F1(), rows, time.Since(start).Round(time.Millisecond))
				return
			}
			fmt.Fprintf(e.stdout, "epoch %2d  dev P %5.1f R %5.1f F1 %5.1f  (%d feature rows, %s)\n", ep, 100*mi.Precision(), 100*mi.Recall(), 100*mi.F1(), rows, time.Since(start).Round(time.Millisecond))
		},
	})
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: %v\n", err)
		return 1
	}
	n, err := m.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train ner: write %s: %v\n", *out, err)
		return 1
	}
	if *final {
		fmt.Fprintf(e.stdout, "final model: epoch %d, O bias %g, trained on train+dev; wrote %s (%.1f MB) in %s\n", m.Meta.Epochs, m.Meta.OBias, *out, float64(n)/1e6, time.Since(start).Round(time.Millisecond))
		return 0
	}
	fmt.Fprintf(e.stdout, "kept epoch %d of the last run, O bias %g (tuned on dev); dev F1 of the model written %.1f; wrote %s (%.1f MB) in %s\n", m.Meta.Epochs, m.Meta.OBias, 100*m.Meta.DevF1, *out, float64(n)/1e6, time.Since(start).Round(time.Millisecond))
	return 0
}

func evalNER(ctx context.Context, e *env, args []string) int {
	fs := newFlags(e, "eval ner", "", "Tag a CoNLL file (token<TAB>label, blank line between sentences) and print exact-span\nP/R/F1 per label and micro (CoNLL), plus words/s. Default: the language's test split in ../shared.")
	lang := fs.String("lang", "da", "language of the model: da or en")
	conll := fs.String("conll", "", "CoNLL file to score (default ../shared/data/ner/<lang>/…_test.tsv)")
	split := fs.String("split", "test", "split to score when --conll is not given: dev or test")
	model := fs.String("model", "", "model file (default the embedded model of --lang)")
	data := fs.String("data", "", "shared data directory (default ../shared beside the repo root)")
	pipeline := fs.Bool("pipeline", false, "score the whole annotator (tagger + rules + propagation + label vote) instead of the tagger alone;\nEnglish GUM documents are kept together (en_gum_docs.tsv), each Danish sentence is its own document")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	var m *ner.Model
	var err error
	if *model != "" {
		var f *os.File
		if f, err = os.Open(*model); err == nil {
			m, err = ner.Load(f)
			f.Close()
		}
	} else {
		m, err = ner.Default(*lang)
	}
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval ner: %v\n", err)
		return 1
	}
	path := *conll
	if path == "" {
		shared := *data
		if shared == "" {
			if shared, err = nerSharedDir(); err != nil {
				fmt.Fprintf(e.stderr, "kilde eval ner: %v\n", err)
				return 1
			}
		}
		path = nerDataFile(shared, *lang, *split)
	}
	sents, err := readNERFile(path)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde eval ner: %v\n", err)
		return 1
	}
	start := time.Now()
	var t eval.Table
	var words int
	if *pipeline {
		a, err := ner.New()
		if err == nil && *model != "" {
			if *lang == "en" {
				a, err = ner.NewWith(nil, m)
			} else {
				a, err = ner.NewWith(m, nil)
			}
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde eval ner: %v\n", err)
			return 1
		}
		var docs []int
		if *lang == "en" && *conll == "" {
			docs = nerGUMDocs(filepath.Join(filepath.Dir(path), "en_gum_docs.tsv"), *split)
		}
		start = time.Now()
		t, words = ner.EvaluateDocs(a, sents, docs, *lang)
	} else {
		t, words = ner.Evaluate(m, sents)
	}
	el := time.Since(start)
	fmt.Fprintf(e.stdout, "%s (%d sentences, %d words), model %s %q\n", path, len(sents), words, m.Meta.Lang, strings.TrimSpace(m.Meta.Command))
	t.Print(e.stdout)
	fmt.Fprintf(e.stdout, "speed      %.0f words/s (one goroutine, incl. scoring)\n", float64(words)/el.Seconds())
	return 0
}

// nerGUMDocs reads the sentence counts of the documents of split from the GUM
// manifest (split, doc id, genre, licence, first sentence, sentences), in
// order of first sentence; nil if it cannot be read.
func nerGUMDocs(path, split string) []int {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	type doc struct{ first, n int }
	var ds []doc
	for _, line := range strings.Split(string(b), "\n")[1:] {
		c := strings.Split(line, "\t")
		if len(c) < 6 || c[0] != split {
			continue
		}
		var d doc
		if _, err := fmt.Sscan(c[4], &d.first); err != nil {
			continue
		}
		if _, err := fmt.Sscan(c[5], &d.n); err != nil {
			continue
		}
		ds = append(ds, d)
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i].first < ds[j].first })
	out := make([]int, len(ds))
	for i, d := range ds {
		out[i] = d.n
	}
	return out
}

// Danish running text and word lists from Debian packages (see
// ner/model/README.md for their licenses).
const (
	defaultTextDa     = "/usr/share/libreoffice/help/da"
	defaultHunspellDa = "/usr/share/hunspell/da_DK.dic"
)

func splitNonEmpty(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimRight(l, "\r"); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

// trainClusters builds the word cluster table of `kilde train ner
// --clusters` from unlabeled running text plus the words of the training
// split(s), never dev or test.
func trainClusters(e *env, args []string) int {
	fs := newFlags(e, "train clusters", "", "Cluster the frequent words of unlabeled text (HTML or .txt files under --text) and of\nthe training split of --lang (plus --add-train) by their left/right neighbours; write\n\"word<TAB>cluster id\" lines for `kilde train ner --clusters`.")
	lang := fs.String("lang", "da", "language whose training split is added to the text: da or en")
	text := fs.String("text", defaultTextDa, "comma-separated directories of running text (default: Debian package libreoffice-help-da)")
	extra := fs.String("add-train", "", "another CoNLL file whose words are added (e.g. ../shared/data/ner/en/en_gum_train.tsv)")
	data := fs.String("data", "", "shared data directory (default ../shared beside the repo root)")
	out := fs.String("out", "", "file to write (required)")
	seed := fs.Int64("seed", 1, "projection and k-means seed")
	words := fs.Int("words", 40000, "cluster at most this many most frequent words")
	minCount := fs.Int("min-count", 3, "and only words seen at least this often")
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *out == "" {
		fmt.Fprintf(e.stderr, "kilde train clusters: --out is required\n")
		return 2
	}
	var dirs []string
	for _, d := range strings.Split(*text, ",") {
		if d = strings.TrimSpace(d); d != "" {
			if _, err := os.Stat(d); err != nil {
				fmt.Fprintf(e.stderr, "kilde train clusters: --text %s: %v (Debian: apt-get install --no-install-recommends libreoffice-help-da)\n", d, err)
				return 1
			}
			dirs = append(dirs, d)
		}
	}
	start := time.Now()
	sents, err := ner.ReadTextDirs(dirs)
	if err != nil {
		fmt.Fprintf(e.stderr, "kilde train clusters: %v\n", err)
		return 1
	}
	ntext := len(sents)
	shared := *data
	if shared == "" {
		if shared, err = nerSharedDir(); err != nil {
			fmt.Fprintf(e.stderr, "kilde train clusters: %v\n", err)
			return 1
		}
	}
	files := []string{nerDataFile(shared, *lang, "train")}
	if *extra != "" {
		files = append(files, *extra)
	}
	for _, p := range files {
		ss, err := readNERFile(p)
		if err != nil {
			fmt.Fprintf(e.stderr, "kilde train clusters: %v\n", err)
			return 1
		}
		for _, s := range ss {
			sents = append(sents, s.Words)
		}
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s)
	}
	lines := ner.BuildClusters(sents, ner.ClusterOptions{Words: *words, MinCount: *minCount, Seed: *seed})
	if err := os.WriteFile(*out, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "kilde train clusters: %v\n", err)
		return 1
	}
	fmt.Fprintf(e.stdout, "%d paragraphs of text + %d training sentences, %d tokens; %d words clustered; wrote %s in %s\n",
		ntext, len(sents)-ntext, tokens, len(lines), *out, time.Since(start).Round(time.Millisecond))
	return 0
}
